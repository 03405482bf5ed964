import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLetter } from '../../../core/domain/letters/catalogue';
import { sampleLetterCase } from '../../../core/domain/letters/sample';
import { Organisation } from '../../../core/domain/organisation';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { LetterFonts, renderLetter } from './letter';
import { CertificateError, PadesSigner, readPkcs12 } from './sign';
import { makeP12 } from './test-certificate';

const org = Organisation.parse(organisation);
const fonts = LetterFonts.inResources(RESOURCES_DIR);

async function signedLetter(dir: string): Promise<string> {
  const identity = readPkcs12(makeP12(dir, 'pass phrase 1'), 'pass phrase 1');
  const letter = buildLetter('receipt', sampleLetterCase, org, {
    documentNo: '個保第1号',
    date: '2026-11-22',
    dateStyle: 'wareki',
  });
  const rendered = await renderLetter(letter, fonts, {
    windowEnvelope: false,
    seal: null,
    signature: {
      signer: new PadesSigner(identity),
      at: new Date('2026-11-22T01:00:00Z'),
      name: `${org.companyName} ${org.officerName}`,
      reason: '受付のお知らせ',
      location: '東京都',
      contactInfo: org.contactPhone,
    },
  });
  expect(rendered.signed).toBe(true);
  const file = join(dir, 'signed.pdf');
  writeFileSync(file, rendered.bytes);
  return file;
}

describe('PAdES signature', () => {
  it('is valid for pdfsig, covers the whole document, and is PAdES B-B in its CMS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-sign-'));
    const file = await signedLetter(dir);
    const out = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out.stdout).toContain('Signature is Valid.');
    expect(out.stdout).toContain('Total document signed');
    expect(out.stdout).toContain('ETSI.CAdES.detached');
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors/,
    );

    // The CMS itself, read by OpenSSL: signing-certificate-v2 present, signingTime absent.
    spawnSync('pdfsig', ['-dump', file], { cwd: dir });
    const sig = readdirSync(dir).find((f) => /\.sig\d*$/.test(f));
    expect(sig).toBeDefined();
    const cms = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, sig ?? '')], {
      encoding: 'utf8',
    });
    expect(cms).toMatch(/signingCertificateV2|id-smime-aa-signingCertificateV2/);
    expect(cms).not.toMatch(/signingTime/);
    expect(cms).toMatch(/sha256/);
  });

  it('turns invalid when one byte inside the signed range changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-sign-'));
    const file = await signedLetter(dir);
    const bytes = readFileSync(file);
    // A byte in the page content, well before the signature dictionary.
    const at = bytes.indexOf(Buffer.from('/Producer'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 2] = bytes[at + 2] === 0x72 ? 0x52 : 0x72;
    writeFileSync(file, bytes);
    const out = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out.stdout).not.toContain('Signature is Valid.');
    expect(out.stdout).toMatch(/Signature is Invalid|Digest Mismatch/i);
  });

  it('reads legacy (3DES) and current (AES) PKCS#12 files, and refuses a wrong passphrase in Japanese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-p12-'));
    const legacy = readPkcs12(makeP12(dir, 'pw', true), 'pw');
    expect(legacy.subject).toContain('CN=Privacy Officer');
    const current = makeP12(dir, 'pw');
    expect(readPkcs12(current, 'pw').certificates).toHaveLength(1);
    expect(() => readPkcs12(current, 'wrong')).toThrow(CertificateError);
    expect(() => readPkcs12(Buffer.from('not a p12'), 'pw')).toThrow(/PKCS#12/);
  });

  it('fills its CMS template to the very bytes pkijs builds for the same document, letter after letter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-cms-'));
    const signer = new PadesSigner(readPkcs12(makeP12(dir, 'pw'), 'pw'));
    for (const text of ['first letter', 'second letter', 'first letter']) {
      const data = Buffer.from(text);
      const filled = await signer.sign(data);
      const built = await signer.buildCms(createHash('sha256').update(data).digest());
      expect(Buffer.compare(filled, Buffer.from(built.cms))).toBe(0);
    }
    const a = await signer.sign(Buffer.from('a'));
    const b = await signer.sign(Buffer.from('b'));
    expect(a.equals(b)).toBe(false);
  });
});
