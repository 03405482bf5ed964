// A certificate file that cannot be used (wrong passphrase, no key, unsupported key type), with
// the message for staff. Apart from the signer so that main can check for it without loading
// the PKCS#12 and CMS libraries.
export class CertificateError extends Error {}
