import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { openEncrypted } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { Engine, Store } from '../db/store';
import { postgresStore, sqliteStore } from '../db/store-engines';
import { freshPgDatabase } from './postgres-database';
import { tempDataDir } from './support';

// Repository tests run on both engines: `forEachEngine('settings', (store) => { it(…) })` gives
// each engine its own freshly migrated database for the describe block.

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export async function freshStore(engine: Engine): Promise<{ store: Store; close: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const db = openEncrypted(join(tempDataDir(), 'repo.db'), randomBytes(32), { create: true });
    migrate(db, migrations, () => undefined);
    const store = sqliteStore(db);
    return {
      store,
      close: async () => {
        await store.destroy();
        db.close();
      },
    };
  }
  // A database of its own on the run's cluster (testing/postgres-global.ts), already migrated.
  const database = await freshPgDatabase();
  const store = postgresStore(database.connection);
  return {
    store,
    close: async () => {
      await store.destroy();
      await database.drop();
    },
  };
}

export function forEachEngine(name: string, body: (store: () => Store, engine: Engine) => void): void {
  describe.each(ENGINES)(`${name} (%s)`, (engine) => {
    let current: { store: Store; close: () => Promise<void> } | null = null;
    beforeAll(async () => {
      current = await freshStore(engine);
    });
    afterAll(async () => {
      await current?.close();
    });
    body(() => {
      if (!current) throw new Error('The store is not open yet.');
      return current.store;
    }, engine);
  });
}
