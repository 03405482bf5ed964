import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import { insertDispatch, insertEvent } from '../db/repositories/requests';
import {
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';
import { SigningMaterial } from './signing';

// Issue 30 §4: a decision letter is finalized only under the approval the decision stands on
// when the letter is stored (not merely when finalizing began), a 差し戻し retires the letters of
// the earlier approval, and once the answer is sent no decision letter is issued anew.

const NOW = new Date('2026-11-22T01:00:00Z');

// A 開示 request in 回答準備: drafted by admin, approved by shonin, who is logged in at the end.
async function approved() {
  const s = makeServices(tempDataDir(), { clock: () => NOW });
  await setupVault(s);
  const r = await call(s, 'intake.create', intakeInput());
  for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
    await call(s, 'requests.transition', { id: r.id, action, comment: '' });
  }
  await call(s, 'requests.saveDecision', {
    id: r.id,
    kind: 'disclosure',
    decision: { ...emptyDecision(), outcome: 'full', disclosed: '氏名、住所、購入履歴' },
  });
  await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
  await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
  await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
  return { s, id: r.id };
}

// Runs `during` while finalize awaits its signer (where the annexes and the render take seconds).
function duringFinalize(during: () => Promise<void>) {
  vi.spyOn(SigningMaterial.prototype, 'signer').mockImplementationOnce(async () => {
    await during();
    return null;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decision letters and the approval', () => {
  it('a 差し戻し during finalize: refused where the letter is stored, no letter, no number used', async () => {
    const { s, id } = await approved();
    duringFinalize(async () => {
      await call(s, 'requests.transition', { id, action: 'sendBack', comment: '理由を具体的に' });
    });
    const e = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' }));
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect(e.message).toContain('決裁が差し戻された');
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toEqual([]);
    await s.close();
  });

  it('sent back, changed and approved again during finalize: the letter of the old decision is not stored', async () => {
    const { s, id } = await approved();
    duringFinalize(async () => {
      await call(s, 'requests.transition', { id, action: 'sendBack', comment: '範囲を狭める' });
      await switchTo(s, 'admin', ADMIN_PASSWORD);
      await call(s, 'requests.saveDecision', {
        id,
        kind: 'disclosure',
        decision: { ...emptyDecision(), outcome: 'full', disclosed: '購入履歴のみ' },
      });
      await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
      await switchTo(s, 'shonin', OTHER_PASSWORD);
      await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
    });
    const e = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' }));
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toEqual([]);
    // The number was not used: the letter of the decision approved now takes the first one.
    const done = await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    expect(done.documentNo).toBe('個保第1号');
    await s.close();
  });

  it('after a 差し戻し and a new approval the decision letter is finalized anew, the earlier one kept as superseded', async () => {
    const { s, id } = await approved();
    const first = await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    await call(s, 'requests.transition', { id, action: 'sendBack', comment: '理由を具体的に' });
    let info = await call(s, 'letters.list', { requestId: id });
    expect(info.finalized.map((f) => [f.documentNo, f.superseded])).toEqual([[first.documentNo, true]]);
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
    info = await call(s, 'letters.list', { requestId: id });
    expect(info.available.find((a) => a.kind === 'disclosureDecision')).toMatchObject({
      action: 'finalize',
      blocked: null,
    });
    expect((await call(s, 'letters.pending', {})).map((p) => p.kind)).toEqual(['disclosureDecision']);
    // Not a 再発行 of a letter never sent: a letter of its own, with no reason asked.
    const second = await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    info = await call(s, 'letters.list', { requestId: id });
    expect(info.finalized.map((f) => [f.documentNo, f.superseded])).toEqual([
      [first.documentNo, true],
      [second.documentNo, false],
    ]);
    expect(info.available.find((a) => a.kind === 'disclosureDecision')?.action).toBe('reissue');
    await s.close();
  });

  it('once the answer is sent, no decision letter is finalized anew: only a 再発行, and the page offers no 確定する', async () => {
    const { s, id } = await approved();
    // A reply recorded as sent without a letter, as an earlier version allowed.
    const at = NOW.toISOString();
    await s.vault.write('requests.dispatch', id, 'test', async (db) => {
      await insertDispatch(db, {
        id: 'legacy',
        requestId: id,
        data: JSON.stringify({ letter: '決定通知書', sentOn: '2026-11-22', method: 'post', trackingNo: '' }),
        by: 'x',
        at,
      });
      await insertEvent(db, {
        requestId: id,
        at,
        day: '2026-11-22',
        accountId: 'x',
        action: 'recordDispatch',
        from: 'preparingAnswer',
        to: 'sent',
        comment: '',
        closedOn: null,
      });
    });
    const info = await call(s, 'letters.list', { requestId: id });
    const decision = info.available.find((a) => a.kind === 'disclosureDecision');
    expect(decision?.action).toBe('none');
    expect(decision?.blocked).toContain('発送済み');
    const e = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' }));
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect(e.message).toContain('発送済み');
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toEqual([]);
    await s.close();
  });

  it('sent with its letter: 再発行 only, with a reason', async () => {
    const { s, id } = await approved();
    const letter = await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    await call(s, 'requests.addDispatch', {
      id,
      dispatch: {
        letter: `開示決定通知書（${letter.documentNo}）`,
        sentOn: '2026-11-22',
        method: 'post',
        trackingNo: '',
      },
    });
    await call(s, 'requests.transition', { id, action: 'recordDispatch', comment: '' });
    const info = await call(s, 'letters.list', { requestId: id });
    expect(info.available.find((a) => a.kind === 'disclosureDecision')).toMatchObject({
      action: 'reissue',
      blocked: null,
    });
    const e = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' }));
    expect(e.message).toContain('再発行の理由');
    const again = await call(s, 'letters.finalize', {
      requestId: id,
      kind: 'disclosureDecision',
      reissueReason: '郵便事故のため',
    });
    expect(again.documentNo).not.toBe(letter.documentNo);
    await s.close();
  });
});
