import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { RequestSummary } from '../../../../core/contract';
import type { RequestKind, RequesterType } from '../../../../core/domain/intake/kinds';
import { Party } from '../../../../core/domain/intake/request';
import type { Schema } from '../schema';
import { preparedQuery, type Scalar } from '../prepared-query';
import { engineOf, type Engine, type Q } from '../store';

// Lists of requests as summaries: search by 受付番号 or フリガナ, the
// filtered and paged request list, and the dashboard. Rows are mapped to RequestSummary here.
//
// Text is compared and sorted by code point on both engines (the prefix ranges below rely on
// it, and the order of 受付番号 and フリガナ must not change with the engine): SQLite always does;
// PostgreSQL does because its schema declares every text column COLLATE "C" (migration
// 0022-postgres-baseline), whatever the database's locale. The queries do not say COLLATE "C"
// themselves: an index serves a comparison only in its own collation, which is the column's.
// request-lists.test.ts fails on columns of another collation.

export type SummaryPage = { rows: RequestSummary[]; total: number; capped: boolean };

type R = Schema & { r: Schema['requests'] };
export type Term = (eb: ExpressionBuilder<R, 'r'>) => Expression<SqlBool>;
type Select<O> = SelectQueryBuilder<R, 'r', O>;

// The kinds of request `r`, comma-separated, in the order of request_items' key (request_id, kind):
// SQLite's group_concat reads them in that order through the key; PostgreSQL's string_agg is
// told the same order (by code point, as SQLite compares).
export function kindsOf(q: Q) {
  return (eb: ExpressionBuilder<R, 'r'>) =>
    eb
      .selectFrom('request_items as i')
      .select(
        engineOf(q) === 'sqlite'
          ? sql<string>`group_concat(${sql.ref('i.kind')})`.as('kinds')
          : sql<string>`string_agg(${sql.ref('i.kind')}, ',' order by ${sql.ref('i.kind')} collate "C")`.as('kinds'),
      )
      .whereRef('i.request_id', '=', 'r.id')
      .as('kinds');
}

// Every column of a summary (principal and kinds by subqueries), for a WHERE of the caller's.
export function summaries(q: Q) {
  return q
    .selectFrom('requests as r')
    .select((eb) => [
      'r.id',
      'r.receipt_no',
      'r.arrival_date',
      'r.status',
      'r.requester_type',
      'r.channel',
      'r.due_date',
      'r.cure_due',
      'r.closed_on',
      eb
        .selectFrom('request_parties as p')
        .select('p.data')
        .whereRef('p.request_id', '=', 'r.id')
        .where('p.role', '=', 'principal')
        .as('principal'),
      kindsOf(q)(eb),
    ]);
}

// A list's order: columns with their direction. SQLite puts NULL first in ascending order and last
// in descending; PostgreSQL the other way round, so there it is said for the columns that can be
// NULL (the dashboard's pages exclude NULL, the list sorted by due date does not).
export type Order = readonly (
  readonly [column: 'r.arrival_date' | 'r.receipt_no' | 'r.search_kana', 'asc' | 'desc'] | Nullable
)[];
type Nullable = readonly [column: 'r.due_date' | 'r.closed_on' | 'r.cure_due', 'asc' | 'desc', 'nullable'];

export const orders = {
  arrivalDesc: [
    ['r.arrival_date', 'desc'],
    ['r.receipt_no', 'desc'],
  ],
  arrivalAsc: [
    ['r.arrival_date', 'asc'],
    ['r.receipt_no', 'asc'],
  ],
  dueAsc: [
    ['r.due_date', 'asc', 'nullable'],
    ['r.receipt_no', 'asc'],
  ],
  cureAsc: [
    ['r.cure_due', 'asc', 'nullable'],
    ['r.receipt_no', 'asc'],
  ],
} as const satisfies Record<string, Order>;

function ordered<O>(engine: Engine, order: Order) {
  return (qb: Select<O>): Select<O> => {
    for (const [column, direction, nullable] of order) {
      qb =
        engine === 'postgres' && nullable
          ? qb.orderBy(column, (ob) => (direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
          : qb.orderBy(column, direction);
    }
    return qb;
  };
}

// WHERE terms joined with AND.
const filtered =
  (where: readonly Term[]) =>
  <O>(qb: Select<O>): Select<O> =>
    where.reduce((acc, term) => acc.where(term), qb);

// The summaries of one page: the page's rows are chosen first by their sort keys alone, then
// only those get their principal and kinds. SQLite computes a row's result columns (the two
// subqueries included) before sorting, so selecting summaries directly computed them for every
// match of a broad filter — thousands for a common surname — to keep 50.
// SQLite picks the page by rowid, which every index holds (the choice reads only the index);
// PostgreSQL has no rowid and picks it by the primary key.
export function pageQuery(q: Q, where: readonly Term[], order: Order, limit: number, offset: number) {
  const engine = engineOf(q);
  const key = engine === 'sqlite' ? sql<string>`r.rowid` : sql<string>`r.id`;
  return summaries(q)
    .where(key, 'in', (eb) =>
      eb
        .selectFrom('requests as r')
        .select(key.as('k'))
        .$call(filtered(where))
        .$call(ordered(engine, order))
        .limit(limit)
        .offset(offset),
    )
    .$call(ordered(engine, order));
}

// Prefix search on an indexed column through a range (LIKE would not use the index).
const receiptSearch = preparedQuery((q, from: string, to: string, limit: number) =>
  pageQuery(
    q,
    [
      (eb) => eb('r.receipt_no', '>=', from),
      (eb) => eb('r.receipt_no', '<', to),
      (eb) => eb('r.purged_at', 'is', null),
    ],
    [['r.receipt_no', 'desc']],
    limit,
    0,
  ),
);
export async function searchByReceiptNo(q: Q, prefix: string, limit: number): Promise<RequestSummary[]> {
  return rows((await receiptSearch(q, prefix, `${prefix}\uffff`, limit)).rows);
}

const kanaSearch = preparedQuery((q, from: string, to: string, limit: number) =>
  pageQuery(
    q,
    [
      (eb) => eb('r.search_kana', '>=', from),
      (eb) => eb('r.search_kana', '<', to),
      (eb) => eb('r.purged_at', 'is', null),
    ],
    [
      ['r.search_kana', 'asc'],
      ['r.arrival_date', 'desc'],
    ],
    limit,
    0,
  ),
);
export async function searchByKana(q: Q, prefix: string, limit: number): Promise<RequestSummary[]> {
  return rows((await kanaSearch(q, prefix, `${prefix}\uffff`, limit)).rows);
}

// `status IN values` (or NOT IN); an empty list is ('') as before: no status is ''.
export const among = (eb: ExpressionBuilder<R, 'r'>, values: readonly string[], op: 'in' | 'not in' = 'in') =>
  eb('r.status', op, values.length > 0 ? values : ['']);

// Counting stops here: a list says "1,000件以上" rather than walk 100,000 rows for an exact
// figure nobody pages through (the reports count exactly).
export const COUNT_CAP = 1000;

// One page of summaries for WHERE terms (joined with AND), with the total (exact up to
// COUNT_CAP past the page; `capped` when there are more).
// Tombstones of purged requests are counted by the reports, never listed.
export const listed = (where: readonly Term[]): Term[] => [...where, (eb) => eb('r.purged_at', 'is', null)];
// How many rows match, counting no further than `upTo`.
export const countQuery = (q: Q, where: readonly Term[], upTo: number) =>
  q
    .selectFrom((eb) =>
      eb.selectFrom('requests as r').select(sql.lit(1).as('one')).$call(filtered(where)).limit(upTo).as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('counted'));
export const summaryPage = (counted: number, found: readonly SummaryRow[], cap: number): SummaryPage => ({
  rows: rows(found),
  total: Math.min(counted, cap),
  capped: counted > cap,
});

// A dashboard page, prepared once (prepared-query.ts): the dashboard runs a dozen such queries
// on every visit. The arguments are its WHERE terms' values.
function preparedPage<A extends Scalar[]>(where: (...args: A) => Term[], order: Order) {
  const count = preparedQuery((q, upTo: number, ...args: A) => countQuery(q, listed(where(...args)), upTo));
  const found = preparedQuery((q, limit: number, ...args: A) => pageQuery(q, listed(where(...args)), order, limit, 0));
  return async (q: Q, limit: number, ...args: A): Promise<SummaryPage> => {
    const cap = Math.max(COUNT_CAP, limit);
    const counted = (await count(q, cap + 1, ...args)).rows[0]?.counted ?? 0;
    return summaryPage(counted, (await found(q, limit, ...args)).rows, cap);
  };
}

// The dashboard's lists, each a first page: answers overdue, due today and due in the coming
// days, requests not yet started (受付・確認中), 補正 awaited (by their date), requests waiting
// for this approver (not their own), and open requests under suspicion.
export type DashboardPages = Record<
  'overdue' | 'dueToday' | 'dueThisWeek' | 'newArrivals' | 'awaitingCure' | 'awaitingMyApproval' | 'suspected',
  SummaryPage
>;
export async function dashboardPages(
  q: Q,
  d: {
    today: string;
    weekEnd: string;
    // States whose due date can pass (workflow's overdueStates), and those not yet started.
    open: readonly string[];
    fresh: readonly string[];
    approverId: string | null;
    limit: number;
  },
): Promise<DashboardPages> {
  const p = dashboardQueries(d.open, d.fresh);
  const { approverId, limit } = d;
  return {
    overdue: await p.overdue(q, limit, d.today),
    dueToday: await p.dueOn(q, limit, d.today),
    dueThisWeek: await p.dueAfter(q, limit, d.today, d.weekEnd),
    newArrivals: await p.newArrivals(q, limit),
    awaitingCure: await p.awaitingCure(q, limit),
    awaitingMyApproval:
      approverId === null ? { rows: [], total: 0, capped: false } : await p.awaitingMyApproval(q, limit, approverId),
    suspected: await p.suspected(q, limit),
  };
}

// The dashboard's queries for its lists of states (the app's are fixed: one set in practice).
const dashboards = new Map<string, ReturnType<typeof makeDashboardQueries>>();
function dashboardQueries(open: readonly string[], fresh: readonly string[]) {
  const key = JSON.stringify([open, fresh]);
  let found = dashboards.get(key);
  if (!found) {
    found = makeDashboardQueries(open, fresh);
    dashboards.set(key, found);
  }
  return found;
}

function makeDashboardQueries(open: readonly string[], fresh: readonly string[]) {
  return {
    overdue: preparedPage(
      (today: string): Term[] => [(eb) => among(eb, open), (eb) => eb('r.due_date', '<', today)],
      orders.dueAsc,
    ),
    dueOn: preparedPage(
      (day: string): Term[] => [(eb) => among(eb, open), (eb) => eb('r.due_date', '=', day)],
      orders.dueAsc,
    ),
    // Due after `after`, up to and including `upTo`.
    dueAfter: preparedPage(
      (after: string, upTo: string): Term[] => [
        (eb) => among(eb, open),
        (eb) => eb('r.due_date', '>', after),
        (eb) => eb('r.due_date', '<=', upTo),
      ],
      orders.dueAsc,
    ),
    // Oldest first: the desk starts with what has waited longest.
    newArrivals: preparedPage((): Term[] => [(eb) => among(eb, fresh)], orders.arrivalAsc),
    // Every 補正 awaited, the nearest (or most overdue) date first. A request always has its
    // cure_due while it awaits a 補正.
    awaitingCure: preparedPage(
      (): Term[] => [(eb) => eb('r.status', '=', 'awaitingCure'), (eb) => eb('r.cure_due', 'is not', null)],
      orders.cureAsc,
    ),
    awaitingMyApproval: preparedPage(
      (approverId: string): Term[] => [
        (eb) => eb('r.status', '=', 'awaitingApproval'),
        // Submitted by someone else, or by no one recorded (NULL): SQLite's `IS NOT`.
        (eb) => eb('r.submitted_by', 'is distinct from', approverId),
        (eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('request_decisions as d')
                .select(sql.lit(1).as('one'))
                .whereRef('d.request_id', '=', 'r.id')
                .where('d.drafted_by', '=', approverId),
            ),
          ),
      ],
      orders.dueAsc,
    ),
    suspected: preparedPage(
      (): Term[] => [(eb) => eb('r.suspicion_json', 'is not', null), (eb) => eb('r.closed_on', 'is', null)],
      orders.arrivalAsc,
    ),
  };
}

export type SummaryRow = {
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

export function toSummary(r: SummaryRow): RequestSummary {
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

const rows = (found: readonly SummaryRow[]): RequestSummary[] => found.map(toSummary);
