import { describe, expect, it } from 'vitest';
import { ErrorCode, listFilter } from '../../../core/contract';
import { call, failure, intakeInput, makeServices, organisation, setupVault, tempDataDir } from '../testing/support';

// Text that would reach a signed letter or a screen as an escape sequence, a reordering or an
// invisible character is refused where it is typed, in Japanese, and nothing is stored.
describe('hostile text', () => {
  it('refuses control, bidi and zero-width characters in intake, decisions, comments and the organisation', async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const base = intakeInput();
    const attacks = [
      { principal: { ...base.principal, name: '山田\u001b[31m太郎' } },
      { principal: { ...base.principal, address: '東京都千代田区\u202e1-1' } },
      { principal: { ...base.principal, name: '山\u200b田 太郎' } },
      { replyAddress: '東京都\u0000千代田区' },
      { principal: { ...base.principal, address: '東京都千代田区千代田1-1\n大阪府' } },
    ];
    for (const a of attacks) {
      const refused = await failure(call(s, 'intake.create', { ...base, ...a }));
      expect(refused.code).toBe(ErrorCode.BAD_INPUT);
      expect(refused.issues?.[0]?.message).toMatch(/に入力できない文字（制御文字・書式制御文字 U\+[0-9A-F]{4}）/);
    }
    expect((await call(s, 'requests.list', listFilter())).total).toBe(0);

    const r = await call(s, 'intake.create', base);
    const comment = await failure(
      call(s, 'requests.transition', { id: r.id, action: 'decline', comment: '理由\u202eです' }),
    );
    expect(comment.code).toBe(ErrorCode.BAD_INPUT);
    expect((await call(s, 'requests.get', { id: r.id })).status).toBe('received');

    const org = await failure(
      call(s, 'settings.updateOrganisation', { ...organisation, officerName: '見本\u0007花子' }),
    );
    expect(org.code).toBe(ErrorCode.BAD_INPUT);
    expect((await call(s, 'settings.get', {})).organisation.officerName).toBe(organisation.officerName);
    await s.close();
  });
});
