import type { Migration } from './types';

// Requests as they arrive (受付): the parties, the requested kinds, enclosures (scans stored in
// the encrypted database), identity documents as recorded by staff, and fee payments.
export const m0002Requests: Migration = {
  version: 2,
  name: 'requests',
  up: (db) => {
    db.exec(`
      CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX requests_kana ON requests (search_kana);
      CREATE INDEX requests_status ON requests (status, arrival_date);
      CREATE INDEX requests_arrival ON requests (arrival_date);
      CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
      CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);

      CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX enclosures_request ON enclosures (request_id);

      CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX identity_documents_request ON identity_documents (request_id);

      CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
      CREATE INDEX fee_payments_request ON fee_payments (request_id);
    `);
  },
};
