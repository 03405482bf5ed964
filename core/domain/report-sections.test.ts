import { describe, expect, it } from 'vitest';
import { KINDS_NOTE, monthLabel, outcomeCounts, reportSections, yearLabel } from './report-sections';
import { computeReport, monthPeriod, type ReportRow } from './reports';
import { cellText } from './table';

const row = (id: string, over: Partial<ReportRow>): ReportRow => ({
  id,
  arrivalDate: '2026-10-05',
  channel: 'post',
  requesterType: 'self',
  kinds: ['disclosure'],
  status: 'completed',
  closedOn: '2026-10-20',
  approvedOn: '2026-10-15',
  decisions: [],
  answeredOn: '2026-10-16',
  cureDays: 0,
  cureRequestedOn: [],
  slaDate: '2026-10-19',
  article39Date: '2026-10-19',
  feesReceived: [],
  feeToReturn: 0,
  ...over,
});

// Requests in the reverse of the Act's order, decisions in the reverse of each form's order; the
// previous month has a kind and a decision the current one lacks.
const rows = [
  row('1', {
    kinds: ['stopThirdParty', 'correction'],
    channel: 'counter',
    requesterType: 'lawyer',
    decisions: [
      { kind: 'stopThirdParty', outcome: 'notDone' },
      { kind: 'correction', outcome: 'done' },
    ],
  }),
  row('2', {
    kinds: ['disclosure', 'purpose'],
    channel: 'email',
    decisions: [
      { kind: 'disclosure', outcome: 'nonexistent' },
      { kind: 'disclosure', outcome: 'full' },
      { kind: 'purpose', outcome: 'notify' },
    ],
  }),
  row('3', { kinds: ['disclosure'], channel: 'post', decisions: [{ kind: 'disclosure', outcome: 'partial' }] }),
  row('4', {
    arrivalDate: '2026-09-02',
    approvedOn: '2026-09-10',
    closedOn: '2026-09-12',
    answeredOn: '2026-09-11',
    kinds: ['thirdPartyRecords'],
    decisions: [{ kind: 'thirdPartyRecords', outcome: 'nonexistent' }],
  }),
];
const report = computeReport(rows, monthPeriod('2026-10'), '2026-11-20');
const section = (title: string, style?: 'wareki' | 'seireki') =>
  reportSections(report, style).find((s) => s.title === title);
const labels = (title: string) => section(title)?.rows.map((r) => cellText(r[0] ?? '')) ?? [];

describe('report sections (issue 34 §6)', () => {
  it('list kinds in the order of the Act and decisions in each form’s order, not in data order', () => {
    expect(labels('請求の種類別の受付件数')).toEqual([
      '利用目的の通知',
      '開示',
      '第三者提供記録の開示',
      '訂正',
      '第三者提供の停止',
    ]);
    expect(labels('決定の内容')).toEqual([
      '利用目的の通知：通知する',
      '開示：全部開示',
      '開示：一部開示',
      '開示：不存在',
      '第三者提供記録の開示：記録不存在',
      '訂正：訂正等を行う',
      '第三者提供の停止：第三者提供を停止しない',
    ]);
    expect(outcomeCounts(report.current).map(([l]) => l)).toEqual([
      '利用目的の通知：通知する',
      '開示：全部開示',
      '開示：一部開示',
      '開示：不存在',
      '訂正：訂正等を行う',
      '第三者提供の停止：第三者提供を停止しない',
    ]);
    expect(labels('受付方法別の受付件数')).toEqual(['郵送', 'メール', '窓口']);
    expect(labels('請求者の種別ごとの受付件数')).toEqual(['本人', '任意代理人（弁護士）']);
  });

  it('say under the kinds that they add up to more than the requests received', () => {
    const kinds = section('請求の種類別の受付件数');
    const sum = kinds?.rows.reduce((n, r) => n + Number(cellText(r[1] ?? '').replace('件', '')), 0);
    expect(report.current.received.total).toBe(3);
    expect(sum).toBe(5);
    expect(kinds?.note).toBe(KINDS_NOTE);
    expect(KINDS_NOTE).toContain('種類別の件数の合計は受け付けた請求の件数より多くなることがあります');
  });

  it('name the periods in one calendar, 和暦 or 西暦', () => {
    expect(section('主な数値', 'wareki')?.header).toEqual(['項目', '当期（令和8年10月）', '前期（令和8年9月）']);
    expect(section('主な数値')?.header).toEqual(['項目', '当期（2026年10月）', '前期（2026年9月）']);
    expect(monthLabel('2019-05', 'wareki')).toBe('令和元年5月');
    expect(monthLabel('2019-04', 'wareki')).toBe('平成31年4月');
    expect(yearLabel('2027-01', 'wareki')).toBe('令和9年');
    expect(yearLabel('2027-01')).toBe('2027年');
  });
});
