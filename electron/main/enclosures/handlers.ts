import type { Slice } from '../ipc/handlers-type';
import type { EnclosuresService } from './service';

export function enclosuresHandlers(enclosures: EnclosuresService) {
  return {
    'enclosures.add': (input) => enclosures.add(input.requestId, input.type),
    'enclosures.remove': async (input) => await enclosures.remove(input.id, input.reason),
    'enclosures.content': async (input) => await enclosures.content(input.id),
  } satisfies Slice<'enclosures'>;
}
