import type { Slice } from '../ipc/handlers-type';
import type { SigningMaterial } from '../letters/signing';
import type { SettingsService } from './service';

export function settingsHandlers(settings: SettingsService, signing: SigningMaterial) {
  return {
    'settings.get': async () => ({
      organisation: await settings.organisation(),
      security: await settings.security(),
      fees: await settings.fees(),
      intake: await settings.intake(),
      processing: await settings.processing(),
      reasons: await settings.reasons(),
      letters: await settings.letters(),
      // What the signing certificate and the seal image are (they are imported via letters.*).
      certificate: await signing.certificate(),
      seal: await signing.hasSeal(),
    }),
    'settings.updateOrganisation': async (input) => await settings.updateOrganisation(input),
    'settings.updateSecurity': async (input) => await settings.updateSecurity(input),
    'settings.updateFees': async (input) => await settings.updateFees(input),
    'settings.updateIntake': async (input) => await settings.updateIntake(input),
    'settings.updateProcessing': async (input) => await settings.updateProcessing(input),
    'settings.updateReasons': async (input) => await settings.updateReasons(input.reasons),
    'settings.updateLetters': async (input) => await settings.updateLetters(input),
  } satisfies Slice<'settings'>;
}
