import type { Slice } from '../ipc/handlers-type';
import type { DraftsService } from './service';

export function draftsHandlers(drafts: DraftsService) {
  return {
    'drafts.get': async (input) => await drafts.get(input.kind),
    'drafts.save': async (input) => await drafts.save(input.kind, input.data),
    'drafts.clear': async (input) => await drafts.clear(input.kind),
  } satisfies Slice<'drafts'>;
}
