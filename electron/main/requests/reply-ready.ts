import { ErrorCode, type RequestDetail } from '../../../core/contract';
import { letterLabels, lettersFor } from '../../../core/domain/letters/catalogue';
import type { Q } from '../db/store';
import { getDisclosurePackage } from '../db/repositories/disclosure-packages';
import { listLetters } from '../db/repositories/letters';
import { AppError, refusals } from '../errors';
import { letterCase } from '../letters/letter-case';
import { readFees, readProcessingSettings } from '../settings/policies';
import { currentApproval, currentLetters, isDecisionLetter, stalePackage } from './approved';

// A reply is recorded as sent only with the finalized, numbered decision letter of every
// decision as approved now, and only with a 電磁的記録 package built under that approval
// (a 差し戻し makes the earlier ones unusable). Checked inside the write that records it.
export async function assertReplyReady(db: Q, detail: RequestDetail, packageId: string | undefined): Promise<void> {
  const approval = await currentApproval(db, detail.id);
  if (!approval) {
    throw new AppError(ErrorCode.CONFLICT, '決定が承認（決裁）されていないため、発送を記録できません。');
  }
  const letters = await listLetters(db, detail.id);
  const missing = lettersFor(
    letterCase(detail, {
      closedDays: (await readProcessingSettings(db)).closedDays,
      acceptedMeans: (await readFees(db)).accepted,
    }),
    detail.status,
  ).filter((kind) => isDecisionLetter(kind) && currentLetters(letters, kind, approval).length === 0);
  if (missing.length > 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `承認された決定の${missing.map((k) => `「${letterLabels[k]}」`).join('')}がまだ確定されていません。「回答書・通知書」で確定し（文書番号が付きます）、その書類を発送してから記録してください。`,
    );
  }
  if (packageId === undefined) {
    // A 電磁的記録 decided and approved goes as a package built under this approval: the dispatch
    // names it (the form picks the current one), so a stale one cannot stand in by omission.
    const electronic = detail.decisions.some(
      (d) =>
        (d.kind === 'disclosure' || d.kind === 'thirdPartyRecords') &&
        (d.decision.outcome === 'full' || d.decision.outcome === 'partial') &&
        d.decision.electronic !== null,
    );
    if (electronic) {
      throw refusals.badField(
        ['dispatch', 'packageId'],
        '電磁的記録による開示が決定されているため、送付した電磁的記録を選んでください（現在の決裁で作成したものに限ります）。',
      );
    }
    return;
  }
  const pkg = await getDisclosurePackage(db, packageId);
  if (!pkg || pkg.request_id !== detail.id) {
    throw refusals.badField(['dispatch', 'packageId'], '指定された電磁的記録はこの請求のものではありません。');
  }
  const stale = stalePackage(pkg, letters, approval);
  if (stale === 'approval') {
    throw new AppError(
      ErrorCode.CONFLICT,
      `電磁的記録「${pkg.file_name}」は差し戻し前の決裁に基づいて作成されたため、送付できません。現在の決裁の決定通知書で電磁的記録を作成し直してください。`,
    );
  }
  if (stale) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `電磁的記録「${pkg.file_name}」の決定通知書（${stale.replaced}）は再発行で置き換えられたため、送付できません。電磁的記録を作成し直してください。`,
    );
  }
}
