import type { Slice } from '../ipc/handlers-type';
import type { RetentionService } from './service';

export function retentionHandlers(retention: RetentionService) {
  return {
    'retention.get': () => retention.preview(),
    'retention.updateSettings': (input) => retention.updateSettings(input),
    'retention.purge': (input) => retention.purge(input),
  } satisfies Slice<'retention'>;
}
