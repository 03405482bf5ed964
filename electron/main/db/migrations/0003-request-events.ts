import type { Migration } from './types';

// The workflow history of each request: every transition with who, when and why.
export const m0003RequestEvents: Migration = {
  version: 3,
  name: 'request-events',
  up: (db) => {
    db.exec(`
      CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX request_events_request ON request_events (request_id, id);
    `);
  },
};
