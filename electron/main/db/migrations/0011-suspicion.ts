import type { Migration } from './types';

// A suspected impersonation (names or addresses that do not agree across the form, the ID and
// the company's records): staff's note, who and when; cleared to null with the reason in the
// history. Requests from before: not flagged.
export const m0011Suspicion: Migration = {
  version: 11,
  name: 'suspicion',
  up: (db) => {
    db.exec('ALTER TABLE requests ADD COLUMN suspicion_json TEXT;');
  },
};
