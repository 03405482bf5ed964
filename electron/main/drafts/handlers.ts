import type { Slice } from '../ipc/handlers-type';
import type { DraftsService } from './service';

export function draftsHandlers(drafts: DraftsService) {
  return {
    'drafts.get': (input) => drafts.get(input.kind),
    'drafts.save': (input) => drafts.save(input.kind, input.data),
    'drafts.clear': (input) => drafts.clear(input.kind),
  } satisfies Slice<'drafts'>;
}
