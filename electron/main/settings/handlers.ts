import type { Slice } from '../ipc/handlers-type';
import type { SigningMaterial } from '../letters/signing';
import type { SettingsService } from './service';

export function settingsHandlers(settings: SettingsService, signing: SigningMaterial) {
  return {
    'settings.get': () => ({
      organisation: settings.organisation(),
      security: settings.security(),
      fees: settings.fees(),
      intake: settings.intake(),
      processing: settings.processing(),
      reasons: settings.reasons(),
      letters: settings.letters(),
      // What the signing certificate and the seal image are (they are imported via letters.*).
      certificate: signing.certificate(),
      seal: signing.hasSeal(),
    }),
    'settings.updateOrganisation': (input) => settings.updateOrganisation(input),
    'settings.updateSecurity': (input) => settings.updateSecurity(input),
    'settings.updateFees': (input) => settings.updateFees(input),
    'settings.updateIntake': (input) => settings.updateIntake(input),
    'settings.updateProcessing': (input) => settings.updateProcessing(input),
    'settings.updateReasons': (input) => settings.updateReasons(input.reasons),
    'settings.updateLetters': (input) => settings.updateLetters(input),
  } satisfies Slice<'settings'>;
}
