import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openEncrypted, userVersion, type Db } from '../db/connection';

export type DatabaseState = 'absent' | 'locked' | 'open';

// Owns the one connection to the encrypted database. Keys pass through and are zeroed by the
// caller; the connection is the only thing kept.
export class DatabaseService {
  private db: Db | null = null;

  constructor(
    readonly file: string,
    private readonly nativeBinding: string | undefined,
  ) {}

  state(): DatabaseState {
    if (this.db) return 'open';
    return existsSync(this.file) ? 'locked' : 'absent';
  }

  schemaVersion(): number | null {
    return this.db ? userVersion(this.db) : null;
  }

  open(key: Buffer, create: boolean): void {
    if (this.db) throw new Error('Database already open.');
    if (create) mkdirSync(dirname(this.file), { recursive: true });
    this.db = openEncrypted(this.file, key, { nativeBinding: this.nativeBinding, create });
  }

  connection(): Db {
    if (!this.db) throw new Error('Database is not open.');
    return this.db;
  }

  close(): void {
    if (!this.db) return;
    this.db.close();
    this.db = null;
  }
}
