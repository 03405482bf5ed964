import type { Slice } from '../ipc/handlers-type';
import type { AuditService } from './service';

export function auditHandlers(audit: AuditService) {
  return {
    'audit.list': async (input) => await audit.list(input),
    'audit.verify': (input) => audit.verify(input.anchor ?? null),
    'audit.anchor': async () => await audit.anchor(),
    'audit.export': (input) => audit.export(input),
  } satisfies Slice<'audit'>;
}
