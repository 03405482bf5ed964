import { prepared, type Db } from '../connection';

// The scanned documents enclosed with requests (their content is a BLOB in the encrypted database).

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
  prepared(
    db,
    'INSERT INTO enclosures (id, request_id, type, mime, size, sha256, content, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.id, e.requestId, e.type, e.mime, e.size, e.sha256, e.content, e.addedBy, e.addedAt);
}

export function listEnclosures(db: Db, requestId: string): EnclosureRow[] {
  return prepared(
    db,
    'SELECT id, type, mime, size, sha256, added_at FROM enclosures WHERE request_id = ? ORDER BY added_at',
  ).all(requestId) as EnclosureRow[];
}

export function getEnclosureRow(db: Db, id: string): (EnclosureRow & { request_id: string }) | null {
  return (
    (prepared(db, 'SELECT id, request_id, type, mime, size, sha256, added_at FROM enclosures WHERE id = ?').get(id) as
      (EnclosureRow & { request_id: string }) | undefined) ?? null
  );
}

// With secure_delete on (db/connection), the freed pages are overwritten, not left to be read.
export function deleteEnclosure(db: Db, id: string): void {
  prepared(db, 'DELETE FROM enclosures WHERE id = ?').run(id);
}

export function getEnclosureContent(db: Db, id: string): { mime: string; content: Buffer | null } | null {
  return (
    (prepared(db, 'SELECT mime, content FROM enclosures WHERE id = ?').get(id) as
      { mime: string; content: Buffer | null } | undefined) ?? null
  );
}
