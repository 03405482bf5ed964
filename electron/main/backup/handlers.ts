import type { Slice } from '../ipc/handlers-type';
import type { BackupService } from './service';

export function backupHandlers(backup: BackupService) {
  return {
    'backup.status': async () => await backup.status(),
    'backup.updateSettings': async (input) => await backup.updateSettings(input),
    'backup.create': (input) => backup.create(input.password),
    'backup.choose': () => backup.choose(),
    'backup.inspect': (input) => backup.inspect(input.password),
    'backup.restore': (input) => backup.restore(input.password),
    'backup.rotateKey': (input) => backup.rotateKey(input.repairKeyset === true),
    'backup.keysNoted': async () => await backup.keysNoted(),
  } satisfies Slice<'backup'>;
}
