import type { Db } from '../connection';

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
  disclosure_method: string | null;
  status: string;
  notes: string;
  identity_json: string;
  created_at: string;
  updated_at: string;
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
  disclosureMethod: string | null;
  status: string;
  notes: string;
  identityJson: string;
  search: { kana: string; name: string; birth: string | null; phone: string | null };
  parties: { role: 'principal' | 'agent'; data: string }[];
  items: { kind: string; details: string }[];
  documents: { id: string; data: string }[];
  payments: { id: string; means: string; amount: number; receivedOn: string; issuedOn: string | null }[];
  at: string;
};

// Next 受付番号 serial for a counter (a year, or 0 for patterns without one); numbers are never
// reused, even if a request is later purged.
export function nextSerial(db: Db, year: number): number {
  const row = db
    .prepare(
      'INSERT INTO receipt_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
    )
    .get(year) as { last: number };
  return row.last;
}

export function receiptNoTaken(db: Db, receiptNo: string): boolean {
  return db.prepare('SELECT 1 FROM requests WHERE receipt_no = ?').get(receiptNo) !== undefined;
}

export function insertRequest(db: Db, r: NewRequest): void {
  db.prepare(
    `INSERT INTO requests (id, receipt_no, channel, arrival_date, provisional, tracking_no, received_by, requester_type,
       answer_to, delivery, reply_address, disclosure_method, status, notes, identity_json, search_kana, search_name,
       search_birth, search_phone, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
  const party = db.prepare('INSERT INTO request_parties (request_id, role, data) VALUES (?, ?, ?)');
  for (const p of r.parties) party.run(r.id, p.role, p.data);
  const item = db.prepare('INSERT INTO request_items (request_id, kind, details) VALUES (?, ?, ?)');
  for (const i of r.items) item.run(r.id, i.kind, i.details);
  const doc = db.prepare('INSERT INTO identity_documents (id, request_id, data) VALUES (?, ?, ?)');
  for (const d of r.documents) doc.run(d.id, r.id, d.data);
  const pay = db.prepare(
    'INSERT INTO fee_payments (id, request_id, means, amount, received_on, issued_on) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const p of r.payments) pay.run(p.id, r.id, p.means, p.amount, p.receivedOn, p.issuedOn);
}

export function confirmOriginals(db: Db, id: string, arrivalDate: string, at: string): void {
  db.prepare('UPDATE requests SET provisional = 0, arrival_date = ?, updated_at = ? WHERE id = ?').run(
    arrivalDate,
    at,
    id,
  );
}

export function getRequestRow(db: Db, id: string): RequestRow | null {
  return (db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined) ?? null;
}

export function getParties(db: Db, id: string): { role: string; data: string }[] {
  return db.prepare('SELECT role, data FROM request_parties WHERE request_id = ?').all(id) as {
    role: string;
    data: string;
  }[];
}

export function getItems(db: Db, id: string): { kind: string; details: string }[] {
  return db.prepare('SELECT kind, details FROM request_items WHERE request_id = ?').all(id) as {
    kind: string;
    details: string;
  }[];
}

export function getDocuments(db: Db, id: string): string[] {
  return db
    .prepare('SELECT data FROM identity_documents WHERE request_id = ? ORDER BY rowid')
    .pluck()
    .all(id) as string[];
}

export type PaymentRow = { id: string; means: string; amount: number; received_on: string; issued_on: string | null };
export function getPayments(db: Db, id: string): PaymentRow[] {
  return db
    .prepare('SELECT id, means, amount, received_on, issued_on FROM fee_payments WHERE request_id = ? ORDER BY rowid')
    .all(id) as PaymentRow[];
}

export type SummaryRow = {
  id: string;
  receipt_no: string;
  arrival_date: string;
  status: string;
  requester_type: string;
  principal: string | null;
  kinds: string | null;
};

const SUMMARY = `
  SELECT r.id, r.receipt_no, r.arrival_date, r.status, r.requester_type,
    (SELECT data FROM request_parties p WHERE p.request_id = r.id AND p.role = 'principal') AS principal,
    (SELECT group_concat(kind) FROM request_items i WHERE i.request_id = r.id) AS kinds
  FROM requests r`;

// Prefix search on an indexed column through a range (LIKE would not use the index).
export function searchByReceiptNo(db: Db, prefix: string, limit: number): SummaryRow[] {
  return db
    .prepare(`${SUMMARY} WHERE r.receipt_no >= ? AND r.receipt_no < ? ORDER BY r.receipt_no DESC LIMIT ?`)
    .all(prefix, `${prefix}\uffff`, limit) as SummaryRow[];
}

export function searchByKana(db: Db, prefix: string, limit: number): SummaryRow[] {
  return db
    .prepare(
      `${SUMMARY} WHERE r.search_kana >= ? AND r.search_kana < ? ORDER BY r.search_kana, r.arrival_date DESC LIMIT ?`,
    )
    .all(prefix, `${prefix}\uffff`, limit) as SummaryRow[];
}

export function findPossibleDuplicates(
  db: Db,
  key: { name: string; birth: string | null; kana: string; phone: string | null },
  closedStatuses: readonly string[],
): SummaryRow[] {
  const closed = closedStatuses.map(() => '?').join(', ') || "''";
  return db
    .prepare(
      `${SUMMARY} WHERE r.status NOT IN (${closed}) AND (
        (r.search_name = ? AND r.search_birth IS NOT NULL AND r.search_birth = ?)
        OR (r.search_kana = ? AND r.search_phone IS NOT NULL AND r.search_phone = ?))
      ORDER BY r.arrival_date DESC LIMIT 20`,
    )
    .all(...closedStatuses, key.name, key.birth, key.kana, key.phone) as SummaryRow[];
}

export type EnclosureRow = { id: string; type: string; mime: string; size: number; sha256: string; added_at: string };

export function insertEnclosure(
  db: Db,
  e: {
    id: string;
    requestId: string;
    type: string;
    mime: string;
    size: number;
    sha256: string;
    content: Buffer;
    addedBy: string;
    addedAt: string;
  },
): void {
  db.prepare(
    'INSERT INTO enclosures (id, request_id, type, mime, size, sha256, content, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.id, e.requestId, e.type, e.mime, e.size, e.sha256, e.content, e.addedBy, e.addedAt);
}

export function listEnclosures(db: Db, requestId: string): EnclosureRow[] {
  return db
    .prepare('SELECT id, type, mime, size, sha256, added_at FROM enclosures WHERE request_id = ? ORDER BY added_at')
    .all(requestId) as EnclosureRow[];
}

export function getEnclosureContent(db: Db, id: string): { mime: string; content: Buffer | null } | null {
  return (
    (db.prepare('SELECT mime, content FROM enclosures WHERE id = ?').get(id) as
      { mime: string; content: Buffer | null } | undefined) ?? null
  );
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
  },
): void {
  db.prepare(
    'INSERT INTO request_events (request_id, at, day, account_id, action, from_state, to_state, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.requestId, e.at, e.day, e.accountId, e.action, e.from, e.to, e.comment);
  db.prepare('UPDATE requests SET status = ?, updated_at = ? WHERE id = ?').run(e.to, e.at, e.requestId);
}

export function listEvents(db: Db, requestId: string): EventRow[] {
  return db
    .prepare(
      'SELECT id, at, day, account_id, action, from_state, to_state, comment FROM request_events WHERE request_id = ? ORDER BY id',
    )
    .all(requestId) as EventRow[];
}
