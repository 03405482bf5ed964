import { preparedQuery } from '../prepared-query';
import type { Q } from '../store';
import type { NewRequest } from './requests';

// A request's parties, kinds, identity documents and payments (rows of their own tables).
// One insert per row, in order (documents and payments are read back in insertion order), so the
// SQL text stays the same whatever the count (the SQLite store caches statements by text).
export async function insertChildren(
  q: Q,
  id: string,
  r: Pick<NewRequest, 'parties' | 'items' | 'documents' | 'payments'>,
): Promise<void> {
  for (const p of r.parties) await partyInsert(q, id, p.role, p.data);
  for (const i of r.items) await itemInsert(q, id, i.kind, i.details);
  for (const d of r.documents) await documentInsert(q, d.id, id, d.data);
  for (const p of r.payments) await paymentInsert(q, p.id, id, p.means, p.amount, p.receivedOn, p.issuedOn, p.forKind);
}
const partyInsert = preparedQuery((q, request_id: string, role: string, data: string) =>
  q.insertInto('request_parties').values({ request_id, role, data }),
);
const itemInsert = preparedQuery((q, request_id: string, kind: string, details: string) =>
  q.insertInto('request_items').values({ request_id, kind, details }),
);
const documentInsert = preparedQuery((q, id: string, request_id: string, data: string) =>
  q.insertInto('identity_documents').values({ id, request_id, data }),
);
// prettier-ignore
const paymentInsert = preparedQuery(
  (q, id: string, request_id: string, means: string, amount: number, received_on: string, issued_on: string | null,
    for_kind: string | null) =>
    q.insertInto('fee_payments').values({ id, request_id, means, amount, received_on, issued_on, for_kind }),
);
