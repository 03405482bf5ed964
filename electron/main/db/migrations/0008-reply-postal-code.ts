import type { Migration } from './types';

// A reply address other than the form's has its own 郵便番号 (empty on requests from before).
export const m0008ReplyPostalCode: Migration = {
  version: 8,
  name: 'reply-postal-code',
  up: (db) => {
    db.exec("ALTER TABLE requests ADD COLUMN reply_postal_code TEXT NOT NULL DEFAULT '';");
  },
};
