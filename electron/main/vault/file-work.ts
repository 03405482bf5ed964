import { checkpointFile, openReader, vacuumInto } from '../db/connection';
import { checkDatabase, rekeyFile, type DatabaseCheck } from '../db/maintenance';
import { streamTablesXlsx, type SheetSpec } from '../reports/workbook';
import { extractDatabase, removeDatabaseFiles, sha256File, writeBackupFile, type BackupMeta } from './backup-file';

// The long whole-file steps of backups and restores: copying the live database, checking a copy,
// re-encrypting it, hashing, writing and extracting backup files, deleting scratch copies; and
// writing a large workbook (the ledger). Each runs on a worker thread (in-worker.ts), so that
// main keeps answering while a 100,000-request vault is copied.
export type FileWork =
  | { op: 'copy'; live: string; key: Uint8Array; out: string }
  | { op: 'checkpoint'; live: string; key: Uint8Array }
  | { op: 'check'; file: string; key: Uint8Array; maxSchemaVersion: number }
  | { op: 'rekey'; file: string; from: Uint8Array; to: Uint8Array }
  | { op: 'sha256'; file: string }
  | { op: 'write'; target: string; meta: BackupMeta; databaseFile: string; key: Uint8Array }
  | { op: 'extract'; file: string; offset: number; meta: BackupMeta; out: string }
  | { op: 'remove'; files: string[] }
  | { op: 'xlsx'; path: string; title: string; specs: SheetSpec[] };

export type FileWorkResult = {
  copy: null;
  checkpoint: null;
  check: DatabaseCheck;
  rekey: null;
  sha256: string;
  write: null;
  extract: null;
  remove: null;
  xlsx: null;
};

// A key as a Buffer over the same bytes (a structured clone arrives as a plain Uint8Array).
const buf = (k: Uint8Array) => Buffer.from(k.buffer, k.byteOffset, k.byteLength);

export async function doFileWork(
  w: FileWork,
  nativeBinding: string | undefined,
): Promise<FileWorkResult[FileWork['op']] | Promise<null>> {
  switch (w.op) {
    case 'copy': {
      // A read transaction of its own: the copy is the database as of one commit, whatever main
      // writes meanwhile.
      const db = openReader(w.live, buf(w.key), nativeBinding);
      try {
        vacuumInto(db, w.out);
      } finally {
        db.close();
      }
      return null;
    }
    case 'checkpoint':
      checkpointFile(w.live, buf(w.key), nativeBinding);
      return null;
    case 'check':
      return await checkDatabase(w.file, buf(w.key), { nativeBinding, maxSchemaVersion: w.maxSchemaVersion });
    case 'rekey':
      rekeyFile(w.file, buf(w.from), buf(w.to), nativeBinding);
      return null;
    case 'sha256':
      return sha256File(w.file);
    case 'write':
      writeBackupFile(w.target, w.meta, w.databaseFile, buf(w.key));
      return null;
    case 'extract':
      extractDatabase(w.file, w.offset, w.meta, w.out);
      return null;
    case 'remove':
      // Deleting a copy of the vault frees hundreds of megabytes; done before main's next commit,
      // the kernel drops its unwritten pages instead of flushing them with that commit's fsync.
      for (const f of w.files) removeDatabaseFiles(f);
      return null;
    case 'xlsx':
      // ExcelJS (loaded here, not on main: ~250 ms the first time), the column widths fitted over
      // every row, and the zip written as it goes.
      return streamTablesXlsx(w.path, w.title, w.specs).then(() => null);
  }
}

// The keys a piece of work carries, to be zeroed once it is done.
export function keysOf(w: FileWork): Uint8Array[] {
  if (w.op === 'copy' || w.op === 'checkpoint' || w.op === 'check' || w.op === 'write') return [w.key];
  if (w.op === 'rekey') return [w.from, w.to];
  return [];
}

// The same work with each key copied into a buffer of its own, to be transferred to the worker
// (a Buffer may share its memory with others; a clone would copy all of it).
export function withOwnKeys(w: FileWork): { work: FileWork; buffers: ArrayBuffer[] } {
  const own = (k: Uint8Array) => new Uint8Array(k);
  let work: FileWork;
  if (w.op === 'copy' || w.op === 'checkpoint' || w.op === 'check' || w.op === 'write')
    work = { ...w, key: own(w.key) };
  else if (w.op === 'rekey') work = { ...w, from: own(w.from), to: own(w.to) };
  else work = w;
  return { work, buffers: keysOf(work).map((k) => k.buffer as ArrayBuffer) };
}
