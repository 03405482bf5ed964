import type { Migration } from './types';

// A payment may be sent for one kind (法38条: money for a kind without a fee is returned, never
// counted toward another kind's fee); the return of money is recorded on the request. Rows from
// before: payments for the request as a whole, nothing recorded as returned.
export const m0009FeeKinds: Migration = {
  version: 9,
  name: 'fee-kinds',
  up: (db) => {
    db.exec(`
      ALTER TABLE fee_payments ADD COLUMN for_kind TEXT;
      ALTER TABLE requests ADD COLUMN fee_return_json TEXT;
    `);
  },
};
