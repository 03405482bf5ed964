import type { RequestSummary } from '../../../../core/contract';
import type { RequestKind, RequesterType } from '../../../../core/domain/intake/kinds';
import { Party } from '../../../../core/domain/intake/request';
import { prepared, type Db } from '../connection';
import { kindBits } from './request-lists-kinds';

// Lists of requests as summaries: search by 受付番号 or フリガナ, possible duplicates, the
// filtered and paged request list, and the dashboard. Rows are mapped to RequestSummary here.

export type SummaryPage = { rows: RequestSummary[]; total: number; capped: boolean };

type SummaryRow = {
  id: string;
  receipt_no: string;
  arrival_date: string;
  status: string;
  requester_type: string;
  channel: string;
  due_date: string | null;
  cure_due: string | null;
  closed_on: string | null;
  principal: string | null;
  kinds: string | null;
};

const SUMMARY = `
  SELECT r.id, r.receipt_no, r.arrival_date, r.status, r.requester_type, r.channel, r.due_date, r.cure_due, r.closed_on,
    (SELECT data FROM request_parties p WHERE p.request_id = r.id AND p.role = 'principal') AS principal,
    (SELECT group_concat(kind) FROM request_items i WHERE i.request_id = r.id) AS kinds
  FROM requests r`;

// The summaries of one page: the page's rows are chosen first by their sort keys alone, then
// only those get their principal and kinds. SQLite computes a row's result columns (the two
// subqueries included) before sorting, so selecting summaries directly computed them for every
// match of a broad filter — thousands for a common surname — to keep 50.
function pageSql(clause: string, order: string): string {
  return `${SUMMARY} WHERE r.rowid IN (SELECT r.rowid FROM requests r ${clause} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`;
}

// Prefix search on an indexed column through a range (LIKE would not use the index).
export function searchByReceiptNo(db: Db, prefix: string, limit: number): RequestSummary[] {
  return rows(
    prepared(
      db,
      pageSql('WHERE r.receipt_no >= ? AND r.receipt_no < ? AND r.purged_at IS NULL', 'r.receipt_no DESC'),
    ).all(prefix, `${prefix}\uffff`, limit, 0),
  );
}

export function searchByKana(db: Db, prefix: string, limit: number): RequestSummary[] {
  return rows(
    prepared(
      db,
      pageSql(
        'WHERE r.search_kana >= ? AND r.search_kana < ? AND r.purged_at IS NULL',
        'r.search_kana, r.arrival_date DESC',
      ),
    ).all(prefix, `${prefix}\uffff`, limit, 0),
  );
}

export function findPossibleDuplicates(
  db: Db,
  key: { name: string; birth: string | null; kana: string; phone: string | null },
  closedStatuses: readonly string[],
): RequestSummary[] {
  const closed = closedStatuses.map(() => '?').join(', ') || "''";
  return rows(
    prepared(
      db,
      `${SUMMARY} WHERE r.status NOT IN (${closed}) AND (
        (r.search_name = ? AND r.search_birth IS NOT NULL AND r.search_birth = ?)
        OR (r.search_kana = ? AND r.search_phone IS NOT NULL AND r.search_phone = ?))
      ORDER BY r.arrival_date DESC LIMIT 20`,
    ).all(...closedStatuses, key.name, key.birth, key.kana, key.phone),
  );
}

// The request list: filters become WHERE terms on indexed columns; the page is ordered and cut
// in SQL, and the total counted with the same terms.
export type ListQuery = {
  statuses: readonly string[];
  kind: RequestKind | null;
  channel: string | null;
  from: string | null;
  to: string | null;
  overdueBefore: string | null;
  overdueStatuses: readonly string[];
  receiptPrefix: string | null;
  kanaPrefix: string | null;
  namePrefix: string | null;
  sort: 'arrivalDesc' | 'arrivalAsc' | 'dueAsc';
  offset: number;
  limit: number;
};

export function listRequests(db: Db, q: ListQuery): SummaryPage {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly string[]) => {
    where.push(`${col} IN (${placeholders(values)})`);
    params.push(...values);
  };
  if (q.statuses.length > 0) inList('r.status', q.statuses);
  if (q.overdueBefore !== null) inList('r.status', q.overdueStatuses);
  // One WHERE term per filter that is set, with its parameter.
  const term = (sql: string, value: string | null) => {
    if (value === null) return;
    where.push(sql);
    params.push(value);
  };
  // The kinds asked for, as bits kept on the request (migration 0020): read from the list's
  // indexes, with no probe of request_items per candidate row.
  if (q.kind !== null) {
    where.push('r.kind_mask & ? <> 0');
    params.push(kindBits[q.kind]);
  }
  term('r.channel = ?', q.channel);
  term('r.arrival_date >= ?', q.from);
  term('r.arrival_date <= ?', q.to);
  term('r.due_date < ?', q.overdueBefore);
  // 受付番号, フリガナ or 氏名 starting with the query: ranges, so each can use its index.
  const alternatives: string[] = [];
  for (const [col, value] of [
    ['r.receipt_no', q.receiptPrefix],
    ['r.search_kana', q.kanaPrefix],
    ['r.search_name', q.namePrefix],
  ] as const) {
    if (!value) continue;
    alternatives.push(`(${col} >= ? AND ${col} < ?)`);
    params.push(value, `${value}\uffff`);
  }
  if (alternatives.length) where.push(`(${alternatives.join(' OR ')})`);
  return pageOf(db, where, params, orders[q.sort], q.limit, q.offset);
}

const orders = {
  arrivalDesc: 'r.arrival_date DESC, r.receipt_no DESC',
  arrivalAsc: 'r.arrival_date ASC, r.receipt_no ASC',
  dueAsc: 'r.due_date ASC, r.receipt_no ASC',
  closedDesc: 'r.closed_on DESC, r.receipt_no DESC',
  cureAsc: 'r.cure_due ASC, r.receipt_no ASC',
} as const;

// Counting stops here: a list says "1,000件以上" rather than walk 100,000 rows for an exact
// figure nobody pages through (the reports count exactly).
export const COUNT_CAP = 1000;

// One page of summaries for WHERE terms (joined with AND) and their parameters, with the total
// (exact up to COUNT_CAP past the page; `capped` when there are more).
function pageOf(
  db: Db,
  where: readonly string[],
  params: readonly unknown[],
  order: (typeof orders)[keyof typeof orders],
  limit: number,
  offset = 0,
): SummaryPage {
  // Tombstones of purged requests are counted by the reports, never listed.
  const clause = `WHERE ${[...where, 'r.purged_at IS NULL'].join(' AND ')}`;
  const cap = Math.max(COUNT_CAP, offset + limit);
  const counted = prepared(db, `SELECT count(*) FROM (SELECT 1 FROM requests r ${clause} LIMIT ?)`)
    .pluck()
    .get(...params, cap + 1) as number;
  const page = prepared(db, pageSql(clause, order)).all(...params, limit, offset);
  return { rows: rows(page), total: Math.min(counted, cap), capped: counted > cap };
}

export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ') || "''";

// The dashboard's lists, each a first page: answers overdue or due soon, 補正 past their date,
// requests waiting for this approver (not their own), and the recently completed.
export function dashboardPages(
  db: Db,
  q: {
    today: string;
    soon: string;
    recentSince: string;
    pending: readonly string[];
    overdue: readonly string[];
    approverId: string | null;
    limit: number;
  },
): Record<
  'overdue' | 'dueSoon' | 'cureOverdue' | 'awaitingMyApproval' | 'recentlyCompleted' | 'suspected',
  SummaryPage
> {
  const page = (where: string[], params: unknown[], order: (typeof orders)[keyof typeof orders]) =>
    pageOf(db, where, params, order, q.limit);
  const pending = `r.status IN (${placeholders(q.pending)})`;
  return {
    overdue: page(
      [`r.status IN (${placeholders(q.overdue)})`, 'r.due_date < ?'],
      [...q.overdue, q.today],
      orders.dueAsc,
    ),
    dueSoon: page([pending, 'r.due_date >= ?', 'r.due_date <= ?'], [...q.pending, q.today, q.soon], orders.dueAsc),
    cureOverdue: page(["r.status = 'awaitingCure'", 'r.cure_due < ?'], [q.today], orders.cureAsc),
    awaitingMyApproval:
      q.approverId === null
        ? { rows: [], total: 0, capped: false }
        : page(
            [
              "r.status = 'awaitingApproval'",
              'r.submitted_by IS NOT ?',
              'NOT EXISTS (SELECT 1 FROM request_decisions d WHERE d.request_id = r.id AND d.drafted_by = ?)',
            ],
            [q.approverId, q.approverId],
            orders.dueAsc,
          ),
    recentlyCompleted: page(["r.status = 'completed'", 'r.closed_on >= ?'], [q.recentSince], orders.closedDesc),
    suspected: page(['r.suspicion_json IS NOT NULL', 'r.closed_on IS NULL'], [], orders.arrivalAsc),
  };
}

function toSummary(r: SummaryRow): RequestSummary {
  const principal = Party.parse(JSON.parse(r.principal ?? '{}'));
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    arrivalDate: r.arrival_date,
    status: r.status,
    requesterType: r.requester_type as RequesterType,
    principalName: principal.name,
    principalKana: principal.kana,
    kinds: (r.kinds ?? '').split(',').filter(Boolean) as RequestKind[],
    channel: r.channel as RequestSummary['channel'],
    dueDate: r.due_date,
    cureDue: r.cure_due,
    closedOn: r.closed_on,
  };
}

const rows = (found: unknown[]): RequestSummary[] => (found as SummaryRow[]).map(toSummary);
