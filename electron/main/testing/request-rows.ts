import { CompiledQuery, sql, type Insertable, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { emptyParty } from '../../../core/domain/intake/request';
import type { Schema } from '../db/schema';
import type { Engine, Q, Store } from '../db/store';

// Rows for repository tests of the request lists and reports, written with Kysely directly (what
// the foreign keys need and no more), and the plans of the queries a repository runs.

export const ACCOUNT = 'acc-1';

// The account and a bare request that another row's foreign key needs (repository tests of the
// rows that hang off a request: letters, records, packages, enclosures, form requests).
export async function seedRequest(q: Q, id: string, receiptNo = `R-${id}`): Promise<void> {
  const at = '2024-04-01T09:00:00.000Z';
  await q
    .insertInto('accounts')
    .values({ id: 'acct', login_name: 'acct', display_name: '担当', created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await q
    .insertInto('requests')
    .values({
      id,
      receipt_no: receiptNo,
      channel: 'mail',
      arrival_date: '2024-04-01',
      received_by: 'acct',
      requester_type: 'principal',
      answer_to: 'principal',
      delivery: 'mail',
      status: 'received',
      search_kana: '',
      search_name: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function insertAccount(q: Q, id = ACCOUNT): Promise<void> {
  await q
    .insertInto('accounts')
    .values({ id, login_name: id, display_name: id, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01' })
    .execute();
}

export type RequestRow = Insertable<Schema['requests']>;

let serial = 0;

// A request with the columns every request has; `over` sets the ones a test looks at. Its
// principal (for the summaries) is written unless `principal: null`.
export async function insertRequest(
  q: Q,
  over: Partial<RequestRow> & { principal?: { name: string; kana: string } | null; kinds?: readonly string[] } = {},
): Promise<string> {
  const { principal, kinds, ...columns } = over;
  serial += 1;
  const id = columns.id ?? `req-${String(serial).padStart(5, '0')}`;
  await q
    .insertInto('requests')
    .values({
      id,
      receipt_no: `R${String(serial).padStart(6, '0')}`,
      channel: 'post',
      arrival_date: '2026-10-01',
      received_by: ACCOUNT,
      requester_type: 'principal',
      answer_to: 'principal',
      delivery: 'post',
      status: 'received',
      search_kana: 'ヤマダタロウ',
      search_name: '山田太郎',
      created_at: '2026-10-01T09:00:00Z',
      updated_at: '2026-10-01T09:00:00Z',
      ...columns,
    })
    .execute();
  if (principal !== null) {
    const party = { ...emptyParty, name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都千代田区', ...principal };
    await q
      .insertInto('request_parties')
      .values({ request_id: id, role: 'principal', data: JSON.stringify(party) })
      .execute();
  }
  for (const kind of kinds ?? []) await insertItem(q, id, kind);
  return id;
}

export async function insertItem(q: Q, requestId: string, kind: string): Promise<void> {
  await q.insertInto('request_items').values({ request_id: requestId, kind, details: '{}' }).execute();
}

// Every request goes (and with it, by ON DELETE CASCADE, its parts and report facts), so each
// test starts from an empty list.
export async function clearRequests(q: Q): Promise<void> {
  await q.deleteFrom('requests').execute();
  await q.deleteFrom('report_facts_stale').execute();
}

// The queries a repository function runs: `q` records them (it runs them as well).
export function recording(store: Store): { q: Q; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const executor = store.q.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }): RootOperationNode => {
      queries.push(executor.compileQuery(node, queryId));
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  return { q: store.q.withPlugin(plugin), queries };
}

// The plan of a query, one line per step, indented under the step it belongs to. SQLite: EXPLAIN
// QUERY PLAN's details. PostgreSQL: its
// EXPLAIN with sequential scans disabled — a test table of a few rows is read faster whole, so
// the planner's natural choice says nothing; with them disabled, a sequential scan still shows
// when no index can serve the query (the question these tests ask).
export async function planOf(store: Store, engine: Engine, query: CompiledQuery): Promise<string[]> {
  if (engine === 'sqlite') {
    const { rows } = await store.q.executeQuery(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    );
    const depth = new Map<number, number>([[0, -1]]);
    return (rows as { id: number; parent: number; detail: string }[]).map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
  }
  return store.transaction(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const { rows } = await tx.executeQuery(
      CompiledQuery.raw(`EXPLAIN (COSTS OFF) ${query.sql}`, [...query.parameters]),
    );
    return (rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
  });
}

// The step of a plan whose line matches `pattern`, with the steps under it.
export function stepOf(plan: readonly string[], pattern: RegExp): string[] {
  const at = plan.findIndex((l) => pattern.test(l));
  if (at < 0) return [];
  const indent = (l: string) => l.length - l.trimStart().length;
  const end = plan.findIndex((l, i) => i > at && indent(l) <= indent(plan[at] ?? ''));
  return plan.slice(at, end < 0 ? undefined : end);
}
