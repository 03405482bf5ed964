import type { Database } from 'better-sqlite3-multiple-ciphers';

// A migration is frozen history: it imports nothing from domain code, so later changes to the
// domain can never change what an old migration did.
export type Migration = {
  version: number;
  name: string;
  up: (db: Database) => void;
};
