import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { addDays } from '../../../core/domain/dates';
import { ledgerHeader, ledgerPrintColumns } from '../../../core/domain/ledger';
import { zipEntry } from '../testing/zip-entry';
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
        // A name or address the letter fonts lack needs its spelling for letters (intake refuses it otherwise).
        letterName: r.name ? '吉田 花子' : '',
        letterAddress: r.address ? '東京都千代田区千代田1-1' : '',
      },
    });
  }
  return { s, dir };
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
