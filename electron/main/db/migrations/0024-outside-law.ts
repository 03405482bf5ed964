import type { Migration } from './types';

// A request closed as one the Act does not cover (issue 33 §4: a deceased person's data, the
// company's own information, no 開示等の請求 at all): why, how it was answered (as a service or
// declined) and the text the letter prints, as JSON. Null on every request before, and on every
// request not closed so.
export const m0024OutsideLaw: Migration = {
  version: 24,
  name: 'outside-law',
  up: (db) => {
    db.exec('ALTER TABLE requests ADD COLUMN outside_law_json TEXT;');
  },
  postgres: `ALTER TABLE requests ADD COLUMN outside_law_json text COLLATE "C";`,
};
