import type { Migration } from './types';

// The triggers of 0017 that mark a request stale for the report facts, in a form no outer
// statement can turn into a failure. They ran `INSERT OR IGNORE INTO report_facts_stale`, but
// SQLite applies the conflict handling of the statement that fires a trigger to the trigger's
// own statements, over their OR clause: under an upsert that updates (`INSERT … ON CONFLICT …
// DO UPDATE`, a decision draft saved again) or an `UPDATE OR ABORT|FAIL`, `INSERT OR ROLLBACK`,
// the IGNORE was dropped and marking a request already marked failed on the table's key. Each
// now inserts only when the request is not marked yet, so no conflict arises and no conflict
// handling, the trigger's or the outer statement's, is consulted. Same names, same events.
//
// PostgreSQL is unchanged: its trigger functions (the baseline, 0022) insert with ON CONFLICT DO
// NOTHING, and a PL/pgSQL statement keeps its own conflict clause whatever statement fired it.
const sources = ['request_events', 'request_decisions', 'request_dispatches', 'fee_payments', 'request_items'] as const;

const mark = (id: string, indent: string) =>
  `INSERT INTO report_facts_stale (request_id)
${indent}  SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = ${id});`;

export const m0023StaleMarks: Migration = {
  version: 23,
  name: 'stale-marks',
  up: (db) => {
    db.exec(`
      DROP TRIGGER report_facts_requests_insert;
      CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        ${mark('NEW.id', '        ')}
      END;
      DROP TRIGGER report_facts_requests_update;
      CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        ${mark('NEW.id', '        ')}
      END;
    `);
    for (const table of sources) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
        const name = `report_facts_${table}_${event.toLowerCase()}`;
        const row = event === 'DELETE' ? 'OLD' : 'NEW';
        db.exec(`
          DROP TRIGGER ${name};
          CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN
            ${mark(`${row}.request_id`, '            ')}
          END;
        `);
      }
    }
  },
  postgres: `
-- Nothing to change: the trigger functions of the baseline (0022) already insert with
-- ON CONFLICT DO NOTHING, which the statement that fires them does not override (0023-stale-marks.ts).
SELECT 1;
`,
};
