import type { Migration } from './types';

// Processing after intake: the 補正 asked for, decisions per kind, approval, extension, dispatch
// of the letters and what happened to the ID copies. The request's dates (39条, SLA, the date
// shown) are kept on the row, recomputed on every change, so the dashboard and the list can
// filter 100,000 requests on indexes; rows from before this migration get them on first use.
export const m0004Processing: Migration = {
  version: 4,
  name: 'processing',
  up: (db) => {
    db.exec(`
      ALTER TABLE requests ADD COLUMN article39_date TEXT;
      ALTER TABLE requests ADD COLUMN sla_date TEXT;
      ALTER TABLE requests ADD COLUMN due_date TEXT;
      ALTER TABLE requests ADD COLUMN cure_json TEXT;
      ALTER TABLE requests ADD COLUMN cure_due TEXT;
      ALTER TABLE requests ADD COLUMN extension_json TEXT;
      ALTER TABLE requests ADD COLUMN submitted_by TEXT;
      ALTER TABLE requests ADD COLUMN approved_by TEXT;
      ALTER TABLE requests ADD COLUMN disposal_json TEXT;
      ALTER TABLE requests ADD COLUMN closed_on TEXT;
      CREATE INDEX requests_status_due ON requests (status, due_date);
      CREATE INDEX requests_status_cure ON requests (status, cure_due);
      CREATE INDEX requests_status_closed ON requests (status, closed_on);
      CREATE INDEX requests_name ON requests (search_name);
      CREATE INDEX requests_channel ON requests (channel, arrival_date);
      CREATE INDEX request_items_kind ON request_items (kind, request_id);

      CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
    `);
  },
};
