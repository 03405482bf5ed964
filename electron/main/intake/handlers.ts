import type { Slice } from '../ipc/handlers-type';
import { postalAddresses } from './postal';
import type { IntakeService } from './service';
import type { SamePersonLookup } from '../requests/same-person';

export function intakeHandlers(intake: IntakeService, samePerson: SamePersonLookup) {
  return {
    'intake.create': async (input) => await intake.create(input),
    'intake.update': async (input) => await intake.update(input.id, input.input),
    'intake.split': async (input) => await intake.split(input.id, input.kinds),
    'intake.duplicates': async (input) => await samePerson.forIntake(input),
    'intake.postalAddress': (input) => postalAddresses(input.postalCode),
    'intake.confirmOriginals': async (input) => await intake.confirmOriginals(input.id, input.arrivalDate),
  } satisfies Slice<'intake'>;
}
