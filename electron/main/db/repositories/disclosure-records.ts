import { sql } from 'kysely';
import { engineOf, type Q } from '../store';

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

const COLUMNS = [
  'id',
  'request_id',
  'kind',
  'file_name',
  'system',
  'exported_on',
  'format',
  'size',
  'sha256',
  'added_by',
  'added_at',
] as const;
const READ = [...COLUMNS, 'marks_json'] as const;

// Records added in the same instant keep the order they were added in. SQLite: the table's
// rowid. PostgreSQL has no rowid: its schema gives the table an identity column `seq` for this.
export async function listDisclosureRecords(q: Q, requestId: string): Promise<DisclosureRecordRow[]> {
  const added = engineOf(q) === 'sqlite' ? sql`rowid` : sql`seq`;
  return q
    .selectFrom('disclosure_records')
    .select(READ)
    .where('request_id', '=', requestId)
    .orderBy('added_at')
    .orderBy(added)
    .execute();
}

export async function getDisclosureRecord(q: Q, id: string): Promise<DisclosureRecordRow | undefined> {
  return q.selectFrom('disclosure_records').select(READ).where('id', '=', id).executeTakeFirst();
}

export async function getDisclosureRecordContent(q: Q, id: string): Promise<Buffer | undefined> {
  const row = await q.selectFrom('disclosure_records').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content;
}

export async function countDisclosureRecords(q: Q, requestId: string): Promise<number> {
  const row = await q
    .selectFrom('disclosure_records')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertDisclosureRecord(q: Q, r: DisclosureRecordRow & { content: Buffer }): Promise<void> {
  await q
    .insertInto('disclosure_records')
    .values({
      id: r.id,
      request_id: r.request_id,
      kind: r.kind,
      file_name: r.file_name,
      system: r.system,
      exported_on: r.exported_on,
      format: r.format,
      size: r.size,
      sha256: r.sha256,
      added_by: r.added_by,
      added_at: r.added_at,
      content: r.content,
    })
    .execute();
}

// Two statements: run it in the caller's transaction so both commit together.
export async function deleteDisclosureRecord(q: Q, id: string): Promise<void> {
  await q.deleteFrom('redacted_documents').where('record_id', '=', id).execute();
  await q.deleteFrom('disclosure_records').where('id', '=', id).execute();
}

// New marks make the redacted copy stale: it goes with them (two statements: run it in the
// caller's transaction so both commit together).
export async function setDisclosureRecordMarks(q: Q, id: string, marks: string): Promise<void> {
  await q.updateTable('disclosure_records').set({ marks_json: marks }).where('id', '=', id).execute();
  await q.deleteFrom('redacted_documents').where('record_id', '=', id).execute();
}

// How many parts the redacted PDF made for the marks `marksSha` has (null: none kept).
// Every part of one copy records the same total; the copy is whole when as many parts are kept.
// (PostgreSQL refuses a bare `parts` beside count(*), so the total is read as min and max, which
// must agree.)
export async function redactedParts(q: Q, id: string, marksSha: string): Promise<number | null> {
  const row = await q
    .selectFrom('redacted_documents')
    .select((eb) => [eb.fn.min('parts').as('low'), eb.fn.max('parts').as('high'), eb.fn.countAll().as('n')])
    .where('record_id', '=', id)
    .where('marks_sha', '=', marksSha)
    .executeTakeFirstOrThrow();
  const low = row.low as number | null;
  return low !== null && low === row.high && Number(row.n) === low ? low : null;
}

export async function redactedPart(q: Q, id: string, part: number): Promise<Buffer | undefined> {
  const row = await q
    .selectFrom('redacted_documents')
    .select('data')
    .where('record_id', '=', id)
    .where('part', '=', part)
    .executeTakeFirst();
  return row?.data;
}

export async function clearRedacted(q: Q, id: string): Promise<void> {
  await q.deleteFrom('redacted_documents').where('record_id', '=', id).execute();
}

export async function insertRedactedPart(
  q: Q,
  part: { id: string; marksSha: string; part: number; parts: number; data: Uint8Array },
): Promise<void> {
  await q
    .insertInto('redacted_documents')
    .values({
      record_id: part.id,
      marks_sha: part.marksSha,
      part: part.part,
      parts: part.parts,
      // A view on the same bytes (no copy): both drivers bind a Buffer as a BLOB / bytea.
      data: Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength),
    })
    .execute();
}
