import { ErrorCode, type RequestDetail } from '../../../core/contract';
import type { IsoDate } from '../../../core/domain/dates';
import { decisionProblems, type Decision } from '../../../core/domain/decisions';
import type { RequestKind } from '../../../core/domain/intake/kinds';
import { canRecord } from '../../../core/domain/workflow';
import type { Q } from '../db/store';
import { AppError, refusals } from '../errors';
import { readOrganisation } from '../settings/policies';

// Whether a decision may be saved on the request as stored: at the stage that takes decisions,
// for a kind the request asks for, complete, and dated no later than today nor before arrival.
export async function assertDecisionSavable(
  db: Q,
  detail: RequestDetail,
  kind: RequestKind,
  decision: Decision,
  today: IsoDate,
): Promise<void> {
  if (!canRecord('decision', detail.status)) {
    throw new AppError(ErrorCode.CONFLICT, '決定は「調査中」または「決定起案」の段階で入力してください。');
  }
  if (!detail.items.some((i) => i.kind === kind)) {
    throw refusals.badField(['kind'], 'この請求にはない種類の決定は保存できません。');
  }
  const problems = decisionProblems(kind, decision, detail.disclosureMethod?.method ?? null);
  if (problems.length) {
    const first = problems[0];
    throw new AppError(
      ErrorCode.BAD_INPUT,
      first?.message ?? '決定の内容に誤りがあります。',
      problems.map((p) => ({ path: ['decision', p.path], message: p.message })),
    );
  }
  if (decision.jointUse && (decision.outcome === 'notOurs' || !(await readOrganisation(db))?.jointUse)) {
    throw refusals.badField(
      ['decision', 'jointUse'],
      decision.outcome === 'notOurs'
        ? '当社の保有個人データに当たらない場合は、共同利用の対象として記録できません。'
        : '共同利用の設定（設定 → 組織情報）がないため、共同利用の対象として記録できません。',
    );
  }
  if (decision.carriedOutOn !== '' && decision.carriedOutOn > today) {
    throw refusals.badField(['decision', 'carriedOutOn'], '実施日に未来の日付は指定できません。');
  }
  if (decision.carriedOutOn !== '' && decision.carriedOutOn < detail.arrivalDate) {
    throw refusals.badField(['decision', 'carriedOutOn'], '実施日が到達日より前になっています。');
  }
}
