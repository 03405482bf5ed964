import { decisionLetterKinds, type LetterKind } from '../../../core/domain/letters/catalogue';
import type { Db } from '../db/connection';
import type { LetterRow } from '../db/repositories/letters';
import { getRequestRow, latestApprovalEvent, listDecisions } from '../db/repositories/requests';

// States in which the request's decisions stand approved (回答準備・発送済・完了). A 差し戻し
// returns the request to 決定起案; only a new 承認 approves it again, with a new event id.
const APPROVED: readonly string[] = ['preparingAnswer', 'sent', 'completed'];

// The approval the request's decisions stand on now: the id of its latest 承認 event and the
// decisions as stored, or null while they are not approved. Two reads that return the same event
// and the same decisions saw the same approved decision (decisions and marks change only in
// 調査中・決定起案, so never without a new 承認 in between).
export type Approval = { event: number; decisions: string };

export function currentApproval(db: Db, requestId: string): Approval | null {
  const row = getRequestRow(db, requestId);
  if (!row || !APPROVED.includes(row.status)) return null;
  const event = latestApprovalEvent(db, requestId);
  if (event === null) return null;
  const decisions = JSON.stringify(
    listDecisions(db, requestId)
      .map((d) => [d.kind, d.data])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
  return { event, decisions };
}

export const sameApproval = (a: Approval | null, b: Approval | null): boolean =>
  a !== null && b !== null && a.event === b.event && a.decisions === b.decisions;

export const isDecisionLetter = (kind: string): boolean => decisionLetterKinds.includes(kind as LetterKind);

// The letters of a kind that count now: a decision letter counts only under the approval the
// decision stands on now (one made before a 差し戻し is not the current decision's); the other
// letters always count.
export function currentLetters(rows: readonly LetterRow[], kind: string, approval: Approval | null): LetterRow[] {
  return rows.filter(
    (l) => l.kind === kind && (!isDecisionLetter(kind) || (approval !== null && l.approval_event === approval.event)),
  );
}
