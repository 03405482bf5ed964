import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

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
    for (const marker of HARNESS_MARKERS)
      expect(text.includes(marker), `${relative(ROOT, file)} has ${marker}`).toBe(false);
  }
  // The markers are real: the harness itself contains them, so this check can fail.
  expect(readFileSync(join(ROOT, 'e2e/harness/bridge.ts'), 'utf8')).toContain('__harness');
});

test('electron-builder packages neither e2e/ nor sources, publishes nowhere and builds no portable exe', () => {
  type Target = string | { target: string };
  type Config = {
    files: string[];
    publish: unknown;
    npmRebuild: boolean;
    win: { target: Target[] };
    extends?: string;
    nsis: { perMachine: boolean; oneClick: boolean };
  };
  const load = (name: string) => parse(readFileSync(join(ROOT, name), 'utf8')) as Config;
  const user = load('electron-builder.yml');
  expect(user.files).toEqual(expect.arrayContaining(['!e2e/**', '!{electron,renderer,core,bench,scripts}/**']));
  expect(user.publish).toBeNull();
  expect(user.npmRebuild).toBe(false);
  expect(user.nsis).toMatchObject({ oneClick: true, perMachine: false });
  const machine = load('electron-builder.machine.yml');
  expect(machine.extends).toBe('./electron-builder.yml');
  expect(machine.nsis).toMatchObject({ perMachine: true });
  for (const config of [user, machine]) {
    const targets = config.win.target.map((t) => (typeof t === 'string' ? t : t.target));
    expect(targets).toEqual(['nsis']);
  }
});
