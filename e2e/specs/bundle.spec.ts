import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = join(__dirname, '../..');
// Strings that only the test harness contains (its bridge route, its cookie, its source folder).
const HARNESS_MARKERS = ['__harness', 'madoguchi_harness', 'e2e/harness'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('the production bundles contain no harness code', () => {
  const built = ['out/renderer', 'out/main', 'out/preload'].flatMap((d) => files(join(ROOT, d)));
  expect(built.some((f) => f.endsWith('.js') || f.endsWith('.cjs'))).toBe(true);
  for (const file of built) {
    const text = readFileSync(file, 'utf8');
    for (const marker of HARNESS_MARKERS) expect(text.includes(marker), `${relative(ROOT, file)} has ${marker}`).toBe(false);
  }
  // The markers are real: the harness itself contains them, so this check can fail.
  expect(readFileSync(join(ROOT, 'e2e/harness/bridge.ts'), 'utf8')).toContain('__harness');
});

test('electron-builder packages neither e2e/ nor sources, and sets no publish target', () => {
  const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  expect(yml).toMatch(/^\s+- "!e2e\/\*\*"$/m);
  expect(yml).toMatch(/^\s+- "!\{electron,renderer,core,bench,scripts\}\/\*\*"$/m);
  expect(yml).toMatch(/^publish: null$/m);
  expect(yml).not.toMatch(/^\s*(-\s*)?(target:\s*)?portable\b/m);
});
