import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPgDatabase, pgKysely } from '../testing/postgres-database';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { Migration } from './migrations/types';
import { checkTeamSchema, upgradeTeamSchema } from './team-schema';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// A database of the run's cluster, the owner's and a desk role's connections to it.
async function team(empty = false): Promise<{ owner: Kysely<unknown>; desk: Kysely<unknown>; role: string }> {
  const database = await freshPgDatabase({ empty });
  const role = `desk_${randomBytes(4).toString('hex')}`;
  const owner = pgKysely(database.connection);
  await sql`CREATE ROLE ${sql.id(role)} LOGIN`.execute(owner);
  const desk = pgKysely({ ...database.connection, user: role });
  cleanups.push(async () => {
    await desk.destroy();
    await sql`DROP OWNED BY ${sql.id(role)}`.execute(owner);
    await owner.destroy();
    await database.drop();
    const other = pgKysely((await freshPgDatabase({ empty: true })).connection);
    await sql`DROP ROLE IF EXISTS ${sql.id(role)}`.execute(other);
    await other.destroy();
  });
  return { owner, desk, role };
}

const versionOf = async (db: Kysely<unknown>) =>
  (await sql<{ version: number }>`SELECT version FROM schema_version`.execute(db)).rows[0]?.version;

// One more migration than the app has: what a newer app would have shipped.
const next: Migration = {
  version: LATEST_SCHEMA_VERSION + 1,
  name: 'next',
  up: () => undefined,
  postgres: 'CREATE TABLE next_table (id integer PRIMARY KEY);',
};

describe('a desk and the team schema', () => {
  it('an empty database is set up by the owner, with the desk role granted', async () => {
    const { owner, desk, role } = await team(true);
    expect(await checkTeamSchema(desk)).toEqual({ state: 'empty' });
    expect(await upgradeTeamSchema(owner, role)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(await checkTeamSchema(desk)).toEqual({ state: 'current', version: LATEST_SCHEMA_VERSION });
    await sql`INSERT INTO settings (key, value) VALUES ('k', '1')`.execute(desk);
  });

  it('an older schema: the desk says so, cannot upgrade it itself, and the owner can', async () => {
    const { owner, desk, role } = await team();
    await upgradeTeamSchema(owner, role);
    const newer = [...migrations, next];
    const older = await checkTeamSchema(desk, next.version);
    expect(older.state).toBe('older');
    expect(older).toMatchObject({ version: LATEST_SCHEMA_VERSION });
    expect('message' in older && older.message).toContain('データベースの所有者のログインで更新してください');
    // The desk role cannot run the migration: refused, nothing changed.
    await expect(upgradeTeamSchema(desk, role, newer)).rejects.toThrow(/permission denied/);
    expect(await versionOf(owner)).toBe(LATEST_SCHEMA_VERSION);
    expect(await upgradeTeamSchema(owner, role, newer)).toEqual({ from: LATEST_SCHEMA_VERSION, to: next.version });
    // The new table is the desk's to use too.
    await sql`INSERT INTO next_table (id) VALUES (1)`.execute(desk);
  });

  it('a newer schema: this desk must be updated, in one sentence', async () => {
    const { owner, desk, role } = await team();
    await upgradeTeamSchema(owner, role, [...migrations, next]);
    const newer = await checkTeamSchema(desk);
    expect(newer).toMatchObject({ state: 'newer', version: next.version });
    expect('message' in newer && newer.message).toContain('この端末のアプリを更新してください');
  });
});
