import { ErrorCode, type RequestDetail, type Session } from '../../../core/contract';
import {
  decisionLetterKinds,
  finalizeBlock,
  letterLabels,
  type LetterKind,
} from '../../../core/domain/letters/catalogue';
import type { Q } from '../db/store';
import { listLetters, type LetterRow } from '../db/repositories/letters';
import { AppError } from '../errors';
import { currentApproval, currentLetters, isDecisionLetter, sameApproval, type Approval } from '../requests/approved';
import { lastEvent } from './letter-case';

const dispatchedStates: readonly string[] = ['sent', 'completed'];

export const DISPATCHED_NO_NEW =
  '回答を発送済みのため、決定通知書を新たに確定することはできません。確定済みの決定通知書は「再発行」でのみ発行できます。';
const APPROVAL_CHANGED =
  '確定の処理中に決裁が差し戻されたか、決定が変わりました。回答書は確定していません（文書番号は使われていません）。内容を確認のうえ、もう一度確定してください。';

// Why this account cannot finalize this letter now, or null. `issued`: the letter already
// counts (then only its 再発行 is possible).
export function finalizeBlocked(r: RequestDetail, kind: LetterKind, issued: boolean, session: Session): string | null {
  // A decision letter to a former 親権者 whose child has since come of age.
  if (r.agencyEnded && decisionLetterKinds.includes(kind)) return r.agencyEnded;
  // Once the answer is sent, the decision letter sent is the one: no new one, only its 再発行.
  if (isDecisionLetter(kind) && !issued && dispatchedStates.includes(r.status)) return DISPATCHED_NO_NEW;
  return finalizeBlock(kind, {
    status: r.status,
    actorId: session.accountId,
    actorCanApprove: session.roles.includes('approver'),
    // Who ended the request early: the 応じられない letter's decline, or the close as outside the Act.
    declinedBy: lastEvent(r, kind === 'declined' ? 'decline' : 'closeOutsideLaw')?.accountId ?? null,
  });
}

// Checked again inside the write that stores a decision letter (see finalizeNow).
export async function assertStillCurrent(
  db: Q,
  requestId: string,
  kind: LetterKind,
  approval: Approval | null,
  original: LetterRow | undefined,
): Promise<void> {
  const now = await currentApproval(db, requestId);
  if (!sameApproval(approval, now)) throw new AppError(ErrorCode.CONFLICT, APPROVAL_CHANGED);
  const issued = currentLetters(await listLetters(db, requestId), kind, now);
  if (issued[0]?.id !== original?.id) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `「${letterLabels[kind]}」は確定の処理中に別の操作で確定されました。一覧を確認してください（文書番号は使われていません）。`,
    );
  }
}
