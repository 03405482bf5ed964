import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfText } from '../testing/pdf-text';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision, type Decision } from '../../../core/domain/decisions';
import { PadesSigner } from '../pdf/sign';
import { makeP12 } from '../pdf/test-certificate';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  OTHER_PASSWORD,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';
import type { Services } from '../composition';

// Letters that carry a decision wait for its approval, approval stays 4-eyes whoever re-saves,
// an approved decision cannot change, and a second issue of a letter is an explicit 再発行.

const NOW = new Date('2026-11-24T01:00:00Z');
const full: Decision = { ...emptyDecision(), outcome: 'full', disclosed: '氏名、住所、購入履歴' };

async function drafting(opens: string[] = []) {
  const s = makeServices(tempDataDir(), {
    clock: () => NOW,
    dialogs: { openFile: () => Promise.resolve(opens.shift() ?? null), saveFile: () => Promise.resolve(null) },
  });
  await setupVault(s);
  const r = await call(s, 'intake.create', intakeInput());
  for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
    await call(s, 'requests.transition', { id: r.id, action, comment: '' });
  }
  return { s, id: r.id };
}

async function approve(s: Services, id: string) {
  await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
  await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
  await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
  await switchTo(s, 'admin', ADMIN_PASSWORD);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('approval before a decision letter', () => {
  it('refuses to finalize a decision letter while the decision is drafted or awaiting approval, and says why', async () => {
    const { s, id } = await drafting();
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: full });
    const info = await call(s, 'letters.list', { requestId: id });
    const letter = info.available.find((a) => a.kind === 'disclosureDecision');
    expect(letter?.blocked).toContain('承認（決裁）されていない');
    // A draft can be looked at meanwhile.
    expect(pdfText((await call(s, 'letters.preview', { requestId: id, kind: 'disclosureDecision' })).base64)).toContain(
      '確定時に採番',
    );
    const refused = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' }));
    expect(refused.code).toBe(ErrorCode.CONFLICT);
    expect(refused.message).toContain('決裁の後に確定してください');

    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    const waiting = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' }));
    expect(waiting.code).toBe(ErrorCode.CONFLICT);
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toEqual([]);
    await s.close();
  });

  it('counts everyone who ever saved the decision as a drafter: a colleague re-saving does not let the drafter approve', async () => {
    const { s, id } = await drafting();
    // An approver drafts the decision …
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: full });
    // … a colleague saves it again unchanged and submits it …
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: full });
    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    // … and the approver who drafted still cannot approve it.
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    const refused = await failure(call(s, 'requests.transition', { id, action: 'approve', comment: '' }));
    expect(refused.message).toBe('起案者本人は承認できません（別の承認者による決裁が必要です）。');
    const detail = await call(s, 'requests.get', { id });
    expect(detail.status).toBe('awaitingApproval');
    expect(detail.actionChecks['approve']).toBe('起案者本人は承認できません（別の承認者による決裁が必要です）。');
    await s.close();
  });

  it('refuses any change to a decision once submitted or approved', async () => {
    const { s, id } = await drafting();
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: full });
    await approve(s, id);
    const changed = { ...full, outcome: 'refused' as const, grounds: ['a33-2-2' as const], reason: '支障' };
    const refused = await failure(call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: changed }));
    expect(refused.code).toBe(ErrorCode.CONFLICT);
    expect((await call(s, 'requests.get', { id })).decisions[0]?.decision.outcome).toBe('full');
    // Sent back by an approver, it is drafted again and must be approved again before its letter.
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'sendBack', comment: '不開示とすべき部分があるため' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: changed });
    expect((await call(s, 'letters.list', { requestId: id })).available.map((a) => a.kind)).toContain('nonDisclosure');
    const early = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'nonDisclosure' }));
    expect(early.code).toBe(ErrorCode.CONFLICT);
    await s.close();
  });
});

describe('the 承認者 role alone', () => {
  it('reads requests and approves them, but administers nothing', async () => {
    const { s, id } = await drafting();
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: full });
    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'kessai', ['approver'], '決裁 四郎');
    const board = await call(s, 'requests.dashboard', {});
    expect(JSON.stringify(board)).toContain(id);
    expect((await call(s, 'requests.get', { id })).status).toBe('awaitingApproval');
    await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
    expect((await call(s, 'requests.get', { id })).status).toBe('preparingAnswer');
    expect((await failure(call(s, 'accounts.list', {}))).code).toBe(ErrorCode.FORBIDDEN);
    await s.close();
  });
});

describe('finalizing', () => {
  it('issues a finalized letter again only as a 再発行 with a reason, audited and printed on the letter', async () => {
    const { s, id } = await drafting();
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: full });
    await approve(s, id);
    const first = await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    const again = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' }));
    expect(again.code).toBe(ErrorCode.CONFLICT);
    expect(again.message).toContain(`文書番号「${first.documentNo}」で確定済みです`);
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toHaveLength(1);

    const noReason = await failure(
      call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision', reissueReason: '  ' }),
    );
    expect(noReason.code).toBe(ErrorCode.BAD_INPUT);
    const neverIssued = await failure(
      call(s, 'letters.finalize', { requestId: id, kind: 'receipt', reissueReason: '汚損のため' }),
    );
    expect(neverIssued.message).toBe('まだ確定していない書類は再発行できません。');

    const reissued = await call(s, 'letters.finalize', {
      requestId: id,
      kind: 'disclosureDecision',
      reissueReason: '郵便事故により不着のため',
    });
    expect(reissued.documentNo).not.toBe(first.documentNo);
    const text = pdfText((await call(s, 'letters.content', { id: reissued.id })).base64);
    expect(text).toContain(`再発行（原文書番号${first.documentNo}）`);
    const audit = await call(s, 'audit.list', { offset: 0, limit: 200 });
    expect(audit.entries.filter((e) => e.action === 'letters.reissue')).toHaveLength(1);
    await s.close();
  });

  it('uses no document number when signing fails, and says so in Japanese', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-approval-'));
    makeP12(work, 'pass');
    const { s, id } = await drafting([join(work, 'id.p12')]);
    await call(s, 'letters.importCertificate', { passphrase: 'pass' });
    const sign = vi.spyOn(PadesSigner.prototype, 'sign').mockRejectedValueOnce(new Error('token removed'));
    const failed = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'receipt' }));
    expect(sign).toHaveBeenCalledTimes(1);
    expect(failed.message).toContain('文書番号は使われていません');
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toEqual([]);
    const done = await call(s, 'letters.finalize', { requestId: id, kind: 'receipt' });
    expect(done).toMatchObject({ documentNo: '個保第1号', signed: true });
    await s.close();
  });

  it('has an approver other than the one who declined finalize the 応じられない letter', async () => {
    const { s, id } = await drafting();
    await call(s, 'requests.transition', { id, action: 'decline', comment: '当社所定の請求書によらないため。' });
    const self = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'declined' }));
    expect(self.message).toBe('応じられない旨を記録した方とは別の承認者が確定してください。');
    await switchToNewAccount(s, 'tanto', ['staff'], '担当 三郎');
    const staff = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'declined' }));
    expect(staff.message).toContain('承認者のアカウントで確定してください');
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    const done = await call(s, 'letters.finalize', { requestId: id, kind: 'declined' });
    const text = pdfText((await call(s, 'letters.content', { id: done.id })).base64);
    expect(text).toContain('第37条第1項');
    await s.close();
  });

  it('records what became of the ID copies on a withdrawn request, and its letter says so', async () => {
    const { s, id } = await drafting();
    await call(s, 'requests.transition', { id, action: 'withdraw', comment: '取下書の受領' });
    await call(s, 'requests.recordDisposal', { id, method: 'returned', date: '2026-11-24' });
    const twice = await failure(call(s, 'requests.recordDisposal', { id, method: 'destroyed', date: '2026-11-24' }));
    expect(twice.code).toBe(ErrorCode.CONFLICT);
    const done = await call(s, 'letters.finalize', { requestId: id, kind: 'withdrawal' });
    const text = pdfText((await call(s, 'letters.content', { id: done.id })).base64);
    expect(text).toContain('本人確認書類等の写しは、本通知に同封して返却いたします');
    expect(text).toContain('手数料');
    await s.close();
  });
});
