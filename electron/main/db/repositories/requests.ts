import { sql, type Selectable } from 'kysely';
import type { RequestsTable } from '../schema';
import { preparedQuery, preparedShapes, type Scalar } from '../prepared-query';
import { insertChildren } from './request-children';
import { engineOf, type Q } from '../store';

// A request as services read it: every column but the search copies and the kind mask.
export type RequestRow = Pick<Selectable<RequestsTable>, (typeof REQUEST_COLUMNS)[number]>;
// prettier-ignore
const REQUEST_COLUMNS = [
  'id', 'receipt_no', 'channel', 'arrival_date', 'provisional', 'tracking_no', 'received_by', 'requester_type',
  'answer_to', 'delivery', 'reply_address', 'reply_postal_code', 'disclosure_method', 'status', 'notes',
  'identity_json', 'created_at', 'updated_at', 'article39_date', 'sla_date', 'due_date', 'cure_json', 'cure_due',
  'extension_json', 'submitted_by', 'approved_by', 'disposal_json', 'fee_return_json', 'fax_received_on',
  'suspicion_json', 'searches_json', 'closed_on', 'purged_at', 'outside_law_json', 'split_from',
] as const;

export type NewRequest = {
  id: string;
  receiptNo: string;
  channel: string;
  arrivalDate: string;
  provisional: boolean;
  trackingNo: string;
  receivedBy: string;
  requesterType: string;
  answerTo: string;
  delivery: string;
  replyAddress: string;
  replyPostalCode: string;
  disclosureMethod: string | null;
  status: string;
  notes: string;
  identityJson: string;
  search: { kana: string; name: string; birth: string | null; phone: string | null };
  parties: { role: 'principal' | 'agent'; data: string }[];
  items: { kind: string; details: string }[];
  documents: { id: string; data: string }[];
  payments: {
    id: string;
    means: string;
    amount: number;
    receivedOn: string;
    issuedOn: string | null;
    forKind: string | null;
  }[];
  at: string;
};

// Next 受付番号 serial for a counter (a year, or 0 for patterns without one); numbers are never
// reused, even if a request is later purged.
// `last` is qualified: PostgreSQL would find a bare `last` ambiguous (the row or `excluded`).
const countUp = preparedQuery((q, year: number) =>
  q
    .insertInto('receipt_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('receipt_counters.last', '+', 1) })))
    .returning('last'),
);
export async function nextSerial(q: Q, year: number): Promise<number> {
  const row = (await countUp(q, year)).rows[0];
  if (!row) throw new Error('The receipt counter returned no row.');
  return row.last;
}

const requestWithReceiptNo = preparedQuery((q, receiptNo: string) =>
  q.selectFrom('requests').select('id').where('receipt_no', '=', receiptNo),
);
export async function receiptNoTaken(q: Q, receiptNo: string): Promise<boolean> {
  return (await requestWithReceiptNo(q, receiptNo)).rows.length > 0;
}

export async function insertRequest(q: Q, r: NewRequest): Promise<void> {
  const row = {
    id: r.id,
    receipt_no: r.receiptNo,
    channel: r.channel,
    arrival_date: r.arrivalDate,
    provisional: r.provisional ? 1 : 0,
    received_by: r.receivedBy,
    status: r.status,
    ...intakeColumns(r),
    created_at: r.at,
    updated_at: r.at,
  };
  const columns = Object.keys(row) as (keyof typeof row)[];
  await requestInsert(
    q,
    columns,
    columns.map((c) => row[c] as Scalar),
  );
  await insertChildren(q, r.id, r);
}
// One plan per set of columns (prepared-query.ts).
const requestInsert = preparedShapes((q, columns: readonly string[], slot) =>
  q.insertInto('requests').values(Object.fromEntries(columns.map((c, i) => [c, slot(i)])) as never),
);

export async function confirmOriginals(q: Q, id: string, arrivalDate: string, at: string): Promise<void> {
  // The FAX's day moves to fax_received_on: SET reads the row as it was on both engines.
  await q
    .updateTable('requests')
    .set((eb) => ({
      provisional: 0,
      fax_received_on: eb.ref('arrival_date'),
      arrival_date: arrivalDate,
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}

// By name, not *: both engines return the same shape (PostgreSQL's table has an identity column).
const requestRow = preparedQuery((q, id: string) =>
  q.selectFrom('requests').select(REQUEST_COLUMNS).where('id', '=', id),
);
export async function getRequestRow(q: Q, id: string): Promise<RequestRow | null> {
  return (await requestRow(q, id)).rows[0] ?? null;
}

// Key order, as SQLite's WITHOUT ROWID tables give their rows without an ORDER BY: byte order on
// SQLite; on PostgreSQL COLLATE "C" for the same order whatever the database's locale (kinds are
// camelCase, and a locale would sort them without regard to case).
const keyOrder = (q: Q, column: 'role' | 'kind') =>
  engineOf(q) === 'sqlite' ? sql.ref(column) : sql`${sql.ref(column)} collate "C"`;

const parties = preparedQuery((q, id: string) =>
  q.selectFrom('request_parties').select(['role', 'data']).where('request_id', '=', id).orderBy(keyOrder(q, 'role')),
);
export async function getParties(q: Q, id: string): Promise<{ role: string; data: string }[]> {
  return (await parties(q, id)).rows;
}

const items = preparedQuery((q, id: string) =>
  q.selectFrom('request_items').select(['kind', 'details']).where('request_id', '=', id).orderBy(keyOrder(q, 'kind')),
);
export async function getItems(q: Q, id: string): Promise<{ kind: string; details: string }[]> {
  return (await items(q, id)).rows;
}

// The order rows were inserted in: SQLite's rowid; PostgreSQL has no rowid, so these tables get an
// identity column `seq` there.
const insertionOrder = (q: Q) => (engineOf(q) === 'sqlite' ? sql`rowid` : sql`seq`);

const documents = preparedQuery((q, id: string) =>
  q.selectFrom('identity_documents').select('data').where('request_id', '=', id).orderBy(insertionOrder(q)),
);
export async function getDocuments(q: Q, id: string): Promise<string[]> {
  return (await documents(q, id)).rows.map((r) => r.data);
}

export type PaymentRow = {
  id: string;
  means: string;
  amount: number;
  received_on: string;
  issued_on: string | null;
  for_kind: string | null;
};
const payments = preparedQuery((q, id: string) =>
  q
    .selectFrom('fee_payments')
    .select(['id', 'means', 'amount', 'received_on', 'issued_on', 'for_kind'])
    .where('request_id', '=', id)
    .orderBy(insertionOrder(q)),
);
export async function getPayments(q: Q, id: string): Promise<PaymentRow[]> {
  return (await payments(q, id)).rows;
}

export type EventRow = {
  id: number;
  at: string;
  day: string;
  account_id: string;
  action: string;
  from_state: string;
  to_state: string;
  comment: string;
};

export async function insertEvent(
  q: Q,
  e: {
    requestId: string;
    at: string;
    day: string;
    accountId: string;
    action: string;
    from: string;
    to: string;
    comment: string;
    // The day the request closed, when the event closes it.
    closedOn: string | null;
  },
): Promise<void> {
  await eventInsert(q, e.requestId, e.at, e.day, e.accountId, e.action, e.from, e.to, e.comment);
  await statusUpdate(q, e.to, e.closedOn, e.at, e.requestId);
}
// prettier-ignore
const eventInsert = preparedQuery(
  (q, request_id: string, at: string, day: string, account_id: string, action: string, from_state: string,
    to_state: string, comment: string) =>
    q.insertInto('request_events')
      .values({ request_id, at, day, account_id, action, from_state, to_state, comment }),
);
const statusUpdate = preparedQuery((q, status: string, closed_on: string | null, updated_at: string, id: string) =>
  q.updateTable('requests').set({ status, closed_on, updated_at }).where('id', '=', id),
);

// The id of the request's latest 承認 (approve event), or null if it was never approved.
export async function latestApprovalEvent(q: Q, requestId: string): Promise<number | null> {
  const row = await q
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('request_id', '=', requestId)
    .where('action', '=', 'approve')
    .executeTakeFirst();
  return row?.id ?? null;
}

const events = preparedQuery((q, requestId: string) =>
  q
    .selectFrom('request_events')
    .select(['id', 'at', 'day', 'account_id', 'action', 'from_state', 'to_state', 'comment'])
    .where('request_id', '=', requestId)
    .orderBy('id'),
);
export async function listEvents(q: Q, requestId: string): Promise<EventRow[]> {
  return (await events(q, requestId)).rows;
}

// The request's processing columns (0004): one setter, so every write goes through the same door.
export type ProcessingColumns = Pick<
  RequestRow,
  | 'article39_date'
  | 'sla_date'
  | 'due_date'
  | 'cure_json'
  | 'cure_due'
  | 'extension_json'
  | 'submitted_by'
  | 'approved_by'
  | 'disposal_json'
  | 'fee_return_json'
  | 'suspicion_json'
  | 'searches_json'
  | 'outside_law_json'
>;

export async function setProcessing(q: Q, id: string, values: Partial<ProcessingColumns>, at: string): Promise<void> {
  if (Object.keys(values).length === 0) return;
  const columns = (Object.keys(values) as (keyof ProcessingColumns)[]).filter((c) => values[c] !== undefined);
  await processingUpdate(q, columns, [...columns.map((c) => values[c] as Scalar), at, id]);
}
// One plan per set of columns set (prepared-query.ts): the columns' values, updated_at, the id.
const processingUpdate = preparedShapes((q, columns: readonly string[], slot) =>
  q
    .updateTable('requests')
    .set({ ...Object.fromEntries(columns.map((c, i) => [c, slot(i)])), updated_at: slot(columns.length) } as never)
    .where('id', '=', slot(columns.length + 1)),
);

// `x NOT IN ()` is an error on PostgreSQL; an empty list keeps every row, as `NOT IN ('')` did.
const orNone = (values: readonly string[]): readonly string[] => (values.length > 0 ? values : ['']);

// Requests whose dates are still to compute (rows from before migration 0004), or every open
// one (after the SLA or closed-day settings changed).
export async function requestIdsForDeadlines(q: Q, all: boolean, closedStatuses: readonly string[]): Promise<string[]> {
  const rows = await (
    all
      ? q.selectFrom('requests').select('id').where('status', 'not in', orNone(closedStatuses))
      : q.selectFrom('requests').select('id').where('due_date', 'is', null)
  ).execute();
  return rows.map((r) => r.id);
}

// What intake can change after registration: the request's own columns, then its parts.
export type Intake = Omit<
  NewRequest,
  'id' | 'receiptNo' | 'channel' | 'arrivalDate' | 'provisional' | 'receivedBy' | 'status'
>;

const intakeColumns = (r: Intake) => ({
  tracking_no: r.trackingNo,
  requester_type: r.requesterType,
  answer_to: r.answerTo,
  delivery: r.delivery,
  reply_address: r.replyAddress,
  reply_postal_code: r.replyPostalCode,
  disclosure_method: r.disclosureMethod,
  notes: r.notes,
  identity_json: r.identityJson,
  search_kana: r.search.kana,
  search_name: r.search.name,
  search_birth: r.search.birth,
  search_phone: r.search.phone,
});

export async function replaceIntake(q: Q, id: string, r: Intake): Promise<void> {
  await q
    .updateTable('requests')
    .set({ ...intakeColumns(r), updated_at: r.at })
    .where('id', '=', id)
    .execute();
  for (const table of ['request_parties', 'request_items', 'identity_documents', 'fee_payments'] as const) {
    await q.deleteFrom(table).where('request_id', '=', id).execute();
  }
  await insertChildren(q, id, r);
}

export type DecisionRow = { kind: string; data: string; drafted_by: string; drafted_at: string };

export async function upsertDecision(
  q: Q,
  d: { requestId: string; kind: string; data: string; by: string; at: string },
): Promise<void> {
  await q
    .insertInto('request_decisions')
    .values({ request_id: d.requestId, kind: d.kind, data: d.data, drafted_by: d.by, drafted_at: d.at })
    .onConflict((oc) =>
      oc.columns(['request_id', 'kind']).doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        drafted_by: eb.ref('excluded.drafted_by'),
        drafted_at: eb.ref('excluded.drafted_at'),
      })),
    )
    .execute();
}

const decisions = preparedQuery((q, requestId: string) =>
  q
    .selectFrom('request_decisions')
    .select(['kind', 'data', 'drafted_by', 'drafted_at'])
    .where('request_id', '=', requestId)
    .orderBy(keyOrder(q, 'kind')),
);
export async function listDecisions(q: Q, requestId: string): Promise<DecisionRow[]> {
  return (await decisions(q, requestId)).rows;
}

export async function deleteDecisionsExcept(q: Q, requestId: string, kinds: readonly string[]): Promise<void> {
  await q
    .deleteFrom('request_decisions')
    .where('request_id', '=', requestId)
    .where('kind', 'not in', orNone(kinds))
    .execute();
}

export type DispatchRow = { id: string; data: string; recorded_by: string; recorded_at: string };

export async function insertDispatch(
  q: Q,
  d: { id: string; requestId: string; data: string; by: string; at: string },
): Promise<void> {
  await q
    .insertInto('request_dispatches')
    .values({ id: d.id, request_id: d.requestId, data: d.data, recorded_by: d.by, recorded_at: d.at })
    .execute();
}

const dispatches = preparedQuery((q, requestId: string) =>
  q
    .selectFrom('request_dispatches')
    .select(['id', 'data', 'recorded_by', 'recorded_at'])
    .where('request_id', '=', requestId)
    .orderBy('recorded_at'),
);
export async function listDispatches(q: Q, requestId: string): Promise<DispatchRow[]> {
  return (await dispatches(q, requestId)).rows;
}

const names = preparedQuery((q) => q.selectFrom('accounts').select(['id', 'display_name']));
export async function accountNames(q: Q): Promise<Record<string, string>> {
  return Object.fromEntries((await names(q)).rows.map((r) => [r.id, r.display_name]));
}

// A request's step as stored now (null: no such request), read inside a write that depends on it.
const statusOf = preparedQuery((q, id: string) => q.selectFrom('requests').select('status').where('id', '=', id));
export async function getRequestStatus(q: Q, id: string): Promise<string | null> {
  return (await statusOf(q, id)).rows[0]?.status ?? null;
}
