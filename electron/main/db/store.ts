import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely,
  SqliteAdapter,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { Schema } from './schema';

// The one way services reach storage (docs/DECISIONS.md, "Two engines"): repositories take a
// `Q` (the store's executor, or the transaction they run in) and are async on both engines.
//
// - transaction(fn): one unit of work; fn's queries commit together or not at all. A helper that
//   must run inside a caller's transaction takes its `tx`; opening one inside another is refused
//   (below).
// - read(fn): several reads that must see one state (a request and its parts): on SQLite the
//   single connection is held, so no write runs between them; on PostgreSQL a read-only
//   REPEATABLE READ transaction.
// - q: one query on its own.
//
// On SQLite, Kysely holds the single connection for the length of a transaction or read (its
// connection mutex), so nothing else runs inside them across an `await`. Three mistakes would
// wait for that very connection on SQLite (a deadlock) and see other data on PostgreSQL: a query
// on `q` from inside a transaction or read of the same call, and a transaction or read opened
// inside another. They are refused at once (NestedQueryError) when the scope check is on, so the
// mistake shows in the first test that runs it.
//
// The scope check needs AsyncLocalStorage, and on Node 20 that turns on promise hooks for every
// promise in the process: about a fifth of a request's registration time (docs/DECISIONS.md,
// "The seam's speed"). It is on in every test run (vitest, the E2E harness, the fuzz and crash
// runs: MADOGUCHI_STORE_GUARD=1) and off in the app and the bench.

export type Engine = 'sqlite' | 'postgres';
export type Q = Kysely<Schema>;

export class NestedQueryError extends Error {
  constructor(what = 'A query ran on the store itself') {
    super(`${what} inside a transaction or read; pass the transaction (tx) instead.`);
    this.name = 'NestedQueryError';
  }
}

export function scopeCheckWanted(): boolean {
  return process.env['MADOGUCHI_STORE_GUARD'] === '1' || process.env['VITEST'] !== undefined;
}

// Runs one compiled statement at once on the connection a transaction or read already holds
// (SQLite only): what Kysely's driver does, without its promise chain per statement
// (prepared-query.ts; docs/DECISIONS.md, "The seam's speed").
export type DirectRunner = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

// The transactions and reads in progress whose statements may run directly. An executor is in
// it only while its transaction or read is open: after it ends, a stray use goes back through
// Kysely, which refuses it or waits for the connection.
const directRunners = new WeakMap<Q, DirectRunner>();
export function directRunnerOf(q: Q): DirectRunner | undefined {
  return directRunners.get(q);
}

export class Store {
  // Undefined when the scope check is off.
  private readonly scope: AsyncLocalStorage<true> | undefined;
  private readonly kysely: Kysely<Schema>;

  constructor(
    readonly engine: Engine,
    dialect: Dialect,
    private readonly onDestroy: () => Promise<void> = () => Promise.resolve(),
    checkScope = scopeCheckWanted(),
    private readonly direct?: DirectRunner,
  ) {
    const scope = checkScope ? new AsyncLocalStorage<true>() : undefined;
    this.scope = scope;
    this.kysely = new Kysely<Schema>({ dialect: scope ? guarded(dialect, () => scope.getStore() === true) : dialect });
  }

  get checksScope(): boolean {
    return this.scope !== undefined;
  }

  // The root executor for a single query.
  get q(): Q {
    return this.kysely;
  }

  async transaction<T>(fn: (tx: Q) => Promise<T>): Promise<T> {
    const within = this.enter('A transaction was opened');
    return this.kysely.transaction().execute((tx) => within(() => this.holding(tx, fn)));
  }

  async read<T>(fn: (q: Q) => Promise<T>): Promise<T> {
    const within = this.enter('A read was opened');
    if (this.engine === 'sqlite') {
      return this.kysely.connection().execute((conn) => within(() => this.holding(conn, fn)));
    }
    return this.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((tx) => within(() => fn(tx)));
  }

  // Whole-file work on the raw SQLite connection (close it at a lock, replace the file): waits
  // for the transaction or read in progress and holds off the next until fn is done. On
  // PostgreSQL there is no file: fn just runs.
  async exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const within = this.enter('Whole-file work was started');
    if (this.engine === 'postgres') return within(async () => fn());
    return this.kysely.connection().execute(() => within(async () => fn()));
  }

  // fn runs on an executor that holds the connection: its prepared statements may run directly.
  private async holding<T>(q: Q, fn: (q: Q) => Promise<T>): Promise<T> {
    if (!this.direct) return fn(q);
    directRunners.set(q, this.direct);
    try {
      return await fn(q);
    } finally {
      directRunners.delete(q);
    }
  }

  // With the scope check on: refuses a transaction or read opened inside another, and runs fn
  // marked as inside one.
  private enter(what: string): <T>(fn: () => Promise<T>) => Promise<T> {
    const scope = this.scope;
    if (!scope) return (fn) => fn();
    if (scope.getStore()) throw new NestedQueryError(what);
    return (fn) => scope.run(true, fn);
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
