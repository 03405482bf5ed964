import type { Slice } from '../ipc/handlers-type';
import type { AuditService } from './service';

export function auditHandlers(audit: AuditService) {
  return {
    'audit.list': (input) => audit.list(input),
    'audit.verify': (input) => audit.verify(input.anchor ?? null),
    'audit.anchor': () => audit.anchor(),
    'audit.export': (input) => audit.export(input),
  } satisfies Slice<'audit'>;
}
