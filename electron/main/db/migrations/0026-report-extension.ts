import type { Migration } from './types';

// The reports count an extended request (延長) by its extended date, from the day the extension
// was decided (issue 34 §1: the running period's overdue figure is the dashboard's). The facts of
// a request are computed again when its extension changes, and those of every request extended so
// far once now.
export const m0026ReportExtension: Migration = {
  version: 26,
  name: 'report-extension',
  up: (db) => {
    db.exec(`
      DROP TRIGGER report_facts_requests_update;
      CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date,
          extension_json ON requests
      BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
      INSERT INTO report_facts_stale (request_id)
        SELECT id FROM requests
        WHERE extension_json IS NOT NULL AND id NOT IN (SELECT request_id FROM report_facts_stale);
    `);
  },
  postgres: `
    DROP TRIGGER report_facts_requests_update ON requests;
    CREATE TRIGGER report_facts_requests_update
      AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date,
        extension_json ON requests
      FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
    INSERT INTO report_facts_stale (request_id)
      SELECT id FROM requests WHERE extension_json IS NOT NULL
      ON CONFLICT DO NOTHING;
  `,
};
