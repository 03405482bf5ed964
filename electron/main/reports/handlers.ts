import type { Slice } from '../ipc/handlers-type';
import type { ReportsService } from './service';

export function reportsHandlers(reports: ReportsService) {
  return {
    'reports.get': (input) => reports.report(input),
    'reports.export': (input) => reports.export(input.selection, input.format),
    'reports.ledger': (input) => reports.exportLedger(input.from, input.to, input.masked, input.format),
    'reports.saveComment': async (input) => await reports.saveComment(input.selection, input.comment),
  } satisfies Slice<'reports'>;
}
