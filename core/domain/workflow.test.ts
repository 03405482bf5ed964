import { describe, expect, it } from 'vitest';
import {
  actions,
  canRecord,
  actionsFrom,
  closedStates,
  endedDayLabel,
  primaryActions,
  states,
  transition,
  type Action,
  type State,
  type TransitionContext,
  answerOverdue,
  overdueNote,
} from './workflow';

const ready: TransitionContext = {
  actorId: 'approver',
  actorCanApprove: true,
  identity: 'verified',
  awaitingOriginals: false,
  fee: 'paid',
  cureDeadlinePassed: false,
  extraDefects: 0,
  allKindsDecided: true,
  drafterIds: ['drafter'],
  comment: '',
  dispatchRecorded: true,
  idDisposalRecorded: true,
  feeReturnPending: false,
  agencyEnded: null,
  searchMissing: null,
};

const allowed: [State, Action, State][] = [
  ['received', 'startCheck', 'checking'],
  ['checking', 'startInvestigation', 'investigating'],
  ['awaitingCure', 'cureReceived', 'checking'],
  ['investigating', 'startDraft', 'drafting'],
  ['drafting', 'submitForApproval', 'awaitingApproval'],
  ['awaitingApproval', 'approve', 'preparingAnswer'],
  ['preparingAnswer', 'recordDispatch', 'sent'],
  ['sent', 'complete', 'completed'],
];

describe('workflow', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action, ready)).toEqual({ ok: true, to });
  });

  it('refuses every action from a state it does not start from, saying so', () => {
    for (const from of states) {
      for (const action of Object.keys(actions) as Action[]) {
        if (actionsFrom(from).includes(action)) continue;
        const r = transition(from, action, ready);
        expect(r.ok, `${from} ${action}`).toBe(false);
        if (!r.ok) expect(r.reason).toMatch(/」の請求に「.+」はできません。$/);
      }
    }
  });

  it('leaves no way out of a closed state', () => {
    for (const s of closedStates) expect(actionsFrom(s)).toEqual([]);
  });

  it('asks for a 補正 only when something is missing', () => {
    expect(transition('checking', 'requestCure', ready)).toEqual({
      ok: false,
      reason: '補正を依頼する不備（本人確認書類・手数料・記載内容）がありません。',
    });
    expect(transition('checking', 'requestCure', { ...ready, identity: 'defective' })).toEqual({
      ok: true,
      to: 'awaitingCure',
    });
    expect(transition('checking', 'requestCure', { ...ready, fee: 'short' })).toEqual({ ok: true, to: 'awaitingCure' });
    expect(transition('checking', 'requestCure', { ...ready, identity: 'incomplete' })).toMatchObject({ ok: true });
    expect(transition('checking', 'requestCure', { ...ready, extraDefects: 1 })).toMatchObject({ ok: true });
  });

  it('starts the investigation only once identity is verified and the fee settled', () => {
    expect(transition('checking', 'startInvestigation', { ...ready, identity: 'incomplete' })).toMatchObject({
      ok: false,
    });
    expect(transition('checking', 'startInvestigation', { ...ready, fee: 'unpaid' })).toEqual({
      ok: false,
      reason: '手数料が不足しています。',
    });
    expect(transition('checking', 'startInvestigation', { ...ready, fee: 'notRequired' })).toMatchObject({ ok: true });
  });

  it('needs a decision for every kind before approval, and an approver who is not the drafter', () => {
    expect(transition('drafting', 'submitForApproval', { ...ready, allKindsDecided: false })).toMatchObject({
      ok: false,
    });
    expect(transition('awaitingApproval', 'approve', { ...ready, actorId: 'drafter' })).toEqual({
      ok: false,
      reason: '起案者本人は承認できません（別の承認者による決裁が必要です）。',
    });
    expect(transition('awaitingApproval', 'approve', { ...ready, actorCanApprove: false })).toMatchObject({
      ok: false,
      reason: '承認者の権限がありません。承認者のアカウントで決裁してください。',
    });
    expect(
      transition('awaitingApproval', 'sendBack', { ...ready, actorCanApprove: false, comment: '再確認' }),
    ).toMatchObject({ ok: false });
    // Anyone who drafted part of it counts as a drafter.
    expect(
      transition('awaitingApproval', 'approve', { ...ready, actorId: 'second', drafterIds: ['drafter', 'second'] }),
    ).toMatchObject({ ok: false });
  });

  it('sends back only with a comment, also after approval until the answer is sent', () => {
    const unsent = { ...ready, dispatchRecorded: false };
    expect(transition('awaitingApproval', 'sendBack', unsent)).toMatchObject({ ok: false });
    expect(transition('awaitingApproval', 'sendBack', { ...unsent, comment: '理由の記載が不足' })).toEqual({
      ok: true,
      to: 'drafting',
    });
    expect(transition('preparingAnswer', 'sendBack', { ...unsent, comment: '決定に誤り' })).toEqual({
      ok: true,
      to: 'drafting',
    });
    expect(transition('preparingAnswer', 'sendBack', { ...ready, comment: '決定に誤り' })).toEqual({
      ok: false,
      reason: '回答書の発送を記録した後は差し戻せません。',
    });
  });

  it('needs the dispatch and the ID disposal recorded', () => {
    expect(transition('preparingAnswer', 'recordDispatch', { ...ready, dispatchRecorded: false })).toMatchObject({
      ok: false,
    });
    expect(transition('sent', 'complete', { ...ready, idDisposalRecorded: false })).toMatchObject({ ok: false });
  });

  it('counts a 補正待ち request past its 39条 date as overdue, and says why', () => {
    const waiting = { status: 'awaitingCure', dueDate: '2026-10-15' };
    expect(answerOverdue(waiting, '2026-10-16')).toBe(true);
    expect(overdueNote(waiting, '2026-10-16')).toBe('補正待ちでも法第39条の期限は止まりません');
    expect(answerOverdue(waiting, '2026-10-15')).toBe(false);
    expect(overdueNote({ status: 'checking', dueDate: '2026-10-15' }, '2026-10-16')).toBeNull();
    expect(answerOverdue({ status: 'sent', dueDate: '2026-10-15' }, '2026-10-16')).toBe(false);
  });

  it('does not investigate a FAX 仮受付 before its originals arrive', () => {
    expect(transition('checking', 'startInvestigation', { ...ready, awaitingOriginals: true })).toEqual({
      ok: false,
      reason: '原本が到着していません（FAXによる仮受付）。原本の到着を記録してから調査を開始してください。',
    });
    expect(transition('checking', 'startInvestigation', ready)).toEqual({ ok: true, to: 'investigating' });
  });

  it('completes only once money to return has been recorded as returned; records it until then', () => {
    expect(transition('sent', 'complete', { ...ready, feeReturnPending: true })).toEqual({
      ok: false,
      reason: '返還すべき手数料の返還を記録してください。',
    });
    for (const s of states) expect(canRecord('feeReturn', s), s).toBe(s !== 'completed');
  });

  it('withdraws from any open state; closes as 請求なし only past the cure deadline; declines with a reason', () => {
    for (const s of states.filter((x) => !closedStates.includes(x))) {
      expect(transition(s, 'withdraw', ready)).toEqual({ ok: true, to: 'withdrawn' });
    }
    expect(transition('awaitingCure', 'closeAsNotMade', ready)).toEqual({
      ok: false,
      reason: '補正の期限がまだ過ぎていません。',
    });
    expect(transition('awaitingCure', 'closeAsNotMade', { ...ready, cureDeadlinePassed: true })).toEqual({
      ok: true,
      to: 'deemedWithdrawn',
    });
    expect(transition('checking', 'decline', ready)).toMatchObject({ ok: false });
    expect(transition('checking', 'decline', { ...ready, comment: '法令に定める手続によらない請求のため' })).toEqual({
      ok: true,
      to: 'declined',
    });
  });
});

describe('primary actions', () => {
  it('offers, for every open state but the closed ones, a next step that starts from it', () => {
    for (const s of states) {
      const a = primaryActions[s];
      if (closedStates.includes(s)) expect(a).toBeUndefined();
      else expect(a && actionsFrom(s).includes(a), s).toBe(true);
    }
  });
});

describe('the day a closed request shows instead of its 回答期限', () => {
  it('is the 完了日 once completed, the 終了日 when ended otherwise, and none while open', () => {
    expect(endedDayLabel('completed')).toBe('完了日');
    for (const s of closedStates.filter((x) => x !== 'completed')) expect(endedDayLabel(s)).toBe('終了日');
    for (const s of states.filter((x) => !closedStates.includes(x))) expect(endedDayLabel(s)).toBeNull();
  });
});

describe('record rules', () => {
  it('allow the dispatch after approval only, and the ID copies also after an early end', () => {
    expect(canRecord('dispatch', 'preparingAnswer')).toBe(true);
    expect(canRecord('dispatch', 'drafting')).toBe(false);
    expect(canRecord('dispatch', 'withdrawn')).toBe(false);
    for (const s of ['preparingAnswer', 'sent', 'withdrawn', 'declined', 'deemedWithdrawn']) {
      expect(canRecord('disposal', s), s).toBe(true);
    }
    for (const s of ['received', 'checking', 'drafting', 'awaitingApproval', 'completed']) {
      expect(canRecord('disposal', s), s).toBe(false);
    }
  });
});

describe('a minor who comes of age before the answer', () => {
  const ended = 'ご本人が18歳に達したため、元の親権者の方へは回答できません。';
  it('blocks submitting the decision and approving it, with the reason', () => {
    const c = { ...ready, agencyEnded: ended };
    expect(transition('drafting', 'submitForApproval', c)).toEqual({ ok: false, reason: ended });
    expect(transition('awaitingApproval', 'approve', c)).toEqual({ ok: false, reason: ended });
    // The request can still end: declined or withdrawn.
    expect(transition('drafting', 'decline', { ...c, comment: '本人が成年に達したため' }).ok).toBe(true);
  });
});
