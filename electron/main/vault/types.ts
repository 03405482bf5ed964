import type { EventName, EventPayload, Session } from '../../../core/contract';
import type { Db } from '../db/connection';
import type { Store } from '../db/store';
import type { Logger } from '../log';
import type { PostgresConnection } from '../db/store-engines';
import type { KdfCost } from './kdf';

// The vault's shapes (database.ts keeps the class that uses them).

export type VaultDeps = {
  dataDir: string;
  nativeBinding?: string | undefined;
  logger: Logger;
  clock: () => Date;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  // Tests pass a cheap cost; the app calibrates to about 0.5 s on the user's PC.
  kdfCost?: () => Promise<KdfCost>;
  isNetworkLocation?: (path: string) => Promise<boolean>;
  // The newest audit anchor kept where the data folder cannot reach it (Electron's safeStorage:
  // DPAPI on Windows, per Windows user): a data folder put back to an older state shows against it.
  anchorWitness?: AnchorWitness | undefined;
  // The vault's storage on a PostgreSQL server instead of the embedded SQLite file (the seam of
  // team mode; vault.json and its keys stay in the data folder). Asked for when first opened.
  postgres?: (() => Promise<PostgresConnection>) | undefined;
};

// The open database: its store, and for the embedded vault the raw SQLite connection under it.
export type Handle = { store: Store; db: Db | null };

export type AnchorWitness = {
  read(): Promise<{ id: number; hash: string; at: string } | null>;
  write(anchor: { id: number; hash: string; at: string }): Promise<void>;
};

// master: what the wraps protect (new wraps are made of it); key: what opens the database.
// keysetTrusted: vault.json's key set verified at login (keyset.ts); only then is it sealed again
// when written, so that an edit made outside the app stays visible until an administrator repairs it.
// store: the async repositories' way in (db/store.ts); db: the same SQLite connection, for the
// vault's own whole-file work (copies, rekey), always under store.exclusive.
export type Unlocked = {
  // null on PostgreSQL.
  db: Db | null;
  readonly store: Store;
  master: Buffer;
  key: Buffer;
  session: Session;
  keysetTrusted: boolean;
};

// After the master key was replaced: accounts that need a new temporary password, and a new
// recovery key to show once (when the old one could not be carried over).
export type Replaced = { droppedAccounts: string[]; newRecoveryKey: string | null };
