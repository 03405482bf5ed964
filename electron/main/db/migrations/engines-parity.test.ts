import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, pgKysely } from '../../testing/postgres-database';
import { tempDataDir } from '../../testing/support';
import { openEncrypted, type Db } from '../connection';
import { migrate } from '../migrate';
import { migrations } from './index';

// The two engines' schemas at the latest version, compared where SQLite can describe itself:
// every SQLite table has a PostgreSQL table with the same columns in the same order, of matching
// types, nullability and defaults, with the same keys, uniques, foreign keys, number of CHECKs,
// indexes and triggers; and the triggers do the same thing. PostgreSQL may have only what is
// listed here besides.

// SQLite's rowid, where repositories order by it: an identity column on PostgreSQL.
const POSTGRES_ONLY_COLUMNS: Record<string, string[]> = {
  disclosure_packages: ['seq'],
  disclosure_records: ['seq'],
  fee_payments: ['seq'],
  identity_documents: ['seq'],
  letters: ['seq'],
};
// migrate-postgres.ts keeps the version there (SQLite: PRAGMA user_version).
const POSTGRES_ONLY_TABLES = ['schema_version'];

// The SQLite type a PostgreSQL type stands for.
const SQLITE_TYPE: Record<string, string> = { integer: 'INTEGER', bigint: 'INTEGER', text: 'TEXT', bytea: 'BLOB' };
const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

type Column = { name: string; type: string; notnull: boolean; dflt: string | null };
type Table = {
  columns: Column[];
  pk: string[];
  uniques: string[];
  foreignKeys: string[];
  checks: number;
};
type Index = { table: string; columns: string; unique: boolean; partial: boolean };
type Schema = { tables: Map<string, Table>; indexes: Map<string, Index>; triggers: string[] };

function sqliteSchema(db: Db): Schema {
  const all = <T>(text: string, ...params: unknown[]) => db.prepare(text).all(...params) as T[];
  const tables = new Map<string, Table>();
  for (const { name, sql: ddl } of all<{ name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )) {
    const info = all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
      'SELECT * FROM pragma_table_info(?)',
      name,
    );
    const indexList = all<{ name: string; origin: string }>('SELECT * FROM pragma_index_list(?)', name);
    tables.set(name, {
      columns: info.map((c) => ({
        name: c.name,
        type: c.type,
        notnull: c.notnull === 1 || c.pk > 0,
        dflt: c.dflt_value,
      })),
      pk: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      uniques: indexList
        .filter((i) => i.origin === 'u')
        .map((i) => all<{ name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno', i.name))
        .map((cols) => cols.map((c) => c.name).join(','))
        .sort(),
      foreignKeys: all<{ id: number; from: string; table: string; to: string; on_delete: string }>(
        'SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq',
        name,
      )
        .map((f) => `${f.from} -> ${f.table}(${f.to}) ON DELETE ${f.on_delete}`)
        .sort(),
      checks: (ddl.match(/\bCHECK\s*\(/gi) ?? []).length,
    });
  }
  const indexes = new Map<string, Index>();
  for (const { name, tbl_name: table } of all<{ name: string; tbl_name: string }>(
    "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
  )) {
    const list = all<{ name: string; unique: number; partial: number }>('SELECT * FROM pragma_index_list(?)', table);
    const entry = list.find((i) => i.name === name);
    const columns = all<{ name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno', name);
    indexes.set(name, {
      table,
      columns: columns.map((c) => c.name).join(','),
      unique: entry?.unique === 1,
      partial: entry?.partial === 1,
    });
  }
  const triggers = all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").map(
    (t) => t.name,
  );
  return { tables, indexes, triggers };
}

async function postgresSchema(db: Kysely<unknown>): Promise<Schema> {
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows;
  const columns = await rows(sql<{ table: string; name: string; type: string; notnull: boolean; dflt: string | null }>`
    SELECT table_name AS table, column_name AS name, data_type AS type, is_nullable = 'NO' AS notnull,
      column_default AS dflt
    FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
  `);
  const constraints = await rows(sql<{ table: string; type: string; columns: string; target: string; del: string }>`
    SELECT c.relname AS table, k.contype AS type,
      (SELECT string_agg(a.attname, ',' ORDER BY u.n) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, n)
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
      coalesce(k.confrelid::regclass::text || '(' || (SELECT string_agg(a.attname, ',' ORDER BY u.n)
        FROM unnest(k.confkey) WITH ORDINALITY u(attnum, n)
        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) || ')', '') AS target,
      k.confdeltype AS del
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema()
  `);
  const tables = new Map<string, Table>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? { columns: [], pk: [], uniques: [], foreignKeys: [], checks: 0 };
    table.columns.push({ name: c.name, type: c.type, notnull: c.notnull, dflt: c.dflt });
    tables.set(c.table, table);
  }
  for (const k of constraints) {
    const table = tables.get(k.table);
    if (!table) continue;
    if (k.type === 'p') table.pk = k.columns.split(',');
    if (k.type === 'u') table.uniques.push(k.columns);
    if (k.type === 'f') table.foreignKeys.push(`${k.columns} -> ${k.target} ON DELETE ${ON_DELETE[k.del] ?? k.del}`);
    if (k.type === 'c') table.checks++;
  }
  for (const t of tables.values()) {
    t.uniques.sort();
    t.foreignKeys.sort();
  }
  const indexRows = await rows(sql<{ name: string; table: string; columns: string; unique: boolean; partial: boolean }>`
    SELECT ic.relname AS name, tc.relname AS table, i.indisunique AS unique, i.indpred IS NOT NULL AS partial,
      (SELECT string_agg(a.attname, ',' ORDER BY u.n) FROM unnest(i.indkey) WITH ORDINALITY u(attnum, n)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.attnum) AS columns
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = ic.relnamespace
    WHERE n.nspname = current_schema()
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
  `);
  const indexes = new Map(indexRows.map(({ name, ...index }) => [name, index]));
  const triggers = (
    await rows(sql<{ name: string }>`
      SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT t.tgisinternal ORDER BY t.tgname
    `)
  ).map((t) => t.name);
  return { tables, indexes, triggers };
}

// A default as PostgreSQL prints it ('{}'::text), as SQLite does ('{}').
const plainDefault = (d: string | null) => d?.replace(/::[a-z ]+$/, '') ?? null;

let sqlite: Db;
let pg: Kysely<unknown>;
let dropPg: () => Promise<void>;

beforeAll(async () => {
  sqlite = openEncrypted(join(tempDataDir(), 'parity.db'), randomBytes(32), { create: true });
  migrate(sqlite, migrations, () => undefined);
  const database = await freshPgDatabase();
  pg = pgKysely(database.connection);
  dropPg = database.drop;
});

afterAll(async () => {
  sqlite.close();
  await pg.destroy();
  await dropPg();
});

describe('the PostgreSQL schema has everything the SQLite schema has', () => {
  let lite: Schema;
  let post: Schema;
  beforeAll(async () => {
    lite = sqliteSchema(sqlite);
    post = await postgresSchema(pg);
  });

  it('the same tables', () => {
    expect([...post.tables.keys()].filter((t) => !POSTGRES_ONLY_TABLES.includes(t)).sort()).toEqual(
      [...lite.tables.keys()].sort(),
    );
  });

  it('the same columns in the same order, of matching types, nullability and defaults', () => {
    for (const [name, table] of lite.tables) {
      const extra = POSTGRES_ONLY_COLUMNS[name] ?? [];
      const columns = post.tables.get(name)?.columns ?? [];
      expect(
        columns.slice(columns.length - extra.length).map((c) => c.name),
        name,
      ).toEqual(extra);
      const shared = columns.slice(0, columns.length - extra.length);
      expect(
        shared.map((c) => ({ ...c, type: SQLITE_TYPE[c.type] ?? c.type, dflt: plainDefault(c.dflt) })),
        name,
      ).toEqual(table.columns);
    }
  });

  it('the same primary keys, uniques, foreign keys and number of CHECKs', () => {
    const keysOf = (t: Table | undefined) =>
      t && { pk: t.pk, uniques: t.uniques, foreignKeys: t.foreignKeys, checks: t.checks };
    for (const [name, table] of lite.tables) expect(keysOf(post.tables.get(name)), name).toEqual(keysOf(table));
  });

  it('the same indexes and triggers', () => {
    expect(Object.fromEntries(post.indexes)).toEqual(Object.fromEntries(lite.indexes));
    expect(post.triggers).toEqual(lite.triggers);
  });
});

// The same statements on both engines, the same observations.
describe('the triggers do the same on both engines', () => {
  type Engine = { run: (text: string) => Promise<void>; all: (text: string) => Promise<unknown[]> };
  const engines: Record<'sqlite' | 'postgres', () => Engine> = {
    sqlite: () => ({
      run: (text) => {
        sqlite.exec(text);
        return Promise.resolve();
      },
      all: (text) => Promise.resolve(sqlite.prepare(text).all()),
    }),
    postgres: () => ({
      run: async (text) => {
        await sql.raw(text).execute(pg);
      },
      all: async (text) => (await sql.raw(text).execute(pg)).rows,
    }),
  };

  async function scenario(e: Engine): Promise<unknown[]> {
    const seen: unknown[] = [];
    const masks = async () =>
      seen.push(await e.all("SELECT id, kind_mask FROM requests WHERE id LIKE 'p%' ORDER BY id"));
    const stale = async (label: string) => {
      seen.push([
        label,
        await e.all("SELECT request_id FROM report_facts_stale WHERE request_id LIKE 'p%' ORDER BY 1"),
      ]);
      await e.run("DELETE FROM report_facts_stale WHERE request_id LIKE 'p%'");
    };
    await e.run(
      "INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('pa', 'pa', 'n', 't', 't')",
    );
    await e.run(`INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
      delivery, status, search_kana, search_name, created_at, updated_at) VALUES
      ('p1', 'P-1', 'post', '2026-01-05', 'pa', 'self', 'principal', 'post', 'received', 'k', 'n', 't', 't'),
      ('p2', 'P-2', 'post', '2026-01-05', 'pa', 'self', 'principal', 'post', 'received', 'k', 'n', 't', 't')`);
    await stale('requests inserted');
    await e.run("INSERT INTO request_items VALUES ('p1', 'disclosure', '{}'), ('p1', 'purpose', '{}')");
    await masks();
    await stale('items inserted');
    await e.run("UPDATE request_items SET kind = 'erasure' WHERE request_id = 'p1' AND kind = 'purpose'");
    await masks();
    await e.run("UPDATE request_items SET details = '{\"a\":1}' WHERE request_id = 'p1'");
    await masks();
    await stale('items updated');
    await e.run("UPDATE request_items SET request_id = 'p2' WHERE request_id = 'p1' AND kind = 'disclosure'");
    await masks();
    await stale('item moved');
    await e.run("DELETE FROM request_items WHERE request_id = 'p1'");
    await masks();
    await stale('item deleted');
    await e.run("UPDATE requests SET notes = 'n', kind_mask = kind_mask WHERE id = 'p1'");
    await stale('request: notes changed');
    await e.run("UPDATE requests SET status = 'closed', closed_on = '2026-02-01' WHERE id = 'p1'");
    await stale('request: status changed');
    await e.run(
      "INSERT INTO fee_payments (id, request_id, means, amount, received_on) VALUES ('f1', 'p1', 'cash', 300, 'd')",
    );
    await stale('fee inserted');
    await e.run("UPDATE fee_payments SET amount = 500 WHERE id = 'f1'");
    await stale('fee updated');
    await e.run("DELETE FROM fee_payments WHERE id = 'f1'");
    await stale('fee deleted');
    await e.run(`INSERT INTO request_events (request_id, at, day, account_id, action, from_state, to_state)
      VALUES ('p2', 't', 'd', 'pa', 'a', 'x', 'y')`);
    await e.run("INSERT INTO request_decisions VALUES ('p1', 'disclosure', '{}', 'pa', 't')");
    await e.run("INSERT INTO request_dispatches VALUES ('d1', 'p2', '{}', 'pa', 't')");
    await stale('event, decision and dispatch inserted');
    await e.run("UPDATE request_events SET comment = 'c' WHERE request_id = 'p2'");
    await e.run("DELETE FROM request_decisions WHERE request_id = 'p1'");
    await stale('event updated, decision deleted');
    await e.run("DELETE FROM requests WHERE id = 'p2'");
    await stale('request deleted (its rows with it)');
    return seen;
  }

  // Every table with a trigger written by an upsert that updates, while its request is already
  // marked stale: on SQLite the upsert's conflict handling reaches the triggers' statements
  // (fixed by 0023-stale-marks.ts).
  async function upserts(e: Engine): Promise<unknown[]> {
    await e.run(
      "INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('ua', 'ua', 'n', 't', 't')",
    );
    const request = (status: string) => `INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by,
      requester_type, answer_to, delivery, status, search_kana, search_name, created_at, updated_at) VALUES
      ('u1', 'U-1', 'post', '2026-01-05', 'ua', 'self', 'principal', 'post', '${status}', 'k', 'n', 't', 't')`;
    const item = "INSERT INTO request_items VALUES ('u1', 'disclosure', '{}')";
    const event = `INSERT INTO request_events (id, request_id, at, day, account_id, action, from_state, to_state)
      VALUES (9001, 'u1', 't', 'd', 'ua', 'a', 'x', 'y')`;
    const decision = (data: string) =>
      `INSERT INTO request_decisions VALUES ('u1', 'disclosure', '${data}', 'ua', 't')`;
    const dispatch = (data: string) => `INSERT INTO request_dispatches VALUES ('ud', 'u1', '${data}', 'ua', 't')`;
    const fee = (amount: number) =>
      `INSERT INTO fee_payments (id, request_id, means, amount, received_on) VALUES ('uf', 'u1', 'cash', ${amount}, 'd')`;
    for (const text of [request('received'), item, event, decision('{}'), dispatch('{}'), fee(300)]) await e.run(text);
    const seen: unknown[] = [];
    for (const text of [
      `${request('closed')} ON CONFLICT (id) DO UPDATE SET status = excluded.status`,
      `${item} ON CONFLICT (request_id, kind) DO UPDATE SET kind = 'erasure'`,
      `${event} ON CONFLICT (id) DO UPDATE SET comment = 'c'`,
      `${decision('{"a":1}')} ON CONFLICT (request_id, kind) DO UPDATE SET data = excluded.data`,
      `${dispatch('{"a":1}')} ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
      `${fee(500)} ON CONFLICT (id) DO UPDATE SET amount = excluded.amount`,
    ]) {
      await e.run(text);
      seen.push(await e.all("SELECT request_id FROM report_facts_stale WHERE request_id LIKE 'u%'"));
    }
    seen.push(
      await e.all(`SELECT r.status, r.kind_mask, e.comment, d.data AS decision, p.data AS dispatch, f.amount
        FROM requests r JOIN request_events e ON e.request_id = r.id JOIN request_decisions d ON d.request_id = r.id
        JOIN request_dispatches p ON p.request_id = r.id JOIN fee_payments f ON f.request_id = r.id WHERE r.id = 'u1'`),
    );
    return seen;
  }

  it('an upsert that updates a row of a request already marked stale keeps it marked once', async () => {
    const onSqlite = await upserts(engines.sqlite());
    const onPostgres = await upserts(engines.postgres());
    expect(onPostgres).toEqual(onSqlite);
    expect(onSqlite).toEqual([
      ...Array.from({ length: 6 }, () => [{ request_id: 'u1' }]),
      [{ status: 'closed', kind_mask: 128, comment: 'c', decision: '{"a":1}', dispatch: '{"a":1}', amount: 500 }],
    ]);
  });

  it('kind_mask and report_facts_stale follow the same changes', async () => {
    const onSqlite = await scenario(engines.sqlite());
    const onPostgres = await scenario(engines.postgres());
    expect(onPostgres).toEqual(onSqlite);
    const mask = (p1: number, p2: number) => [
      { id: 'p1', kind_mask: p1 },
      { id: 'p2', kind_mask: p2 },
    ];
    const ids = (...list: string[]) => list.map((request_id) => ({ request_id }));
    expect(onSqlite).toEqual([
      ['requests inserted', ids('p1', 'p2')],
      mask(3, 0),
      ['items inserted', ids('p1')],
      mask(130, 0),
      mask(130, 0),
      ['items updated', ids('p1')],
      mask(128, 2),
      ['item moved', ids('p2')],
      mask(0, 2),
      ['item deleted', ids('p1')],
      ['request: notes changed', []],
      ['request: status changed', ids('p1')],
      ['fee inserted', ids('p1')],
      ['fee updated', ids('p1')],
      ['fee deleted', ids('p1')],
      ['event, decision and dispatch inserted', ids('p1', 'p2')],
      ['event updated, decision deleted', ids('p1', 'p2')],
      ['request deleted (its rows with it)', ids('p2')],
    ]);
  });
});
