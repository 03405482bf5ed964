import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { ErrorCode, LetterSettings, listFilter, type LetterInfo, type RequestDetail } from '../../../core/contract';
import { japanToday, type IsoDate } from '../../../core/domain/dates';
import {
  buildLetter,
  defaultLetterTemplates,
  letterLabels,
  lettersFor,
  type Letter,
  type LetterCase,
  type LetterKind,
  type LetterTemplate,
} from '../../../core/domain/letters/catalogue';
import { sampleLetterCase } from '../../../core/domain/letters/sample';
import type { Organisation } from '../../../core/domain/organisation';
import {
  deleteSeal,
  deleteSigningIdentity,
  documentNoTaken,
  getLetterPdf,
  getSeal,
  getSigningIdentity,
  insertLetter,
  listLetters,
  nextLetterSerial,
  putSeal,
  putSigningIdentity,
} from '../db/repositories/letters';
import { getSetting, putSetting } from '../db/repositories/settings';
import type { FileDialogs } from '../files/dialogs';
import { sniffMime } from '../files/sniff';
import type { FontCoverage } from '../pdf/glyphs';
import { renderLetter, type LetterFonts } from '../pdf/letter';
import { CertificateError, PadesSigner, readPkcs12, type SigningIdentity } from '../pdf/sign';
import { AppError } from './errors';
import { readOrganisation } from './policies';
import type { RequestsService } from './requests';
import type { Vault } from './vault';

export const defaultLetterSettings: LetterSettings = {
  documentNoPattern: '個保第{連番}号',
  dateStyle: 'wareki',
  windowEnvelope: false,
  templates: {},
};

const MAX_SEAL_BYTES = 2 * 1024 * 1024;
const MAX_P12_BYTES = 256 * 1024;

// The request as its letters need it: the answer goes to whom the request says, under the
// spelling recorded for letters when the real one has characters the font lacks.
export function letterCase(r: RequestDetail): LetterCase {
  const party = r.answerTo === 'agent' && r.agent ? r.agent : r.principal;
  const last = (action: string) => [...r.history].reverse().find((h) => h.action === action);
  return {
    receiptNo: r.receiptNo,
    arrivalDate: r.arrivalDate,
    addressee: {
      postalCode: party.postalCode,
      address: r.replyAddress || party.letterAddress || party.address,
      name: party.letterName || party.name,
    },
    items: r.items.map((i) => ({ kind: i.kind, dataItems: i.dataItems })),
    decisions: r.decisions.map((d) => ({ kind: d.kind, decision: d.decision })),
    disclosureMethod: r.disclosureMethod?.method ?? null,
    fee: { due: r.fee.due, accepted: r.fee.accepted, shortfall: r.fee.shortfall, toReturn: r.fee.toReturn },
    cure: r.cure ? { defects: r.cure.defects, dueDate: r.cure.dueDate } : null,
    extension: r.extension ? { date: r.extension.date, reason: r.extension.reason } : null,
    dueDate: r.deadlines.dueDate,
    declineReason: last('decline')?.comment ?? '',
    withdrawnOn: last('withdraw')?.day ?? null,
  };
}

// Every text a letter draws, named as staff would look for it.
function lettersTexts(letter: Letter): [string, string][] {
  return [
    ['宛名（氏名）', letter.addressee.name],
    ['宛名（住所）', letter.addressee.address],
    ['表題', letter.title],
    ...letter.body.map((b, i): [string, string] => [`本文（第${i + 1}段落）`, b]),
    ...letter.items.map((it): [string, string] => [`記の「${it.label}」`, `${it.label}${it.text}`]),
    ...letter.annexes.flatMap((a) => a.lines.map((l): [string, string] => [`別紙「${a.title}」`, l])),
    ['差出人', Object.values(letter.sender).join('')],
    ['お問い合わせ先', letter.contact.join('')],
  ];
}

export class LettersService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestsService,
    private readonly fonts: LetterFonts,
    private readonly coverage: FontCoverage,
  ) {}

  private session() {
    const s = this.vault.session();
    if (!s) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    return s;
  }

  settings(): LetterSettings {
    const parsed = LetterSettings.safeParse(getSetting(this.vault.connection(), 'letters'));
    return parsed.success ? parsed.data : defaultLetterSettings;
  }

  updateSettings(value: LetterSettings): LetterSettings {
    this.vault.write(
      'settings.update',
      'letters',
      `date=${value.dateStyle} window=${String(value.windowEnvelope)} templates=${Object.keys(value.templates).length}`,
      (db) => {
        putSetting(db, 'letters', value);
      },
    );
    return value;
  }

  private organisation(): Organisation {
    const org = readOrganisation(this.vault.connection());
    if (!org)
      throw new AppError(ErrorCode.CONFLICT, '組織情報が設定されていません。設定 › 組織情報を入力してください。');
    return org;
  }

  // The signer for the registered certificate, kept while the certificate stays the same.
  private signerCache: { importedAt: string; signer: PadesSigner } | null = null;

  private signer(): PadesSigner | null {
    const row = getSigningIdentity(this.vault.connection());
    if (!row) return null;
    if (this.signerCache?.importedAt !== row.imported_at) {
      const identity = this.identity();
      if (!identity) return null;
      this.signerCache = { importedAt: row.imported_at, signer: new PadesSigner(identity) };
    }
    return this.signerCache.signer;
  }

  private identity(): SigningIdentity | null {
    const row = getSigningIdentity(this.vault.connection());
    if (!row) return null;
    return {
      key: row.key,
      certificates: (JSON.parse(row.certificates) as string[]).map((c) => Buffer.from(c, 'base64')),
      subject: row.subject,
      notBefore: row.not_before,
      notAfter: row.not_after,
    };
  }

  certificate(): { subject: string; notBefore: string; notAfter: string } | null {
    const id = this.identity();
    return id ? { subject: id.subject, notBefore: id.notBefore, notAfter: id.notAfter } : null;
  }

  hasSeal(): boolean {
    return getSeal(this.vault.connection()) !== null;
  }

  private build(
    r: RequestDetail,
    kind: LetterKind,
    documentNo: string,
    date: IsoDate,
    template?: LetterTemplate,
  ): Letter {
    const s = this.settings();
    return buildLetter(kind, letterCase(r), this.organisation(), {
      documentNo,
      date,
      dateStyle: s.dateStyle,
      template: template ?? s.templates[kind] ?? defaultLetterTemplates[kind],
    });
  }

  list(requestId: string): LetterInfo {
    const r = this.requests.get(requestId);
    const done = listLetters(this.vault.connection(), requestId);
    return {
      available: lettersFor(letterCase(r), r.status).map((kind) => ({ kind, label: letterLabels[kind] })),
      finalized: done.map((l) => ({
        id: l.id,
        kind: l.kind as LetterKind,
        label: letterLabels[l.kind as LetterKind],
        documentNo: l.document_no,
        sha256: l.sha256,
        signed: l.signed === 1,
        createdBy: r.accountNames[l.created_by] ?? l.created_by,
        createdAt: l.created_at,
      })),
      signing: this.certificate() !== null,
    };
  }

  private assertAvailable(r: RequestDetail, kind: LetterKind): void {
    if (!lettersFor(letterCase(r), r.status).includes(kind)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `この請求では「${letterLabels[kind]}」は作成できません（記録がそろっていません）。`,
      );
    }
  }

  // The decision letters still to finalize for the requests whose answer is being prepared:
  // what "finalize and print all letters ready today" works through.
  pending(): { requestId: string; receiptNo: string; kind: LetterKind; label: string }[] {
    const page = this.requests.list(listFilter({ statuses: ['preparingAnswer'], sort: 'dueAsc', limit: 200 }));
    const notices: readonly LetterKind[] = ['receipt', 'cure', 'feeShortfall', 'extension'];
    return page.rows.flatMap((row) => {
      const r = this.requests.get(row.id);
      const done = new Set(listLetters(this.vault.connection(), row.id).map((l) => l.kind));
      return lettersFor(letterCase(r), r.status)
        .filter((k) => !notices.includes(k) && !done.has(k))
        .map((kind) => ({ requestId: row.id, receiptNo: r.receiptNo, kind, label: letterLabels[kind] }));
    });
  }

  // A draft to look at: not numbered, not signed, not stored.
  async preview(requestId: string, kind: LetterKind): Promise<{ base64: string }> {
    const r = this.requests.get(requestId);
    this.assertAvailable(r, kind);
    const letter = this.build(r, kind, '（確定時に採番）', japanToday(this.clock()));
    const rendered = await renderLetter(letter, this.fonts, this.renderOptions(false));
    return { base64: Buffer.from(rendered.bytes).toString('base64') };
  }

  // A template as the administrator edits it, on a fictional request.
  async templatePreview(kind: LetterKind, template: LetterTemplate): Promise<{ base64: string }> {
    const letter = buildLetter(kind, sampleLetterCase, this.organisation(), {
      documentNo: '個保第1号',
      date: japanToday(this.clock()),
      dateStyle: this.settings().dateStyle,
      template,
    });
    const rendered = await renderLetter(letter, this.fonts, this.renderOptions(false));
    return { base64: Buffer.from(rendered.bytes).toString('base64') };
  }

  private renderOptions(windowEnvelopeOnly: boolean) {
    return {
      windowEnvelope: windowEnvelopeOnly || this.settings().windowEnvelope,
      seal: getSeal(this.vault.connection()),
    };
  }

  // Checks that the font draws every character; a missing one would print as an empty box.
  private async assertPrintable(letter: Letter, r: RequestDetail): Promise<void> {
    for (const [field, text] of lettersTexts(letter)) {
      const missing = await this.coverage.missing(text);
      if (missing.length === 0) continue;
      const chars = missing.map((c) => `「${c}」`).join('');
      const hint = field.startsWith('宛名')
        ? `受付内容を修正し、「回答書用の氏名」「回答書用の住所」に代わりの表記（例: 𠮷→吉）を記録してください。${
            r.principal.letterName ? `（記録済みの表記: ${r.principal.letterName}）` : ''
          }`
        : '該当する文章を修正してください。';
      throw new AppError(
        ErrorCode.BAD_INPUT,
        `${field}に、回答書の書体にない文字${chars}があります。このままでは空白の四角で印字されるため、確定できません。${hint}`,
      );
    }
  }

  private nextDocumentNo(date: IsoDate): string {
    const db = this.vault.connection();
    const pattern = this.settings().documentNoPattern;
    const year = Number(date.slice(0, 4));
    for (;;) {
      const serial = nextLetterSerial(db, year);
      const no = pattern.replaceAll('{年}', String(year)).replaceAll('{連番}', String(serial));
      if (!documentNoTaken(db, no)) return no;
    }
  }

  // Numbers, renders, signs (when a certificate is set) and stores a letter; its bytes and
  // SHA-256 never change afterwards, so a reprint is the same document.
  async finalize(requestId: string, kind: LetterKind): Promise<{ id: string; documentNo: string; signed: boolean }> {
    const session = this.session();
    const r = this.requests.get(requestId);
    this.assertAvailable(r, kind);
    const now = this.clock();
    const today = japanToday(now);
    // Checked before a number is taken: a refused letter uses none.
    await this.assertPrintable(this.build(r, kind, '', today), r);
    return this.store(r, kind, now, today, this.signer(), this.organisation(), session.accountId);
  }

  private async store(
    r: RequestDetail,
    kind: LetterKind,
    now: Date,
    today: IsoDate,
    signer: PadesSigner | null,
    org: Organisation,
    accountId: string,
  ): Promise<{ id: string; documentNo: string; signed: boolean }> {
    // The number is taken before rendering (it is printed); a failure leaves a gap, never a reuse.
    const documentNo = this.nextDocumentNo(today);
    const letter = this.build(r, kind, documentNo, today);
    const rendered = await renderLetter(letter, this.fonts, {
      ...this.renderOptions(false),
      title: `${letterLabels[kind]}（${r.receiptNo}）`,
      ...(signer
        ? {
            signature: {
              signer,
              at: now,
              name: `${org.companyName} ${org.officerTitle} ${org.officerName}`,
              reason: letterLabels[kind],
              location: org.address,
              contactInfo: org.contactPhone,
            },
          }
        : {}),
    });
    const id = randomUUID();
    const sha256 = createHash('sha256').update(rendered.bytes).digest('hex');
    this.vault.write('letters.finalize', r.id, `letter=${id} kind=${kind} signed=${String(rendered.signed)}`, (db) => {
      insertLetter(db, {
        id,
        request_id: r.id,
        kind,
        document_no: documentNo,
        sha256,
        signed: rendered.signed,
        created_by: accountId,
        created_at: now.toISOString(),
        pdf: rendered.bytes,
      });
    });
    return { id, documentNo, signed: rendered.signed };
  }

  content(letterId: string): { base64: string; sha256: string } {
    const row = getLetterPdf(this.vault.connection(), letterId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '回答書が見つかりません。');
    return { base64: row.pdf.toString('base64'), sha256: row.sha256 };
  }

  // Printing happens in the renderer (the system print dialog); this records that it was asked.
  printed(letterId: string): Record<string, never> {
    const row = getLetterPdf(this.vault.connection(), letterId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '回答書が見つかりません。');
    this.vault.write('letters.print', row.request_id, `letter=${letterId}`, () => undefined);
    return {};
  }

  async save(letterId: string): Promise<{ saved: boolean }> {
    const row = getLetterPdf(this.vault.connection(), letterId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '回答書が見つかりません。');
    const path = await this.dialogs.saveFile({
      title: '回答書の保存',
      defaultName: `${row.document_no.replace(/[\\/:*?"<>|]/g, '_')}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (path === null) return { saved: false };
    await writeFile(path, row.pdf);
    this.vault.write('letters.save', row.request_id, `letter=${letterId}`, () => undefined);
    return { saved: true };
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
    this.vault.write('letters.certificate', null, 'imported', (db) => {
      putSigningIdentity(db, {
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

  removeCertificate(): Record<string, never> {
    this.vault.write('letters.certificate', null, 'removed', (db) => {
      deleteSigningIdentity(db);
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
    this.vault.write('letters.seal', null, `size=${png.length}`, (db) => {
      putSeal(db, png, session.accountId, this.clock().toISOString());
    });
    return true;
  }

  removeSeal(): Record<string, never> {
    this.vault.write('letters.seal', null, 'removed', (db) => {
      deleteSeal(db);
    });
    return {};
  }
}
