import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import type { Electronic } from '../../../core/domain/electronic';
import { PASSWORD_ALPHABET } from '../../../core/domain/disclosure/password';
import { pdfText } from '../testing/pdf-text';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// The 電磁的記録 package (issue 17 §4), opened with 7-Zip as the person would: the signed letter,
// the data with the withheld column replaced, the manifest's hashes matching, a wrong password
// refused, the password in the letter sent apart and nowhere in the dispatch record.

const NOW = new Date('2026-11-24T01:00:00Z');
const SECRET = '秘密 一郎';

async function pdfWith(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(text, { x: 50, y: 700, size: 12, font });
  return Buffer.from(await pdf.save());
}

async function approved(electronic: Electronic | null, opts: { finalize?: boolean; records?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-package-'));
  const csv = join(dir, '会員情報.csv');
  writeFileSync(csv, `会員番号,氏名,紹介者\n1001,山田 太郎,${SECRET}\n1002,=1+2,秘密 二郎\n`);
  const note = join(dir, 'call-note.pdf');
  writeFileSync(note, await pdfWith('Call note 2026-10-01'));
  const opens = [csv, note];
  const saves: (string | null)[] = [];
  const s = makeServices(tempDataDir(), {
    clock: () => NOW,
    dialogs: {
      openFile: () => Promise.resolve(opens.shift() ?? null),
      saveFile: () => Promise.resolve(saves.shift() ?? null),
    },
  });
  await setupVault(s);
  const r = await call(
    s,
    'intake.create',
    intakeInput({ disclosureMethod: { method: electronic ? 'media' : 'paper', format: 'CSV' } }),
  );
  for (const action of ['startCheck', 'startInvestigation'] as const) {
    await call(s, 'requests.transition', { id: r.id, action, comment: '' });
  }
  const meta = { kind: 'disclosure' as const, system: '顧客管理システム', exportedOn: '2026-11-23' };
  const reason = '第三者の個人情報を含むため。';
  if (opts.records !== false) {
    const table = await call(s, 'records.add', { requestId: r.id, meta });
    await call(s, 'records.setMarks', {
      id: table?.id ?? '',
      marks: [{ target: 'column', column: 2, ground: 'a33-2-1', reason }],
    });
    const note = await call(s, 'records.add', { requestId: r.id, meta: { ...meta, system: 'コールセンター' } });
    await call(s, 'records.setMarks', {
      id: note?.id ?? '',
      marks: [{ target: 'area', page: 0, x: 0, y: 0.05, width: 1, height: 0.15, ground: 'a33-2-2', reason }],
    });
  }
  await call(s, 'requests.transition', { id: r.id, action: 'startDraft', comment: '' });
  await call(s, 'requests.saveDecision', {
    id: r.id,
    kind: 'disclosure',
    decision: {
      ...emptyDecision(),
      outcome: 'partial',
      disclosed: '会員情報、通話記録',
      withheld: '会員情報.csv: 「紹介者」の列',
      grounds: ['a33-2-1'],
      reason,
      electronic,
    },
  });
  await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
  await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
  await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  if (opts.finalize !== false) await call(s, 'letters.finalize', { requestId: r.id, kind: 'disclosureDecision' });
  return { s, id: r.id, dir, saves, note };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const cdr: Electronic = { format: 'csv', route: 'cdr', linkValidDays: null, passwordRoute: 'letter' };

function extract(zip: string, password: string): { ok: boolean; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-unzip-'));
  const run = spawnSync('7z', ['x', `-p${password}`, `-o${dir}`, '-y', zip], { encoding: 'utf8' });
  return { ok: run.status === 0, dir };
}

describe('電磁的記録 package', () => {
  it('opens in 7-Zip with the password only, and every file matches the manifest', async () => {
    const { s, id, dir, saves, note } = await approved(cdr);
    const zip = join(dir, 'out', '開示データ.zip');
    execFileSync('mkdir', ['-p', join(dir, 'out')]);
    saves.push(zip);
    const made = await call(s, 'packages.build', { requestId: id });
    expect(made).not.toBeNull();
    if (!made) return;
    expect(made.password).toHaveLength(16);
    for (const c of made.password) expect(PASSWORD_ALPHABET).toContain(c);
    // Only the package: no partial file, nothing decrypted beside it.
    expect(readdirSync(join(dir, 'out'))).toEqual(['開示データ.zip']);
    const bytes = readFileSync(zip);
    expect(made.package).toMatchObject({
      route: 'cdr',
      fileName: '開示データ.zip',
      size: bytes.length,
      sha256: sha(bytes),
    });
    // Listing names needs no password, but every entry is AES-256.
    const listing = execFileSync('7z', ['l', '-slt', zip], { encoding: 'utf8' });
    expect(listing.match(/Method = AES-256/g)).toHaveLength(4);
    expect(listing).not.toContain('ZipCrypto');

    expect(extract(zip, 'wrongpassword123').ok).toBe(false);
    const out = extract(zip, made.password);
    expect(out.ok).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out.dir, 'manifest.json'), 'utf8')) as {
      files: { name: string; sha256: string; bytes: number }[];
    };
    expect(manifest.files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^01_.*決定通知書\.pdf$/),
      '02_会員情報.csv',
      '03_call-note.pdf',
    ]);
    for (const f of manifest.files) {
      const content = readFileSync(join(out.dir, f.name));
      expect(sha(content)).toBe(f.sha256);
      expect(content.length).toBe(f.bytes);
    }
    expect(made.package.files).toEqual(manifest.files);
    // The letter is the signed, finalized one, byte for byte.
    const letters = await call(s, 'letters.list', { requestId: id });
    const letter = manifest.files[0];
    expect(letter?.sha256).toBe(letters.finalized[0]?.sha256);
    // The table as disclosed: UTF-8 with a BOM, the withheld column replaced, formulas defused.
    const csv = readFileSync(join(out.dir, '02_会員情報.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('"1001","山田 太郎","（不開示）"');
    expect(text).toContain(`"'=1+2"`);
    expect(text).not.toContain('秘密');
    // The call note went redacted: an image of the page, no text left.
    expect(pdfText(readFileSync(join(out.dir, '03_call-note.pdf')).toString('base64'))).toBe('');
    expect(manifest.files[2]?.sha256).not.toBe(sha(readFileSync(note)));

    // The password goes by post on a letter of its own; it is nowhere in the dispatch record.
    const notice = pdfText(made.passwordLetter?.base64 ?? '');
    expect(notice).toContain('パスワードのお知らせ');
    expect(notice).toContain(made.password);
    expect(notice).toContain(made.package.sha256);
    expect(notice).toContain('CD-Rに記録して郵送');
    const listed = await call(s, 'packages.list', { requestId: id });
    expect(listed).toEqual([made.package]);
    expect(JSON.stringify(listed)).not.toContain(made.password);
    expect(await call(s, 'packages.checkPassword', { id: made.package.id, password: made.password })).toEqual({
      matches: true,
    });
    expect(await call(s, 'packages.checkPassword', { id: made.package.id, password: 'abcdefghjkmnpqrs' })).toEqual({
      matches: false,
    });
    await s.close();
  });

  it('writes tables as Excel or PDF when the company chose so', async () => {
    for (const format of ['xlsx', 'pdf'] as const) {
      const { s, id, dir, saves } = await approved({ ...cdr, format, passwordRoute: 'phone' });
      const zip = join(dir, 'p.zip');
      saves.push(zip);
      const made = await call(s, 'packages.build', { requestId: id });
      expect(made?.passwordLetter).toBeNull();
      const out = extract(zip, made?.password ?? '');
      expect(out.ok).toBe(true);
      const file = join(out.dir, `02_会員情報.${format}`);
      if (format === 'xlsx') {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        const sheet = book.worksheets[0];
        expect(sheet?.getRow(2).values).toEqual([undefined, '1001', '山田 太郎', '（不開示）']);
      } else {
        const text = pdfText(readFileSync(file).toString('base64'));
        expect(text).toContain('1001山田太郎（不開示）');
        expect(text).not.toContain('秘密');
      }
      await s.close();
    }
  });

  it('refuses, with nothing written or recorded, when there is nothing to send yet', async () => {
    // Answered on paper: no package.
    const paper = await approved(null);
    paper.saves.push(join(paper.dir, 'x.zip'));
    const refused = async (s: typeof paper.s, requestId: string) => {
      const e = await failure(call(s, 'packages.build', { requestId }));
      expect(e.code).toBe(ErrorCode.CONFLICT);
      return e.message;
    };
    expect(await refused(paper.s, paper.id)).toContain('電磁的記録による開示が決定されていません');
    await paper.s.close();
    // The decision letter not finalized yet.
    const early = await approved(cdr, { finalize: false });
    early.saves.push(join(early.dir, 'x.zip'));
    expect(await refused(early.s, early.id)).toContain('決定通知書がまだ確定されていません');
    await early.s.close();
    // No record attached.
    const empty = await approved(cdr, { records: false });
    empty.saves.push(join(empty.dir, 'x.zip'));
    expect(await refused(empty.s, empty.id)).toContain('開示する記録が添付されていません');
    for (const d of [paper.dir, early.dir, empty.dir]) expect(existsSync(join(d, 'x.zip'))).toBe(false);
    expect(await call(empty.s, 'packages.list', { requestId: empty.id })).toEqual([]);
    await empty.s.close();
  });

  it('asks where to save first: cancelling makes and records nothing', async () => {
    const { s, id } = await approved(cdr);
    expect(await call(s, 'packages.build', { requestId: id })).toBeNull();
    expect(await call(s, 'packages.list', { requestId: id })).toEqual([]);
    await s.close();
  });

  it('is cancelled from the window: no file, no record', async () => {
    const { s, id, dir, saves } = await approved(cdr);
    const zip = join(dir, 'cancelled.zip');
    // The dialog answers, and staff press 「中止」 before the first file is written.
    saves.push(zip);
    const building = call(s, 'packages.build', { requestId: id });
    await new Promise((resolve) => setImmediate(resolve));
    await call(s, 'packages.cancel', {});
    const e = await failure(building);
    expect(e.message).toBe('作成を取り消しました。');
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
    expect(await call(s, 'packages.list', { requestId: id })).toEqual([]);
    // And the next one can be made.
    saves.push(zip);
    expect(await call(s, 'packages.build', { requestId: id })).not.toBeNull();
    await s.close();
  });
});
