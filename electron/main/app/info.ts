import type { AppInfo } from '../../../core/contract';
import { userVersion } from '../db/connection';
import type { Vault } from '../vault/vault';

export type RuntimeInfo = {
  appName: string;
  version: string;
  runtime: AppInfo['runtime'];
  platform: string;
  dataDir: string;
};

export function appInfo(runtime: RuntimeInfo, vault: Vault): AppInfo {
  const state = vault.state();
  return {
    ...runtime,
    database: {
      state: state === 'unlocked' ? 'open' : state,
      schemaVersion: state === 'unlocked' ? userVersion(vault.connection()) : null,
    },
  };
}
