import type { Migration } from './types';

// Retention: a request past its keeping period becomes a tombstone (purged_at set, personal data
// removed, the figures the reports count kept); an enclosure whose content was deleted says when.
export const m0006Retention: Migration = {
  version: 6,
  name: 'retention',
  up: (db) => {
    db.exec(`
      ALTER TABLE requests ADD COLUMN purged_at TEXT;
      ALTER TABLE enclosures ADD COLUMN purged_at TEXT;
    `);
  },
};
