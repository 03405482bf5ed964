import type { Slice } from '../ipc/handlers-type';
import type { RetentionService } from './service';

export function retentionHandlers(retention: RetentionService) {
  return {
    'retention.get': async () => await retention.preview(),
    'retention.updateSettings': async (input) => await retention.updateSettings(input),
    'retention.purge': async (input) => await retention.purge(input),
  } satisfies Slice<'retention'>;
}
