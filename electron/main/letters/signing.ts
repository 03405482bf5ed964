import { readFile, stat } from 'node:fs/promises';
import { ErrorCode } from '../../../core/contract';
import {
  deleteSeal,
  deleteSigningIdentity,
  getSeal,
  getSigningIdentity,
  putSeal,
  putSigningIdentity,
} from '../db/repositories/letters';
import type { FileDialogs } from '../files/dialogs';
import { imageProblem } from '../files/image-limits';
import { sniffMime } from '../files/sniff';
import { CertificateError } from '../pdf/certificate-error';
// The PKCS#12 and CMS libraries (node-forge, pkijs: ~25 MB) load when a certificate is first used.
import type { PadesSigner, SigningIdentity } from '../pdf/sign';
import { AppError, refusals } from '../errors';
import type { Vault } from '../vault/vault';

const MAX_SEAL_BYTES = 2 * 1024 * 1024;
const MAX_P12_BYTES = 256 * 1024;
const SEAL_MEGAPIXELS = 4;

// What letters are signed and sealed with: the PKCS#12 certificate (its key kept in the
// encrypted database, the passphrase never stored) and the 社印 image.
export class SigningMaterial {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
  ) {}

  private session() {
    const s = this.vault.session();
    if (!s) throw refusals.locked();
    return s;
  }

  // The signer for the registered certificate, kept while the certificate stays the same.
  private signerCache: { importedAt: string; signer: PadesSigner } | null = null;

  async signer(): Promise<PadesSigner | null> {
    const row = await getSigningIdentity(this.vault.q());
    if (!row) return null;
    if (this.signerCache?.importedAt !== row.imported_at) {
      const identity = await this.identity();
      if (!identity) return null;
      const { PadesSigner } = await import('../pdf/sign');
      this.signerCache = { importedAt: row.imported_at, signer: new PadesSigner(identity) };
    }
    return this.signerCache.signer;
  }

  private async identity(): Promise<SigningIdentity | null> {
    const row = await getSigningIdentity(this.vault.q());
    if (!row) return null;
    return {
      key: row.key,
      certificates: (JSON.parse(row.certificates) as string[]).map((c) => Buffer.from(c, 'base64')),
      subject: row.subject,
      notBefore: row.not_before,
      notAfter: row.not_after,
    };
  }

  async certificate(): Promise<{ subject: string; notBefore: string; notAfter: string } | null> {
    const id = await this.identity();
    return id ? { subject: id.subject, notBefore: id.notBefore, notAfter: id.notAfter } : null;
  }

  async hasSeal(): Promise<boolean> {
    return (await getSeal(this.vault.q())) !== null;
  }

  async importCertificate(
    passphrase: string,
  ): Promise<{ subject: string; notBefore: string; notAfter: string } | null> {
    const session = this.session();
    const path = await this.dialogs.openFile({
      title: '署名用の証明書（PKCS#12）の取り込み',
      filters: [{ name: 'PKCS#12（.p12, .pfx）', extensions: ['p12', 'pfx'] }],
    });
    if (path === null) return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.size > MAX_P12_BYTES) {
      throw new AppError(
        ErrorCode.BAD_INPUT,
        '証明書ファイルを読み込めませんでした（256KB までの .p12 / .pfx ファイルを選択してください）。',
      );
    }
    let identity: SigningIdentity;
    try {
      const { readPkcs12 } = await import('../pdf/sign');
      identity = readPkcs12(await readFile(path), passphrase);
    } catch (e) {
      if (e instanceof CertificateError) throw new AppError(ErrorCode.BAD_INPUT, e.message);
      throw e;
    }
    const now = this.clock().toISOString();
    if (identity.notAfter < now) {
      throw new AppError(
        ErrorCode.BAD_INPUT,
        `この証明書は有効期限（${identity.notAfter.slice(0, 10)}）が切れています。`,
      );
    }
    // The passphrase is used here only, never stored or logged; the key is kept in the
    // encrypted database.
    await this.vault.write('letters.certificate', null, 'imported', async (db) => {
      await putSigningIdentity(db, {
        key: identity.key,
        certificates: JSON.stringify(identity.certificates.map((c) => c.toString('base64'))),
        subject: identity.subject,
        not_before: identity.notBefore,
        not_after: identity.notAfter,
        imported_by: session.accountId,
        imported_at: now,
      });
    });
    return { subject: identity.subject, notBefore: identity.notBefore, notAfter: identity.notAfter };
  }

  async removeCertificate(): Promise<Record<string, never>> {
    await this.vault.write('letters.certificate', null, 'removed', async (db) => {
      await deleteSigningIdentity(db);
    });
    return {};
  }

  async importSeal(): Promise<boolean> {
    const session = this.session();
    const path = await this.dialogs.openFile({
      title: '社印（角印）の画像の取り込み',
      filters: [{ name: 'PNG 画像', extensions: ['png'] }],
    });
    if (path === null) return false;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.size > MAX_SEAL_BYTES) {
      throw new AppError(ErrorCode.BAD_INPUT, '画像を読み込めませんでした（2MB までの PNG 画像を選択してください）。');
    }
    const png = await readFile(path);
    if (sniffMime(png.subarray(0, 16)) !== 'image/png') {
      throw new AppError(
        ErrorCode.BAD_INPUT,
        'PNG 画像ではありません。背景が透明な PNG 形式の社印画像を選択してください。',
      );
    }
    // A seal is a small stamp: 4 megapixels is far more than a 18 mm 角印 needs at print
    // resolution, and a larger one would cost every letter its decoding.
    const tooBig = imageProblem(png, 'image/png', SEAL_MEGAPIXELS);
    if (tooBig) throw new AppError(ErrorCode.BAD_INPUT, `社印の${tooBig}`);
    await this.vault.write('letters.seal', null, `size=${png.length}`, async (db) => {
      await putSeal(db, png, session.accountId, this.clock().toISOString());
    });
    return true;
  }

  async removeSeal(): Promise<Record<string, never>> {
    await this.vault.write('letters.seal', null, 'removed', async (db) => {
      await deleteSeal(db);
    });
    return {};
  }
}
