import type { Slice } from '../ipc/handlers-type';
import { postalAddresses } from './postal';
import type { IntakeService } from './service';

export function intakeHandlers(intake: IntakeService) {
  return {
    'intake.create': async (input) => await intake.create(input),
    'intake.update': async (input) => await intake.update(input.id, input.input),
    'intake.duplicates': async (input) => await intake.duplicates(input),
    'intake.postalAddress': (input) => postalAddresses(input.postalCode),
    'intake.confirmOriginals': async (input) => await intake.confirmOriginals(input.id, input.arrivalDate),
  } satisfies Slice<'intake'>;
}
