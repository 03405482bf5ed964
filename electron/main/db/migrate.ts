import type { Db } from './connection';
import { userVersion } from './connection';
import { NewerDatabaseError } from './errors';
import type { Migration } from './migrations/types';

export type MigrateResult = { from: number; to: number; applied: string[] };

// Runs pending migrations in order, each in its own transaction together with its user_version.
// `backup` runs first whenever an existing database is about to change.
export function migrate(db: Db, list: readonly Migration[], backup: (fromVersion: number) => void): MigrateResult {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1..n without gaps (found ${m.version}).`);
  });
  const latest = sorted.at(-1)?.version ?? 0;
  const from = userVersion(db);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  const pending = sorted.filter((m) => m.version > from);
  if (pending.length > 0 && from > 0) backup(from);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: userVersion(db), applied: pending.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`) };
}
