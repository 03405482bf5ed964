import type { Database } from 'better-sqlite3-multiple-ciphers';

// A migration is frozen history: it imports nothing from domain code, so later changes to the
// domain can never change what an old migration did.
export type Migration = {
  version: number;
  name: string;
  // SQLite (the embedded vault).
  up: (db: Database) => void;
  // PostgreSQL: SQL run in one transaction together with the new version (migrate-postgres.ts).
  // No PostgreSQL database exists before POSTGRES_BASELINE_VERSION: earlier migrations have none,
  // the baseline's text makes the whole schema of its version at once, and every later migration
  // must have one (migrations.test.ts).
  postgres?: string;
};
