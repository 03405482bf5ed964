import { sql, type Kysely, type Transaction } from 'kysely';
import { NewerDatabaseError } from './errors';
import type { MigrateResult } from './migrate';
import { migrations } from './migrations';
import type { Migration } from './migrations/types';

// The key of the advisory lock every migration step takes ('mado' in ASCII): two desks started
// at once against one server run each step once, one after the other.
export const MIGRATION_LOCK_KEY = 0x6d61646f;

// The PostgreSQL side of the one migration registry (migrations/index.ts). The schema's version
// lives in the one-row table schema_version, written in the same transaction as the migration it
// records. A database starts at the baseline: the first migration with a PostgreSQL text, which
// makes the whole schema of its version (no PostgreSQL database is older); every later migration
// has its own text. Each step is its own transaction, under a transaction-level advisory lock,
// and reads the version again under that lock, so a step another desk has just applied is not
// applied twice. Backups are the server's (pg_dump by its administrator), not the app's.
//
// `db` can be any Kysely over PostgreSQL, whatever its table types: the runner uses raw SQL only.
export async function migratePostgres<DB>(
  db: Kysely<DB>,
  list: readonly Migration[] = migrations,
): Promise<MigrateResult> {
  const pending = postgresSteps(list);
  const latest = list.reduce((v, m) => Math.max(v, m.version), 0);
  let from: number | undefined;
  const applied: string[] = [];
  for (;;) {
    const step = await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
      const current = await versionOf(tx);
      from ??= current;
      if (current > latest) throw new NewerDatabaseError(current, latest);
      const next = pending.find((m) => m.version > current);
      if (!next) return { version: current, name: null };
      if (current === 0) {
        await refuseForeignTables(tx);
        await sql`CREATE TABLE schema_version (
          id integer PRIMARY KEY CHECK (id = 1),
          version integer NOT NULL
        )`.execute(tx);
        await sql`INSERT INTO schema_version (id, version) VALUES (1, 0)`.execute(tx);
      } else if (current < (pending[0]?.version ?? 0)) {
        throw new Error(`A PostgreSQL database of version ${current} cannot exist: the baseline is newer.`);
      }
      await sql.raw(next.postgres ?? '').execute(tx);
      await sql`UPDATE schema_version SET version = ${next.version} WHERE id = 1`.execute(tx);
      return { version: next.version, name: `${String(next.version).padStart(4, '0')}-${next.name}` };
    });
    if (step.name === null) return { from: from ?? 0, to: step.version, applied };
    applied.push(step.name);
  }
}

// The migrations PostgreSQL runs: the baseline and everything after it, each with its text.
function postgresSteps(list: readonly Migration[]): Migration[] {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1..n without gaps (found ${m.version}).`);
  });
  const start = sorted.findIndex((m) => m.postgres !== undefined);
  if (start < 0) return [];
  const steps = sorted.slice(start);
  const missing = steps.find((m) => m.postgres === undefined);
  if (missing) throw new Error(`Migration ${missing.version} (${missing.name}) has no PostgreSQL text.`);
  return steps;
}

// 0 for a database without schema_version.
async function versionOf<DB>(tx: Transaction<DB>): Promise<number> {
  const table = await sql<{ found: boolean }>`SELECT to_regclass('schema_version') IS NOT NULL AS found`.execute(tx);
  if (!table.rows[0]?.found) return 0;
  const row = await sql<{ version: number }>`SELECT version FROM schema_version WHERE id = 1`.execute(tx);
  return row.rows[0]?.version ?? 0;
}

// The baseline goes only into an empty schema: never on top of someone else's tables.
async function refuseForeignTables<DB>(tx: Transaction<DB>): Promise<void> {
  const found = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() LIMIT 1
  `.execute(tx);
  const name = found.rows[0]?.name;
  if (name !== undefined) {
    throw new Error(`The database already has tables (${name}) but no Madoguchi schema version: refusing to migrate.`);
  }
}
