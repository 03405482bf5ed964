import { groundLabels, outcomeLabel, type Decision } from './decisions';
import {
  channelLabels,
  kindInfo,
  requesterTypeLabels,
  type Channel,
  type RequestKind,
  type RequesterType,
} from './intake/kinds';
import { dateCell, num, slashDate, type Cell } from './table';
import { outsideLawLabel, type OutsideLawCategory, type OutsideLawResponse } from './outside-law';
import { stateLabels, isState } from './workflow';

// The request ledger (開示等請求管理台帳, DOMAIN.md §7): one row per request, for Pマーク auditors;
// a masked variant (initials, prefecture only, no phone) for wider circulation.

export type LedgerEntry = {
  receiptNo: string;
  channel: Channel;
  arrivalDate: string;
  receivedBy: string;
  kinds: RequestKind[];
  requesterType: RequesterType;
  principal: { name: string; kana: string; address: string; phone: string };
  agentName: string;
  identity: string;
  feeDue: number;
  feeAccepted: number;
  cure: { requestedOn: string; dueDate: string; arrivedOn: string } | null;
  // 回答期限: the due date in force (法第39条, the SLA or an extension; DOMAIN.md §4).
  dueDate: string;
  decisions: { kind: RequestKind; decision: Pick<Decision, 'outcome' | 'grounds'> }[];
  approver: string;
  dispatches: { sentOn: string; method: string; trackingNo: string }[];
  closedOn: string;
  disposal: string;
  status: string;
  // Closed as outside the Act: the 決定 column says so, and no article stands in 根拠.
  outsideLaw?: { category: OutsideLawCategory; response: OutsideLawResponse } | null;
  // The 受付番号 of the other requests of the same 請求書 (split at intake).
  linked: string[];
};

export const ledgerHeader = [
  '受付番号',
  '受付方法',
  '到達日',
  '受付者',
  '請求の種類',
  '請求者の種別',
  '本人氏名',
  'フリガナ',
  '本人住所',
  '本人電話番号',
  '代理人氏名',
  '本人確認の結果',
  '手数料 必要額（円）',
  '手数料 受領額（円）',
  '補正の依頼日',
  '補正の期限',
  '補正の到着日',
  '回答期限',
  '決定',
  '根拠',
  '承認者',
  '回答日',
  '発送（日付・方法・追跡番号）',
  '終了日',
  '本人確認書類の写し',
  '状態',
  '同じ請求書の他の請求',
] as const;

const PREFECTURE = /^(東京都|北海道|(?:京都|大阪)府|[^都道府県\s]{2,3}県)/u;
const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

// 山田 太郎 → 山. 太.  (the first character of each part of the name)
export function initials(name: string): string {
  return name
    .trim()
    .split(/[\s\u3000]+/u)
    .filter(Boolean)
    .map((part) => `${graphemes.segment(part)[Symbol.iterator]().next().value?.segment ?? ''}.`)
    .join(' ');
}

export function prefectureOf(address: string): string {
  return PREFECTURE.exec(address.trim())?.[1] ?? '（非表示）';
}

// 回答日: the day the first letter went out, as the reports count it (reports/facts.ts).
const answeredOn = (e: LedgerEntry): string => e.dispatches.map((d) => d.sentOn).sort()[0] ?? '';

// Dates written inside free text (a dispatch, the disposal) in the same style as date cells.
const slashDates = (s: string) => s.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (d) => slashDate(d));

export function ledgerRow(e: LedgerEntry, masked: boolean): Cell[] {
  return [
    e.receiptNo,
    channelLabels[e.channel],
    dateCell(e.arrivalDate),
    e.receivedBy,
    e.kinds.map((k) => kindInfo[k].label).join('、'),
    requesterTypeLabels[e.requesterType],
    masked ? initials(e.principal.name) : e.principal.name,
    masked ? initials(e.principal.kana) : e.principal.kana,
    masked ? prefectureOf(e.principal.address) : e.principal.address,
    masked ? '' : e.principal.phone,
    masked && e.agentName ? initials(e.agentName) : e.agentName,
    e.identity,
    num(e.feeDue, '円'),
    num(e.feeAccepted, '円'),
    dateCell(e.cure?.requestedOn),
    dateCell(e.cure?.dueDate),
    dateCell(e.cure?.arrivedOn),
    dateCell(e.dueDate),
    e.outsideLaw
      ? outsideLawLabel(e.outsideLaw)
      : e.decisions.map((d) => `${kindInfo[d.kind].label}: ${outcomeLabel(d.kind, d.decision.outcome)}`).join('\n'),
    e.outsideLaw ? '' : e.decisions.flatMap((d) => d.decision.grounds.map((g) => groundLabels[g])).join('\n'),
    e.approver,
    dateCell(answeredOn(e)),
    e.dispatches.map((d) => [slashDate(d.sentOn), d.method, d.trackingNo].filter(Boolean).join(' ')).join('\n'),
    dateCell(e.closedOn),
    slashDates(e.disposal),
    isState(e.status) ? stateLabels[e.status] : e.status,
    e.linked.join('\n'),
  ];
}

export type LedgerColumn = (typeof ledgerHeader)[number];

// The printed ledger (the first sheet of the XLSX): the columns an auditor checks a request by
// (who asked for what, identity, fee, the deadline and when it was answered, the decision, its
// grounds and approval, and where the request stands), each with the widest it may print (Excel's units; longer text wraps), so
// that the table fits across A4 landscape at about full size. The full sheet keeps every column.
export const ledgerPrintColumns: readonly { column: LedgerColumn; maxWidth: number }[] = [
  { column: '受付番号', maxWidth: 12 },
  { column: '到達日', maxWidth: 12 },
  { column: '請求の種類', maxWidth: 11 },
  { column: '請求者の種別', maxWidth: 11 },
  { column: '本人氏名', maxWidth: 11 },
  { column: '本人確認の結果', maxWidth: 8 },
  { column: '手数料 受領額（円）', maxWidth: 9 },
  { column: '回答期限', maxWidth: 12 },
  { column: '決定', maxWidth: 16 },
  { column: '根拠', maxWidth: 18 },
  { column: '承認者', maxWidth: 12 },
  { column: '回答日', maxWidth: 12 },
  { column: '状態', maxWidth: 10 },
];

// The printed ledger's header and rows, from the full ledger's.
export function ledgerPrintTable(rows: readonly (readonly Cell[])[]): {
  header: LedgerColumn[];
  rows: Cell[][];
  maxWidths: number[];
} {
  const at = ledgerPrintColumns.map((c) => ledgerHeader.indexOf(c.column));
  return {
    header: ledgerPrintColumns.map((c) => c.column),
    rows: rows.map((r) => at.map((i) => r[i] ?? '')),
    maxWidths: ledgerPrintColumns.map((c) => c.maxWidth),
  };
}
