import type { Slice } from '../ipc/handlers-type';
import type { DisclosurePackagesService } from './packages';
import type { DisclosureRecordsService } from './service';

export function recordsHandlers(records: DisclosureRecordsService) {
  return {
    'records.list': async (input) => await records.list(input.requestId),
    'records.add': (input) => records.add(input.requestId, input.meta),
    'records.table': (input) => records.table(input.id, input.offset, input.limit),
    'records.content': async (input) => await records.content(input.id),
    'records.setMarks': (input) => records.setMarks(input.id, input.marks),
    'records.remove': async (input) => await records.remove(input.id),
    'records.redacted': (input) => records.redacted(input.id),
  } satisfies Slice<'records'>;
}

export function packagesHandlers(packages: DisclosurePackagesService) {
  return {
    'packages.list': async (input) => await packages.list(input.requestId),
    'packages.build': (input) => packages.build(input.requestId, input.originals ?? []),
    'packages.originals': (input) => packages.originals(input.requestId),
    'packages.cancel': () => packages.cancel(),
    'packages.checkPassword': (input) => packages.checkPassword(input.id, input.password),
  } satisfies Slice<'packages'>;
}
