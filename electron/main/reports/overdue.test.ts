import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { call, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

// 「期末に期限を過ぎていた請求」 (issue 34 §1): a period still running is counted as of today, as
// the dashboard counts, and says so; a closed one as of its last day.
describe('reports: overdue at the end of the period', () => {
  // On 2026-11-20 (a Friday): requests due before today, today and after it.
  async function desk() {
    let now = new Date('2026-10-01T01:00:00Z');
    const at = (day: string) => {
      now = new Date(`${day}T01:00:00Z`);
    };
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-report-overdue-'));
    const s = makeServices(tempDataDir(), {
      clock: () => now,
      dialogs: { openFile: () => Promise.resolve(null), saveFile: (o) => Promise.resolve(join(dir, o.defaultName)) },
    });
    await setupVault(s);
    const create = async (arrivalDate: string) => {
      at(arrivalDate);
      return await call(s, 'intake.create', intakeInput({ arrivalDate }));
    };
    // Due 10-15: overdue at the end of October and today.
    await create('2026-10-01');
    // 補正 asked on 10-21: the SLA stops, the 39条 date (11-03) does not; overdue today only.
    const cure = await create('2026-10-20');
    at('2026-10-21');
    await call(s, 'requests.transition', { id: cure.id, action: 'startCheck', comment: '' });
    await call(s, 'requests.requestCure', {
      id: cure.id,
      cure: { defects: ['本人確認書類の写し'], dueDate: '2026-11-04' },
    });
    // Withdrawn on 10-30: counts nowhere at the end.
    const gone = await create('2026-10-22');
    at('2026-10-30');
    await call(s, 'requests.transition', { id: gone.id, action: 'withdraw', comment: '取下書' });
    // Due 11-16 (39条, before the SLA's 11-17: 11-03 is a holiday): overdue today.
    await create('2026-11-02');
    // Due today (11-20): not overdue until tomorrow.
    await create('2026-11-06');
    // Due 11-24 and 12-02: not yet due; counting at the month's or the year's last day took them.
    await create('2026-11-10');
    await create('2026-11-18');
    at('2026-11-20');
    return { s, dir };
  }

  it('counts a running month or year as of today, equal to the dashboard’s overdue total', async () => {
    const { s } = await desk();
    const dashboard = await call(s, 'requests.dashboard', {});
    expect(dashboard.today).toBe('2026-11-20');
    expect(dashboard.overdue.total).toBe(3);
    for (const selection of [
      { kind: 'month', value: '2026-11' },
      { kind: 'year', value: '2026' },
    ] as const) {
      const { current } = await call(s, 'reports.get', selection);
      expect(current.asOf, selection.kind).toBe('2026-11-20');
      // Before the fix: 5 for the month, 6 for the year.
      expect(current.overdueAtEnd, selection.kind).toBe(dashboard.overdue.total);
      expect(current.openAtEnd, selection.kind).toBe(6);
    }
    await s.close();
  });

  // The facts hold the extension (延長) and its decision day (migration 0026): an extended request
  // counts by its extended date, as the dashboard's stored due date does.
  it('counts an extended request by its extended date, as the dashboard does', async () => {
    const { s } = await desk();
    const extended = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-02' }));
    await call(s, 'requests.extend', { id: extended.id, date: '2026-12-10', reason: '調査に時間を要するため' });
    const dashboard = await call(s, 'requests.dashboard', {});
    const report = await call(s, 'reports.get', { kind: 'month', value: '2026-11' });
    await s.close();
    expect(dashboard.overdue.total).toBe(3);
    // Today 4: the extended request too.
    expect(report.current.overdueAtEnd).toBe(3);
  });

  it('counts a closed month as of its last day, the same beside the running month as on its own', async () => {
    const { s } = await desk();
    const october = await call(s, 'reports.get', { kind: 'month', value: '2026-10' });
    // At the end of October only the first was past its date (the 補正 one was due 11-03).
    expect(october.current).toMatchObject({ asOf: '2026-10-31', overdueAtEnd: 1, openAtEnd: 2 });
    const november = await call(s, 'reports.get', { kind: 'month', value: '2026-11' });
    expect(november.previous).toEqual(october.current);
    await s.close();
  });

  it('labels a running period’s figures as of today in CSV, Excel and PDF, and a closed one’s as at its end', async () => {
    const { s, dir } = await desk();
    const selection = { kind: 'year' as const, value: '2026' };
    const base = join(dir, '開示等請求_年次報告_2026');
    await call(s, 'reports.export', { selection, format: 'csv' });
    const csv = readFileSync(`${base}.csv`, 'utf8');
    expect(csv).toContain(
      '"区分","項目","単位","当期（2026年1月〜2026年12月、11月20日時点）","前期（2025年1月〜2025年12月）"',
    );
    expect(csv).toContain('"主な数値","期末に処理中の請求（当期は本日時点）","件","6","0"');
    expect(csv).toContain('"主な数値","期末に期限を過ぎていた請求（当期は本日時点）","件","3","0"');

    await call(s, 'reports.export', { selection, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(`${base}.xlsx`);
    const rows: string[] = [];
    book.getWorksheet('主な数値')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    expect(rows).toContain('期末に期限を過ぎていた請求（当期は本日時点）|3|0');

    await call(s, 'reports.export', { selection, format: 'pdf' });
    const pdf = execFileSync('pdftotext', ['-layout', `${base}.pdf`, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdf).toContain('期末に期限を過ぎていた請求（当期は本日時点）3件0件');
    expect(pdf).toContain('11月20日時点');

    // October has ended: its figures are as at its end, and the labels say only that.
    await call(s, 'reports.export', { selection: { kind: 'month', value: '2026-10' }, format: 'csv' });
    const closed = readFileSync(join(dir, '開示等請求_月次報告_2026-10.csv'), 'utf8');
    expect(closed).toContain('"主な数値","期末に期限を過ぎていた請求","件","1","0"');
    expect(closed).not.toContain('本日時点');
    await s.close();
  });
});
