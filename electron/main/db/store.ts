import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely,
  SqliteAdapter,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type TransactionSettings,
} from 'kysely';
import type { Schema } from './schema';

// The one way services reach storage (docs/DECISIONS.md, "Two engines"): repositories take a
// `Q` (the store's executor, or the transaction they run in) and are async on both engines.
//
// - transaction(fn): one unit of work; fn's queries commit together or not at all. A transaction
//   opened inside another joins it (the outer one decides), so a service can call another
//   service's helper that wants a transaction.
// - read(fn): several reads that must see one state (a request and its parts): on SQLite the
//   single connection is held, so no write runs between them; on PostgreSQL a read-only
//   REPEATABLE READ transaction.
// - q: one query on its own.
//
// On SQLite, Kysely holds the single connection for the length of a transaction or read (its
// connection mutex), so nothing else runs inside them across an `await`. A query made on `q`
// from inside a transaction or read of the same call would wait for that very connection on
// SQLite (a deadlock) and see other data on PostgreSQL; both engines refuse it at once instead
// (GuardedDriver), so the mistake shows in the first test that runs it.

export type Engine = 'sqlite' | 'postgres';
export type Q = Kysely<Schema>;

export class NestedQueryError extends Error {
  constructor() {
    super('A query ran on the store itself inside a transaction; pass the transaction (tx) instead.');
    this.name = 'NestedQueryError';
  }
}

type Scope = { executor: Q; writable: boolean };

export class Store {
  private readonly scope = new AsyncLocalStorage<Scope>();
  private readonly kysely: Kysely<Schema>;

  constructor(
    readonly engine: Engine,
    dialect: Dialect,
    private readonly onDestroy: () => Promise<void> = () => Promise.resolve(),
  ) {
    const inside = () => this.scope.getStore() !== undefined;
    this.kysely = new Kysely<Schema>({ dialect: guarded(dialect, inside) });
  }

  // The root executor for a single query.
  get q(): Q {
    return this.kysely;
  }

  async transaction<T>(fn: (tx: Q) => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    if (outer) {
      if (!outer.writable) throw new Error('A write was started inside a read.');
      return fn(outer.executor);
    }
    return this.kysely.transaction().execute((tx) => this.scope.run({ executor: tx, writable: true }, () => fn(tx)));
  }

  async read<T>(fn: (q: Q) => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    if (outer) return fn(outer.executor);
    if (this.engine === 'sqlite') {
      return this.kysely
        .connection()
        .execute((conn) => this.scope.run({ executor: conn, writable: false }, () => fn(conn)));
    }
    return this.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((tx) => this.scope.run({ executor: tx, writable: false }, () => fn(tx)));
  }

  // Whether the caller runs inside a transaction or read of this store.
  insideScope(): boolean {
    return this.scope.getStore() !== undefined;
  }

  async destroy(): Promise<void> {
    await this.kysely.destroy();
    await this.onDestroy();
  }
}

function guarded(dialect: Dialect, inside: () => boolean): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new GuardedDriver(dialect.createDriver(), inside),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

// Wraps an engine's driver: a connection asked for from inside a transaction or read of the same
// async call is refused (see above) instead of waiting for itself.
class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly inside: () => boolean,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    if (this.inside()) return Promise.reject(new NestedQueryError());
    return this.inner.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

// Where the two engines need different SQL (rowid order on SQLite, an identity column on
// PostgreSQL, …), repositories ask the executor they were given.
export function engineOf(q: Q): Engine {
  return q.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
