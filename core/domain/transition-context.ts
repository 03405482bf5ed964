import { decisionProblems, type Decision } from './decisions';
import type { RequestedMethod } from './electronic';
import type { RequestKind } from './intake/kinds';
import { searchProblem } from './searches';
import type { TransitionContext } from './workflow';

// What the workflow needs to know of a request and the acting account (one place for the
// request page's action checks and for the checks main makes before every change).
export function transitionContext(
  r: {
    identity: 'verified' | 'defective' | 'incomplete';
    provisional: boolean;
    fee: TransitionContext['fee'];
    cureDue: string | null;
    kinds: readonly RequestKind[];
    decisions: readonly { kind: RequestKind; decision: Decision; draftedBy: string }[];
    submittedBy: string | null;
    // The request's history: everyone who ever saved a decision or submitted it counts as a
    // drafter, not only the last saver (a colleague re-saving unchanged must not clear anyone).
    history: readonly { action: string; accountId: string }[];
    dispatches: number;
    disposal: boolean;
    feeReturnPending: boolean;
    agencyEnded: string | null;
    searches: readonly { result: 'found' | 'notFound' }[];
    // The disclosure method the person asked for (the 電磁的記録 fields depend on it).
    requestedMethod: RequestedMethod | null;
  },
  session: { accountId: string; roles: readonly string[] } | null,
  today: string,
): Omit<TransitionContext, 'comment' | 'extraDefects'> {
  return {
    actorId: session?.accountId ?? '',
    actorCanApprove: session?.roles.includes('approver') ?? false,
    identity: r.identity,
    awaitingOriginals: r.provisional,
    fee: r.fee,
    cureDeadlinePassed: r.cureDue !== null && r.cureDue < today,
    allKindsDecided: r.kinds.every((k) => {
      const d = r.decisions.find((x) => x.kind === k);
      return d !== undefined && decisionProblems(k, d.decision, r.requestedMethod).length === 0;
    }),
    drafterIds: [
      ...new Set([
        ...r.decisions.map((d) => d.draftedBy),
        ...(r.submittedBy ? [r.submittedBy] : []),
        ...r.history.filter((h) => drafterActions.has(h.action)).map((h) => h.accountId),
      ]),
    ],
    dispatchRecorded: r.dispatches > 0,
    idDisposalRecorded: r.disposal,
    feeReturnPending: r.feeReturnPending,
    agencyEnded: r.agencyEnded,
    searchMissing: searchProblem(r.decisions, r.searches),
  };
}

// Whoever drafted the decision, submitted it, or changed the records it discloses or what of them
// is withheld may not approve it (4-eyes).
const drafterActions: ReadonlySet<string> = new Set([
  'decision',
  'submitForApproval',
  'recordAdded',
  'recordMarks',
  'recordRemoved',
]);
