// The request's workflow (DOMAIN.md §2) as a state machine: which action leads where, and why an
// action is refused. Every transition is checked here, for main and the renderer alike.

export const states = [
  'received',
  'checking',
  'awaitingCure',
  'investigating',
  'drafting',
  'awaitingApproval',
  'preparingAnswer',
  'sent',
  'completed',
  'withdrawn',
  'deemedWithdrawn',
  'declined',
  // Closed as a request the Act does not cover (a deceased person's data, the company's own
  // information, no 開示等の請求 at all): answered as a service or declined, with no 39条 date.
  'outsideLaw',
] as const;
export type State = (typeof states)[number];

export const stateLabels: Record<State, string> = {
  received: '受付',
  checking: '確認中',
  awaitingCure: '補正待ち',
  investigating: '調査中',
  drafting: '決定起案',
  awaitingApproval: '決裁待ち',
  preparingAnswer: '回答準備',
  sent: '発送済',
  completed: '完了',
  withdrawn: '取下げ',
  deemedWithdrawn: '請求なし',
  declined: '応じられない',
  outsideLaw: '法の対象外',
};

export const closedStates: readonly State[] = ['completed', 'withdrawn', 'deemedWithdrawn', 'declined', 'outsideLaw'];

// What a closed request shows in place of its 回答期限: the day it was completed (完了日) or ended
// another way (終了日: 取下げ, 請求なし, 応じられない, 法の対象外). Null while it is open.
export function endedDayLabel(state: string): '完了日' | '終了日' | null {
  if (!(closedStates as readonly string[]).includes(state)) return null;
  return state === 'completed' ? '完了日' : '終了日';
}

export type TransitionContext = {
  actorId: string;
  // The actor holds the 承認者 role (approval and sending back need it).
  actorCanApprove: boolean;
  identity: 'verified' | 'defective' | 'incomplete';
  // A FAX taken as 仮受付 whose originals have not arrived yet.
  awaitingOriginals: boolean;
  fee: 'notRequired' | 'unpaid' | 'short' | 'paid' | 'overpaid';
  cureDeadlinePassed: boolean;
  // Defects staff listed beyond the identity and fee checks (a missing signature, say).
  extraDefects: number;
  allKindsDecided: boolean;
  // Everyone who drafted a decision of the request or submitted it for approval (4-eyes).
  drafterIds: readonly string[];
  comment: string;
  dispatchRecorded: boolean;
  idDisposalRecorded: boolean;
  // Money to return (法38条, overpayment, refused means) whose return is not recorded yet.
  feeReturnPending: boolean;
  // Why the answer can no longer go to the agent (a minor who has come of age), or null.
  agencyEnded: string | null;
  // Why a 不存在 decision lacks its search record (探索の記録), or null.
  searchMissing: string | null;
};

type Rule = {
  label: string;
  from: readonly State[];
  to: State;
  // A Japanese sentence saying why the action cannot be taken now, or null.
  guard?: (c: TransitionContext) => string | null;
};

const open = states.filter((s) => !closedStates.includes(s));

export const actions = {
  startCheck: { label: '確認を開始', from: ['received'], to: 'checking' },
  requestCure: {
    label: '補正を依頼',
    from: ['checking'],
    to: 'awaitingCure',
    guard: (c) =>
      c.identity !== 'verified' || c.fee === 'unpaid' || c.fee === 'short' || c.extraDefects > 0
        ? null
        : '補正を依頼する不備（本人確認書類・手数料・記載内容）がありません。',
  },
  cureReceived: { label: '補正の到着を記録', from: ['awaitingCure'], to: 'checking' },
  startInvestigation: {
    label: '調査を開始',
    from: ['checking'],
    to: 'investigating',
    guard: (c) =>
      c.awaitingOriginals
        ? '原本が到着していません（FAXによる仮受付）。原本の到着を記録してから調査を開始してください。'
        : c.identity !== 'verified'
          ? '本人確認・代理人確認が完了していません。'
          : c.fee === 'unpaid' || c.fee === 'short'
            ? '手数料が不足しています。'
            : null,
  },
  startDraft: { label: '決定の起案を開始', from: ['investigating'], to: 'drafting' },
  submitForApproval: {
    label: '決裁に回す',
    from: ['drafting'],
    to: 'awaitingApproval',
    guard: (c) =>
      c.agencyEnded ?? (c.allKindsDecided ? c.searchMissing : 'すべての請求の種類について決定を入力してください。'),
  },
  approve: {
    label: '承認する',
    from: ['awaitingApproval'],
    to: 'preparingAnswer',
    guard: (c) =>
      !c.actorCanApprove
        ? '承認者の権限がありません。承認者のアカウントで決裁してください。'
        : c.drafterIds.includes(c.actorId)
          ? '起案者本人は承認できません（別の承認者による決裁が必要です）。'
          : (c.agencyEnded ?? c.searchMissing),
  },
  // Also after approval, until the answer is sent: an approved decision is never edited in
  // place; it goes back to drafting and through approval again.
  sendBack: {
    label: '差し戻す',
    from: ['awaitingApproval', 'preparingAnswer'],
    to: 'drafting',
    guard: (c) =>
      !c.actorCanApprove
        ? '承認者の権限がありません。'
        : c.dispatchRecorded
          ? '回答書の発送を記録した後は差し戻せません。'
          : c.comment.trim() === ''
            ? '差し戻しの理由を入力してください。'
            : null,
  },
  recordDispatch: {
    label: '発送済にする',
    from: ['preparingAnswer'],
    to: 'sent',
    guard: (c) => (c.dispatchRecorded ? null : '回答書の発送日・送付方法・追跡番号を記録してください。'),
  },
  complete: {
    label: '完了にする',
    from: ['sent'],
    to: 'completed',
    guard: (c) =>
      !c.idDisposalRecorded
        ? '本人確認書類の写しの返却または廃棄を記録してください。'
        : c.feeReturnPending
          ? '返還すべき手数料の返還を記録してください。'
          : null,
  },
  withdraw: { label: '取下げを記録', from: open, to: 'withdrawn' },
  closeAsNotMade: {
    label: '請求がなかったものとして終了',
    from: ['awaitingCure'],
    to: 'deemedWithdrawn',
    guard: (c) => (c.cureDeadlinePassed ? null : '補正の期限がまだ過ぎていません。'),
  },
  decline: {
    label: '応じられない旨を通知して終了',
    from: ['received', 'checking', 'awaitingCure', 'investigating', 'drafting'],
    to: 'declined',
    guard: (c) => (c.comment.trim() === '' ? '応じられない理由を入力してください。' : null),
  },
  // Before any decision is approved, whatever the identity and fee checks found (an heir's
  // request never passes the agent check, and must not be declined under 施行令13条 for it). The
  // category, the response and the text come with the action (requests.closeOutsideLaw).
  closeOutsideLaw: {
    label: '法の対象外として終了',
    from: ['received', 'checking', 'awaitingCure', 'investigating', 'drafting'],
    to: 'outsideLaw',
    guard: (c) => (c.comment.trim() === '' ? 'お知らせする内容（回答又は応じない理由）を入力してください。' : null),
  },
} as const satisfies Record<string, Rule>;
export type Action = keyof typeof actions;
export const actionNames = Object.keys(actions) as [Action, ...Action[]];

// Days a requester has to send what a 補正 asked for (policy; DOMAIN.md §2).
export const DEFAULT_CURE_DAYS = 14;

export type TransitionResult = { ok: true; to: State } | { ok: false; reason: string };

export function transition(from: State, action: Action, c: TransitionContext): TransitionResult {
  const rule: Rule = actions[action];
  if (!rule.from.includes(from)) {
    return { ok: false, reason: `「${stateLabels[from]}」の請求に「${rule.label}」はできません。` };
  }
  const refused = rule.guard?.(c) ?? null;
  return refused ? { ok: false, reason: refused } : { ok: true, to: rule.to };
}

// The actions that can start from a state (before their guards are checked).
export function actionsFrom(state: State): Action[] {
  return (Object.keys(actions) as Action[]).filter((a) => (actions[a].from as readonly State[]).includes(state));
}

// The one next step the request page offers as its primary button; the other actions are there
// too, but quieter.
export const primaryActions: Partial<Record<State, Action>> = {
  received: 'startCheck',
  checking: 'startInvestigation',
  awaitingCure: 'cureReceived',
  investigating: 'startDraft',
  drafting: 'submitForApproval',
  awaitingApproval: 'approve',
  preparingAnswer: 'recordDispatch',
  sent: 'complete',
};

// States in which the answer is still owed (the due date matters); 補正待ち is listed apart.
export const answerPendingStates: readonly State[] = [
  'received',
  'checking',
  'investigating',
  'drafting',
  'awaitingApproval',
  'preparingAnswer',
];

// States whose due date can pass: the answer is owed, or a 補正 is awaited. While a 補正 is
// pending the internal clock stops, but the 39条 date keeps running (the request's due date
// is then that date), and passing it is overdue all the same.
export const overdueStates: readonly State[] = [...answerPendingStates, 'awaitingCure'];

// Waiting for the requester's 補正 (the internal clock stopped, the 法第39条 one running on).
export const awaitsCure = (status: string): boolean => status === 'awaitingCure';

// Arrived, and work on them not yet started beyond the first checks (the dashboard's 新着).
export const notStartedStates: readonly State[] = ['received', 'checking'];

// An answer still owed whose due date has passed.
export function answerOverdue(r: { status: string; dueDate: string | null }, today: string): boolean {
  return r.dueDate !== null && r.dueDate < today && (overdueStates as readonly string[]).includes(r.status);
}

// Why an overdue row is overdue when its step would suggest otherwise (for the lists).
export function overdueNote(r: { status: string; dueDate: string | null }, today: string): string | null {
  return answerOverdue(r, today) && r.status === 'awaitingCure' ? '補正待ちでも法第39条の期限は止まりません' : null;
}

export const isState = (s: string): s is State => (states as readonly string[]).includes(s);

// Actions that ask staff for a comment first (the reason is part of the record).
export const commentActions: readonly Action[] = ['sendBack', 'decline', 'withdraw'];

// Labels of the history entries that record something without changing the step.
export const recordLabels = {
  received: '受付',
  update: '受付内容の修正',
  split: '請求の分割',
  originals: '原本の到着',
  decision: '決定の起案',
  extension: '回答期限の延長',
  dispatch: '発送の記録',
  disposal: '本人確認書類の写しの処理',
  feeReturn: '手数料の返還',
  suspected: 'なりすましの疑いを記録',
  suspicionCleared: 'なりすましの疑いを解除',
  enclosureRemoved: '同封書類の削除',
  search: '探索の記録',
  searchRemoved: '探索の記録の削除',
  // The records found and what of them is withheld are part of the decision an approver signs.
  recordAdded: '開示する記録の添付',
  recordMarks: '開示しない部分の指定',
  recordRemoved: '開示する記録の削除',
} as const;
export type RecordKind = keyof typeof recordLabels;

export function historyLabel(action: string): string {
  if (action in actions) return actions[action as Action].label;
  return (recordLabels as Record<string, string>)[action] ?? action;
}

// What can be recorded or edited in which state: one table the request page and main both call
// (the page shows the control only where main will accept it).
// - intake: the intake data, while identity and fee are still being checked;
// - decision: the decision per kind, while investigating and drafting (after approval only
//   through 差し戻し); the search record (探索の記録) likewise;
// - extension: the 39条 extension, while an answer is still owed (a 補正 included);
// - dispatch: the dispatch of the answer, after approval;
// - disposal: the fate of the ID copies, after approval and also on a request that ended early
//   (withdrawn, declined, closed as not made or as outside the law), whose letter says it;
// - feeReturn: the return of money not kept, at any point until the request is completed.
export const recordRules = {
  intake: ['received', 'checking', 'awaitingCure'],
  decision: ['investigating', 'drafting'],
  search: ['investigating', 'drafting'],
  extension: [...answerPendingStates, 'awaitingCure'],
  dispatch: ['preparingAnswer', 'sent'],
  disposal: ['preparingAnswer', 'sent', 'withdrawn', 'declined', 'deemedWithdrawn', 'outsideLaw'],
  // Money to return can go back at any time before the request is completed (at once for a fee
  // sent for 訂正, with the answer for an overpayment, after an early end).
  feeReturn: states.filter((s) => s !== 'completed'),
} as const satisfies Record<string, readonly State[]>;

export function canRecord(what: keyof typeof recordRules, state: string): boolean {
  return (recordRules[what] as readonly string[]).includes(state);
}
