import type { Migration } from './types';

// The records found for a 開示 (exported tables, documents, images), stored inside the encrypted
// database like enclosures, with the withholding marks staff make on them (JSON).
export const m0014DisclosureRecords: Migration = {
  version: 14,
  name: 'disclosure-records',
  up: (db) => {
    db.exec(`
      CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
      CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
    `);
  },
};
