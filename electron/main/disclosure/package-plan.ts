import { ErrorCode, type RequestDetail } from '../../../core/contract';
import { Marks } from '../../../core/domain/disclosure/marks';
import type { RecordFormat } from '../../../core/domain/disclosure/records';
import type { Electronic } from '../../../core/domain/electronic';
import type { Q } from '../db/store';
import { listDisclosureRecords } from '../db/repositories/disclosure-records';
import { listLetters } from '../db/repositories/letters';
import { AppError, refusals } from '../errors';
import { currentApproval, currentLetters } from '../requests/approved';
import { isDocument } from './redact';

const KINDS = { disclosure: 'disclosureDecision', thirdPartyRecords: 'thirdPartyRecordsDecision' } as const;
type PackagedKind = keyof typeof KINDS;

const NOT_APPROVED =
  '決定が承認（決裁）されていないため、電磁的記録を作成できません。差し戻された場合は、再度の承認と決定通知書の確定の後に作成してください。';

// The decisions answered as an 電磁的記録, with their finalized letters; refused with the
// reason staff can act on when there is nothing to package yet.
export async function planPackage(db: Q, r: RequestDetail, originals: readonly string[]) {
  // Only the decision as approved now, with its marks and the letter finalized under it.
  const approval = await currentApproval(db, r.id);
  if (!approval) throw new AppError(ErrorCode.CONFLICT, NOT_APPROVED);
  const electronic = r.decisions
    .flatMap((d) => (d.kind in KINDS ? [{ kind: d.kind as PackagedKind, decision: d.decision }] : []))
    .filter((d) => (d.decision.outcome === 'full' || d.decision.outcome === 'partial') && d.decision.electronic);
  if (electronic.length === 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      'この請求では電磁的記録による開示が決定されていません。決定で「電磁的記録による提供」の方法を選択してください。',
    );
  }
  const routes = new Set(
    electronic.map((d) => `${d.decision.electronic?.route}/${d.decision.electronic?.passwordRoute}`),
  );
  if (routes.size > 1) {
    throw new AppError(
      ErrorCode.CONFLICT,
      '開示と第三者提供記録の開示で提供の経路またはパスワードのお知らせ方法が異なります。同じ方法にそろえてください。',
    );
  }
  const letters = await listLetters(db, r.id);
  const decisions = electronic.map((d) => {
    // The latest issue of the decision letter under the current approval (a 再発行 replaces
    // the original; a letter from before a 差し戻し is not this decision's).
    const letter = currentLetters(letters, KINDS[d.kind], approval).at(-1);
    if (!letter) {
      throw new AppError(
        ErrorCode.CONFLICT,
        '決定通知書がまだ確定されていません。承認後（差し戻しの後は再度の承認の後）に決定通知書を確定してから、電磁的記録を作成してください。',
      );
    }
    return { kind: d.kind, electronic: d.decision.electronic as Electronic, letter };
  });
  const records = (await listDisclosureRecords(db, r.id)).filter((x) => decisions.some((d) => d.kind === x.kind));
  if (records.length === 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      '開示する記録が添付されていません。「開示する記録」に記録を添付してから作成してください。',
    );
  }
  // A document goes as its original file only where staff chose so, and never one with marks.
  for (const id of originals) {
    const x = records.find((y) => y.id === id);
    const format = x?.format as RecordFormat | undefined;
    if (!x || !format || !isDocument(format)) {
      throw refusals.badField(
        ['originals'],
        '原本のまま送る記録は、この請求の文書（PDF・画像）の記録から選んでください。',
      );
    }
    if (Marks.parse(JSON.parse(x.marks_json ?? '[]')).length > 0) {
      throw refusals.badField(['originals'], '開示しない部分を指定した記録は、原本のままでは送れません。');
    }
  }
  return { approval, decisions, records, originals, electronic: decisions[0]?.electronic as Electronic };
}

export type PackagePlan = Awaited<ReturnType<typeof planPackage>>;
