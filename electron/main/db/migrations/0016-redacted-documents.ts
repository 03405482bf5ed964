import type { Migration } from './types';

// A document record's redacted PDF, kept once made for its current marks (marks_sha: the SHA-256
// of the marks it was made from): what staff checked on screen is the file the letter and the
// package carry, and a 100-page scan is not rendered again for each. Kept in parts of a few
// megabytes, read one at a time, so that reading 70 MB never holds main's thread for long.
export const m0016RedactedDocuments: Migration = {
  version: 16,
  name: 'redacted-documents',
  up: (db) => {
    db.exec(`
      CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
    `);
  },
};
