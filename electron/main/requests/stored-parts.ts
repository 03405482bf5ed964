import type { Dispatch } from '../../../core/contract';
import { Decision } from '../../../core/domain/decisions';
import type { RequestKind } from '../../../core/domain/intake/kinds';
import { PaymentInput } from '../../../core/domain/intake/request';
import type { Q } from '../db/store';
import { getPayments, listDecisions, listDispatches } from '../db/repositories/requests';
import { linkedRequests } from '../db/repositories/split';

// The parts of a stored request read row by row, as the request page shows them.

export async function readPayments(db: Q, id: string) {
  return (await getPayments(db, id)).map((p) =>
    PaymentInput.parse({
      id: p.id.slice(id.length + 1),
      means: p.means,
      amount: p.amount,
      receivedOn: p.received_on,
      issuedOn: p.issued_on,
      forKind: p.for_kind,
    }),
  );
}

// The decisions of the kinds the request (still) has.
export async function readDecisions(db: Q, id: string, kinds: readonly RequestKind[]) {
  return (await listDecisions(db, id))
    .filter((d) => kinds.includes(d.kind as RequestKind))
    .map((d) => ({
      kind: d.kind as RequestKind,
      decision: Decision.parse(JSON.parse(d.data)),
      draftedBy: d.drafted_by,
      draftedAt: d.drafted_at,
    }));
}

export async function readDispatches(db: Q, id: string): Promise<Dispatch[]> {
  return (await listDispatches(db, id)).map((d) => ({
    ...(JSON.parse(d.data) as Omit<Dispatch, 'id' | 'recordedBy' | 'recordedAt'>),
    id: d.id,
    recordedBy: d.recorded_by,
    recordedAt: d.recorded_at,
  }));
}

// The other requests of the same envelope (split at intake), by 受付番号.
export async function readLinked(db: Q, id: string, splitFrom: string | null) {
  return (await linkedRequests(db, id, splitFrom)).map((r) => ({
    id: r.id,
    receiptNo: r.receipt_no,
    kinds: r.kinds.split(',').filter(Boolean) as RequestKind[],
  }));
}
