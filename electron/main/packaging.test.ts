import { FuseV1Options } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(__filename);
const { fuseConfig } = require('../../scripts/fuses.cjs') as { fuseConfig: (p: string) => Record<string, unknown> };
const { executablePath } = require('../../scripts/after-pack.cjs') as {
  executablePath: (ctx: unknown) => string;
};

describe('packaging', () => {
  it('turns off RunAsNode, NODE_OPTIONS and inspect flags and turns on asar integrity', () => {
    const config = fuseConfig('win32');
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('flips the fuses of the packaged executable on each platform', () => {
    const ctx = (platform: string) => ({
      electronPlatformName: platform,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'Madoguchi' }, executableName: 'madoguchi' },
    });
    expect(executablePath(ctx('win32'))).toMatch(/Madoguchi\.exe$/);
    expect(executablePath(ctx('linux'))).toMatch(/madoguchi$/);
  });
});

describe('npm start without Electron', () => {
  it('ends with one line pointing to the demo first, no stack trace, where the binary is missing (and passes where it exists)', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '../../scripts/electron-check.mjs')], {
      encoding: 'utf8',
    });
    const dir = dirname(createRequire(__filename).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const installed = existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
    if (installed) {
      expect(run.status).toBe(0);
      return;
    }
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    // The demo (fictional requests) comes first: an empty harness vault shows a newcomer nothing.
    const demo = lines[0]!.indexOf('npm run demo');
    expect(demo).toBeGreaterThan(-1);
    expect(demo).toBeLessThan(lines[0]!.indexOf('npm run harness'));
    expect(run.stderr).not.toMatch(/\bat \S+ \(|node:internal/);
  });
});
