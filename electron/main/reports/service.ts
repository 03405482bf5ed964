import { ErrorCode, type ChannelOutput, type ReportSelection } from '../../../core/contract';
import { addMonths, japanToday, type IsoDate } from '../../../core/domain/dates';
import {
  computeReport,
  monthPeriod,
  previousPeriod,
  yearPeriod,
  type Period,
  type Report,
  type ReportRow,
} from '../../../core/domain/reports';
import { receivedPerMonth, requestIdsArrived } from '../db/repositories/reports';
import { readReportFacts } from '../db/repositories/report-facts';
import { refreshReportFactsInSteps, reportRowOf, type ReportFacts } from './facts';
import { getSetting, putSetting } from '../db/repositories/settings';
import { writeFile } from 'node:fs/promises';
import { outcomeCounts, periodLabel, reportSections } from '../../../core/domain/report-sections';
import { sectionsAsTable, slashDate, toCsv, type Cell } from '../../../core/domain/table';
import { encodeCsv } from './spreadsheets';
import { sectionSheets, tablesXlsx } from './workbook';
import { ledgerSheets } from './ledger-sheets';
import { formatLetterDate, type DateStyle } from '../../../core/domain/letters/catalogue';
import type { LetterFonts } from '../pdf/fonts';
import { renderReport } from '../pdf/lazy';

import type { FileDialogs } from '../files/dialogs';
import { AppError, fileErrorMessage } from '../errors';
import { ledgerHeader, ledgerRow, type LedgerEntry } from '../../../core/domain/ledger';
import type { RequestDetail } from '../../../core/contract';
import { disposalLabels, dispatchMethodLabels } from '../../../core/domain/dispatch';
import { identityStatusLabels } from '../../../core/domain/intake/identity';
import type { RequestQueries } from '../requests/queries';
import { readFees, readLetterSettings, readOrganisation } from '../settings/policies';
import type { Vault } from '../vault/vault';

export function periodOf(s: ReportSelection): Period {
  return s.kind === 'month' ? monthPeriod(s.value) : yearPeriod(Number(s.value));
}

export type ExportFormat = 'csv' | 'csvSjis' | 'xlsx';
export type ReportFormat = ExportFormat | 'pdf';

const fileTypes: Record<ReportFormat, { ext: string; name: string }> = {
  csv: { ext: 'csv', name: 'CSV' },
  csvSjis: { ext: 'csv', name: 'CSV' },
  xlsx: { ext: 'xlsx', name: 'Excel ブック' },
  pdf: { ext: 'pdf', name: 'PDF' },
};

// Rows gathered per step of a long export, with a progress event and a turn of the event loop
// between steps so the window stays responsive and sees the progress.
const LEDGER_STEP = 100;

const reportTitle = (s: ReportSelection, r: Report, style: DateStyle) =>
  `保有個人データの開示等請求 ${s.kind === 'month' ? '月次' : '年次'}報告（${periodLabel(r.current, style)}）`;

export class ReportsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestQueries,
    private readonly fonts: LetterFonts,
    private readonly emit: (event: 'export.progress', payload: { done: number; total: number }) => void,
  ) {}

  // The ledger rows of the requests that arrived in the period.
  async ledgerRows(from: IsoDate, to: IsoDate, masked: boolean): Promise<Cell[][]> {
    const ids = await requestIdsArrived(this.vault.q(), from, to);
    const rows: Cell[][] = [];
    for (let i = 0; i < ids.length; i += LEDGER_STEP) {
      for (const r of await this.requests.getMany(ids.slice(i, i + LEDGER_STEP)))
        rows.push(ledgerRow(ledgerEntry(r), masked));
      this.emit('export.progress', { done: rows.length, total: ids.length });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return rows;
  }

  async exportLedger(
    from: IsoDate,
    to: IsoDate,
    masked: boolean,
    format: ExportFormat,
  ): Promise<{ saved: boolean; rows: number }> {
    if (from > to) throw new AppError(ErrorCode.BAD_INPUT, '期間の終わりは始まり以降の日付にしてください。');
    // The title and the period go in the file name (and, in Excel, in the page header): the
    // table itself starts with its header row.
    const name = `開示等請求管理台帳_${from}_${to}${masked ? '_マスク版' : ''}`;
    const path = await this.savePath('管理台帳の保存', name, format);
    if (path === null) return { saved: false, rows: 0 };
    const rows = await this.ledgerRows(from, to, masked);
    const title = `開示等請求管理台帳（到達日 ${slashDate(from)}〜${slashDate(to)}）`;
    const header = [...ledgerHeader];
    try {
      if (format === 'xlsx') {
        // Written on the file worker: main only hands over the rows.
        await this.vault.fileWork({ op: 'xlsx', path, title, specs: ledgerSheets(title, rows, masked) });
      } else {
        await writeFile(path, encodeCsv(toCsv(header, rows), format === 'csvSjis', { header, rows }));
      }
    } catch (err) {
      throw fileErrorMessage(err, '管理台帳') ?? err;
    }
    await this.vault.write(
      'reports.export',
      null,
      `ledger=${from}..${to} masked=${String(masked)} format=${format} rows=${rows.length}`,
      () => undefined,
    );
    return { saved: true, rows: rows.length };
  }

  // One flat row per request that can count in the period or the one before it, from the facts
  // kept per request (any still stale are recomputed first), on `today` (the report's one day).
  async rows(period: Period, today: IsoDate): Promise<ReportRow[]> {
    await refreshReportFactsInSteps(() => this.vault.store());
    const db = this.vault.q();
    const fees = await readFees(db);
    const feeMemo = new Map<string, number>();
    return (await readReportFacts(db, period.to, previousPeriod(period).from)).map((data) =>
      reportRowOf(JSON.parse(data) as ReportFacts, today, fees, feeMemo),
    );
  }

  async report(selection: ReportSelection): Promise<ChannelOutput<'reports.get'>> {
    const period = periodOf(selection);
    const today = japanToday(this.clock());
    if (period.from > today) {
      throw new AppError(ErrorCode.BAD_INPUT, '未来の期間の報告書は作成できません。');
    }
    const { current, previous } = computeReport(await this.rows(period, today), period, today);
    const chartTo = period.to;
    const chartFrom = addMonths(`${chartTo.slice(0, 7)}-01`, -11);
    return {
      current,
      previous,
      comment: await this.comment(selection),
      perMonth: await receivedPerMonth(this.vault.q(), chartFrom, chartTo),
    };
  }

  private async comment(s: ReportSelection): Promise<string> {
    const value = await getSetting(this.vault.q(), `report-comment:${s.kind}:${s.value}`);
    return typeof value === 'string' ? value : '';
  }

  private savePath(title: string, name: string, format: ReportFormat): Promise<string | null> {
    const type = fileTypes[format];
    return this.dialogs.saveFile({
      title,
      defaultName: `${name}.${type.ext}`,
      filters: [{ name: type.name, extensions: [type.ext] }],
    });
  }

  // The report as CSV (UTF-8 with BOM, or Shift_JIS), XLSX or PDF, written where the user chooses.
  async export(selection: ReportSelection, format: ReportFormat): Promise<{ saved: boolean }> {
    const report = await this.report(selection);
    const sections = reportSections(report);
    const title = reportTitle(selection, report, 'seireki');
    const base = `開示等請求_${selection.kind === 'month' ? '月次' : '年次'}報告_${selection.value}`;
    const path = await this.savePath('報告書の保存', base, format);
    if (path === null) return { saved: false };
    const withComment = report.comment
      ? [...sections, { title: '個人情報保護管理者のコメント', header: ['コメント'], rows: [[report.comment]] }]
      : sections;
    let bytes: Uint8Array;
    if (format === 'pdf') {
      const org = await readOrganisation(this.vault.q());
      // Printed, the report takes the letters' calendar throughout (issue 34 §6: 作成日 in 和暦
      // beside periods in 西暦 read as two calendars); the spreadsheets keep 西暦, as the screen.
      const { dateStyle } = await readLetterSettings(this.vault.q());
      const made = `作成日 ${formatLetterDate(japanToday(this.clock()), dateStyle)}`;
      bytes = (
        await renderReport(
          {
            title: reportTitle(selection, report, dateStyle),
            byline: org ? [org.companyName, `${org.officerTitle} ${org.officerName}`, made] : [made],
            sections: reportSections(report, dateStyle),
            perMonth: report.perMonth,
            chartTo: report.current.period.to.slice(0, 7),
            outcomes: outcomeCounts(report.current),
            comment: report.comment,
            dateStyle,
          },
          this.fonts,
        )
      ).bytes;
    } else if (format === 'xlsx') {
      bytes = await tablesXlsx(title, sectionSheets(withComment, title));
    } else {
      const table = sectionsAsTable(withComment);
      bytes = encodeCsv(toCsv(table.header, table.rows), format === 'csvSjis', table);
    }
    try {
      await writeFile(path, bytes);
    } catch (err) {
      throw fileErrorMessage(err, '報告書') ?? err;
    }
    await this.vault.write(
      'reports.export',
      null,
      `report=${selection.kind}:${selection.value} format=${format}`,
      () => undefined,
    );
    return { saved: true };
  }

  async saveComment(s: ReportSelection, comment: string): Promise<Record<string, never>> {
    await this.vault.write(
      'settings.update',
      `report-comment:${s.kind}:${s.value}`,
      `length=${comment.length}`,
      async (db) => {
        await putSetting(db, `report-comment:${s.kind}:${s.value}`, comment);
      },
    );
    return {};
  }
}

export function ledgerEntry(r: RequestDetail): LedgerEntry {
  const name = (id: string | null) => (id ? (r.accountNames[id] ?? id) : '');
  const cureArrived = r.history.find((h) => h.action === 'cureReceived');
  return {
    receiptNo: r.receiptNo,
    channel: r.channel,
    arrivalDate: r.arrivalDate,
    receivedBy: name(r.receivedBy),
    kinds: r.items.map((i) => i.kind),
    requesterType: r.requesterType,
    principal: {
      name: r.principal.name,
      kana: r.principal.kana,
      address: r.principal.address,
      phone: r.principal.phone,
    },
    agentName: r.agent?.name ?? '',
    identity: identityStatusLabels[r.identity.result.status],
    feeDue: r.fee.due,
    feeAccepted: r.fee.accepted,
    dueDate: r.deadlines.dueDate,
    cure: r.cure
      ? { requestedOn: r.cure.requestedOn, dueDate: r.cure.dueDate, arrivedOn: cureArrived?.day ?? '' }
      : null,
    decisions: r.decisions.map((d) => ({ kind: d.kind, decision: d.decision })),
    approver: name(r.approvedBy),
    dispatches: r.dispatches.map((d) => ({
      sentOn: d.sentOn,
      method: dispatchMethodLabels[d.method],
      trackingNo: d.trackingNo,
    })),
    closedOn: r.closedOn ?? '',
    disposal: r.disposal ? `${disposalLabels[r.disposal.method]}（${r.disposal.date}）` : '',
    status: r.status,
    outsideLaw: r.outsideLaw ? { category: r.outsideLaw.category, response: r.outsideLaw.response } : null,
    linked: r.linked.map((l) => l.receiptNo),
  };
}
