import { PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { prepared, type Db } from './connection';
import { Store } from './store';

// The two engines behind the Store (store.ts).

// The embedded vault: Kysely over the vault's own better-sqlite3 connection, with our cache of
// compiled statements (Kysely's driver would compile every query again). The vault owns the
// connection: destroying the store leaves it open.
export function sqliteStore(db: Db): Store {
  const database = { close: () => undefined, prepare: (sql: string) => prepared(db, sql) };
  return new Store('sqlite', new SqliteDialect({ database }));
}

export type PostgresConnection = {
  // A host name, or the folder of a unix socket.
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string | undefined;
  ssl?: pg.ClientConfig['ssl'];
  max?: number;
};

// Counts and sums come back as int8, which pg hands over as strings: our values (counts,
// amounts in yen, audit ids) stay far below 2^53.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function postgresStore(c: PostgresConnection): Store {
  const pool = new pg.Pool({
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    ssl: c.ssl,
    max: c.max ?? 4,
    types,
  });
  return new Store('postgres', new PostgresDialect({ pool }));
}

// One store per raw connection: the vault's own code (login, rekey, restore) holds the
// connection before the session has it, and must go through the same store (and its queue).
const storesOfConnections = new WeakMap<Db, Store>();
export function storeOf(db: Db): Store {
  let store = storesOfConnections.get(db);
  if (!store) {
    store = sqliteStore(db);
    storesOfConnections.set(db, store);
  }
  return store;
}
