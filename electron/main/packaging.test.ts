import { FuseV1Options } from '@electron/fuses';
import { createRequire } from 'node:module';
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
