import { prepared, type Db } from '../connection';

// The records found for a 開示 (disclosure_records, migration 0014).

export type DisclosureRecordRow = {
  id: string;
  request_id: string;
  kind: string;
  file_name: string;
  system: string;
  exported_on: string;
  format: string;
  size: number;
  sha256: string;
  added_by: string;
  added_at: string;
  marks_json?: string;
};

const COLUMNS = 'id, request_id, kind, file_name, system, exported_on, format, size, sha256, added_by, added_at';
const READ = `${COLUMNS}, marks_json`;

export function listDisclosureRecords(db: Db, requestId: string): DisclosureRecordRow[] {
  return prepared(db, `SELECT ${READ} FROM disclosure_records WHERE request_id = ? ORDER BY added_at, rowid`).all(
    requestId,
  ) as DisclosureRecordRow[];
}

export function getDisclosureRecord(db: Db, id: string): DisclosureRecordRow | undefined {
  return prepared(db, `SELECT ${READ} FROM disclosure_records WHERE id = ?`).get(id) as DisclosureRecordRow | undefined;
}

export function getDisclosureRecordContent(db: Db, id: string): Buffer | undefined {
  return prepared(db, 'SELECT content FROM disclosure_records WHERE id = ?').pluck().get(id) as Buffer | undefined;
}

export function countDisclosureRecords(db: Db, requestId: string): number {
  return prepared(db, 'SELECT count(*) FROM disclosure_records WHERE request_id = ?').pluck().get(requestId) as number;
}

export function insertDisclosureRecord(db: Db, r: DisclosureRecordRow & { content: Buffer }): void {
  prepared(db, `INSERT INTO disclosure_records (${COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    r.id,
    r.request_id,
    r.kind,
    r.file_name,
    r.system,
    r.exported_on,
    r.format,
    r.size,
    r.sha256,
    r.added_by,
    r.added_at,
    r.content,
  );
}

export function deleteDisclosureRecord(db: Db, id: string): void {
  prepared(db, 'DELETE FROM redacted_documents WHERE record_id = ?').run(id);
  prepared(db, 'DELETE FROM disclosure_records WHERE id = ?').run(id);
}

// New marks make the redacted copy stale: it goes with them.
export function setDisclosureRecordMarks(db: Db, id: string, marks: string): void {
  prepared(db, 'UPDATE disclosure_records SET marks_json = ? WHERE id = ?').run(marks, id);
  prepared(db, 'DELETE FROM redacted_documents WHERE record_id = ?').run(id);
}

// How many parts the redacted PDF made for the marks `marksSha` has (null: none kept).
export function redactedParts(db: Db, id: string, marksSha: string): number | null {
  const row = prepared(
    db,
    'SELECT parts, count(*) AS n FROM redacted_documents WHERE record_id = ? AND marks_sha = ?',
  ).get(id, marksSha) as { parts: number | null; n: number };
  return row.parts !== null && row.n === row.parts ? row.parts : null;
}

export function redactedPart(db: Db, id: string, part: number): Buffer | undefined {
  return prepared(db, 'SELECT data FROM redacted_documents WHERE record_id = ? AND part = ?').pluck().get(id, part) as
    Buffer | undefined;
}

export function clearRedacted(db: Db, id: string): void {
  prepared(db, 'DELETE FROM redacted_documents WHERE record_id = ?').run(id);
}

export function insertRedactedPart(
  db: Db,
  part: { id: string; marksSha: string; part: number; parts: number; data: Uint8Array },
): void {
  prepared(db, 'INSERT INTO redacted_documents (record_id, marks_sha, part, parts, data) VALUES (?, ?, ?, ?, ?)').run(
    part.id,
    part.marksSha,
    part.part,
    part.parts,
    part.data,
  );
}
