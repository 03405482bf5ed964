import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { addDays } from '../../../core/domain/dates';
import { ledgerHeader, ledgerPrintColumns, ledgerRow, type LedgerEntry } from '../../../core/domain/ledger';
import { num, toCsv } from '../../../core/domain/table';
import iconv from 'iconv-lite';
import { BlobReader, TextWriter, ZipReader, configure } from '@zip.js/zip.js';
import { ledgerSheets } from './ledger-sheets';
import { A4_LANDSCAPE_UNITS, pagesAcross, readableScale } from './sheet-layout';
import { cp932Forms, encodeCsv, toCp932Forms } from './spreadsheets';
import { sectionSheets, streamTablesXlsx, tablesXlsx } from './workbook';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';
import type { Services } from '../composition';

// The ledger and the report as an Excel or CSV user meets them (issue 20), and exports that
// cannot attack their reader (CSV injection, silent 「?」 in Shift_JIS).

async function vaultWith(requests: { name?: string; address?: string; arrival: string }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-sheets-'));
  const s = makeServices(tempDataDir(), {
    clock: () => new Date('2026-11-20T01:00:00Z'),
    dialogs: { openFile: () => Promise.resolve(null), saveFile: (o) => Promise.resolve(join(dir, o.defaultName)) },
  });
  await setupVault(s);
  for (const r of requests) {
    const base = intakeInput({ arrivalDate: r.arrival });
    await call(s, 'intake.create', {
      ...base,
      principal: {
        ...base.principal,
        name: r.name ?? base.principal.name,
        address: r.address ?? base.principal.address,
      },
    });
  }
  return { s, dir };
}

configure({ useWebWorkers: false });
async function zipEntry(file: string, name: string): Promise<string> {
  const zip = new ZipReader(new BlobReader(new Blob([readFileSync(file)])));
  try {
    const entry = (await zip.getEntries()).find((e) => e.filename === name);
    if (!entry || entry.directory) throw new Error(`${name} is missing`);
    return await entry.getData(new TextWriter());
  } finally {
    await zip.close();
  }
}

const ledger = (s: Services, format: 'csv' | 'csvSjis' | 'xlsx', masked = false) =>
  call(s, 'reports.ledger', { from: '2026-10-01', to: '2026-10-31', masked, format });

describe('ledger and report spreadsheets', () => {
  it('XLSX: a sheet laid out for print, then every column; typed amounts and dates (回答期限 too), named fonts, filters LibreOffice keeps', async () => {
    const { s, dir } = await vaultWith([
      { arrival: '2026-10-05' },
      {
        arrival: '2026-10-06',
        address: '北海道札幌市中央区北1条西2丁目3番地 札幌用賀髙﨑ビルディング（本館）8階 801号室',
      },
    ]);
    await ledger(s, 'xlsx', true);
    const file = join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31_マスク版.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '管理台帳（印刷用・マスク版）',
      '管理台帳（全項目・マスク版）',
    ]);
    const [print, sheet] = book.worksheets;
    if (!print || !sheet) throw new Error('no sheet');
    // Row 1 is the header: a table, not a title.
    expect((print.getRow(1).values as unknown[]).slice(1)).toEqual(ledgerPrintColumns.map((c) => c.column));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...ledgerHeader]);
    const col = (name: string) => ledgerHeader.indexOf(name as (typeof ledgerHeader)[number]) + 1;
    const fee = sheet.getRow(2).getCell(col('手数料 必要額（円）'));
    expect(fee.value).toBe(1000);
    expect(fee.numFmt).toBe('#,##0"円"');
    for (const [name, day] of [
      ['到達日', '2026-10-05'],
      // 14 days from the 到達日 under 法第39条 (the demo vault sets no shorter SLA).
      ['回答期限', '2026-10-19'],
    ] as const) {
      const cell = sheet.getRow(2).getCell(col(name));
      expect(cell.value, name).toBeInstanceOf(Date);
      expect((cell.value as Date).toISOString().slice(0, 10), name).toBe(day);
      expect(cell.numFmt, name).toBe('yyyy/mm/dd');
    }
    // Not answered yet: an empty cell.
    expect(sheet.getRow(2).getCell(col('回答日')).value ?? '').toBe('');

    // Every cell names its font and size (LibreOffice shows a nameless one in DejaVu Serif).
    for (const w of [print, sheet]) {
      for (const cell of [w.getRow(1).getCell(1), w.getRow(2).getCell(1), w.getRow(3).getCell(3)]) {
        expect(cell.font, `${w.name} ${cell.address}`).toMatchObject({ name: '游ゴシック', size: 10 });
      }
      expect(w.getRow(1).font).toMatchObject({ bold: true });
    }
    // The Normal style's font, by which column widths are measured, is that font too.
    expect(await zipEntry(file, 'xl/styles.xml')).toMatch(
      /<fonts count="\d+"[^>]*><font>(?:(?!<\/font>).)*<name val="游ゴシック"\/>/,
    );
    // Wrapped headers get the height of their lines.
    expect(print.getRow(1).height).toBeGreaterThanOrEqual(2 * 14);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lastCol = sheet.getColumn(ledgerHeader.length).letter;
    expect(sheet.autoFilter).toBe(`A1:${lastCol}3`);
    // The name Excel keeps beside a filter, without which LibreOffice drops it: one per sheet.
    const workbookXml = (await zipEntry(file, 'xl/workbook.xml')).replaceAll('&apos;', "'");
    expect(workbookXml).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1">'管理台帳（全項目・マスク版）'!$A$1:$${lastCol}$3</definedName>`,
    );
    expect(workbookXml).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0">'管理台帳（印刷用・マスク版）'!$A$1:$${print.getColumn(ledgerPrintColumns.length).letter}$3</definedName>`,
    );
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(new Set(widths).size).toBeGreaterThan(3);
    expect(Math.max(...widths)).toBeLessThanOrEqual(42);
    // The printed sheet: one A4 landscape page wide; the full one across pages at 80 % or more.
    expect(print.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
    expect(sheet.pageSetup.fitToPage).toBeFalsy();
    expect(sheet.pageSetup.scale).toBeGreaterThanOrEqual(80);
    expect(sheet.pageSetup.scale).toBeLessThanOrEqual(100);
    expect(sheet.headerFooter.oddHeader).toContain('開示等請求管理台帳（到達日 2026/10/01〜2026/10/31）');
    expect(sheet.headerFooter.oddHeader).toContain('マスク版');
    expect(sheet.headerFooter.oddFooter).toBe('&L&A&C&P / &N ページ');
    await s.close();
  });

  it('XLSX: the printed ledger fits across A4 landscape at 95 % or more even at its widest (Excel units)', () => {
    const widest = ledgerPrintColumns.reduce((sum, c) => sum + c.maxWidth, 0);
    expect(Math.min(1, A4_LANDSCAPE_UNITS / widest)).toBeGreaterThanOrEqual(0.95);
    // The full sheet: as few pages across as at 80 %, at the largest scale that keeps them.
    const widths = [12, ...Array.from({ length: 26 }, () => 20)];
    const scale = readableScale(widths);
    expect(scale).toBeGreaterThanOrEqual(80);
    expect(pagesAcross(widths, scale)).toBe(pagesAcross(widths, 80));
    expect(pagesAcross(widths, scale + 1)).toBeGreaterThan(pagesAcross(widths, 80));
    expect(readableScale([12, 20, 20])).toBe(100);
  });

  it('XLSX report: a header of two lines gets a row of two lines, fonts named, filters named', async () => {
    const title = '保有個人データの開示等請求 年次報告（2026年）';
    const bytes = await tablesXlsx(
      title,
      sectionSheets(
        [
          {
            title: '主な数値',
            header: ['項目', '当期（2026年1月〜2026年12月）', '前期（2025年1月〜2025年12月）'],
            rows: [['受け付けた請求', num(12, '件'), num(3, '件')]],
          },
        ],
        title,
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-report-xlsx-'));
    const file = join(dir, 'r.xlsx');
    writeFileSync(file, new Uint8Array(bytes));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(2 * 14);
    expect(sheet.getRow(1).getCell(2).font).toMatchObject({ name: '游ゴシック', size: 10, bold: true });
    expect(sheet.getRow(2).getCell(2).font).toMatchObject({ name: '游ゴシック', size: 10 });
    expect(sheet.getRow(2).getCell(2).value).toBe(12);
    expect((await zipEntry(file, 'xl/workbook.xml')).replaceAll('&apos;', "'")).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0">'主な数値'!$A$1:$C$2</definedName>`,
    );
  });

  it('CSV: the header is the first line, amounts parse as integers, dates are yyyy/mm/dd', async () => {
    const { s, dir } = await vaultWith([{ arrival: '2026-10-05' }, { arrival: '2026-10-07' }]);
    await ledger(s, 'csv');
    const rows: string[][] = parse(readFileSync(join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31.csv')), {
      bom: true,
    });
    expect(rows[0]).toEqual([...ledgerHeader]);
    expect(rows).toHaveLength(3);
    for (const row of rows.slice(1)) {
      expect(Number.isInteger(Number(row[ledgerHeader.indexOf('手数料 必要額（円）')]))).toBe(true);
      expect(Number(row[ledgerHeader.indexOf('手数料 受領額（円）')])).toBe(1000);
      expect(row[ledgerHeader.indexOf('到達日')]).toMatch(/^2026\/10\/0[57]$/);
    }
    await s.close();
  });

  it('CSV: cells that a spreadsheet would run as formulas are written as text (UTF-8 and Shift_JIS)', async () => {
    const payloads = ['=HYPERLINK("http://example.invalid/","開く")', '@SUM(1+1)', "+cmd|' /C calc'!A0", '-1+1'];
    const { s, dir } = await vaultWith(payloads.map((p, i) => ({ arrival: addDays('2026-10-05', i), address: p })));
    for (const format of ['csv', 'csvSjis'] as const) {
      await ledger(s, format);
      const file = readFileSync(join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31.csv'));
      const text = format === 'csv' ? file.toString('utf8') : new TextDecoder('shift_jis').decode(file);
      const rows: string[][] = parse(text, { bom: true });
      const addresses = rows.slice(1).map((r) => r[ledgerHeader.indexOf('本人住所')]);
      expect(addresses.sort()).toEqual(payloads.map((p) => `'${p}`).sort());
    }
    await s.close();
  });

  it('Shift_JIS: a character it cannot hold is never written as 「?」; the export names the cells and offers UTF-8', async () => {
    const { s, dir } = await vaultWith([
      { arrival: '2026-10-05', name: '𠮷田 花子' },
      { arrival: '2026-10-06', address: '東京都千代田区千代田1−1 🏢' },
    ]);
    const refused = await failure(ledger(s, 'csvSjis'));
    expect(refused.code).toBe(ErrorCode.BAD_INPUT);
    expect(refused.message).toContain('「𠮷」');
    expect(refused.message).toContain('「🏢」');
    // U+2212 − has a CP932 form (－): not refused.
    expect(refused.message).not.toContain('「−」');
    expect(refused.message).toContain('2行目「本人氏名」');
    expect(refused.message).toContain('3行目「本人住所」');
    expect(refused.message).toContain('「CSV（UTF-8）」または「Excel」で保存してください');
    expect(readdirSync(dir)).toEqual([]);
    // UTF-8 keeps both.
    await ledger(s, 'csv');
    const utf8 = readFileSync(join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31.csv'), 'utf8');
    expect(utf8).toContain('𠮷田 花子');
    expect(utf8).toContain('千代田1−1');
    await s.close();
  });

  it('Shift_JIS: the characters CP932 writes differently are written in its form, and read back as Excel reads them', () => {
    const jis = '〜‖−—¢£¬¦¥‾';
    const cp932 = '～∥－―￠￡￢￤￥￣';
    expect(Object.keys(cp932Forms).join('')).toBe(jis);
    expect(toCp932Forms(`${jis}〜`)).toBe(`${cp932}～`);
    const bytes = encodeCsv(toCsv(['当期（2026年1月〜2026年12月）'], [[jis]]), true);
    // iconv-lite and WHATWG's decoder (both CP932 tables) read them back.
    for (const text of [iconv.decode(bytes, 'Shift_JIS'), new TextDecoder('shift_jis').decode(bytes)]) {
      expect(text).toBe(`"当期（2026年1月～2026年12月）"\r\n"${cp932}"\r\n`);
    }
    expect(bytes.includes(Buffer.from('?'))).toBe(false);
  });

  it('Shift_JIS: a header cell it cannot hold is named as the header', () => {
    const table = { header: ['項目', '𠮷野家の件数'], rows: [['受付', num(1, '件')]] };
    let message = '';
    try {
      encodeCsv(toCsv(table.header, table.rows), true, table);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('1行目（見出し）「𠮷野家の件数」');
    expect(message).not.toContain('2行目');
  });

  it('Shift_JIS: a yearly report saves, its 〜 in the header written as ～', async () => {
    const { s, dir } = await vaultWith([{ arrival: '2026-10-05' }]);
    expect(await call(s, 'reports.export', { selection: { kind: 'year', value: '2026' }, format: 'csvSjis' })).toEqual({
      saved: true,
    });
    const text = new TextDecoder('shift_jis').decode(readFileSync(join(dir, '開示等請求_年次報告_2026.csv')));
    const rows: string[][] = parse(text);
    // The year still runs: its column also names the day it was counted on.
    expect(rows[0]?.[3]).toBe('当期（2026年1月～2026年12月、11月20日時点）');
    expect(text).not.toContain('?');
    await s.close();
  });
});

// LibreOffice Calc prints the ledger as an auditor reads it: the printed sheet one A4 landscape
// page wide, every text at 8 pt or more (as pdf.js reads the font size off the page), a sane
// number of pages. Needs soffice (libreoffice-calc-nogui, installed by .ci/run). Skipped only on a
// developer machine without soffice; in CI its absence fails the test. The rows are the ledger's
// own (ledgerRow), one in ten as wide as a request gets: three kinds, long grounds, a guardian.
const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

const typical = (i: number): LedgerEntry => ({
  receiptNo: `2026-${String(i + 1).padStart(4, '0')}`,
  channel: 'registeredPost',
  arrivalDate: addDays('2026-10-01', i % 31),
  receivedBy: '窓口 担当子',
  kinds: ['disclosure'],
  requesterType: 'self',
  principal: { name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都千代田区千代田1-1', phone: '03-1234-5678' },
  agentName: '',
  identity: '確認済',
  feeDue: 1000,
  feeAccepted: 1000,
  cure: null,
  dueDate: addDays('2026-10-01', (i % 31) + 14),
  decisions: [{ kind: 'disclosure', decision: { outcome: 'full', grounds: [] } }],
  approver: '決裁 承認郎',
  dispatches: [{ sentOn: addDays('2026-10-01', (i % 31) + 9), method: '簡易書留', trackingNo: '1234-5678-9012' }],
  closedOn: addDays('2026-10-01', (i % 31) + 12),
  disposal: '廃棄（2026-10-20）',
  status: 'completed',
  linked: [],
});
const widest = (i: number): LedgerEntry => ({
  ...typical(i),
  receiptNo: `2026-${String(i + 1).padStart(4, '0')}-2`,
  kinds: ['disclosure', 'correction', 'thirdPartyRecords'],
  requesterType: 'minorGuardian',
  principal: {
    name: '長谷川 小百合子',
    kana: 'ハセガワ サユリコ',
    address: '北海道札幌市中央区北1条西2丁目3番地 札幌用賀髙﨑ビルディング（本館）8階 801号室',
    phone: '011-123-4567',
  },
  agentName: '長谷川 一郎',
  cure: { requestedOn: '2026-10-03', dueDate: '2026-10-17', arrivedOn: '2026-10-09' },
  decisions: [
    { kind: 'disclosure', decision: { outcome: 'partial', grounds: ['a33-2-1', 'a33-2-2'] } },
    { kind: 'correction', decision: { outcome: 'partial', grounds: [] } },
    { kind: 'thirdPartyRecords', decision: { outcome: 'nonexistent', grounds: ['recordNonexistent'] } },
  ],
  status: 'declined',
  linked: ['2026-0001-1', '2026-0001-3'],
});

// The size of every piece of text on each page, in points as printed.
async function fontSizes(pdf: string): Promise<number[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), isEvalSupported: false, verbosity: 0 })
    .promise;
  const pages: number[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const items = (await (await doc.getPage(p)).getTextContent()).items;
    pages.push(
      items.flatMap((t) => {
        if (!('str' in t) || !t.str.trim()) return [];
        // The text matrix as printed: its vertical column's length is the font size in points.
        const [, , c = 0, d = 0] = t.transform as number[];
        return [Math.hypot(c, d)];
      }),
    );
  }
  await doc.destroy();
  return pages;
}

describe('the ledger printed by LibreOffice Calc (needs soffice)', () => {
  it.skipIf(soffice === '' && !process.env['CI'])(
    'prints 200 requests at 8 pt or more: the printed sheet one page wide, every column on page 1',
    { timeout: 240_000 },
    async () => {
      if (soffice === '') throw new Error('soffice is missing: .ci/run installs libreoffice-calc-nogui');
      const N = 200;
      const rows = Array.from({ length: N }, (_, i) => ledgerRow(i % 10 === 0 ? widest(i) : typical(i), false));
      const dir = mkdtempSync(join(tmpdir(), 'madoguchi-lo-ledger-'));
      const xlsx = join(dir, 'ledger.xlsx');
      const title = '開示等請求管理台帳（到達日 2026/10/01〜2026/10/31）';
      await streamTablesXlsx(xlsx, title, ledgerSheets(title, rows, false));

      // The file: the printed sheet's widths fit A4 landscape (Excel's units) at 95 % or more; the
      // full sheet's scale is set, not fitted; 回答期限 and 回答日 are typed dates.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      const [print, full] = book.worksheets;
      if (!print || !full) throw new Error('no sheet');
      const printWidth = print.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
      expect(A4_LANDSCAPE_UNITS / printWidth).toBeGreaterThanOrEqual(0.95);
      expect(print.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, orientation: 'landscape' });
      expect(full.pageSetup.scale).toBeGreaterThanOrEqual(80);
      const header = (print.getRow(1).values as unknown[]).slice(1);
      for (const name of ['回答期限', '回答日']) {
        const cell = print.getRow(2).getCell(header.indexOf(name) + 1);
        expect(cell.value, name).toBeInstanceOf(Date);
        expect(cell.numFmt, name).toBe('yyyy/mm/dd');
      }

      const profile = mkdtempSync(join(tmpdir(), 'madoguchi-lo-'));
      execFileSync(
        soffice,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
        { stdio: 'ignore', timeout: 180_000 },
      );
      const pdf = join(dir, 'ledger.pdf');
      expect(existsSync(pdf)).toBe(true);
      // Named fonts: no serif fallback anywhere.
      expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).not.toMatch(/Serif/);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      const pageText = (p: number) =>
        execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(
          /\s+/g,
          '',
        );
      const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
      // Each page's footer names its sheet; the printed sheet comes first.
      const printed = texts.filter((t) => t.includes('管理台帳（印刷用）')).length;
      expect(texts.slice(0, printed).every((t) => t.includes('管理台帳（印刷用）'))).toBe(true);
      // 200 requests, one in ten of them ten lines high: about 14 pages (it was 80 pages for
      // 10,000 at 31 %); the full sheet a few pages across for each of those.
      expect(printed).toBeGreaterThanOrEqual(5);
      expect(printed).toBeLessThanOrEqual(16);
      expect(pages).toBeLessThanOrEqual(printed * 5);

      // Every piece of text on every page at 8 pt or more (10 pt text; the page header 11 pt).
      const sizes = await fontSizes(pdf);
      expect(sizes).toHaveLength(pages);
      for (const [p, s] of sizes.entries()) {
        expect(s.length, `page ${p + 1}`).toBeGreaterThan(0);
        expect(Math.min(...s), `page ${p + 1}`).toBeGreaterThanOrEqual(8);
      }

      // The printed sheet's columns all on page 1 (a header cell that wraps is read with the next
      // cell's text between its lines: one such break is allowed), its header on its last page.
      const wrapped = (text: string, h: string) => {
        const plain = h.replace(/\s+/g, '');
        if (text.includes(plain)) return true;
        const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (let k = 1; k < plain.length; k++) {
          if (new RegExp(`${esc(plain.slice(0, k))}.{1,16}?${esc(plain.slice(k))}`).test(text)) return true;
        }
        return false;
      };
      for (const { column } of ledgerPrintColumns) expect(wrapped(texts[0] ?? '', column), column).toBe(true);
      expect(texts[printed - 1]).toContain('受付番号');
      expect(texts[printed - 1]).toContain(`${printed}/${pages}ページ`);
      // Every column of the full sheet is printed on one of its pages.
      const fullText = texts.slice(printed).join('');
      for (const h of ledgerHeader) expect(wrapped(fullText, h), h).toBe(true);
    },
  );
});
