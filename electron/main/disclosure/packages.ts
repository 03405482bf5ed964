import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { ErrorCode, type DisclosurePackage, type RequestDetail } from '../../../core/contract';
import { japanToday, slashDate } from '../../../core/domain/dates';
import { Marks, disclosedRows } from '../../../core/domain/disclosure/marks';
import {
  MANIFEST_NAME,
  entryName,
  manifestJson,
  packageFileName,
  packagedExt,
  safeFileName,
  type PackageFile,
} from '../../../core/domain/disclosure/package';
import { generatePassword } from '../../../core/domain/disclosure/password';
import { tableFormats, type RecordFormat } from '../../../core/domain/disclosure/records';
import { electronicRouteLabels } from '../../../core/domain/electronic';
import { addresseeOf } from '../../../core/domain/letters/catalogue';
import { buildPasswordNotice } from '../../../core/domain/letters/password-notice';
import { csvRows, toCsv, type Cell } from '../../../core/domain/table';
import {
  getDisclosurePackage,
  insertDisclosurePackage,
  listDisclosurePackages,
  type DisclosurePackageRow,
} from '../db/repositories/disclosure-packages';
import { getDisclosureRecordContent } from '../db/repositories/disclosure-records';
import { getLetterPdf, listLetters } from '../db/repositories/letters';
import { AppError, refusals } from '../errors';
import { sha256InSteps } from '../files/in-steps';
import type { FileDialogs } from '../files/dialogs';
import { letterCase } from '../letters/letter-case';
import type { LetterFonts } from '../pdf/fonts';
import { renderLetter } from '../pdf/lazy';
import { encodeCsv } from '../reports/spreadsheets';
import { currentApproval, sameApproval, stalePackage } from '../requests/approved';
import type { RequestQueries } from '../requests/queries';
import { readFees, readLetterSettings, readOrganisation, readProcessingSettings } from '../settings/policies';
import { deriveKey, newKdfParams, KdfParams } from '../vault/kdf';
import type { Vault } from '../vault/vault';
import { disclosedXlsx } from './disclosed-xlsx';
import { hiddenContent } from './hidden-content';
import { planPackage, type PackagePlan } from './package-plan';
import { isDocument } from './redact';
import { redactedDocument } from './redacted';
import { readTable } from './tables';
import { writeEncryptedZip, type ZipEntry } from './zip';

// The 電磁的記録 package (issue 17 §4): the signed decision letters, the records found in the
// format the company chose (tables with withheld cells replaced), and a manifest with each file's
// SHA-256, in one AES-256 ZIP written where staff choose (a CD-R or USB drive). The password is
// generated here, returned once, and never stored; the dispatch record keeps the medium, the day,
// the package's SHA-256 and the manifest, so that "what did you send me?" is answered from it.

const HASH_COST = { algorithm: 'scrypt', logN: 15, r: 8, p: 1 } as const;

type Stored = { params: KdfParams; hash: string };

const APPROVAL_CHANGED =
  '作成中に決裁が差し戻されたか、決定が変わりました。作成したファイルは削除し、記録していません。承認された決定の決定通知書を確定してから、もう一度作成してください。';

const toPackage = (r: DisclosurePackageRow, names: Record<string, string>, stale: boolean): DisclosurePackage => ({
  id: r.id,
  route: r.route as DisclosurePackage['route'],
  passwordRoute: r.password_route as DisclosurePackage['passwordRoute'],
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  files: (JSON.parse(r.manifest_json) as { files: PackageFile[] }).files,
  createdBy: names[r.created_by] ?? r.created_by,
  createdAt: r.created_at,
  // Built under the approval the decision stands on now, with its latest letters (a 差し戻し or
  // a 再発行 retires the earlier packages).
  current: !stale,
});

// A long table as CSV text, a few thousand rows per turn of the event loop.
async function csvInSteps(header: readonly string[], rows: readonly (readonly Cell[])[]): Promise<string> {
  const parts = [toCsv(header, [])];
  for (let i = 0; i < rows.length; i += 2000) {
    parts.push(csvRows(rows.slice(i, i + 2000)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return parts.join('');
}

export class DisclosurePackagesService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestQueries,
    private readonly fonts: LetterFonts,
    private readonly progress: (p: { done: number; total: number }) => void = () => undefined,
  ) {}

  async list(requestId: string): Promise<DisclosurePackage[]> {
    const r = await this.requests.get(requestId);
    const db = this.vault.q();
    const approval = await currentApproval(db, requestId);
    const letters = await listLetters(db, requestId);
    return (await listDisclosurePackages(db, requestId)).map((p) =>
      toPackage(p, r.accountNames, stalePackage(p, letters, approval) !== null),
    );
  }

  // The document records that would go rendered (pages as images), each with what its original
  // file carries beyond its pages: what staff weigh before choosing to send an original.
  async originals(requestId: string): Promise<{ id: string; fileName: string; hidden: string[] }[]> {
    const r = await this.requests.get(requestId);
    const p = await planPackage(this.vault.q(), r, []);
    const out: { id: string; fileName: string; hidden: string[] }[] = [];
    for (const x of p.records) {
      const format = x.format as RecordFormat;
      if (!isDocument(format) || Marks.parse(JSON.parse(x.marks_json ?? '[]')).length > 0) continue;
      const c = await getDisclosureRecordContent(this.vault.q(), x.id);
      if (!c) continue;
      out.push({ id: x.id, fileName: x.file_name, hidden: await hiddenContent(c, format) });
    }
    this.listed.set(this.listedKey(requestId), new Set(out.map((o) => o.id)));
    return out;
  }

  // Each file of the package, read from the vault only when it is written.
  private entries(r: RequestDetail, p: PackagePlan, signal: AbortSignal) {
    const db = this.vault.q();
    const files: (ZipEntry & { description: string })[] = [];
    let n = 1;
    for (const d of p.decisions) {
      const name = entryName(n++, { role: 'letter' }, 'pdf');
      files.push({
        name,
        description: `決定通知書（${d.letter.document_no}、電子署名付き）`,
        data: async () => {
          const pdf = (await getLetterPdf(db, d.letter.id))?.pdf;
          if (!pdf) throw new AppError(ErrorCode.NOT_FOUND, '決定通知書が見つかりません。');
          return Promise.resolve(new Uint8Array(pdf));
        },
      });
    }
    let ordinal = 1;
    for (const x of p.records) {
      const format = x.format as RecordFormat;
      const chosen = p.decisions.find((d) => d.kind === x.kind)?.electronic.format ?? 'csv';
      const marks = Marks.parse(JSON.parse(x.marks_json ?? '[]'));
      // A document goes rendered as the redaction does (pages as images: nothing the viewer does
      // not show, no attachment, metadata, hidden layer or earlier revision), unless staff chose
      // to send its original; one with rectangles always goes redacted.
      const original = p.originals.includes(x.id);
      const render = isDocument(format) && !original;
      const ext = render ? 'pdf' : packagedExt(format, chosen);
      const name = entryName(n++, { role: 'record', ordinal: ordinal++ }, ext);
      const origin = `「${safeFileName(x.file_name)}」、${x.system}、${slashDate(x.exported_on)}出力`;
      const content = async () => {
        const c = await getDisclosureRecordContent(db, x.id);
        if (!c) throw new AppError(ErrorCode.NOT_FOUND, '記録が見つかりません。');
        return c;
      };
      if (render) {
        const how = marks.length > 0 ? '黒塗りの部分は不開示' : '各ページを画像にしたもの';
        files.push({
          name,
          description: `開示する記録（${origin}、${how}）`,
          data: () => redactedDocument(this.vault, x, { signal }),
        });
        continue;
      }
      if (!tableFormats.includes(format)) {
        files.push({
          name,
          description: `開示する記録（${origin}${original ? '、原本のファイル' : ''}）`,
          data: () => content(),
        });
        continue;
      }
      const data = async (): Promise<Uint8Array> => {
        const t = await readTable(await content(), format);
        const rows = disclosedRows(t.header, t.rows, marks);
        const title = `開示する記録「${safeFileName(x.file_name)}」`;
        if (chosen === 'csv') return encodeCsv(await csvInSteps(t.header, rows), false);
        if (chosen === 'xlsx') return disclosedXlsx(title, t.header, rows);
        const { renderTableDocument } = await import('../pdf/table-document');
        return renderTableDocument(
          { title, subtitle: `${origin}（${r.receiptNo}）`, header: t.header, rows },
          this.fonts,
        );
      };
      files.push({ name, description: `開示する記録（${origin}、不開示の部分は「（不開示）」）`, data });
    }
    return files;
  }

  // The package being made, to cancel (one at a time).
  private running: AbortController | null = null;

  cancel(): Record<string, never> {
    this.running?.abort();
    return {};
  }

  async build(requestId: string, originals: readonly string[] = []) {
    if (this.running) throw new AppError(ErrorCode.CONFLICT, '電磁的記録を作成中です。終わるまでお待ちください。');
    const controller = new AbortController();
    this.running = controller;
    try {
      return await this.make(requestId, originals, controller.signal);
    } finally {
      this.running = null;
    }
  }

  // Which originals' hidden content this account was shown, per request: an original goes only
  // after that list (the page asks for a confirmation; main holds it to the list being shown).
  private readonly listed = new Map<string, Set<string>>();
  private listedKey(requestId: string): string {
    return `${this.vault.session()?.accountId ?? ''}:${requestId}`;
  }

  private async make(requestId: string, originals: readonly string[], signal: AbortSignal) {
    const session = this.vault.session();
    if (!session) throw refusals.locked();
    const shown = this.listed.get(this.listedKey(requestId));
    if (originals.some((id) => !shown?.has(id))) {
      throw refusals.badField(
        ['originals'],
        '原本のファイルのまま送る記録は、先に「文書を原本のファイルのまま送る…」で含まれている内容を確認してください。',
      );
    }
    const r = await this.requests.get(requestId);
    const p = await planPackage(this.vault.q(), r, originals);
    const fileName = packageFileName(r.receiptNo);
    const path = await this.dialogs.saveFile({
      title: '電磁的記録（暗号化したZIPファイル）の保存',
      defaultName: fileName,
      filters: [{ name: 'ZIPファイル（AES-256で暗号化）', extensions: ['zip'] }],
    });
    if (path === null) return null;
    const savedName = path.split(/[\\/]/).pop() ?? fileName;
    const password = generatePassword((n) => randomBytes(n));
    const now = this.clock();
    const files = this.entries(r, p, signal);
    const listed: PackageFile[] = [];
    // Each file is hashed as it goes into the package; the manifest is the last entry.
    const hashed: ZipEntry[] = files.map((f) => ({
      name: f.name,
      data: async () => {
        const bytes = await f.data();
        listed.push({
          name: f.name,
          bytes: bytes.length,
          sha256: await sha256InSteps(bytes),
          description: f.description,
        });
        return bytes;
      },
    }));
    const org = await readOrganisation(this.vault.q());
    const manifest = () =>
      manifestJson({
        company: org?.companyName ?? '',
        documentNos: p.decisions.map((d) => d.letter.document_no),
        createdAt: now.toISOString(),
        files: listed,
      });
    const total = hashed.length + 1;
    this.progress({ done: 0, total });
    const written = await writeEncryptedZip(
      path,
      password,
      [...hashed, { name: MANIFEST_NAME, data: () => Promise.resolve(Buffer.from(manifest(), 'utf8')) }],
      (done) => {
        this.progress({ done, total });
      },
      signal,
    );
    const params = newKdfParams(HASH_COST);
    const stored: Stored = { params, hash: (await deriveKey(password, params)).toString('base64') };
    const row: DisclosurePackageRow = {
      id: randomUUID(),
      request_id: r.id,
      route: p.electronic.route,
      password_route: p.electronic.passwordRoute,
      file_name: savedName,
      size: written.size,
      sha256: written.sha256,
      manifest_json: manifest(),
      password_hash: JSON.stringify(stored),
      created_by: session.accountId,
      created_at: now.toISOString(),
      approval_event: p.approval.event,
    };
    try {
      await this.vault.write(
        'packages.create',
        r.id,
        `package=${row.id} route=${row.route} files=${listed.length} size=${row.size} sha256=${row.sha256}`,
        async (db) => {
          // Writing takes a while (a dialog, a scan rendered): the approval the package was
          // planned under must still be the one the decision stands on.
          if (!sameApproval(p.approval, await currentApproval(db, r.id))) {
            throw new AppError(ErrorCode.CONFLICT, APPROVAL_CHANGED);
          }
          await insertDisclosurePackage(db, row);
        },
      );
    } catch (err) {
      // Not recorded, not sent: the file goes too.
      await rm(path, { force: true });
      throw err;
    }
    const passwordLetter =
      p.electronic.passwordRoute === 'letter' ? await this.passwordLetter(r, p, row, password) : null;
    return { package: toPackage(row, r.accountNames, false), password, passwordLetter };
  }

  // 「パスワードのお知らせ」, made once with the package (the password is not kept to make it again).
  private async passwordLetter(
    r: RequestDetail,
    p: PackagePlan,
    row: DisclosurePackageRow,
    password: string,
  ): Promise<{ base64: string }> {
    const db = this.vault.q();
    const org = await readOrganisation(db);
    if (!org)
      throw new AppError(ErrorCode.CONFLICT, '組織情報が設定されていません。設定 › 組織情報を入力してください。');
    const settings = await readLetterSettings(db);
    const c = letterCase(r, {
      closedDays: (await readProcessingSettings(db)).closedDays,
      acceptedMeans: (await readFees(db)).accepted,
    });
    const letter = buildPasswordNotice(
      {
        addressee: addresseeOf(c),
        decisions: p.decisions.map((d) => ({
          documentNo: d.letter.document_no,
          date: japanToday(new Date(d.letter.created_at)),
        })),
        fileName: row.file_name,
        sha256: row.sha256,
        password,
        route: electronicRouteLabels[p.electronic.route],
      },
      org,
      { date: japanToday(this.clock()), dateStyle: settings.dateStyle },
    );
    const rendered = await renderLetter(letter, this.fonts, {
      windowEnvelope: settings.windowEnvelope,
      ...(settings.window ? { window: settings.window } : {}),
      seal: null,
      title: `パスワードのお知らせ（${r.receiptNo}）`,
    });
    await this.vault.write('packages.passwordLetter', r.id, `package=${row.id}`, () => undefined);
    return { base64: Buffer.from(rendered.bytes).toString('base64') };
  }

  async checkPassword(id: string, password: string): Promise<{ matches: boolean }> {
    const row = await getDisclosurePackage(this.vault.q(), id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '電磁的記録の送付記録が見つかりません。');
    const stored = JSON.parse(row.password_hash) as Stored;
    const expected = Buffer.from(stored.hash, 'base64');
    const got = await deriveKey(password.trim(), KdfParams.parse(stored.params));
    return { matches: got.length === expected.length && timingSafeEqual(got, expected) };
  }
}
