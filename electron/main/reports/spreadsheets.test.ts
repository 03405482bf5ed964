import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { addDays } from '../../../core/domain/dates';
import { ledgerHeader } from '../../../core/domain/ledger';
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

const ledger = (s: Services, format: 'csv' | 'csvSjis' | 'xlsx', masked = false) =>
  call(s, 'reports.ledger', { from: '2026-10-01', to: '2026-10-31', masked, format });

describe('ledger and report spreadsheets', () => {
  it('XLSX: amounts and dates typed, header frozen with filters, fitted widths, A4 landscape one page wide', async () => {
    const { s, dir } = await vaultWith([
      { arrival: '2026-10-05' },
      {
        arrival: '2026-10-06',
        address: '北海道札幌市中央区北1条西2丁目3番地 札幌用賀髙﨑ビルディング（本館）8階 801号室',
      },
    ]);
    await ledger(s, 'xlsx', true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31_マスク版.xlsx'));
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    // Row 1 is the header: a table, not a title.
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...ledgerHeader]);
    const col = (name: string) => ledgerHeader.indexOf(name as (typeof ledgerHeader)[number]) + 1;
    const fee = sheet.getRow(2).getCell(col('手数料 必要額（円）'));
    expect(fee.value).toBe(1000);
    expect(fee.numFmt).toBe('#,##0"円"');
    const arrival = sheet.getRow(2).getCell(col('到達日'));
    expect(arrival.value).toBeInstanceOf(Date);
    expect((arrival.value as Date).toISOString().slice(0, 10)).toBe('2026-10-05');
    expect(arrival.numFmt).toBe('yyyy/mm/dd');

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(ledgerHeader.length).letter}1`);
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(new Set(widths).size).toBeGreaterThan(3);
    expect(Math.max(...widths)).toBeLessThanOrEqual(42);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(sheet.headerFooter.oddHeader).toContain('開示等請求管理台帳（到達日 2026/10/01〜2026/10/31）');
    expect(sheet.headerFooter.oddHeader).toContain('マスク版');
    expect(sheet.headerFooter.oddFooter).toBe('&C&P / &N ページ');
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
      { arrival: '2026-10-06', address: '東京都千代田区千代田1−1' },
    ]);
    const refused = await failure(ledger(s, 'csvSjis'));
    expect(refused.code).toBe(ErrorCode.BAD_INPUT);
    expect(refused.message).toContain('「𠮷」');
    expect(refused.message).toContain('「−」');
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
});

// LibreOffice Calc prints the ledger as an auditor would: every column on the first page, a
// few pages for 200 requests. Needs soffice (libreoffice-calc-nogui, installed by .ci/run).
// Skipped only on a developer machine without soffice; in CI its absence fails the test.
const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
describe('the ledger printed by LibreOffice Calc (needs soffice)', () => {
  it.skipIf(soffice === '' && !process.env['CI'])(
    'fits every column on page 1 and 200 requests on at most 10 pages',
    { timeout: 240_000 },
    async () => {
      if (soffice === '') throw new Error('soffice is missing: .ci/run installs libreoffice-calc-nogui');
      const stories = Array.from({ length: 200 }, (_, i) => ({
        arrival: addDays('2026-10-01', i % 31),
        ...(i % 7 === 0
          ? { address: '北海道札幌市中央区北1条西2丁目3番地 札幌用賀髙﨑ビルディング（本館）8階 801号室' }
          : {}),
      }));
      const { s, dir } = await vaultWith(stories);
      await ledger(s, 'xlsx');
      const xlsx = join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31.xlsx');
      const profile = mkdtempSync(join(tmpdir(), 'madoguchi-lo-'));
      execFileSync(
        soffice,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
        { stdio: 'ignore', timeout: 180_000 },
      );
      const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
      expect(existsSync(pdf)).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(10);
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        '',
      );
      // A header cell that wraps onto a second line is read with the next cell's text between its
      // lines (pdftotext reads across the row): one such break is allowed.
      const wrapped = (text: string, h: string) => {
        const plain = h.replace(/\s+/g, '');
        if (text.includes(plain)) return true;
        const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (let k = 1; k < plain.length; k++) {
          if (new RegExp(`${esc(plain.slice(0, k))}.{1,16}?${esc(plain.slice(k))}`).test(text)) return true;
        }
        return false;
      };
      for (const h of ledgerHeader) expect(wrapped(first, h), h).toBe(true);
      // The header row is repeated on the last page too.
      const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), pdf, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      expect(last).toContain('受付番号');
      expect(last).toContain(`${pages}/${pages}ページ`);
      await s.close();
    },
  );
});
