import { decisionLetterKinds, type LetterKind } from '../../../core/domain/letters/catalogue';
import type { Q } from '../db/store';
import type { DisclosurePackageRow } from '../db/repositories/disclosure-packages';
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

export async function currentApproval(db: Q, requestId: string): Promise<Approval | null> {
  const row = await getRequestRow(db, requestId);
  if (!row || !APPROVED.includes(row.status)) return null;
  const event = await latestApprovalEvent(db, requestId);
  if (event === null) return null;
  const decisions = JSON.stringify(
    (await listDecisions(db, requestId))
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

// Why a 電磁的記録 package can no longer be sent, or null: built under an earlier approval (a
// 差し戻し came since), or holding a decision letter that a 再発行 has replaced.
export function stalePackage(
  pkg: DisclosurePackageRow,
  letters: readonly LetterRow[],
  approval: Approval | null,
): 'approval' | { replaced: string } | null {
  if (approval === null || pkg.approval_event !== approval.event) return 'approval';
  const inside = (JSON.parse(pkg.manifest_json) as { documentNos?: string[] }).documentNos ?? [];
  for (const no of inside) {
    const l = letters.find((x) => x.document_no === no);
    if (!l || currentLetters(letters, l.kind, approval).at(-1)?.id !== l.id) return { replaced: no };
  }
  return null;
}
