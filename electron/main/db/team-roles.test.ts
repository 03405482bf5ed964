import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from './repositories/audit';
import { getSetting, putSetting } from './repositories/settings';
import { postgresStore } from './store-engines';
import type { Store } from './store';
import { freshPgDatabase, pgKysely } from '../testing/postgres-database';
import { checkRoleName, grantDeskRole } from './team-roles';

// The desk role on a migrated database of the run's cluster: what it may and may not do.
describe('the desk role on the team server', () => {
  const role = `desk_${randomBytes(4).toString('hex')}`;
  let owner: Kysely<unknown>;
  let desk: Kysely<unknown>;
  let store: Store;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await freshPgDatabase();
    drop = database.drop;
    owner = pgKysely(database.connection);
    // Roles belong to the cluster: a name of this run's own, dropped afterwards.
    await sql`CREATE ROLE ${sql.id(role)} LOGIN`.execute(owner);
    await grantDeskRole(owner, role);
    await grantDeskRole(owner, role); // idempotent
    desk = pgKysely({ ...database.connection, user: role });
    store = postgresStore({ ...database.connection, user: role });
  });

  afterAll(async () => {
    await store.destroy();
    await desk.destroy();
    await sql`DROP OWNED BY ${sql.id(role)}`.execute(owner);
    await owner.destroy();
    await drop();
    const cleanup = pgKysely({ ...(await freshPgDatabase()).connection });
    await sql`DROP ROLE IF EXISTS ${sql.id(role)}`.execute(cleanup);
    await cleanup.destroy();
  });

  it('works with rows as the app does: settings, the audit chain', async () => {
    await putSetting(store.q, 'team.check', { ok: true });
    expect(await getSetting(store.q, 'team.check')).toEqual({ ok: true });
    await store.transaction(async (tx) => {
      await appendAudit(tx, {
        at: new Date().toISOString(),
        accountId: null,
        action: 'settings.update',
        targetId: null,
        summary: 'team.check',
      });
    });
    expect((await verifyAudit(store.q)).ok).toBe(true);
  });

  it('cannot change or remove an audit entry: the server refuses', async () => {
    for (const statement of [
      sql`UPDATE audit_log SET summary = 'edited'`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
    ]) {
      await expect(statement.execute(desk)).rejects.toThrow(/permission denied/);
    }
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(desk);
    expect(rows.rows[0]?.n).toBeGreaterThan(0);
  });

  it('cannot create, alter or drop anything, nor move the schema version', async () => {
    for (const statement of [
      sql`CREATE TABLE stray (id int)`,
      sql`ALTER TABLE requests ADD COLUMN stray text`,
      sql`DROP TABLE settings`,
      sql`CREATE INDEX stray ON requests (notes)`,
      sql`UPDATE schema_version SET version = version + 1`,
    ]) {
      await expect(statement.execute(desk)).rejects.toThrow(/permission denied|must be owner/);
    }
  });

  it('takes only a plain role name', () => {
    expect(checkRoleName('madoguchi_desk')).toBe('madoguchi_desk');
    for (const bad of ['Desk', 'desk; DROP TABLE x', '1desk', '', 'a'.repeat(64)]) {
      expect(() => checkRoleName(bad)).toThrow(/role name/);
    }
  });
});
