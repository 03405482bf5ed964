import type { Slice } from '../ipc/handlers-type';
import type { FormsService } from './service';

export function formsHandlers(forms: FormsService) {
  return {
    'forms.list': async () => await forms.list(),
    'forms.create': async (input) => await forms.create(input),
    'forms.markSent': async (input) => await forms.markSent(input.id, input.sent),
    'forms.link': async (input) => await forms.link(input.id, input.receiptNo),
    'forms.remove': async (input) => await forms.remove(input.id),
    'forms.coverLetter': (input) => forms.coverLetter(input.id),
  } satisfies Slice<'forms'>;
}
