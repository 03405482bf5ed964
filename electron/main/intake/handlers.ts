import type { Slice } from '../ipc/handlers-type';
import { postalAddresses } from './postal';
import type { IntakeService } from './service';

export function intakeHandlers(intake: IntakeService) {
  return {
    'intake.create': (input) => intake.create(input),
    'intake.update': (input) => intake.update(input.id, input.input),
    'intake.duplicates': (input) => intake.duplicates(input),
    'intake.postalAddress': (input) => postalAddresses(input.postalCode),
    'intake.confirmOriginals': (input) => intake.confirmOriginals(input.id, input.arrivalDate),
  } satisfies Slice<'intake'>;
}
