import type { Migration } from './types';

// The search record (探索の記録): the systems and ledgers searched for the person's data, as a
// JSON list (core/domain/searches). Requests from before: none recorded.
export const m0012Searches: Migration = {
  version: 12,
  name: 'searches',
  up: (db) => {
    db.exec('ALTER TABLE requests ADD COLUMN searches_json TEXT;');
  },
};
