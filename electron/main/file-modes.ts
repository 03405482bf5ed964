import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// What the app writes is its user's alone where the OS has file modes (Windows keeps the data
// folder in the user's profile instead): new files 0600 and folders 0700 through the umask, and
// a data folder from an earlier version tightened once at start.
export function ownerOnly(dataDir: string): void {
  if (process.platform === 'win32') return;
  process.umask(0o077);
  if (existsSync(dataDir)) tighten(dataDir);
}

function tighten(path: string): void {
  const info = lstatSync(path);
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    if ((info.mode & 0o077) !== 0) chmodSync(path, 0o700);
    for (const name of readdirSync(path)) tighten(join(path, name));
  } else if (info.isFile() && (info.mode & 0o077) !== 0) {
    chmodSync(path, 0o600);
  }
}
