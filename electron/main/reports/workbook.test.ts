import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/domain/dates';
import { ledgerHeader, ledgerPrintColumns, ledgerRow, type LedgerEntry } from '../../../core/domain/ledger';
import { num } from '../../../core/domain/table';
import { zipEntry } from '../testing/zip-entry';
import { ledgerSheets } from './ledger-sheets';
import { A4_LANDSCAPE_UNITS, pagesAcross, readableScale } from './sheet-layout';
import { sectionSheets, streamTablesXlsx, tablesXlsx } from './workbook';

// Workbooks as printed (issue 34 §6): the ledger's print layout and scale, the report's header
// rows, and LibreOffice's reading of both. No database: these run on one engine.

describe('workbook layout', () => {
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
      // Every piece of text on every page at 8 pt or more (10 pt text; the page header 11 pt).
      const sizes = await fontSizes(pdf);
      expect(sizes).toHaveLength(pages);
      for (const [p, s] of sizes.entries()) {
        expect(s.length, `page ${p + 1}`).toBeGreaterThan(0);
        expect(Math.min(...s), `page ${p + 1}`).toBeGreaterThanOrEqual(8);
      }

      // Each page's footer names its sheet; the printed sheet comes first.
      const printed = texts.filter((t) => t.includes('管理台帳（印刷用）')).length;
      expect(texts.slice(0, printed).every((t) => t.includes('管理台帳（印刷用）'))).toBe(true);
      // 200 requests, one in ten of them ten lines high: about 14 pages of the printed sheet (at
      // 31 % every column fitted 3); the full sheet a few pages across for each of those.
      expect(printed).toBeGreaterThanOrEqual(5);
      expect(printed).toBeLessThanOrEqual(16);
      expect(pages).toBeLessThanOrEqual(printed * 5);

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
