import { sql } from 'kysely';
import { engineOf, type Q } from '../store';

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

const LETTER_COLUMNS = [
  'id',
  'request_id',
  'kind',
  'document_no',
  'sha256',
  'signed',
  'created_by',
  'created_at',
  'approval_event',
] as const;

export async function nextLetterSerial(q: Q, year: number): Promise<number> {
  // The stored counter is named with its table: in PostgreSQL's DO UPDATE a bare `last` is
  // ambiguous (the stored row or `excluded`); SQLite accepts the qualified name as well.
  const row = await q
    .insertInto('letter_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('letter_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

// The serial the next letter of the year would take, without taking it.
export async function peekLetterSerial(q: Q, year: number): Promise<number> {
  const row = await q.selectFrom('letter_counters').select('last').where('year', '=', year).executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

export async function setLetterSerial(q: Q, year: number, last: number): Promise<void> {
  await q.updateTable('letter_counters').set({ last }).where('year', '=', year).execute();
}

export async function documentNoTaken(q: Q, documentNo: string): Promise<boolean> {
  const row = await q
    .selectFrom('letters')
    .select((eb) => eb.lit(1).as('taken'))
    .where('document_no', '=', documentNo)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertLetter(
  q: Q,
  l: Omit<LetterRow, 'signed'> & { signed: boolean; pdf: Uint8Array; reissue_reason: string | null },
): Promise<void> {
  await q
    .insertInto('letters')
    .values({
      id: l.id,
      request_id: l.request_id,
      kind: l.kind,
      document_no: l.document_no,
      pdf: Buffer.from(l.pdf),
      sha256: l.sha256,
      signed: l.signed ? 1 : 0,
      created_by: l.created_by,
      created_at: l.created_at,
      reissue_reason: l.reissue_reason,
      approval_event: l.approval_event,
    })
    .execute();
}

// In the order they were issued: rowid, not created_at (a PC's clock can be set back, and a
// 再発行 must come after the letter it replaces).
// SQLite: the table's rowid. PostgreSQL has no rowid: its schema gives letters an identity column
// `seq` for this order.
export async function listLetters(q: Q, requestId: string): Promise<LetterRow[]> {
  const issued = engineOf(q) === 'sqlite' ? sql`rowid` : sql`seq`;
  return q.selectFrom('letters').select(LETTER_COLUMNS).where('request_id', '=', requestId).orderBy(issued).execute();
}

// Every column SQLite's table has (PostgreSQL's `seq` is an ordering key, not part of the letter).
export async function getLetterPdf(
  q: Q,
  id: string,
): Promise<(LetterRow & { pdf: Buffer; reissue_reason: string | null }) | null> {
  return (
    (await q
      .selectFrom('letters')
      .select([...LETTER_COLUMNS, 'pdf', 'reissue_reason'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
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

export async function putSigningIdentity(q: Q, r: IdentityRow): Promise<void> {
  await q
    .insertInto('signing_identity')
    .values({ id: 1, ...r })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        key: eb.ref('excluded.key'),
        certificates: eb.ref('excluded.certificates'),
        subject: eb.ref('excluded.subject'),
        not_before: eb.ref('excluded.not_before'),
        not_after: eb.ref('excluded.not_after'),
        imported_by: eb.ref('excluded.imported_by'),
        imported_at: eb.ref('excluded.imported_at'),
      })),
    )
    .execute();
}

export async function getSigningIdentity(q: Q): Promise<IdentityRow | null> {
  return (
    (await q
      .selectFrom('signing_identity')
      .select(['id', 'key', 'certificates', 'subject', 'not_before', 'not_after', 'imported_by', 'imported_at'])
      .where('id', '=', 1)
      .executeTakeFirst()) ?? null
  );
}

export async function deleteSigningIdentity(q: Q): Promise<void> {
  await q.deleteFrom('signing_identity').execute();
}

export async function putSeal(q: Q, png: Buffer, by: string, at: string): Promise<void> {
  await q
    .insertInto('seal_image')
    .values({ id: 1, png, imported_by: by, imported_at: at })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        png: eb.ref('excluded.png'),
        imported_by: eb.ref('excluded.imported_by'),
        imported_at: eb.ref('excluded.imported_at'),
      })),
    )
    .execute();
}

export async function getSeal(q: Q): Promise<Buffer | null> {
  const row = await q.selectFrom('seal_image').select('png').where('id', '=', 1).executeTakeFirst();
  return row?.png ?? null;
}

export async function deleteSeal(q: Q): Promise<void> {
  await q.deleteFrom('seal_image').execute();
}
