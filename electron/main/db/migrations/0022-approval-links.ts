import { postgresBaseline } from './0022-postgres-baseline';
import type { Migration } from './types';

// Which approval (決裁) a letter and a 電磁的記録 package were made under (issue 30 §4): the id of
// the request's 'approve' event. A 差し戻し ends that approval, so a decision letter or a package
// of an earlier approval is not the current decision's: it is neither packaged nor dispatched.
// Letters and packages from before are linked to the latest approval recorded at or before the
// time they were made: the best the stored history can tell (one clock wrote both).
//
// PostgreSQL starts at this version: its text is the whole schema of version 22 (no PostgreSQL
// database has an older one, so there is nothing to link).
export const m0022ApprovalLinks: Migration = {
  version: 22,
  name: 'approval-links',
  up: (db) => {
    db.exec(`
      ALTER TABLE letters ADD COLUMN approval_event INTEGER;
      ALTER TABLE disclosure_packages ADD COLUMN approval_event INTEGER;
      UPDATE letters SET approval_event = (
        SELECT max(e.id) FROM request_events e
        WHERE e.request_id = letters.request_id AND e.action = 'approve' AND e.at <= letters.created_at
      );
      UPDATE disclosure_packages SET approval_event = (
        SELECT max(e.id) FROM request_events e
        WHERE e.request_id = disclosure_packages.request_id AND e.action = 'approve'
          AND e.at <= disclosure_packages.created_at
      );
    `);
  },
  postgres: postgresBaseline,
};
