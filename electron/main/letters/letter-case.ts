import type { RequestDetail } from '../../../core/contract';
import { businessDayOnOrBefore } from '../../../core/domain/deadlines';
import type { FeeMeans } from '../../../core/domain/intake/fees';
import type { LetterCase } from '../../../core/domain/letters/catalogue';
import { declineGroundOf } from '../../../core/domain/letters/citations';
import { searchScopeLines } from '../../../core/domain/searches';

export const lastEvent = (r: RequestDetail, action: string) =>
  [...r.history].reverse().find((h) => h.action === action);

// The request as its letters need it: the answer goes to whom the request says, under the
// spelling recorded for letters when the real one has characters the font lacks.
export function letterCase(
  r: RequestDetail,
  policy: { closedDays: readonly string[]; acceptedMeans: FeeMeans[] },
): LetterCase {
  const party = r.answerTo === 'agent' && r.agent ? r.agent : r.principal;
  // Declined for an agent whose standing was not confirmed (37条1項), or who cannot be one (施行令13条).
  const declineGround = declineGroundOf(r.requesterType, r.identity.result);
  return {
    receiptNo: r.receiptNo,
    arrivalDate: r.arrivalDate,
    linked: r.linked.map((l) => ({ receiptNo: l.receiptNo, kinds: l.kinds })),
    addressee: {
      // A reply address of its own comes with its own 郵便番号.
      postalCode: r.replyAddress ? r.replyPostalCode : party.postalCode,
      address: r.replyAddress || party.letterAddress || party.address,
      name: party.letterName || party.name,
    },
    requesterType: r.requesterType,
    answerToAgent: r.answerTo === 'agent',
    principalName: r.principal.letterName || r.principal.name,
    items: r.items.map((i) => ({ kind: i.kind, dataItems: i.dataItems, grounds: i.grounds })),
    decisions: r.decisions.map((d) => ({ kind: d.kind, decision: d.decision })),
    disclosureMethod: r.disclosureMethod?.method ?? null,
    fee: {
      due: r.fee.due,
      accepted: r.fee.accepted,
      shortfall: r.fee.shortfall,
      toReturn: r.fee.toReturn,
      means: r.payments.map((p) => p.means),
      acceptedMeans: policy.acceptedMeans,
      byKind: r.fee.byKind,
    },
    cure: r.cure ? { defects: r.cure.defects, dueDate: r.cure.dueDate, requestedOn: r.cure.requestedOn } : null,
    extension: r.extension ? { date: r.extension.date, reason: r.extension.reason } : null,
    dueDate: businessDayOnOrBefore(r.deadlines.dueDate, policy.closedDays),
    declineReason: lastEvent(r, 'decline')?.comment ?? '',
    declineGround,
    withdrawnOn: lastEvent(r, 'withdraw')?.day ?? null,
    documents: r.disposal ? { method: r.disposal.method, date: r.disposal.date } : null,
    searchScope: searchScopeLines(r.searches),
    outsideLaw: r.outsideLaw,
    insuranceMaskedByUs: r.identity.documents.some(
      (d) => d.type === 'healthInsurance' && d.insurerNumberMasked === 'us',
    ),
  };
}
