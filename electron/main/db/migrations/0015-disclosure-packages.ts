import type { Migration } from './types';

// The dispatch record of each 電磁的記録 package (issue 17 §4): when, by whom, on which medium,
// the package's name, size and SHA-256, and the manifest of the files inside. The password is
// never kept; only a salted scrypt hash, to confirm a password read back by the person.
export const m0015DisclosurePackages: Migration = {
  version: 15,
  name: 'disclosure-packages',
  up: (db) => {
    db.exec(`
      CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
    `);
  },
};
