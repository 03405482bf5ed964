import { prepared, type Db } from '../connection';

export type LetterRow = {
  id: string;
  request_id: string;
  kind: string;
  document_no: string;
  sha256: string;
  signed: number;
  created_by: string;
  created_at: string;
  // The request's 'approve' event the letter was finalized under (decision letters; migration 0022).
  approval_event: number | null;
};

export function nextLetterSerial(db: Db, year: number): number {
  const row = prepared(
    db,
    'INSERT INTO letter_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
  ).get(year) as { last: number };
  return row.last;
}

// The serial the next letter of the year would take, without taking it.
export function peekLetterSerial(db: Db, year: number): number {
  const row = prepared(db, 'SELECT last FROM letter_counters WHERE year = ?').get(year) as { last: number } | undefined;
  return (row?.last ?? 0) + 1;
}

export function setLetterSerial(db: Db, year: number, last: number): void {
  prepared(db, 'UPDATE letter_counters SET last = ? WHERE year = ?').run(last, year);
}

export function documentNoTaken(db: Db, documentNo: string): boolean {
  return prepared(db, 'SELECT 1 FROM letters WHERE document_no = ?').get(documentNo) !== undefined;
}

export function insertLetter(
  db: Db,
  l: Omit<LetterRow, 'signed'> & { signed: boolean; pdf: Uint8Array; reissue_reason: string | null },
): void {
  prepared(
    db,
    `INSERT INTO letters (id, request_id, kind, document_no, pdf, sha256, signed, created_by, created_at, reissue_reason,
       approval_event)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    l.id,
    l.request_id,
    l.kind,
    l.document_no,
    Buffer.from(l.pdf),
    l.sha256,
    l.signed ? 1 : 0,
    l.created_by,
    l.created_at,
    l.reissue_reason,
    l.approval_event,
  );
}

// In the order they were issued: rowid, not created_at (a PC's clock can be set back, and a
// 再発行 must come after the letter it replaces).
export function listLetters(db: Db, requestId: string): LetterRow[] {
  return prepared(
    db,
    `SELECT id, request_id, kind, document_no, sha256, signed, created_by, created_at, approval_event
     FROM letters WHERE request_id = ? ORDER BY rowid`,
  ).all(requestId) as LetterRow[];
}

export function getLetterPdf(db: Db, id: string): (LetterRow & { pdf: Buffer }) | null {
  return (
    (prepared(db, 'SELECT * FROM letters WHERE id = ?').get(id) as (LetterRow & { pdf: Buffer }) | undefined) ?? null
  );
}

export type IdentityRow = {
  key: Buffer;
  certificates: string;
  subject: string;
  not_before: string;
  not_after: string;
  imported_by: string;
  imported_at: string;
};

export function putSigningIdentity(db: Db, r: IdentityRow): void {
  prepared(
    db,
    `INSERT INTO signing_identity (id, key, certificates, subject, not_before, not_after, imported_by, imported_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET key = excluded.key, certificates = excluded.certificates, subject = excluded.subject,
       not_before = excluded.not_before, not_after = excluded.not_after, imported_by = excluded.imported_by,
       imported_at = excluded.imported_at`,
  ).run(r.key, r.certificates, r.subject, r.not_before, r.not_after, r.imported_by, r.imported_at);
}

export function getSigningIdentity(db: Db): IdentityRow | null {
  return (prepared(db, 'SELECT * FROM signing_identity WHERE id = 1').get() as IdentityRow | undefined) ?? null;
}

export function deleteSigningIdentity(db: Db): void {
  prepared(db, 'DELETE FROM signing_identity').run();
}

export function putSeal(db: Db, png: Buffer, by: string, at: string): void {
  prepared(
    db,
    `INSERT INTO seal_image (id, png, imported_by, imported_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET png = excluded.png, imported_by = excluded.imported_by, imported_at = excluded.imported_at`,
  ).run(png, by, at);
}

export function getSeal(db: Db): Buffer | null {
  return (prepared(db, 'SELECT png FROM seal_image WHERE id = 1').pluck().get() as Buffer | undefined) ?? null;
}

export function deleteSeal(db: Db): void {
  prepared(db, 'DELETE FROM seal_image').run();
}
