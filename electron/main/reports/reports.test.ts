import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { reportSections } from '../../../core/domain/report-sections';
import { cellText } from '../../../core/domain/table';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import { AppError } from '../errors';
import { RequestQueries } from '../requests/queries';
import { lastFileWorkThread } from '../vault/in-worker';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  organisation,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

describe('reports service', () => {
  it('gathers the requests of the period from the database and computes their figures', async () => {
    let now = new Date('2026-09-10T01:00:00Z');
    const at = (day: string) => {
      now = new Date(`${day}T01:00:00Z`);
    };
    const s = makeServices(tempDataDir(), { clock: () => now });
    await setupVault(s);
    // R3: arrived in September, never handled: open and overdue at the end of October.
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-09-10' }));
    // R1: arrived 10-01, answered 10-09 (8 days), completed 10-12.
    at('2026-10-01');
    const r1 = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id: r1.id, action, comment: '' });
    }
    await call(s, 'requests.saveDecision', {
      id: r1.id,
      kind: 'disclosure',
      decision: { ...emptyDecision(), outcome: 'full', disclosed: '購入履歴' },
    });
    await call(s, 'requests.transition', { id: r1.id, action: 'submitForApproval', comment: '' });
    // R2: arrived 10-05, withdrawn 10-06.
    at('2026-10-05');
    const r2 = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-05' }));
    at('2026-10-06');
    await call(s, 'requests.transition', { id: r2.id, action: 'withdraw', comment: '取下書' });
    at('2026-10-08');
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.transition', { id: r1.id, action: 'approve', comment: '' });
    at('2026-10-09');
    await call(s, 'letters.finalize', { requestId: r1.id, kind: 'disclosureDecision' });
    await call(s, 'requests.addDispatch', {
      id: r1.id,
      dispatch: { letter: '開示決定通知書', sentOn: '2026-10-09', method: 'simpleRegistered', trackingNo: '1' },
    });
    await call(s, 'requests.transition', { id: r1.id, action: 'recordDispatch', comment: '' });
    at('2026-10-12');
    await call(s, 'requests.recordDisposal', { id: r1.id, method: 'destroyed', date: '2026-10-12' });
    await call(s, 'requests.transition', { id: r1.id, action: 'complete', comment: '' });
    at('2026-11-20');
    await switchTo(s, 'admin', ADMIN_PASSWORD);

    const report = await call(s, 'reports.get', { kind: 'month', value: '2026-10' });
    const f = report.current;
    expect(f.received).toMatchObject({ total: 2, byKind: { disclosure: 2 }, byChannel: { post: 2 } });
    expect(f.decided).toEqual({ total: 1, byKindOutcome: { disclosure: { full: 1 } } });
    expect(f).toMatchObject({ completed: 1, withdrawals: 1, openAtEnd: 1, overdueAtEnd: 1, answered: 1 });
    expect(f.daysToAnswer.all).toEqual({ count: 1, mean: 8, median: 8, max: 8 });
    expect(f).toMatchObject({ withinSla: 1, withinArticle39: 1, feesReceived: 2000 });
    expect(report.previous.received.total).toBe(1);
    expect(report.perMonth).toEqual([
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 2 },
    ]);

    await call(s, 'reports.saveComment', {
      selection: { kind: 'month', value: '2026-10' },
      comment: '期限内回答率は100%でした。',
    });
    expect((await call(s, 'reports.get', { kind: 'month', value: '2026-10' })).comment).toBe(
      '期限内回答率は100%でした。',
    );
    const future = await call(s, 'reports.get', { kind: 'year', value: '2027' }).catch((e: unknown) => e);
    expect(future).toBeInstanceOf(AppError);
    expect((future as AppError).code).toBe(ErrorCode.BAD_INPUT);
    const bad = await call(s, 'reports.get', { kind: 'month', value: '2026-13' }).catch((e: unknown) => e);
    expect((bad as AppError).issues?.[0]?.message).toBe('期間の指定が正しくありません。');
    await s.close();
  });

  it('exports CSV (UTF-8 with BOM and CRLF, or Shift_JIS) and XLSX that reads back as the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-report-export-'));
    const s = makeServices(tempDataDir(), {
      clock: () => new Date('2026-11-20T01:00:00Z'),
      dialogs: { openFile: () => Promise.resolve(null), saveFile: (o) => Promise.resolve(join(dir, o.defaultName)) },
    });
    await setupVault(s);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-05' }));
    const selection = { kind: 'month' as const, value: '2026-10' };
    const expected = reportSections(await call(s, 'reports.get', selection));

    expect(await call(s, 'reports.export', { selection, format: 'csv' })).toEqual({ saved: true });
    const csv = readFileSync(join(dir, '開示等請求_月次報告_2026-10.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(csv.subarray(3));
    expect(text.startsWith('"区分","項目","単位","当期（2026年10月）","前期（2026年9月）"\r\n')).toBe(true);
    expect(text).toContain('"主な数値","受け付けた請求","件","1","0"\r\n');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');

    await call(s, 'reports.export', { selection, format: 'csvSjis' });
    const sjis = iconv.decode(readFileSync(join(dir, '開示等請求_月次報告_2026-10.csv')), 'Shift_JIS');
    expect(sjis).toContain('"主な数値","受け付けた請求","件","1","0"');

    await call(s, 'reports.export', { selection, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '開示等請求_月次報告_2026-10.xlsx'));
    const sheet = book.getWorksheet('主な数値');
    const values: string[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1)
        values.push(row.values instanceof Array ? row.values.slice(1).map((_, i) => row.getCell(i + 1).text) : []);
    });
    // As Excel shows them: the number with its format.
    expect(values.map((r) => r[0])).toEqual(expected[0]?.rows.map((r) => cellText(r[0] ?? '')));
    expect(sheet?.getCell('B2').value).toBe(1);
    expect(sheet?.getCell('B2').numFmt).toBe('#,##0"件"');
    expect(book.worksheets.map((w) => w.name)).toEqual(expected.map((x) => x.title));

    // PDF through the letter layout engine: a valid file with the figures as text.
    expect(await call(s, 'reports.export', { selection, format: 'pdf' })).toEqual({ saved: true });
    const pdf = join(dir, '開示等請求_月次報告_2026-10.pdf');
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    for (const row of expected[0]?.rows ?? []) expect(pdfText).toContain(row.map(cellText).join(' '));
    expect(pdfText).toContain(organisation.companyName);
    // One calendar through the printed report (issue 34 §6): the letters' (和暦 by default)…
    expect(pdfText).toContain('月次報告（令和8年10月）');
    expect(pdfText).toContain('作成日 令和8年11月20日');
    expect(pdfText).toContain('当期（令和8年10月）');
    expect(pdfText).toContain('令和7年');
    expect(pdfText).not.toMatch(/\d{4}年/);
    // …or 西暦 throughout when the letters are dated so.
    const letters = (await call(s, 'settings.get', {})).letters;
    await call(s, 'settings.updateLetters', { ...letters, dateStyle: 'seireki' });
    await call(s, 'reports.export', { selection, format: 'pdf' });
    const seireki = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(seireki).toContain('月次報告（2026年10月）');
    expect(seireki).toContain('作成日 2026年11月20日');
    expect(seireki).toContain('2025年');
    expect(seireki).not.toContain('令和');

    // The ledger, in full and masked for wider circulation.
    const full = await call(s, 'reports.ledger', {
      from: '2026-10-01',
      to: '2026-10-31',
      masked: false,
      format: 'csv',
    });
    expect(full).toEqual({ saved: true, rows: 1 });
    const ledger = readFileSync(join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31.csv'), 'utf8');
    expect(ledger).toContain('"山田 太郎"');
    expect(ledger).toContain('"東京都千代田区千代田1-1"');
    await call(s, 'reports.ledger', { from: '2026-10-01', to: '2026-10-31', masked: true, format: 'xlsx' });
    // The workbook is written on the file worker, not on main's thread.
    expect(lastFileWorkThread()).not.toBe(0);
    const maskedBook = new ExcelJS.Workbook();
    await maskedBook.xlsx.readFile(join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31_マスク版.xlsx'));
    // Both sheets: the one laid out for print and the one of every column.
    expect(maskedBook.worksheets).toHaveLength(2);
    const cells: string[] = [];
    for (const sheet of maskedBook.worksheets) {
      sheet.eachRow((row) => {
        for (const v of (row.values as unknown[]).slice(1)) cells.push(String(v));
      });
    }
    expect(cells).toEqual(expect.arrayContaining(['山. 太.', 'ヤ. タ.', '東京都']));
    expect(cells.join()).not.toContain('山田');
    expect(cells.join()).not.toContain('03-1234-5678');

    const audit = await call(s, 'audit.list', { offset: 0, limit: 50, action: 'reports.export' });
    expect(audit.entries.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'report=month:2026-10 format=csv',
        'report=month:2026-10 format=xlsx',
        'report=month:2026-10 format=pdf',
        'ledger=2026-10-01..2026-10-31 masked=true format=xlsx rows=1',
      ]),
    );
    await s.close();
  });

  it('refuses a ledger or report whose folder is gone with a clear message, and writes nothing', async () => {
    const gone = join(tmpdir(), `madoguchi-gone-${process.pid}`, 'sub');
    const s = makeServices(tempDataDir(), {
      clock: () => new Date('2026-11-20T01:00:00Z'),
      dialogs: { openFile: () => Promise.resolve(null), saveFile: (o) => Promise.resolve(join(gone, o.defaultName)) },
    });
    await setupVault(s);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    const audited = async () => (await call(s, 'audit.list', { limit: 200, offset: 0 })).total;
    const before = await audited();
    for (const format of ['xlsx', 'csv'] as const) {
      const e = await failure(
        call(s, 'reports.ledger', { from: '2026-10-01', to: '2026-10-31', masked: false, format }),
      );
      expect(e.message).toBe('管理台帳の保存先が見つかりません。フォルダーをご確認ください。何も変更していません。');
    }
    const e = await failure(
      call(s, 'reports.export', { selection: { kind: 'month', value: '2026-10' }, format: 'csv' }),
    );
    expect(e.message).toBe('報告書の保存先が見つかりません。フォルダーをご確認ください。何も変更していません。');
    expect(existsSync(gone)).toBe(false);
    expect(await audited()).toBe(before);
    await s.close();
  });

  it('gathers the ledger in steps with progress, as get() would show each request, and writes nothing when cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-ledger-'));
    const progress: { done: number; total: number }[] = [];
    let cancel = false;
    const s = makeServices(tempDataDir(), {
      clock: () => new Date('2026-11-20T01:00:00Z'),
      emit: (event, payload) => {
        if (event === 'export.progress') progress.push(payload as { done: number; total: number });
      },
      dialogs: {
        openFile: () => Promise.resolve(null),
        saveFile: (o) => Promise.resolve(cancel ? null : join(dir, o.defaultName)),
      },
    });
    await setupVault(s);
    const ids: string[] = [];
    for (const day of ['2026-10-01', '2026-10-02', '2026-10-03']) {
      ids.push((await call(s, 'intake.create', intakeInput({ arrivalDate: day }))).id);
    }
    await call(s, 'requests.transition', { id: ids[1] ?? '', action: 'withdraw', comment: '取下書' });
    // The bulk read the ledger uses shows each request exactly as the request page does.
    const requests = new RequestQueries(s.vault, () => new Date('2026-11-20T01:00:00Z'));
    const one: unknown[] = [];
    for (const id of ids) one.push(await requests.get(id));
    expect(await requests.getMany(ids)).toEqual(one);
    expect((await requests.getMany(ids)).map((r) => r.status)).toEqual(['received', 'withdrawn', 'received']);

    cancel = true;
    expect(
      await call(s, 'reports.ledger', { from: '2026-10-01', to: '2026-10-31', masked: false, format: 'csv' }),
    ).toEqual({
      saved: false,
      rows: 0,
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(progress).toEqual([]);
    cancel = false;
    await call(s, 'reports.ledger', { from: '2026-10-01', to: '2026-10-31', masked: false, format: 'csv' });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    const file = join(dir, '開示等請求管理台帳_2026-10-01_2026-10-31.csv');
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines.filter((l) => l.startsWith('"2026-'))).toHaveLength(3);
    await s.close();
  });
});
