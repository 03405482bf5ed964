import type { Slice } from '../ipc/handlers-type';
import type { LettersService } from './service';
import type { SigningMaterial } from './signing';

export function lettersHandlers(letters: LettersService, signing: SigningMaterial) {
  return {
    // Our IPC channel for the signing certificate (PKCS#12), not Electron's app.importCertificate.
    'letters.importCertificate': (input) => signing.importCertificate(input.passphrase), // eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK -- justified above
    'letters.removeCertificate': async () => await signing.removeCertificate(),
    'letters.importSeal': () => signing.importSeal(),
    'letters.removeSeal': async () => await signing.removeSeal(),
    'letters.list': async (input) => await letters.list(input.requestId),
    'letters.pending': async () => await letters.pending(),
    'letters.templatePreview': (input) => letters.templatePreview(input.kind, input.template),
    'letters.preview': (input) => letters.preview(input.requestId, input.kind),
    'letters.finalize': (input) => letters.finalize(input.requestId, input.kind, input.reissueReason),
    'letters.content': async (input) => await letters.content(input.id),
    'letters.printed': async (input) => await letters.printed(input.id),
    'letters.save': (input) => letters.save(input.id),
  } satisfies Slice<'letters'>;
}
