import type { Db } from '../db/connection';
import { NewerDatabaseError } from '../db/errors';
import { migratePostgres } from '../db/migrate-postgres';
import type { Store } from '../db/store';
import { postgresStore, storeOf, type PostgresConnection } from '../db/store-engines';
import { refusals } from '../errors';
import type { VaultDatabase } from './database';
import type { VaultHeader } from './header';
import { DATABASE_AAD, databaseKeyOf, openPending, promote, rekeyAnchors, type Opened } from './keyring';
import { keysetAuthentic } from './keyset';
import type { Handle } from './types';
import { unsealKey } from './wrap';

// Opening the vault's database: the embedded SQLite file (finishing or forgetting a key
// replacement a crash cut short) or the PostgreSQL server.

// The database the vault keeps its rows in: the SQLite file opened with `key`, or the
// PostgreSQL database (migrated to this version; `key` opens nothing there yet).
export async function openHandle(core: VaultDatabase, key: Buffer, create: boolean): Promise<Handle> {
  if (core.deps.postgres) return { store: await openPostgres(core), db: null };
  const db = core.open(key, create);
  return { store: storeOf(db), db };
}

export async function closeHandle(h: Handle): Promise<void> {
  if (h.db) h.db.close();
  else await h.store.destroy();
}

async function openPostgres(core: VaultDatabase): Promise<Store> {
  const connection = await (core.deps.postgres as () => Promise<PostgresConnection>)();
  const store = postgresStore(connection);
  try {
    const result = await migratePostgres(store.q);
    if (result.applied.length) core.deps.logger.info('vault.migrated', { from: result.from, to: result.to });
  } catch (err) {
    await store.destroy();
    if (err instanceof NewerDatabaseError) throw refusals.newerDatabase();
    throw err;
  }
  return store;
}

// Opens the database with the key the header names: the sealed database key, or the master
// key itself before any rotation. A rotation cut short is finished or forgotten here; `opened`
// (the account's or the recovery key's private key) opens a pending master key replacement.
export async function openUnlocked(
  core: VaultDatabase,
  header: VaultHeader,
  opened: Opened,
  lookup: string,
): Promise<{ handle: Handle; key: Buffer; master: Buffer; authentic: boolean }> {
  if (core.deps.postgres) return openUnlockedPostgres(core, header, opened);
  const { db, key, master, authentic } = openUnlockedFile(core, header, opened, lookup);
  return { handle: { store: storeOf(db), db }, key, master, authentic };
}

// On PostgreSQL nothing is re-encrypted: a replacement of the master key is only vault.json's,
// and one left pending by a crash is forgotten (a revocation it belonged to is still marked in
// the database and is done again at this login).
async function openUnlockedPostgres(
  core: VaultDatabase,
  header: VaultHeader,
  opened: Opened,
): Promise<{ handle: Handle; key: Buffer; master: Buffer; authentic: boolean }> {
  const master = opened.master;
  const authentic = keysetAuthentic(header, master);
  const key = databaseKeyOf(header.database, master);
  if (!key) throw refusals.headerBroken();
  if (header.pendingDatabase || header.pendingMaster) {
    delete header.pendingDatabase;
    delete header.pendingMaster;
    core.saveHeader(header, authentic ? master : null);
  }
  return { handle: { store: await openPostgres(core), db: null }, key, master, authentic };
}

function openUnlockedFile(
  core: VaultDatabase,
  header: VaultHeader,
  opened: Opened,
  lookup: string,
): { db: Db; key: Buffer; master: Buffer; authentic: boolean } {
  const master = opened.master;
  // Checked under the master key that opened the entry, before anything below changes the
  // header: a pending replacement is promoted and sealed only if the key set verified.
  const authentic = keysetAuthentic(header, master);
  const key = databaseKeyOf(header.database, master);
  if (!key) throw refusals.headerBroken();
  const db = core.openOrNull(key, false);
  if (db) {
    if (header.pendingDatabase || header.pendingMaster) {
      // The rekey never ran: the next keys were not used.
      delete header.pendingDatabase;
      delete header.pendingMaster;
      core.saveHeader(header, authentic ? master : null);
    }
    return { db, key, master, authentic };
  }
  key.fill(0);
  // A master key replacement whose rekey ran but whose header was not promoted: finish it.
  const nextMaster = openPending(header, opened, lookup);
  if (nextMaster && header.pendingMaster) {
    const nextKey = unsealKey(header.pendingMaster.database, nextMaster, DATABASE_AAD);
    const rekeyed = nextKey ? core.openOrNull(nextKey, false) : null;
    if (nextKey && rekeyed) {
      promote(header);
      rekeyAnchors(header, master, nextMaster);
      core.saveHeader(header, authentic ? nextMaster : null);
      core.deps.logger.warn('vault.rekey_completed_on_open');
      master.fill(0);
      return { db: rekeyed, key: nextKey, master: nextMaster, authentic };
    }
    nextKey?.fill(0);
    nextMaster.fill(0);
  }
  // The same for a database key rotation of the first design (the master key unchanged).
  const next = header.pendingDatabase ? unsealKey(header.pendingDatabase, master, DATABASE_AAD) : null;
  const rekeyed = next ? core.openOrNull(next, false) : null;
  if (!next || !rekeyed) {
    next?.fill(0);
    throw refusals.keysMismatch();
  }
  header.database = header.pendingDatabase;
  delete header.pendingDatabase;
  core.saveHeader(header, authentic ? master : null);
  core.deps.logger.warn('vault.rekey_completed_on_open');
  return { db: rekeyed, key: next, master, authentic };
}
