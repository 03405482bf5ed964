import type { Slice } from '../ipc/handlers-type';
import type { Vault } from './vault';

export function vaultHandlers(vault: Vault) {
  return {
    'vault.setup': (input) => vault.setup(input),
  } satisfies Slice<'vault'>;
}
