import { sql, type SqlBool } from 'kysely';
import type { RequestKind } from '../../../../core/domain/intake/kinds';
import { preparedShapes, type ValueSlot } from '../prepared-query';
import type { Q } from '../store';
import {
  among,
  COUNT_CAP,
  countQuery,
  listed,
  orders,
  pageQuery,
  summaryPage,
  type SummaryPage,
  type Term,
} from './request-lists';
import { kindBits } from './request-lists-kinds';

// The lists' way in for the services (the dashboard and the searches are in request-lists.ts).
export { dashboardPages, searchByKana, searchByReceiptNo } from './request-lists';

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

type TermColumn = 'r.channel' | 'r.arrival_date' | 'r.due_date';
type PrefixColumn = 'r.receipt_no' | 'r.search_kana' | 'r.search_name';

// The form of a list's query (which filters are set, the states and kind asked for, the order):
// each form is prepared once (prepared-query.ts, preparedShapes). Its values come in `values`,
// in the order of `terms`, then two per prefix (from, to).
type ListShape = {
  statuses: readonly string[];
  overdueStatuses: readonly string[] | null;
  kind: RequestKind | null;
  terms: readonly (readonly [TermColumn, '=' | '>=' | '<=' | '<'])[];
  prefixes: readonly PrefixColumn[];
  sort: ListQuery['sort'];
};

function shapeOf(l: ListQuery): { shape: ListShape; values: string[] } {
  const values: string[] = [];
  const terms: [TermColumn, '=' | '>=' | '<=' | '<'][] = [];
  // One WHERE term per filter that is set, with its value.
  const term = (column: TermColumn, op: '=' | '>=' | '<=' | '<', v: string | null) => {
    if (v === null) return;
    terms.push([column, op]);
    values.push(v);
  };
  term('r.channel', '=', l.channel);
  term('r.arrival_date', '>=', l.from);
  term('r.arrival_date', '<=', l.to);
  term('r.due_date', '<', l.overdueBefore);
  // 受付番号, フリガナ or 氏名 starting with the query: ranges, so each can use its index.
  const prefixes: PrefixColumn[] = [];
  for (const [column, v] of [
    ['r.receipt_no', l.receiptPrefix],
    ['r.search_kana', l.kanaPrefix],
    ['r.search_name', l.namePrefix],
  ] as const) {
    if (!v) continue;
    prefixes.push(column);
    values.push(v, `${v}\uffff`);
  }
  const shape: ListShape = {
    statuses: l.statuses,
    overdueStatuses: l.overdueBefore !== null ? l.overdueStatuses : null,
    kind: l.kind,
    terms,
    prefixes,
    sort: l.sort,
  };
  return { shape, values };
}

function whereOf(s: ListShape, slot: ValueSlot): Term[] {
  const where: Term[] = [];
  if (s.statuses.length > 0) where.push((eb) => among(eb, s.statuses));
  const overdue = s.overdueStatuses;
  if (overdue !== null) where.push((eb) => among(eb, overdue));
  // The kinds asked for, as bits kept on the request (migration 0020): read from the list's
  // indexes, with no probe of request_items per candidate row.
  const kind = s.kind;
  if (kind !== null) where.push((eb) => sql<SqlBool>`(${eb.ref('r.kind_mask')} & ${kindBits[kind]}) <> 0`);
  let i = 0;
  for (const [column, op] of s.terms) {
    const v = slot(i++);
    where.push((eb) => eb(column, op, v));
  }
  if (s.prefixes.length > 0) {
    const ranges = s.prefixes.map((column) => [column, slot(i++), slot(i++)] as const);
    where.push((eb) =>
      eb.or(ranges.map(([column, from, to]) => eb.and([eb(column, '>=', from), eb(column, '<', to)]))),
    );
  }
  return listed(where);
}

const valueCount = (s: ListShape) => s.terms.length + 2 * s.prefixes.length;
const listCount = preparedShapes((q, s: ListShape, slot) => countQuery(q, whereOf(s, slot), slot(valueCount(s))));
const listPage = preparedShapes((q, s: ListShape, slot) =>
  pageQuery(q, whereOf(s, slot), orders[s.sort], slot(valueCount(s)), slot(valueCount(s) + 1)),
);

// One page of the list, with the total (exact up to COUNT_CAP past the page; `capped` when there
// are more).
export async function listRequests(q: Q, l: ListQuery): Promise<SummaryPage> {
  const { shape, values } = shapeOf(l);
  const cap = Math.max(COUNT_CAP, l.offset + l.limit);
  const counted = (await listCount(q, shape, [...values, cap + 1])).rows[0]?.counted ?? 0;
  return summaryPage(counted, (await listPage(q, shape, [...values, l.limit, l.offset])).rows, cap);
}
