import { join } from 'node:path';

// Where `scripts/native-electron.mjs` puts the Electron build of better-sqlite3-multiple-ciphers.
// Node (tests, harness, bench) uses the package's own build; the two never overwrite each other.
export const ELECTRON_NATIVE_RELATIVE = join('build', 'native', 'electron', 'better_sqlite3.node');

export function electronNativeBinding(appPath: string): string {
  // Native modules cannot load from inside an asar archive; electron-builder unpacks them.
  return join(appPath, ELECTRON_NATIVE_RELATIVE).replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
}
