import type { Slice } from '../ipc/handlers-type';
import type { LettersService } from './service';
import type { SigningMaterial } from './signing';

export function lettersHandlers(letters: LettersService, signing: SigningMaterial) {
  return {
    // Our IPC channel for the signing certificate (PKCS#12), not Electron's app.importCertificate.
    'letters.importCertificate': (input) => signing.importCertificate(input.passphrase), // eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK -- justified above
    'letters.removeCertificate': () => signing.removeCertificate(),
    'letters.importSeal': () => signing.importSeal(),
    'letters.removeSeal': () => signing.removeSeal(),
    'letters.list': (input) => letters.list(input.requestId),
    'letters.pending': () => letters.pending(),
    'letters.templatePreview': (input) => letters.templatePreview(input.kind, input.template),
    'letters.preview': (input) => letters.preview(input.requestId, input.kind),
    'letters.finalize': (input) => letters.finalize(input.requestId, input.kind, input.reissueReason),
    'letters.content': (input) => letters.content(input.id),
    'letters.printed': (input) => letters.printed(input.id),
    'letters.save': (input) => letters.save(input.id),
  } satisfies Slice<'letters'>;
}
