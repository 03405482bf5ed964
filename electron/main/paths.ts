import { join, win32 } from 'node:path';

export const APP_DIR_NAME = 'Madoguchi';
export const DATABASE_FILE = 'madoguchi.db';

// The data folder must be local: on Windows %LOCALAPPDATA%, not the roaming profile that may be
// synchronised to a server. MADOGUCHI_DATA_DIR overrides it (end-to-end tests, demo vaults).
export function resolveDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, defaultUserData: string): string {
  const override = env['MADOGUCHI_DATA_DIR'];
  if (override) return override;
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'];
    if (local) return win32.join(local, APP_DIR_NAME);
  }
  return defaultUserData;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}
