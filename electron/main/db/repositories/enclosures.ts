import { preparedQuery } from '../prepared-query';
import type { Q } from '../store';

// The scanned documents enclosed with requests (their content is a BLOB in the encrypted database,
// bytea on PostgreSQL).

export type EnclosureRow = { id: string; type: string; mime: string; size: number; sha256: string; added_at: string };

const COLUMNS = ['id', 'type', 'mime', 'size', 'sha256', 'added_at'] as const;

export async function insertEnclosure(
  q: Q,
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
): Promise<void> {
  await enclosureInsert(q, e.id, e.requestId, e.type, e.mime, e.size, e.sha256, e.content, e.addedBy, e.addedAt);
}
// prettier-ignore
const enclosureInsert = preparedQuery(
  (q, id: string, request_id: string, type: string, mime: string, size: number, sha256: string, content: Buffer,
    added_by: string, added_at: string) =>
    q.insertInto('enclosures').values({ id, request_id, type, mime, size, sha256, content, added_by, added_at }),
);

const enclosures = preparedQuery((q, requestId: string) =>
  q.selectFrom('enclosures').select(COLUMNS).where('request_id', '=', requestId).orderBy('added_at'),
);
export async function listEnclosures(q: Q, requestId: string): Promise<EnclosureRow[]> {
  return (await enclosures(q, requestId)).rows;
}

export async function getEnclosureRow(q: Q, id: string): Promise<(EnclosureRow & { request_id: string }) | null> {
  return (
    (await q
      .selectFrom('enclosures')
      .select([...COLUMNS, 'request_id'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

// With secure_delete on (db/connection), the freed pages are overwritten, not left to be read.
// PostgreSQL has no such setting: the deleted row stays in the table file until VACUUM reuses
// its space.
export async function deleteEnclosure(q: Q, id: string): Promise<void> {
  await q.deleteFrom('enclosures').where('id', '=', id).execute();
}

export async function getEnclosureContent(q: Q, id: string): Promise<{ mime: string; content: Buffer | null } | null> {
  return (await q.selectFrom('enclosures').select(['mime', 'content']).where('id', '=', id).executeTakeFirst()) ?? null;
}
