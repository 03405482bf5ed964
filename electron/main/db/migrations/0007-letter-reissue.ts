import type { Migration } from './types';

// A letter finalized again is a 再発行 with a reason (kept with the letter; the audit log has the
// event).
export const m0007LetterReissue: Migration = {
  version: 7,
  name: 'letter-reissue',
  up: (db) => {
    db.exec('ALTER TABLE letters ADD COLUMN reissue_reason TEXT;');
  },
};
