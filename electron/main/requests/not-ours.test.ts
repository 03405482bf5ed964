import { pdfText } from '../testing/pdf-text';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision, type Decision } from '../../../core/domain/decisions';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// A request about data the company holds only as a 委託先: the 委託元 list in the settings, the
// decision that names one, no fee (the money sent goes back), and the letter that refers the
// person to the 委託元's window without citing an article.

const NOW = new Date('2026-11-24T01:00:00Z');
const window = '株式会社見本通販 お客様窓口\n電話 0120-111-222';

describe('data held for a 委託元', () => {
  it('keeps the 委託元 list, refusing one without a name and changing nothing', async () => {
    const s = makeServices(tempDataDir(), { clock: () => NOW });
    await setupVault(s);
    const before = (await call(s, 'settings.get', {})).processing;
    const e = await failure(
      call(s, 'settings.updateProcessing', { ...before, trustors: [{ name: '', window: '電話 0120-111-222' }] }),
    );
    expect(e.code).toBe(ErrorCode.BAD_INPUT);
    expect(e.issues?.map((i) => i.message)).toContain('委託元の名称を入力してください。');
    expect((await call(s, 'settings.get', {})).processing).toEqual(before);
    const trustors = [{ name: '株式会社見本通販', window }];
    await call(s, 'settings.updateProcessing', { ...before, trustors });
    expect((await call(s, 'settings.get', {})).processing.trustors).toEqual(trustors);
  });

  it('is answered 「当社の保有個人データに当たらない」 with no fee and a letter naming the window', async () => {
    const s = makeServices(tempDataDir(), { clock: () => NOW });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    expect(r.fee).toMatchObject({ due: 1000, toReturn: 0 });
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    const notOurs: Decision = { ...emptyDecision(), outcome: 'notOurs', trustorName: '株式会社見本通販' };
    const e = await failure(call(s, 'requests.saveDecision', { id: r.id, kind: 'disclosure', decision: notOurs }));
    expect(e.code).toBe(ErrorCode.BAD_INPUT);
    expect(e.message).toContain('委託元の窓口');
    expect((await call(s, 'requests.get', { id: r.id })).decisions).toEqual([]);

    const saved = await call(s, 'requests.saveDecision', {
      id: r.id,
      kind: 'disclosure',
      decision: { ...notOurs, trustorWindow: window },
    });
    // The fee is not charged: the 1,000円 received is to be returned before the request closes.
    expect(saved.fee).toMatchObject({ due: 0, status: 'notRequired', toReturn: 1000 });
    const available = (await call(s, 'letters.list', { requestId: r.id })).available.map((a) => a.kind);
    expect(available).toContain('notOurs');
    expect(available).not.toContain('disclosureDecision');

    await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const text = pdfText((await call(s, 'letters.preview', { requestId: r.id, kind: 'notOurs' })).base64);
    expect(text).toContain('当社の保有個人データには当たりません');
    expect(text).toContain('株式会社見本通販お客様窓口');
    expect(text).toContain('手数料は要しません');
    expect(text).not.toMatch(/第\d+条/);
  });
});
