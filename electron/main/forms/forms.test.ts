import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import type { FormRequestInput } from '../../../core/domain/form-requests';
import { pdfText } from '../testing/pdf-text';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

// The company's 請求書 sent on request: logged, its cover letter printed under the company's own
// rules, marked sent, linked to the request that came back; bad input changes nothing, and the
// audit log names no one.

const NOW = new Date('2026-11-24T01:00:00Z');
const asked: FormRequestInput = {
  requestedOn: '2026-11-20',
  askedBy: 'phone',
  name: '送付 花子',
  postalCode: '100-0001',
  address: '東京都千代田区千代田9-9',
  kinds: ['disclosure'],
  note: '',
};

async function ready() {
  const s = makeServices(tempDataDir(), { clock: () => NOW });
  await setupVault(s);
  return s;
}

describe('the 請求書 sent on request', () => {
  it('is logged with a 送付番号, refused when wrong, and prints a cover letter with the rules', async () => {
    const s = await ready();
    for (const bad of [
      { ...asked, name: '' },
      { ...asked, requestedOn: '2026-12-24' },
      { ...asked, postalCode: '12' },
      { ...asked, askedBy: 'pigeon' },
    ]) {
      const e = await failure(call(s, 'forms.create', bad as never));
      expect(e.code).toBe(ErrorCode.BAD_INPUT);
      expect(e.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    expect(await call(s, 'forms.list', {})).toEqual([]);

    const first = await call(s, 'forms.create', asked);
    const second = await call(s, 'forms.create', { ...asked, name: '送付 次郎' });
    expect([first.number, second.number]).toEqual(['F-2026-0001', 'F-2026-0002']);
    expect((await call(s, 'forms.list', {})).map((f) => f.data.name)).toEqual(['送付 次郎', '送付 花子']);

    const intake = (await call(s, 'settings.get', {})).intake;
    await call(s, 'settings.updateIntake', { ...intake, rules: { identityRule: 'anyOne' } });
    const text = pdfText((await call(s, 'forms.coverLetter', { id: first.id })).base64);
    expect(text).toContain('保有個人データの開示等の請求書の送付について');
    expect(text).toContain('送付花子様');
    expect(text).toContain('F-2026-0001');
    expect(text).toContain('のいずれか1点');
    expect(text).toContain('1,000円');
    // One page: the numbering 「1 / 2」 appears only on a letter of several pages.
    expect(text).not.toContain('1/2');

    const late = await failure(
      call(s, 'forms.markSent', { id: first.id, sent: { sentOn: '2026-11-19', sentBy: 'post' } }),
    );
    expect(late.message).toBe('送付日がお申出の日より前になっています。');
    const sent = await call(s, 'forms.markSent', { id: first.id, sent: { sentOn: '2026-11-21', sentBy: 'post' } });
    expect(sent.sent).toEqual({ sentOn: '2026-11-21', sentBy: 'post' });

    const missing = await failure(call(s, 'forms.link', { id: first.id, receiptNo: '2026-9999' }));
    expect(missing.message).toContain('請求が見つかりません');
    const r = await call(s, 'intake.create', intakeInput());
    const linked = await call(s, 'forms.link', { id: first.id, receiptNo: r.receiptNo });
    expect(linked).toMatchObject({ requestId: r.id, receiptNo: r.receiptNo });

    await call(s, 'forms.remove', { id: second.id });
    expect((await call(s, 'forms.list', {})).map((f) => f.number)).toEqual(['F-2026-0001']);

    // The audit log records each step by id, and never the person's name or address.
    const audit = (
      await s.vault
        .q()
        .selectFrom('audit_log')
        .select('summary')
        .where('action', '=', 'forms.request')
        .orderBy('id')
        .execute()
    ).map((r) => r.summary);
    expect(audit).toEqual([
      'action=create',
      'action=create',
      'action=sent method=post',
      'action=link',
      'action=remove',
    ]);
    const everything = await s.vault.q().selectFrom('audit_log').select('summary').execute();
    expect(everything.length).toBeGreaterThan(5);
    expect(JSON.stringify(everything)).not.toContain('送付');
    await s.close();
  });

  it('lets the retention purge remove a 送付依頼 that never led to a request, once the period is over', async () => {
    const s = await ready();
    await call(s, 'retention.updateSettings', { completedYears: 1, idCopyDays: 30 });
    const old = await call(s, 'forms.create', { ...asked, requestedOn: '2025-10-01' });
    const linked = await call(s, 'forms.create', { ...asked, requestedOn: '2025-09-01' });
    const r = await call(s, 'intake.create', intakeInput());
    await call(s, 'forms.link', { id: linked.id, receiptNo: r.receiptNo });
    await call(s, 'forms.create', asked);
    const preview = await call(s, 'retention.get', {});
    expect(preview.forms).toEqual([{ number: old.number, requestedOn: '2025-10-01' }]);
    // The list must be the one shown: a caller that saw no 送付依頼 changes nothing.
    expect((await failure(call(s, 'retention.purge', { requests: 0, idCopies: 0 }))).code).toBe(ErrorCode.CONFLICT);
    expect(await call(s, 'retention.purge', { requests: 0, idCopies: 0, forms: 1 })).toEqual({
      requests: 0,
      idCopies: 0,
      forms: 1,
    });
    expect((await call(s, 'forms.list', {})).map((f) => f.number)).not.toContain(old.number);
    expect((await call(s, 'forms.list', {})).map((f) => f.number)).toContain(linked.number);
    await s.close();
  });
});
