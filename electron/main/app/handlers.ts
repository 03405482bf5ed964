import type { Slice } from '../ipc/handlers-type';
import type { Vault } from '../vault/vault';
import { appInfo, type RuntimeInfo } from './info';

export function appHandlers(runtime: RuntimeInfo, vault: Vault) {
  return {
    'app.info': () => appInfo(runtime, vault),
  } satisfies Slice<'app'>;
}
