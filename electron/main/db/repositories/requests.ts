import { prepared, type Db } from '../connection';

export type RequestRow = {
  id: string;
  receipt_no: string;
  channel: string;
  arrival_date: string;
  provisional: number;
  tracking_no: string;
  received_by: string;
  requester_type: string;
  answer_to: string;
  delivery: string;
  reply_address: string;
  reply_postal_code: string;
  disclosure_method: string | null;
  status: string;
  notes: string;
  identity_json: string;
  created_at: string;
  updated_at: string;
  article39_date: string | null;
  sla_date: string | null;
  due_date: string | null;
  cure_json: string | null;
  cure_due: string | null;
  extension_json: string | null;
  submitted_by: string | null;
  approved_by: string | null;
  disposal_json: string | null;
  fee_return_json: string | null;
  fax_received_on: string | null;
  suspicion_json: string | null;
  searches_json: string | null;
  closed_on: string | null;
  purged_at: string | null;
};

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
export function nextSerial(db: Db, year: number): number {
  const row = prepared(
    db,
    'INSERT INTO receipt_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
  ).get(year) as { last: number };
  return row.last;
}

export function receiptNoTaken(db: Db, receiptNo: string): boolean {
  return prepared(db, 'SELECT 1 FROM requests WHERE receipt_no = ?').get(receiptNo) !== undefined;
}

export function insertRequest(db: Db, r: NewRequest): void {
  prepared(
    db,
    `INSERT INTO requests (id, receipt_no, channel, arrival_date, provisional, tracking_no, received_by, requester_type,
       answer_to, delivery, reply_address, reply_postal_code, disclosure_method, status, notes, identity_json,
       search_kana, search_name, search_birth, search_phone, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id,
    r.receiptNo,
    r.channel,
    r.arrivalDate,
    r.provisional ? 1 : 0,
    r.trackingNo,
    r.receivedBy,
    r.requesterType,
    r.answerTo,
    r.delivery,
    r.replyAddress,
    r.replyPostalCode,
    r.disclosureMethod,
    r.status,
    r.notes,
    r.identityJson,
    r.search.kana,
    r.search.name,
    r.search.birth,
    r.search.phone,
    r.at,
    r.at,
  );
  insertChildren(db, r.id, r);
}

export function confirmOriginals(db: Db, id: string, arrivalDate: string, at: string): void {
  prepared(
    db,
    'UPDATE requests SET provisional = 0, fax_received_on = arrival_date, arrival_date = ?, updated_at = ? WHERE id = ?',
  ).run(arrivalDate, at, id);
}

export function getRequestRow(db: Db, id: string): RequestRow | null {
  return (prepared(db, 'SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined) ?? null;
}

export function getParties(db: Db, id: string): { role: string; data: string }[] {
  return prepared(db, 'SELECT role, data FROM request_parties WHERE request_id = ?').all(id) as {
    role: string;
    data: string;
  }[];
}

export function getItems(db: Db, id: string): { kind: string; details: string }[] {
  return prepared(db, 'SELECT kind, details FROM request_items WHERE request_id = ?').all(id) as {
    kind: string;
    details: string;
  }[];
}

export function getDocuments(db: Db, id: string): string[] {
  return prepared(db, 'SELECT data FROM identity_documents WHERE request_id = ? ORDER BY rowid')
    .pluck()
    .all(id) as string[];
}

export type PaymentRow = {
  id: string;
  means: string;
  amount: number;
  received_on: string;
  issued_on: string | null;
  for_kind: string | null;
};
export function getPayments(db: Db, id: string): PaymentRow[] {
  return prepared(
    db,
    'SELECT id, means, amount, received_on, issued_on, for_kind FROM fee_payments WHERE request_id = ? ORDER BY rowid',
  ).all(id) as PaymentRow[];
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

export function insertEvent(
  db: Db,
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
): void {
  prepared(
    db,
    'INSERT INTO request_events (request_id, at, day, account_id, action, from_state, to_state, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.requestId, e.at, e.day, e.accountId, e.action, e.from, e.to, e.comment);
  prepared(db, 'UPDATE requests SET status = ?, closed_on = ?, updated_at = ? WHERE id = ?').run(
    e.to,
    e.closedOn,
    e.at,
    e.requestId,
  );
}

// The id of the request's latest 承認 (approve event), or null if it was never approved.
export function latestApprovalEvent(db: Db, requestId: string): number | null {
  return (
    (prepared(db, "SELECT max(id) FROM request_events WHERE request_id = ? AND action = 'approve'")
      .pluck()
      .get(requestId) as number | null | undefined) ?? null
  );
}

export function listEvents(db: Db, requestId: string): EventRow[] {
  return prepared(
    db,
    'SELECT id, at, day, account_id, action, from_state, to_state, comment FROM request_events WHERE request_id = ? ORDER BY id',
  ).all(requestId) as EventRow[];
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
>;

export function setProcessing(db: Db, id: string, values: Partial<ProcessingColumns>, at: string): void {
  const keys = Object.keys(values) as (keyof ProcessingColumns)[];
  if (keys.length === 0) return;
  prepared(
    db,
    `UPDATE requests SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`,
  ).run({
    ...values,
    at,
    id,
  });
}

// Requests whose dates are still to compute (rows from before migration 0004), or every open
// one (after the SLA or closed-day settings changed).
export function requestIdsForDeadlines(db: Db, all: boolean, closedStatuses: readonly string[]): string[] {
  const closed = closedStatuses.map(() => '?').join(', ') || "''";
  return prepared(
    db,
    all ? `SELECT id FROM requests WHERE status NOT IN (${closed})` : 'SELECT id FROM requests WHERE due_date IS NULL',
  )
    .pluck()
    .all(...(all ? closedStatuses : [])) as string[];
}

export function replaceIntake(
  db: Db,
  id: string,
  r: Pick<
    NewRequest,
    | 'trackingNo'
    | 'requesterType'
    | 'answerTo'
    | 'delivery'
    | 'replyAddress'
    | 'replyPostalCode'
    | 'disclosureMethod'
    | 'notes'
    | 'identityJson'
    | 'search'
    | 'parties'
    | 'items'
    | 'documents'
    | 'payments'
    | 'at'
  >,
): void {
  prepared(
    db,
    `UPDATE requests SET tracking_no = ?, requester_type = ?, answer_to = ?, delivery = ?, reply_address = ?,
       reply_postal_code = ?, disclosure_method = ?, notes = ?, identity_json = ?, search_kana = ?, search_name = ?, search_birth = ?,
       search_phone = ?, updated_at = ? WHERE id = ?`,
  ).run(
    r.trackingNo,
    r.requesterType,
    r.answerTo,
    r.delivery,
    r.replyAddress,
    r.replyPostalCode,
    r.disclosureMethod,
    r.notes,
    r.identityJson,
    r.search.kana,
    r.search.name,
    r.search.birth,
    r.search.phone,
    r.at,
    id,
  );
  for (const table of ['request_parties', 'request_items', 'identity_documents', 'fee_payments']) {
    prepared(db, `DELETE FROM ${table} WHERE request_id = ?`).run(id);
  }
  insertChildren(db, id, r);
}

function insertChildren(db: Db, id: string, r: Pick<NewRequest, 'parties' | 'items' | 'documents' | 'payments'>): void {
  const party = prepared(db, 'INSERT INTO request_parties (request_id, role, data) VALUES (?, ?, ?)');
  for (const p of r.parties) party.run(id, p.role, p.data);
  const item = prepared(db, 'INSERT INTO request_items (request_id, kind, details) VALUES (?, ?, ?)');
  for (const i of r.items) item.run(id, i.kind, i.details);
  const doc = prepared(db, 'INSERT INTO identity_documents (id, request_id, data) VALUES (?, ?, ?)');
  for (const d of r.documents) doc.run(d.id, id, d.data);
  const pay = prepared(
    db,
    'INSERT INTO fee_payments (id, request_id, means, amount, received_on, issued_on, for_kind) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of r.payments) pay.run(p.id, id, p.means, p.amount, p.receivedOn, p.issuedOn, p.forKind);
}

export type DecisionRow = { kind: string; data: string; drafted_by: string; drafted_at: string };

export function upsertDecision(
  db: Db,
  d: { requestId: string; kind: string; data: string; by: string; at: string },
): void {
  prepared(
    db,
    `INSERT INTO request_decisions (request_id, kind, data, drafted_by, drafted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (request_id, kind) DO UPDATE SET data = excluded.data, drafted_by = excluded.drafted_by,
       drafted_at = excluded.drafted_at`,
  ).run(d.requestId, d.kind, d.data, d.by, d.at);
}

export function listDecisions(db: Db, requestId: string): DecisionRow[] {
  return prepared(db, 'SELECT kind, data, drafted_by, drafted_at FROM request_decisions WHERE request_id = ?').all(
    requestId,
  ) as DecisionRow[];
}

export function deleteDecisionsExcept(db: Db, requestId: string, kinds: readonly string[]): void {
  const keep = kinds.map(() => '?').join(', ') || "''";
  prepared(db, `DELETE FROM request_decisions WHERE request_id = ? AND kind NOT IN (${keep})`).run(requestId, ...kinds);
}

export type DispatchRow = { id: string; data: string; recorded_by: string; recorded_at: string };

export function insertDispatch(
  db: Db,
  d: { id: string; requestId: string; data: string; by: string; at: string },
): void {
  prepared(
    db,
    'INSERT INTO request_dispatches (id, request_id, data, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)',
  ).run(d.id, d.requestId, d.data, d.by, d.at);
}

export function listDispatches(db: Db, requestId: string): DispatchRow[] {
  return prepared(
    db,
    'SELECT id, data, recorded_by, recorded_at FROM request_dispatches WHERE request_id = ? ORDER BY recorded_at',
  ).all(requestId) as DispatchRow[];
}

export function accountNames(db: Db): Record<string, string> {
  const rows = prepared(db, 'SELECT id, display_name FROM accounts').all() as { id: string; display_name: string }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.display_name]));
}

// A request's step as stored now (null: no such request), read inside a write that depends on it.
export function getRequestStatus(db: Db, id: string): string | null {
  const row = prepared(db, 'SELECT status FROM requests WHERE id = ?').get(id) as { status: string } | undefined;
  return row?.status ?? null;
}
