import type { AppInfo } from '../../../core/contract';
import type { Vault } from '../vault/vault';

export type RuntimeInfo = {
  appName: string;
  version: string;
  runtime: AppInfo['runtime'];
  platform: string;
  dataDir: string;
};

export async function appInfo(runtime: RuntimeInfo, vault: Vault): Promise<AppInfo> {
  const state = vault.state();
  return {
    ...runtime,
    database: {
      state: state === 'unlocked' ? 'open' : state,
      schemaVersion: state === 'unlocked' ? await vault.schemaVersion() : null,
    },
  };
}
