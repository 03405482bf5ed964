import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The repository's root, found from wherever this code runs: its own source folder, or a bundle
// that tests and benchmarks build under node_modules/.cache/ (where __dirname is the bundle's).
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'electron-builder.yml')) && existsSync(join(dir, 'resources'))) return dir;
    if (dirname(dir) === dir) throw new Error(`repository root not found above ${from}`);
  }
}
