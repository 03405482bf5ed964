import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type PgConnection, type PgServer } from './postgres';

declare module 'vitest' {
  // vitest's declaration merging needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    // The cluster started by postgres-global.ts, and its migrated template database.
    postgres: PgServer & { template: string };
  }
}

// A database of the test's own on the run's PostgreSQL cluster, at the latest schema (a copy of
// the migrated template: a few milliseconds). drop() removes it, closing any connection left.
export async function freshPgDatabase(
  opts: { empty?: boolean } = {},
): Promise<{ connection: PgConnection; drop: () => Promise<void> }> {
  const provided = inject('postgres') as (PgServer & { template: string }) | undefined;
  if (!provided) throw new Error('No PostgreSQL cluster: vitest.config.mts must list testing/postgres-global.ts.');
  const { template, ...server } = provided;
  return createDatabase(server, opts.empty ? 'template0' : template);
}

// A Kysely over one test database, for tests that speak to PostgreSQL below the Store.
export function pgKysely(connection: PgConnection): Kysely<unknown> {
  return new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...connection, max: 2 }) }) });
}
