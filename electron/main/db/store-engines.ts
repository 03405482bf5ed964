import { PostgresDialect, SqliteDialect, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { prepared, type Db } from './connection';
import { Store, type DirectRunner } from './store';

// The two engines behind the Store (store.ts).

// The embedded vault: Kysely over the vault's own better-sqlite3 connection, with our cache of
// compiled statements (Kysely's driver would compile every query again). The vault owns the
// connection: destroying the store leaves it open.
export function sqliteStore(db: Db): Store {
  const database = { close: () => undefined, prepare: (sql: string) => prepared(db, sql) };
  return new Store('sqlite', new VaultSqliteDialect(db, { database }), undefined, undefined, directRunner(db));
}

// What Kysely's SQLite connection does with a compiled query, for a prepared query run inside a
// transaction or read that already holds the connection (store.ts, DirectRunner).
function directRunner(db: Db): DirectRunner {
  return (sql, parameters) => {
    const stmt = prepared(db, sql);
    if (stmt.reader) return { rows: stmt.all(parameters) };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  };
}

// SQLite ends a transaction itself on some failures (a full disk, an I/O error): the rollback that
// follows would fail with "no transaction is active" and hide the error that matters.
class VaultSqliteDialect extends SqliteDialect {
  constructor(
    private readonly db: Db,
    config: SqliteDialectConfig,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (this.db.inTransaction) await rollback(connection);
    };
    return driver;
  }
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
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

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
