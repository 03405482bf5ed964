import type { Migration } from './types';

// A FAX taken as 仮受付 keeps the day it was received when the originals' arrival becomes the
// 到達日 (null: not a 仮受付 confirmed since, or confirmed before this version).
export const m0010FaxReceivedOn: Migration = {
  version: 10,
  name: 'fax-received-on',
  up: (db) => {
    db.exec('ALTER TABLE requests ADD COLUMN fax_received_on TEXT;');
  },
};
