import { engineOf, type Q } from '../store';

// The 請求書 sent on request (form_requests, migration 0013).

export type FormRequestDbRow = {
  id: string;
  number: string;
  data_json: string;
  sent_json: string | null;
  request_id: string | null;
  receipt_no: string | null;
  created_by: string;
  created_at: string;
};

export async function getFormRequest(q: Q, id: string): Promise<FormRequestDbRow | undefined> {
  return q
    .selectFrom('form_requests as f')
    .leftJoin('requests as r', 'r.id', 'f.request_id')
    .select([
      'f.id',
      'f.number',
      'f.data_json',
      'f.sent_json',
      'f.request_id',
      'r.receipt_no',
      'f.created_by',
      'f.created_at',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function listFormRequestIds(q: Q, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('form_requests')
    .select('id')
    .orderBy('requested_on', 'desc')
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// The numbers of the year start with F-<year>-. SQLite's LIKE ignores the case of ASCII letters;
// PostgreSQL's LIKE ignores none, its ILIKE on a COLLATE "C" column (the schema's) those of ASCII
// only: the same match.
export async function countFormRequestsOfYear(q: Q, year: number): Promise<number> {
  const like = engineOf(q) === 'sqlite' ? 'like' : 'ilike';
  const row = await q
    .selectFrom('form_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('number', like, `F-${year}-%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertFormRequest(
  q: Q,
  r: { id: string; number: string; requestedOn: string; data: string; createdBy: string; createdAt: string },
): Promise<void> {
  await q
    .insertInto('form_requests')
    .values({
      id: r.id,
      number: r.number,
      requested_on: r.requestedOn,
      data_json: r.data,
      created_by: r.createdBy,
      created_at: r.createdAt,
    })
    .execute();
}

export async function setFormRequestSent(q: Q, id: string, sent: string): Promise<void> {
  await q.updateTable('form_requests').set({ sent_json: sent }).where('id', '=', id).execute();
}

export async function requestIdOfReceipt(q: Q, receiptNo: string): Promise<string | undefined> {
  const row = await q.selectFrom('requests').select('id').where('receipt_no', '=', receiptNo).executeTakeFirst();
  return row?.id;
}

export async function linkFormRequest(q: Q, id: string, requestId: string): Promise<void> {
  await q.updateTable('form_requests').set({ request_id: requestId }).where('id', '=', id).execute();
}

export async function deleteFormRequest(q: Q, id: string): Promise<void> {
  await q.deleteFrom('form_requests').where('id', '=', id).execute();
}

// Logged before `before` and never linked to a request: due for the retention purge.
export async function formRequestsToPurge(
  q: Q,
  before: string,
): Promise<{ id: string; number: string; requested_on: string }[]> {
  return q
    .selectFrom('form_requests')
    .select(['id', 'number', 'requested_on'])
    .where('request_id', 'is', null)
    .where('requested_on', '<', before)
    .orderBy('requested_on')
    .orderBy('number')
    .execute();
}
