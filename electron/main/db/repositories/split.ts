import { sql } from 'kysely';
import { preparedQuery } from '../prepared-query';
import type { Q } from '../store';

// A request split off another at intake (migration 0024): the new request is a copy of the
// envelope's intake record (channel, 到達日, requester, parties, identity documents, search keys,
// any suspicion) under its own id, number and step; the kinds it takes and the money sent for
// them move to it. Deadlines, cure, decisions and letters are its own from then on.
export async function insertSplitRequest(
  q: Q,
  from: string,
  to: { id: string; receiptNo: string; status: string; splitFrom: string; keepsDisclosureMethod: boolean; at: string },
): Promise<void> {
  await q
    .insertInto('requests')
    .columns([
      'id',
      'receipt_no',
      'status',
      'split_from',
      'created_at',
      'updated_at',
      'channel',
      'arrival_date',
      'provisional',
      'tracking_no',
      'received_by',
      'requester_type',
      'answer_to',
      'delivery',
      'reply_address',
      'reply_postal_code',
      'disclosure_method',
      'notes',
      'identity_json',
      'search_kana',
      'search_name',
      'search_birth',
      'search_phone',
      'fax_received_on',
      'suspicion_json',
    ])
    .expression((eb) =>
      eb
        .selectFrom('requests as r')
        .select([
          eb.val(to.id).as('id'),
          eb.val(to.receiptNo).as('receipt_no'),
          eb.val(to.status).as('status'),
          eb.val(to.splitFrom).as('split_from'),
          eb.val(to.at).as('created_at'),
          eb.val(to.at).as('updated_at'),
          'r.channel',
          'r.arrival_date',
          'r.provisional',
          'r.tracking_no',
          'r.received_by',
          'r.requester_type',
          'r.answer_to',
          'r.delivery',
          'r.reply_address',
          'r.reply_postal_code',
          to.keepsDisclosureMethod ? 'r.disclosure_method' : sql<string | null>`null`.as('disclosure_method'),
          'r.notes',
          'r.identity_json',
          'r.search_kana',
          'r.search_name',
          'r.search_birth',
          'r.search_phone',
          'r.fax_received_on',
          'r.suspicion_json',
        ])
        .where('r.id', '=', from),
    )
    .execute();
  // Child rows are keyed `<request id>:<own id>`: the same own id under the new request.
  const rekey = (column: string) => sql<string>`${to.id} || substr(${sql.ref(column)}, ${from.length + 1})`;
  await q
    .insertInto('request_parties')
    .columns(['request_id', 'role', 'data'])
    .expression((eb) =>
      eb
        .selectFrom('request_parties')
        .select([eb.val(to.id).as('request_id'), 'role', 'data'])
        .where('request_id', '=', from),
    )
    .execute();
  await q
    .insertInto('identity_documents')
    .columns(['id', 'request_id', 'data'])
    .expression((eb) =>
      eb
        .selectFrom('identity_documents')
        .select([rekey('id').as('id'), eb.val(to.id).as('request_id'), 'data'])
        .where('request_id', '=', from),
    )
    .execute();
}

// Moves kinds, and the payments sent for them, from one request to another.
export async function moveKinds(q: Q, from: string, to: string, kinds: readonly string[]): Promise<void> {
  await q
    .updateTable('request_items')
    .set({ request_id: to })
    .where('request_id', '=', from)
    .where('kind', 'in', kinds)
    .execute();
  await q
    .insertInto('fee_payments')
    .columns(['id', 'request_id', 'means', 'amount', 'received_on', 'issued_on', 'for_kind'])
    .expression((eb) =>
      eb
        .selectFrom('fee_payments')
        .select([
          sql<string>`${to} || substr(${sql.ref('id')}, ${from.length + 1})`.as('id'),
          eb.val(to).as('request_id'),
          'means',
          'amount',
          'received_on',
          'issued_on',
          'for_kind',
        ])
        .where('request_id', '=', from)
        .where('for_kind', 'in', kinds),
    )
    .execute();
  await q.deleteFrom('fee_payments').where('request_id', '=', from).where('for_kind', 'in', kinds).execute();
}

const splitOff = preparedQuery((q, id: string) =>
  q.selectFrom('requests').select('id').where('split_from', '=', id).where('id', '<>', id),
);
const splitFamily = preparedQuery((q, id: string, from: string) =>
  q
    .selectFrom('requests')
    .select('id')
    .where((eb) => eb.or([eb('split_from', '=', id), eb('id', '=', from), eb('split_from', '=', from)]))
    .where('id', '<>', id),
);

// The requests split off `id` and the one it was split from, oldest number first.
export async function linkedRequests(
  q: Q,
  id: string,
  splitFrom: string | null,
): Promise<{ id: string; receipt_no: string; kinds: string }[]> {
  const ids = (splitFrom ? await splitFamily(q, id, splitFrom) : await splitOff(q, id)).rows;
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom('requests as r')
    .leftJoin('request_items as i', 'i.request_id', 'r.id')
    .select(['r.id', 'r.receipt_no', 'i.kind'])
    .where(
      'r.id',
      'in',
      ids.map((r) => r.id),
    )
    .orderBy('r.receipt_no')
    .orderBy('i.kind')
    .execute();
  const out = new Map<string, { id: string; receipt_no: string; kinds: string[] }>();
  for (const r of rows) {
    const entry = out.get(r.id) ?? { id: r.id, receipt_no: r.receipt_no, kinds: [] };
    if (r.kind) entry.kinds.push(r.kind);
    out.set(r.id, entry);
  }
  return [...out.values()].map((e) => ({ ...e, kinds: e.kinds.join(',') }));
}

// How many requests were split off `id` (the next branch number is this plus 2).
export async function splitCount(q: Q, id: string): Promise<number> {
  const r = await q
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('split_from', '=', id)
    .executeTakeFirstOrThrow();
  return r.n;
}
