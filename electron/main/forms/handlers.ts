import type { Slice } from '../ipc/handlers-type';
import type { FormsService } from './service';

export function formsHandlers(forms: FormsService) {
  return {
    'forms.list': () => forms.list(),
    'forms.create': (input) => forms.create(input),
    'forms.markSent': (input) => forms.markSent(input.id, input.sent),
    'forms.link': (input) => forms.link(input.id, input.receiptNo),
    'forms.remove': (input) => forms.remove(input.id),
    'forms.coverLetter': (input) => forms.coverLetter(input.id),
  } satisfies Slice<'forms'>;
}
