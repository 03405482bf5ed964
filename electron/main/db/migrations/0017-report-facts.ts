import type { Migration } from './types';

// What the reports count, kept per request (report_facts) so that a monthly report reads the
// period's requests from a few contiguous pages instead of the events, decisions, letters and
// fees of each one across the whole vault. Rows are clustered by `bucket` ('' while the request is
// open, else its closing day), the two ranges a report reads.
//
// Triggers mark a request stale in the same statement that changes what it counts; main
// recomputes stale requests at the end of the same write (and before any report reads), with
// the code the reports used before. The figures never depend on the hook having run.
const sources = [
  { table: 'request_events', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'request_decisions', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'request_dispatches', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'fee_payments', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'request_items', events: ['INSERT', 'UPDATE', 'DELETE'] },
] as const;

export const m0017ReportFacts: Migration = {
  version: 17,
  name: 'report-facts',
  up: (db) => {
    db.exec(`
      CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
      CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
    `);
    for (const { table, events } of sources) {
      for (const event of events) {
        const row = event === 'DELETE' ? 'OLD' : 'NEW';
        db.exec(`
          CREATE TRIGGER report_facts_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (${row}.request_id);
          END;
        `);
      }
    }
    // Every existing request is computed when first needed (the first write or report).
    db.exec('INSERT INTO report_facts_stale (request_id) SELECT id FROM requests');
  },
};
