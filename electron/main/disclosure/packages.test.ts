import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, PDFName, PDFOperator, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import type { Electronic } from '../../../core/domain/electronic';
import { PASSWORD_ALPHABET } from '../../../core/domain/disclosure/password';
import { pdfText } from '../testing/pdf-text';
import {
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
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

async function approved(
  electronic: Electronic | null,
  opts: { finalize?: boolean; records?: boolean; note?: Buffer; noteMarks?: boolean; clock?: () => Date } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-package-'));
  // A name on disk that names a person: it must not reach the ZIP's (unencrypted) entry names.
  const csv = join(dir, '鬼瓦権左衛門_会員情報.csv');
  // The person's own numbers, dates and codes, and text a spreadsheet would run as a formula.
  writeFileSync(
    csv,
    [
      '会員番号,氏名,紹介者,残高,登録日,郵便番号,メモ',
      `1001,山田 太郎,${SECRET},-500,2026/10/01,0123456,"=HYPERLINK(""http://example.invalid/?""&A1)"`,
      '1002,=1+2,秘密 二郎,"1,234.50",2026-11-22 14:05,00123,@SUM(A1)',
      '1003,-1+2,,0.10,2026年1月5日,090-1234-5678,12345678901234567',
      '',
    ].join('\n'),
  );
  const note = join(dir, 'call-note.pdf');
  writeFileSync(note, opts.note ?? (await pdfWith('Call note 2026-10-01')));
  const opens = [csv, note];
  // What the save dialog answers, in turn: a path, null (cancelled), or something to do first.
  const saves: (string | null | (() => Promise<string>))[] = [];
  const s = makeServices(tempDataDir(), {
    clock: opts.clock ?? (() => NOW),
    dialogs: {
      openFile: () => Promise.resolve(opens.shift() ?? null),
      saveFile: async () => {
        const next = saves.shift() ?? null;
        return typeof next === 'function' ? next() : next;
      },
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
    if (opts.noteMarks !== false) {
      await call(s, 'records.setMarks', {
        id: note?.id ?? '',
        marks: [{ target: 'area', page: 0, x: 0, y: 0.05, width: 1, height: 0.15, ground: 'a33-2-2', reason }],
      });
    }
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
  return { s, id: r.id, dir, saves, note, reason };
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
    // The names are readable without the password: neutral, never the record's file name.
    expect(listing.match(/^Path = .*$/gm)).toEqual([
      `Path = ${zip}`,
      'Path = 01_決定通知書.pdf',
      'Path = 02_記録1.csv',
      'Path = 03_記録2.pdf',
      'Path = manifest.json',
    ]);
    for (const leak of ['鬼瓦', '会員情報', 'call-note']) expect(listing).not.toContain(leak);

    expect(extract(zip, 'wrongpassword123').ok).toBe(false);
    const out = extract(zip, made.password);
    expect(out.ok).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out.dir, 'manifest.json'), 'utf8')) as {
      files: { name: string; sha256: string; bytes: number }[];
    };
    expect(manifest.files.map((f) => f.name)).toEqual(['01_決定通知書.pdf', '02_記録1.csv', '03_記録2.pdf']);
    // Inside (encrypted), the manifest says which record each file is.
    expect(made.package.files[1]?.description).toContain('鬼瓦権左衛門_会員情報.csv');
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
    const csv = readFileSync(join(out.dir, '02_記録1.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('"1001","山田 太郎","（不開示）","-500","2026/10/01","0123456",');
    // Formulas defused (issue 34 §6): the person's plain numbers are not.
    expect(text).toContain(`"'=1+2"`);
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid/?""&A1)"`);
    expect(text).toContain(`"'@SUM(A1)"`);
    expect(text).toContain(`"'-1+2"`);
    expect(text).toContain('"1,234.50"');
    expect(text).not.toContain(`'-500`);
    expect(text).not.toContain('秘密');
    // The call note went redacted: an image of the page, no text left.
    expect(pdfText(readFileSync(join(out.dir, '03_記録2.pdf')).toString('base64'))).toBe('');
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
      const file = join(out.dir, `02_記録1.${format}`);
      if (format === 'xlsx') {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        const sheet = book.worksheets[0];
        // Numbers and dates typed as the ledger types them, shown as the record had them; codes,
        // formula-looking text and numbers Excel cannot hold whole stay text (issue 34 §6).
        const cells = (r: number) =>
          sheet?.getRow(r).values as (string | number | Date | { formula: string } | undefined)[];
        const formats = (r: number) => [1, 2, 3, 4, 5, 6, 7].map((c) => sheet?.getRow(r).getCell(c).numFmt);
        expect(cells(2)).toEqual([
          undefined,
          1001,
          '山田 太郎',
          '（不開示）',
          -500,
          new Date(Date.UTC(2026, 9, 1)),
          '0123456',
          '=HYPERLINK("http://example.invalid/?"&A1)',
        ]);
        expect(formats(2).slice(0, 5)).toEqual(['0', undefined, undefined, '0', 'yyyy/mm/dd']);
        expect(cells(3)).toEqual([
          undefined,
          1002,
          '=1+2',
          '（不開示）',
          1234.5,
          new Date(Date.UTC(2026, 10, 22, 14, 5)),
          '00123',
          '@SUM(A1)',
        ]);
        expect(formats(3)[3]).toBe('#,##0.00');
        expect(formats(3)[4]).toBe('yyyy/mm/dd hh:mm');
        expect(cells(4)).toEqual([
          undefined,
          1003,
          '-1+2',
          '（不開示）',
          0.1,
          new Date(Date.UTC(2026, 0, 5)),
          '090-1234-5678',
          '12345678901234567',
        ]);
        expect(formats(4)[3]).toBe('0.00');
        expect(formats(4)[4]).toBe('yyyy"年"m"月"d"日"');
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

  it('is built only from the decision approved now: after a 差し戻し, not until it is approved again and its letter finalized', async () => {
    const { s, id, dir, saves } = await approved(cdr);
    const records = await call(s, 'records.list', { requestId: id });
    const table = records.find((x) => x.format === 'csv');
    // The approver sends it back; staff remove the withholding the approved letter states.
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'sendBack', comment: '不開示の範囲を再検討' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'records.setMarks', { id: table?.id ?? '', marks: [] });
    const zip = join(dir, 'stale.zip');
    saves.push(zip);
    const e = await failure(call(s, 'packages.build', { requestId: id }));
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect(e.message).toContain('承認（決裁）されていない');
    expect(existsSync(zip)).toBe(false);
    // Approved again: the letter of the earlier approval (which says 「紹介者」 is withheld) is
    // not this decision's.
    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    saves.length = 0;
    saves.push(zip);
    const again = await failure(call(s, 'packages.build', { requestId: id }));
    expect(again.message).toContain('決定通知書がまだ確定されていません');
    expect(existsSync(zip)).toBe(false);
    expect(await call(s, 'packages.list', { requestId: id })).toEqual([]);
    // With the letter of the decision approved now, it is built.
    saves.length = 0;
    await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    saves.push(zip);
    const made = await call(s, 'packages.build', { requestId: id });
    expect(made?.package.current).toBe(true);
    await s.close();
  });

  it('a 差し戻し while the package is written: the file is removed and nothing recorded', async () => {
    const { s, id, dir, saves } = await approved(cdr);
    const zip = join(dir, 'raced.zip');
    saves.push(async () => {
      // While the save dialog is open, the approver sends the request back.
      await switchTo(s, 'shonin', OTHER_PASSWORD);
      await call(s, 'requests.transition', { id, action: 'sendBack', comment: '再検討' });
      return zip;
    });
    const e = await failure(call(s, 'packages.build', { requestId: id }));
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect(e.message).toContain('差し戻された');
    expect(existsSync(zip)).toBe(false);
    expect(await call(s, 'packages.list', { requestId: id })).toEqual([]);
    await s.close();
  });

  it('a package built for an earlier approval cannot be recorded as sent', async () => {
    const { s, id, dir, saves } = await approved(cdr);
    saves.push(join(dir, 'first.zip'));
    const first = await call(s, 'packages.build', { requestId: id });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'sendBack', comment: '再検討' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const letter = await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    saves.push(join(dir, 'second.zip'));
    const second = await call(s, 'packages.build', { requestId: id });
    expect((await call(s, 'packages.list', { requestId: id })).map((p) => p.current)).toEqual([false, true]);
    const dispatch = {
      letter: `開示決定通知書（${letter.documentNo}）`,
      sentOn: '2026-11-24',
      method: 'simpleRegistered',
      trackingNo: '1234',
    } as const;
    const e = await failure(
      call(s, 'requests.addDispatch', { id, dispatch: { ...dispatch, packageId: first?.package.id ?? '' } }),
    );
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect(e.message).toContain('差し戻し前の決裁');
    expect((await call(s, 'requests.get', { id })).dispatches).toEqual([]);
    const sent = await call(s, 'requests.addDispatch', {
      id,
      dispatch: { ...dispatch, packageId: second?.package.id ?? '' },
    });
    expect(sent.dispatches.map((d) => d.packageId)).toEqual([second?.package.id]);
    // A 再発行 replaces the letter inside: that package no longer goes either.
    await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision', reissueReason: '記載の誤り' });
    const replaced = await failure(
      call(s, 'requests.addDispatch', { id, dispatch: { ...dispatch, packageId: second?.package.id ?? '' } }),
    );
    expect(replaced.message).toContain('再発行で置き換えられた');
    expect((await call(s, 'packages.list', { requestId: id })).map((p) => p.current)).toEqual([false, false]);
    await s.close();
  });

  it('an electronic decision is recorded as sent only naming a package of the current approval', async () => {
    const { s, id } = await approved(cdr);
    const e = await failure(
      call(s, 'requests.addDispatch', {
        id,
        dispatch: {
          letter: '開示決定通知書',
          sentOn: '2026-11-24',
          method: 'simpleRegistered',
          trackingNo: '1234',
        },
      }),
    );
    expect(e.message).toContain('送付した電磁的記録を選んでください');
    expect((await call(s, 'requests.get', { id })).dispatches).toEqual([]);
    await s.close();
  });

  it('sends an original only after its hidden content was listed to the account building the package', async () => {
    const { s, id, dir, saves } = await approved(cdr, { noteMarks: false });
    const note = (await call(s, 'records.list', { requestId: id })).find((r) => r.format === 'pdf');
    const e = await failure(call(s, 'packages.build', { requestId: id, originals: [note?.id ?? ''] }));
    expect(e.message).toContain('含まれている内容を確認してください');
    expect(await call(s, 'packages.list', { requestId: id })).toEqual([]);
    await call(s, 'packages.originals', { requestId: id });
    saves.push(join(dir, 'original.zip'));
    expect(await call(s, 'packages.build', { requestId: id, originals: [note?.id ?? ''] })).not.toBeNull();
    await s.close();
  });

  it('packs the letter a 再発行 issued last, even with the PC clock set back in between', async () => {
    let now = NOW;
    const { s, id, dir, saves } = await approved(cdr, { clock: () => now });
    now = new Date(NOW.getTime() - 3_600_000);
    const reissued = await call(s, 'letters.finalize', {
      requestId: id,
      kind: 'disclosureDecision',
      reissueReason: '記載の誤り',
    });
    saves.push(join(dir, 'reissued.zip'));
    const made = await call(s, 'packages.build', { requestId: id });
    expect(made?.package.files[0]?.description).toContain(reissued.documentNo);
    expect((await call(s, 'packages.list', { requestId: id })).map((p) => p.current)).toEqual([true]);
    await s.close();
  });

  it('a letter of an earlier approval does not go, even when the decision approved again reads the same', async () => {
    const { s, id, dir, saves } = await approved(cdr);
    // Sent back; what is withheld changes (the withholding goes); approved again with the same decision text.
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'sendBack', comment: '再検討' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const table = (await call(s, 'records.list', { requestId: id })).find((r) => r.format === 'csv');
    await call(s, 'records.setMarks', { id: table?.id ?? '', marks: [] });
    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    saves.push(join(dir, 'stale.zip'));
    const e = await failure(call(s, 'packages.build', { requestId: id }));
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect(existsSync(join(dir, 'stale.zip'))).toBe(false);
    await s.close();
  });

  it('a PDF without marks goes rendered (pages as images); its original only when chosen, after its hidden content is listed', async () => {
    const hostile = await hostilePdf();
    const { s, id, dir, saves } = await approved(cdr, { note: hostile, noteMarks: false });
    const zip = join(dir, 'rendered.zip');
    saves.push(zip);
    const made = await call(s, 'packages.build', { requestId: id });
    const out = extract(zip, made?.password ?? '');
    const sent = readFileSync(join(out.dir, '03_記録2.pdf'));
    expect(sha(sent)).not.toBe(sha(hostile));
    const raw = sent.toString('latin1');
    for (const gone of ['/EmbeddedFiles', '/Metadata', '/OCProperties', '/AcroForm', '/Annots', '/Prev']) {
      expect(raw).not.toContain(gone);
    }
    expect(raw.match(/%%EOF/g)).toHaveLength(1);
    expect(pdfText(sent.toString('base64'))).toBe('');
    expect(made?.package.files[2]?.description).toContain('各ページを画像にしたもの');

    // What the original carries, listed for staff before they choose it.
    const listed = await call(s, 'packages.originals', { requestId: id });
    expect(listed).toHaveLength(1);
    const hidden = listed[0]?.hidden.join('\n') ?? '';
    for (const what of [
      '添付ファイル',
      'XMPメタデータ',
      '文書のプロパティ',
      '非表示 1件',
      'フォーム',
      '注釈',
      '以前の版',
    ]) {
      expect(hidden).toContain(what);
    }
    // Chosen: the original file, byte for byte.
    const original = join(dir, 'original.zip');
    saves.push(original);
    const chosen = await call(s, 'packages.build', { requestId: id, originals: [listed[0]?.id ?? ''] });
    const out2 = extract(original, chosen?.password ?? '');
    expect(sha(readFileSync(join(out2.dir, '03_記録2.pdf')))).toBe(sha(hostile));
    expect(chosen?.package.files[2]?.description).toContain('原本のファイル');
    // A record with marks never goes as its original.
    const table = (await call(s, 'records.list', { requestId: id })).find((x) => x.format === 'csv');
    const e = await failure(call(s, 'packages.build', { requestId: id, originals: [table?.id ?? ''] }));
    expect(e.code).toBe(ErrorCode.BAD_INPUT);
    await s.close();
  });
});

// A one-page PDF with what a viewer does not show on the page: an attachment, XMP metadata,
// document properties, a hidden layer, a form field, a note annotation and an earlier revision.
async function hostilePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([400, 400]);
  page.drawText('Call note 2026-10-01', { x: 20, y: 360, size: 12, font });
  pdf.setTitle('Onigawara file');
  pdf.setAuthor('HIDDEN-AUTHOR');
  await pdf.attach(Buffer.from('HIDDEN-ATTACHMENT'), 'hidden.txt', { mimeType: 'text/plain' });
  const field = pdf.getForm().createTextField('note');
  field.setText('HIDDEN-FORM-VALUE');
  field.addToPage(page, { x: 20, y: 100, width: 200, height: 20, font });
  const xmp = pdf.context.stream('<x:xmpmeta xmlns:x="adobe:ns:meta/">HIDDEN-XMP</x:xmpmeta>', {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp));
  const layer = pdf.context.register(pdf.context.obj({ Type: 'OCG', Name: PDFString.of('Hidden') }));
  pdf.catalog.set(PDFName.of('OCProperties'), pdf.context.obj({ OCGs: [layer], D: { OFF: [layer] } }));
  page.node.Resources()?.set(PDFName.of('Properties'), pdf.context.obj({ L1: layer }));
  page.pushOperators(PDFOperator.of('BDC' as never, [PDFName.of('OC'), PDFName.of('L1')]));
  page.drawText('HIDDEN-LAYER-TEXT', { x: 20, y: 300, size: 12, font });
  page.pushOperators(PDFOperator.of('EMC' as never));
  page.node.addAnnot(
    pdf.context.register(
      pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Text',
        Rect: [10, 10, 30, 30],
        Contents: PDFString.of('HIDDEN-NOTE'),
      }),
    ),
  );
  const bytes = Buffer.from(await pdf.save({ useObjectStreams: false }));
  // An incremental update on top: the earlier revision stays in the file.
  const text = bytes.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const n = pdf.context.largestObjectNumber + 1;
  const body = `\n${n} 0 obj\n(HIDDEN-REVISION)\nendobj\n`;
  const xrefAt = bytes.length + body.length;
  const info = pdf.context.trailerInfo.Info?.toString() ?? '';
  const tail =
    `xref\n0 1\n0000000000 65535 f \n${n} 1\n${String(bytes.length + 1).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${n + 1} /Root ${pdf.context.trailerInfo.Root?.toString() ?? ''}${info ? ` /Info ${info}` : ''} /Prev ${prev} >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([bytes, Buffer.from(body + tail, 'latin1')]);
}
