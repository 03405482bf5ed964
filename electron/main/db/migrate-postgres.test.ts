import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPgDatabase, pgKysely } from '../testing/postgres-database';
import { NewerDatabaseError } from './errors';
import { migratePostgres } from './migrate-postgres';
import { LATEST_SCHEMA_VERSION, migrations, POSTGRES_BASELINE_VERSION } from './migrations';
import type { Migration } from './migrations/types';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// An empty database (no schema at all) and a Kysely over it.
async function emptyDb(): Promise<{ db: Kysely<unknown>; other: () => Kysely<unknown> }> {
  const database = await freshPgDatabase({ empty: true });
  cleanups.push(database.drop);
  const open = () => {
    const db = pgKysely(database.connection);
    cleanups.push(() => db.destroy());
    return db;
  };
  return { db: open(), other: open };
}

const versionOf = async (db: Kysely<unknown>) =>
  (await sql<{ version: number }>`SELECT version FROM schema_version`.execute(db)).rows[0]?.version;

const tableExists = async (db: Kysely<unknown>, name: string) =>
  (await sql<{ found: boolean }>`SELECT to_regclass(${name}) IS NOT NULL AS found`.execute(db)).rows[0]?.found;

const later = (version: number, postgres: string | undefined): Migration => ({
  version,
  name: `later-${version}`,
  up: () => undefined,
  ...(postgres === undefined ? {} : { postgres }),
});

describe('migratePostgres', () => {
  it('makes an empty database the latest schema at once from the baseline, then has nothing to do', async () => {
    const { db } = await emptyDb();
    const first = await migratePostgres(db);
    expect(first).toEqual({
      from: 0,
      to: LATEST_SCHEMA_VERSION,
      applied: migrations
        .filter((m) => m.version >= POSTGRES_BASELINE_VERSION)
        .map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`),
    });
    expect(await versionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    for (const table of ['settings', 'accounts', 'audit_log', 'audit_head', 'requests', 'report_facts_stale']) {
      expect(await tableExists(db, table)).toBe(true);
    }
    expect(await migratePostgres(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: [] });
  });

  it('refuses a database newer than the app and leaves it as it is', async () => {
    const { db } = await emptyDb();
    await migratePostgres(db);
    await sql`UPDATE schema_version SET version = ${LATEST_SCHEMA_VERSION + 1}`.execute(db);
    const refused = await migratePostgres(db).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(NewerDatabaseError);
    expect(refused).toMatchObject({ found: LATEST_SCHEMA_VERSION + 1, supported: LATEST_SCHEMA_VERSION });
    expect(await versionOf(db)).toBe(LATEST_SCHEMA_VERSION + 1);
  });

  it('runs each later migration in its own transaction with its version; a failing one changes nothing', async () => {
    const { db } = await emptyDb();
    await migratePostgres(db);
    const next = LATEST_SCHEMA_VERSION + 1;
    const good = later(next, 'CREATE TABLE later_a (id integer PRIMARY KEY); INSERT INTO later_a VALUES (1);');
    const bad = later(next + 1, 'CREATE TABLE later_b (id integer); SELECT 1 / 0;');
    await expect(migratePostgres(db, [...migrations, good, bad])).rejects.toThrow(/division by zero/);
    expect(await versionOf(db)).toBe(next);
    expect(await tableExists(db, 'later_a')).toBe(true);
    expect(await tableExists(db, 'later_b')).toBe(false);
  });

  it('refuses a migration after the baseline without a PostgreSQL text, before changing anything', async () => {
    const { db } = await emptyDb();
    await expect(migratePostgres(db, [...migrations, later(LATEST_SCHEMA_VERSION + 1, undefined)])).rejects.toThrow(
      /has no PostgreSQL text/,
    );
    expect(await tableExists(db, 'schema_version')).toBe(false);
  });

  it('puts its baseline only into an empty schema', async () => {
    const { db } = await emptyDb();
    await sql`CREATE TABLE someone_elses (id integer)`.execute(db);
    await expect(migratePostgres(db)).rejects.toThrow(/already has tables \(someone_elses\)/);
    expect(await tableExists(db, 'schema_version')).toBe(false);
  });

  it('two desks migrating at once: each step runs once, both end at the latest version', async () => {
    const { db, other } = await emptyDb();
    const [a, b] = await Promise.all([migratePostgres(db), migratePostgres(other())]);
    expect([a.to, b.to]).toEqual([LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION]);
    expect([...a.applied, ...b.applied].sort()).toEqual(
      migrations
        .filter((m) => m.version >= POSTGRES_BASELINE_VERSION)
        .map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`),
    );
  });
});
