import type { Migration } from './types';

// Reply letters as finalized (the exact bytes printed and reprinted, with their SHA-256), their
// document numbers, and the company's signing certificate and seal image.
export const m0005Letters: Migration = {
  version: 5,
  name: 'letters',
  up: (db) => {
    db.exec(`
      CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX letters_request ON letters (request_id, created_at);

      CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      -- One row each: the certificate (PKCS#8 key and DER certificates, never the passphrase)
      -- and the seal image (PNG).
      CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
