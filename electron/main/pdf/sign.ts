import {
  constants,
  createHash,
  createPrivateKey,
  type KeyObject,
  randomBytes,
  sign as cryptoSign,
  webcrypto,
  X509Certificate,
} from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';

// PAdES B-B signatures (ETSI EN 319 142-1): a detached CMS SignedData over the PDF's byte range,
// SHA-256, with the ESS signing-certificate-v2 attribute and without signingTime (the time goes
// in the signature dictionary's /M). The stock @signpdf P12 signer adds signingTime and lacks
// signing-certificate-v2, so the CMS is built here with pkijs; @signpdf does the byte range.

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;

export type SigningIdentity = {
  // PKCS#8 DER of the private key, and the certificates (DER), the signer's first.
  key: Buffer;
  certificates: Buffer[];
  subject: string;
  notBefore: string;
  notAfter: string;
};

import { CertificateError } from './certificate-error';

export { CertificateError };

// Reads a PKCS#12 (.p12 / .pfx) file as Windows and OpenSSL export it (legacy 3DES/RC2 or
// AES/PBKDF2). node-forge parses it; only RSA keys are supported, as forge has no EC keys.
export function readPkcs12(file: Buffer, passphrase: string): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(file.toString('binary')), false, passphrase);
  } catch {
    throw new CertificateError(
      '証明書ファイルを読み込めませんでした。パスフレーズが正しいか、PKCS#12（.p12 / .pfx）形式のファイルかをご確認ください。',
    );
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(BAG.shroudedKey), ...bags(BAG.key)];
  const key = keyBags.find((b) => b.key)?.key;
  if (!key) throw new CertificateError('証明書ファイルに秘密鍵が含まれていません（RSA の秘密鍵が必要です）。');
  const certs = bags(BAG.cert)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined);
  const rsaKey = key;
  // The signer's certificate is the one whose public key matches the private key.
  const signer = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.equals(rsaKey.n) && pub.e.equals(rsaKey.e);
  });
  if (!signer) throw new CertificateError('証明書ファイルに、秘密鍵に対応する証明書が含まれていません。');
  const der = (c: forge.pki.Certificate) =>
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');
  const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(rsaKey));
  const signerDer = der(signer);
  const x509 = new X509Certificate(signerDer);
  return {
    key: Buffer.from(forge.asn1.toDer(pkcs8).getBytes(), 'binary'),
    certificates: [signerDer, ...certs.filter((c) => c !== signer).map(der)],
    subject: x509.subject,
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
  };
}

const engine = new pkijs.CryptoEngine({
  name: 'node',
  crypto: webcrypto,
});

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

// ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's certificate with its issuer
// and serial number, binding the signature to that certificate.
function signingCertificateV2(cert: pkijs.Certificate, der: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    // hashAlgorithm is omitted: its DEFAULT is SHA-256.
    value: [new asn1js.OctetString({ valueHex: createHash('sha256').update(der).digest() }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

// The CMS of one signer is the same for every letter but for two fields of fixed length: the
// document's digest (in the signed attributes) and the RSA signature over those attributes
// (PKCS#1 v1.5, as long as the key's modulus). It is built once with pkijs, around a marker
// digest, and each letter then fills in its digest and signs the attributes with Node's crypto:
// the bytes are what pkijs would build for that digest (the signer's test checks it), at a tenth
// of the time and without waiting on WebCrypto's thread pool.
type CmsTemplate = {
  key: KeyObject;
  cms: Uint8Array; // the ContentInfo, DER
  attrs: Uint8Array; // the signed attributes as signed (tagged SET)
  digestInCms: number;
  digestInAttrs: number;
  signatureInCms: number;
  signatureLength: number;
};

// The signed attributes as the signature covers them: their DER with the [0] tag they carry in
// the SignerInfo replaced by a SET's (RFC 5652 §5.4).
function signedAttributesAsSigned(signerInfo: pkijs.SignerInfo): Uint8Array {
  if (!signerInfo.signedAttrs) throw new Error('CMS template: no signed attributes');
  const der = new Uint8Array(signerInfo.signedAttrs.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

// One per certificate: the key is imported and the certificates parsed once, not per letter.
export class PadesSigner extends Signer {
  private prepared: Promise<{
    key: webcrypto.CryptoKey;
    cert: pkijs.Certificate;
    chain: pkijs.Certificate[];
    essV2: asn1js.Sequence;
  }> | null = null;
  private template: Promise<CmsTemplate> | null = null;

  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  // Hex digits to reserve for the CMS in the PDF (two per byte, so always even): the
  // certificates it carries, a signature as long as the largest RSA key in use (8192 bits), and
  // room for the attributes and the ASN.1 framing.
  maxSignatureLength(): number {
    const certificates = this.identity.certificates.reduce((n, c) => n + c.length, 0);
    return 2 * (certificates + 1024 + 2048);
  }

  private prepare() {
    this.prepared ??= (async () => {
      const [signerDer, ...chainDer] = this.identity.certificates;
      if (!signerDer) throw new CertificateError('署名用の証明書がありません。');
      const toCert = (der: Buffer) => pkijs.Certificate.fromBER(new Uint8Array(der));
      const cert = toCert(signerDer);
      const key = await webcrypto.subtle.importKey(
        'pkcs8',
        new Uint8Array(this.identity.key),
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      return { key, cert, chain: chainDer.map(toCert), essV2: signingCertificateV2(cert, signerDer) };
    })();
    return this.prepared;
  }

  // The CMS for a digest, built in full by pkijs: the template's source, and the reference the
  // template is tested against.
  async buildCms(digest: Uint8Array): Promise<{ cms: Uint8Array; attrs: Uint8Array; signature: Uint8Array }> {
    const { key, cert, chain, essV2 } = await this.prepare();
    const signerInfo = new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({
        type: 0,
        attributes: [
          attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
          attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: digest })),
          attribute(OID.signingCertificateV2, essV2),
        ],
      }),
    });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [signerInfo],
      certificates: [cert, ...chain],
    });
    await signedData.sign(key, 0, 'SHA-256', undefined, engine);
    const content = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return {
      cms: new Uint8Array(content.toSchema().toBER(false)),
      attrs: signedAttributesAsSigned(signerInfo),
      signature: new Uint8Array(signerInfo.signature.valueBlock.valueHexView).slice(),
    };
  }

  private prepareTemplate() {
    this.template ??= (async () => {
      const marker = randomBytes(32);
      const built = await this.buildCms(marker);
      const once = (haystack: Uint8Array, needle: Uint8Array) => {
        const at = Buffer.from(haystack).indexOf(needle);
        if (at < 0 || Buffer.from(haystack).indexOf(needle, at + 1) >= 0)
          throw new Error('CMS template: field not unique');
        return at;
      };
      return {
        key: createPrivateKey({ key: this.identity.key, format: 'der', type: 'pkcs8' }),
        cms: built.cms,
        attrs: built.attrs,
        digestInCms: once(built.cms, marker),
        digestInAttrs: once(built.attrs, marker),
        signatureInCms: once(built.cms, built.signature),
        signatureLength: built.signature.length,
      };
    })();
    return this.template;
  }

  // The signing time is not put in the CMS (PAdES B-B); the caller sets /M instead.
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const t = await this.prepareTemplate();
    const digest = createHash('sha256').update(pdfBuffer).digest();
    const attrs = Buffer.from(t.attrs);
    digest.copy(attrs, t.digestInAttrs);
    const signature = cryptoSign('sha256', attrs, { key: t.key, padding: constants.RSA_PKCS1_PADDING });
    if (signature.length !== t.signatureLength) throw new Error('CMS template: signature length changed');
    const cms = Buffer.from(t.cms);
    digest.copy(cms, t.digestInCms);
    signature.copy(cms, t.signatureInCms);
    return cms;
  }
}
