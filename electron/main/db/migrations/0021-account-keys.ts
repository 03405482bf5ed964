import type { Migration } from './types';

// Each account's X25519 public key, kept in the encrypted database as well as in vault.json: a
// replacement of the master key boxes the new key only to accounts that exist here, are enabled
// and whose key here matches the one in vault.json (issue 30 §1). revocation_pending marks an
// account disabled whose key replacement has not finished yet (§2): it is finished before
// anything else at the next login.
export const m0021AccountKeys: Migration = {
  version: 21,
  name: 'account-keys',
  up: (db) => {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN public_key TEXT;
      ALTER TABLE accounts ADD COLUMN revocation_pending INTEGER NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1));
    `);
  },
};
