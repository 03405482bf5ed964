import { sql } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { requestKinds, type RequestKind } from '../../../../core/domain/intake/kinds';
import { emptyParty } from '../../../../core/domain/intake/request';
import { forEachEngine } from '../../testing/stores';
import {
  ACCOUNT,
  clearRequests,
  insertAccount,
  insertItem,
  insertRequest,
  planOf,
  recording,
  stepOf,
  type RequestRow,
} from '../../testing/request-rows';
import { listRequests, type ListQuery } from './request-list';
import { COUNT_CAP, dashboardPages, searchByKana, searchByReceiptNo } from './request-lists';
import { kindBits } from './request-lists-kinds';

const ALL: ListQuery = {
  statuses: [],
  kind: null,
  channel: null,
  from: null,
  to: null,
  overdueBefore: null,
  overdueStatuses: [],
  receiptPrefix: null,
  kanaPrefix: null,
  namePrefix: null,
  sort: 'arrivalDesc',
  offset: 0,
  limit: 50,
};

forEachEngine('request lists', (store, engine) => {
  const q = () => store().q;
  const list = (over: Partial<ListQuery>) => listRequests(q(), { ...ALL, ...over });
  const ids = (page: { rows: { id: string }[] } | { id: string }[]) =>
    ('rows' in page ? page.rows : page).map((r) => r.id);
  const add = (over: Parameters<typeof insertRequest>[1] = {}) => insertRequest(q(), over);

  beforeAll(() => insertAccount(q()));
  beforeEach(() => clearRequests(q()));

  // The list counts and chooses its page from indexes alone: a broad filter on a vault larger
  // than the page cache would otherwise read thousands of scattered table rows.
  it('counts and pages by step, channel, period and kind from the list indexes', async () => {
    await add({ channel: 'fax', status: 'completed', kinds: ['disclosure'] });
    // PostgreSQL plans by its statistics and by which pages are all-visible (without them it
    // would not count from an index alone): the table is vacuumed and analysed first.
    if (engine === 'postgres') await sql`vacuum analyze requests`.execute(q());
    const filters: Partial<ListQuery>[] = [
      { statuses: ['completed'], channel: 'fax' },
      { channel: 'fax', from: '2026-01-01', to: '2026-12-31' },
      { kind: 'disclosure', channel: 'fax', from: '2026-01-01' },
      { kind: 'disclosure' },
    ];
    for (const filter of filters) {
      const { q: recorded, queries } = recording(store());
      await listRequests(recorded, { ...ALL, ...filter });
      expect(queries).toHaveLength(2);
      for (const query of queries) {
        const plan = (await planOf(store(), engine, query)).join(' / ');
        if (engine === 'sqlite') expect(plan).toMatch(/USING COVERING INDEX requests_(status|channel|arrival)/);
        else {
          expect(plan).not.toMatch(/Seq Scan on requests/);
          // The count reads the index alone; the page is chosen along an index, then looked up
          // by primary key (PostgreSQL has no rowid in its indexes).
          expect(plan).toMatch(
            query.sql.startsWith('select count')
              ? /Index Only Scan using requests_(status|channel|arrival) on requests/
              : /Index Scan (Backward )?using requests_(status|channel|arrival) on requests/,
          );
        }
      }
    }
  });

  it('pages in order with the summaries of the page only', async () => {
    const made: string[] = [];
    for (let d = 1; d <= 7; d++)
      made.push(await add({ arrival_date: `2026-10-0${d}`, kinds: ['purpose', 'disclosure'] }));
    const first = await list({ limit: 3 });
    const second = await list({ limit: 3, offset: 3 });
    expect([...ids(first), ...ids(second)]).toEqual(made.slice().reverse().slice(0, 6));
    expect(first.rows[0]?.principalName).toBe('山田 太郎');
    expect(first.rows[0]?.principalKana).toBe('ヤマダ タロウ');
    // In the order of the items' key, whatever order they were written in.
    expect(first.rows[0]?.kinds).toEqual(['disclosure', 'purpose']);
    expect(first).toMatchObject({ total: 7, capped: false });
    expect(ids(await list({ sort: 'arrivalAsc', limit: 2 }))).toEqual(made.slice(0, 2));
  });

  it('keeps the kinds of each request as bits, whatever writes its items', async () => {
    const id = await add({ kinds: ['disclosure', 'purpose'] });
    const mask = async () =>
      (await q().selectFrom('requests').select('kind_mask').where('id', '=', id).executeTakeFirstOrThrow()).kind_mask;
    const expected = async () =>
      (await q().selectFrom('request_items').select('kind').where('request_id', '=', id).execute()).reduce(
        (m, r) => m | kindBits[r.kind as RequestKind],
        0,
      );
    expect(await mask()).toBe(kindBits.disclosure | kindBits.purpose);
    await insertItem(q(), id, 'erasure');
    expect((await mask()) & kindBits.erasure).not.toBe(0);
    expect(await mask()).toBe(await expected());
    await q()
      .updateTable('request_items')
      .set({ kind: 'suspension' })
      .where('request_id', '=', id)
      .where('kind', '=', 'erasure')
      .execute();
    expect(await mask()).toBe(await expected());
    await q().deleteFrom('request_items').where('request_id', '=', id).where('kind', '=', 'suspension').execute();
    expect(await mask()).toBe(kindBits.disclosure | kindBits.purpose);
    expect((await list({ kind: 'disclosure' })).total).toBe(1);
    expect((await list({ kind: 'erasure' })).total).toBe(0);
  });

  it('gives every kind its own bit, and the kind filter finds a request of each kind and no other', async () => {
    const bits = requestKinds.map((k) => kindBits[k]);
    for (const bit of bits) expect(Number.isInteger(Math.log2(bit)), String(bit)).toBe(true);
    expect(new Set(bits).size).toBe(requestKinds.length);
    expect(Object.keys(kindBits).sort()).toEqual([...requestKinds].sort());
    // One request per kind, holding that kind alone (the mask comes from the triggers of
    // migration 0020).
    const made = new Map<RequestKind, string>();
    for (const kind of requestKinds) made.set(kind, await add({ kinds: [kind] }));
    for (const kind of requestKinds) expect(ids(await list({ kind })), kind).toEqual([made.get(kind)]);
  });

  it('filters by step, channel, period, due date and prefixes, never listing purged requests', async () => {
    const a = await add({ status: 'checking', channel: 'fax', arrival_date: '2026-09-30', due_date: '2026-10-10' });
    const b = await add({ status: 'drafting', channel: 'post', arrival_date: '2026-10-01', due_date: '2026-10-20' });
    const c = await add({
      status: 'completed',
      channel: 'fax',
      arrival_date: '2026-10-31',
      search_name: '佐藤花子',
      search_kana: 'サトウハナコ',
    });
    const d = await add({ status: 'received', channel: 'post', arrival_date: '2026-11-01', search_kana: 'ワダ' });
    await add({ status: 'checking', purged_at: '2026-11-01T00:00:00Z' });
    const set = async (over: Partial<ListQuery>) => new Set(ids(await list(over)));
    expect(await set({})).toEqual(new Set([a, b, c, d]));
    expect(await set({ statuses: ['checking', 'completed'] })).toEqual(new Set([a, c]));
    expect(await set({ channel: 'fax' })).toEqual(new Set([a, c]));
    expect(await set({ from: '2026-10-01', to: '2026-10-31' })).toEqual(new Set([b, c]));
    expect(await set({ overdueBefore: '2026-10-15', overdueStatuses: ['checking', 'drafting'] })).toEqual(new Set([a]));
    expect(await set({ overdueBefore: '2026-10-15', overdueStatuses: [] })).toEqual(new Set());
    const receipt = (
      await q().selectFrom('requests').select('receipt_no').where('id', '=', b).executeTakeFirstOrThrow()
    ).receipt_no;
    expect(await set({ receiptPrefix: receipt })).toEqual(new Set([b]));
    expect(await set({ receiptPrefix: receipt, namePrefix: '佐藤' })).toEqual(new Set([b, c]));
    expect(await set({ kanaPrefix: 'ヤマダ' })).toEqual(new Set([a, b]));
    expect(await set({ namePrefix: '佐' })).toEqual(new Set([c]));
    expect(await set({ namePrefix: '藤' })).toEqual(new Set());
  });

  it('sorts by due date with requests without one first, as SQLite sorts NULL', async () => {
    const late = await add({ due_date: '2026-10-20' });
    const none = await add({ due_date: null });
    const soon = await add({ due_date: '2026-10-10' });
    expect(ids(await list({ sort: 'dueAsc' }))).toEqual([none, soon, late]);
  });

  it('compares and sorts text by code point', async () => {
    // A linguistic collation would put "aa…" before "Ab…" (case second) and find "ヤマダ" under "やま".
    const upper = await add({ receipt_no: 'Ab-1', search_kana: 'ヤマダ' });
    const lower = await add({ receipt_no: 'aa-1', search_kana: 'やまだ' });
    expect(ids(await list({ sort: 'arrivalAsc' }))).toEqual([upper, lower]);
    expect(ids(await searchByKana(q(), 'やま', 10))).toEqual([lower]);
    expect(ids(await searchByReceiptNo(q(), 'A', 10))).toEqual([upper]);
  });

  it('counts exactly up to COUNT_CAP past the page, and says when there are more', async () => {
    const rows: RequestRow[] = [];
    const principal = JSON.stringify({ ...emptyParty, name: '一括', kana: 'イッカツ', address: '東京都' });
    for (let i = 0; i < COUNT_CAP + 2; i++) {
      rows.push({
        id: `bulk-${i}`,
        receipt_no: `B${String(i).padStart(5, '0')}`,
        channel: 'post',
        arrival_date: '2026-10-01',
        received_by: ACCOUNT,
        requester_type: 'principal',
        answer_to: 'principal',
        delivery: 'post',
        status: 'received',
        search_kana: 'カ',
        search_name: '名',
        created_at: 'x',
        updated_at: 'x',
      });
    }
    for (let i = 0; i < rows.length; i += 200) {
      const part = rows.slice(i, i + 200);
      await q().insertInto('requests').values(part).execute();
      await q()
        .insertInto('request_parties')
        .values(part.map((r) => ({ request_id: r.id, role: 'principal', data: principal })))
        .execute();
    }
    expect(await list({ limit: 10 })).toMatchObject({ total: COUNT_CAP, capped: true });
    const far = await list({ limit: 50, offset: COUNT_CAP - 10 });
    expect(far).toMatchObject({ total: COUNT_CAP + 2, capped: false });
    expect(far.rows).toHaveLength(12);
    expect(far.rows[0]).toMatchObject({ principalName: '一括', kinds: [] });
  });

  it('searches by 受付番号 and by フリガナ prefix, newest 受付番号 first, within the limit', async () => {
    const r1 = await add({ receipt_no: '2026-0001', search_kana: 'スズキ', arrival_date: '2026-10-02' });
    const r2 = await add({ receipt_no: '2026-0002', search_kana: 'スズキ', arrival_date: '2026-10-03' });
    const r3 = await add({ receipt_no: '2026-0010', search_kana: 'スズカ' });
    await add({ receipt_no: '2025-0001', search_kana: 'ススキ' });
    await add({ receipt_no: '2026-0003', search_kana: 'スズキ', purged_at: 'x' });
    expect(ids(await searchByReceiptNo(q(), '2026-000', 10))).toEqual([r2, r1]);
    expect(ids(await searchByReceiptNo(q(), '2026', 2))).toEqual([r3, r2]);
    expect(ids(await searchByKana(q(), 'スズ', 10))).toEqual([r3, r2, r1]);
    expect(ids(await searchByKana(q(), 'スズキ', 1))).toEqual([r2]);
    expect(await searchByKana(q(), 'タ', 10)).toEqual([]);
  });

  it('fills the dashboard pages', async () => {
    const today = '2026-10-15';
    const overdue = await add({ status: 'drafting', due_date: '2026-10-14' });
    const dueToday = await add({ status: 'drafting', due_date: today });
    // A 補正 awaited: its 39条 date (the due date) runs on, and is today.
    const cureDueToday = await add({ status: 'awaitingCure', due_date: today, cure_due: '2026-10-25' });
    const dueSoon = await add({ status: 'drafting', due_date: '2026-10-17' });
    const weekEnd = await add({ status: 'drafting', due_date: '2026-10-22' });
    await add({ status: 'drafting', due_date: '2026-10-23' });
    // A state whose due date cannot pass (the answer is sent).
    await add({ status: 'sent', due_date: '2026-10-16' });
    const cureLate = await add({ status: 'awaitingCure', cure_due: '2026-10-01' });
    const cureSoon = await add({ status: 'awaitingCure', cure_due: '2026-10-20' });
    const received = await add({ status: 'received', arrival_date: '2026-10-14' });
    const checking = await add({ status: 'checking', arrival_date: '2026-10-10' });
    await add({ status: 'investigating', arrival_date: '2026-10-09' });
    // Submitted by this approver: not theirs to approve.
    await add({ status: 'awaitingApproval', submitted_by: 'me' });
    const unsubmitted = await add({ status: 'awaitingApproval', due_date: '2026-10-21' });
    const theirs = await add({ status: 'awaitingApproval', submitted_by: 'other', due_date: '2026-10-20' });
    const drafted = await add({ status: 'awaitingApproval', submitted_by: 'other' });
    await q()
      .insertInto('request_decisions')
      .values({ request_id: drafted, kind: 'disclosure', data: '{}', drafted_by: 'me', drafted_at: 'x' })
      .execute();
    await add({ status: 'completed', closed_on: '2026-10-10' });
    const suspected = await add({ status: 'investigating', suspicion_json: '{}' });
    await add({ suspicion_json: '{}', closed_on: '2026-10-01', status: 'completed' });
    await add({ status: 'drafting', due_date: '2026-10-01', purged_at: 'x' });
    await add({ status: 'received', purged_at: 'x' });
    const pages = await dashboardPages(q(), {
      today,
      weekEnd: '2026-10-22',
      open: ['drafting', 'awaitingApproval', 'awaitingCure'],
      fresh: ['received', 'checking'],
      approverId: 'me',
      limit: 10,
    });
    expect(ids(pages.overdue)).toEqual([overdue]);
    expect(ids(pages.dueToday)).toEqual([dueToday, cureDueToday]);
    // After today up to the week's last day, that day included.
    expect(ids(pages.dueThisWeek)).toEqual([dueSoon, theirs, unsubmitted, weekEnd]);
    // The longest waiting first.
    expect(ids(pages.newArrivals)).toEqual([checking, received]);
    // By the 補正's date, the one past it first.
    expect(ids(pages.awaitingCure)).toEqual([cureLate, cureSoon, cureDueToday]);
    expect(ids(pages.awaitingMyApproval)).toEqual([theirs, unsubmitted]);
    expect(ids(pages.suspected)).toEqual([suspected]);
    expect(pages.dueThisWeek).toMatchObject({ total: 4, capped: false });
    const noApprover = await dashboardPages(q(), {
      today,
      weekEnd: today,
      open: [],
      fresh: [],
      approverId: null,
      limit: 1,
    });
    expect(noApprover.awaitingMyApproval).toEqual({ rows: [], total: 0, capped: false });
    expect(noApprover.overdue.total).toBe(0);
    expect(noApprover.newArrivals.total).toBe(0);
    expect(ids(noApprover.suspected)).toEqual([suspected]);
    // A page of one row counts the rest.
    expect(noApprover.awaitingCure).toMatchObject({ total: 3, capped: false });
    expect(ids(noApprover.awaitingCure)).toEqual([cureLate]);
  });

  // Every list of the dashboard counts and chooses its rows along an index (by step with its
  // date, or the partial index of suspicions): none reads the whole requests table.
  it('reads every dashboard list along an index, never the whole table', async () => {
    await add({ status: 'drafting', due_date: '2026-10-15' });
    if (engine === 'postgres') await sql`vacuum analyze requests`.execute(q());
    const { q: recorded, queries } = recording(store());
    await dashboardPages(recorded, {
      today: '2026-10-15',
      weekEnd: '2026-10-22',
      open: ['drafting', 'awaitingCure'],
      fresh: ['received', 'checking'],
      approverId: 'me',
      limit: 8,
    });
    // Seven lists, each a count and a page.
    expect(queries).toHaveLength(14);
    for (const query of queries) {
      const plan = (await planOf(store(), engine, query)).join(' / ');
      if (engine === 'sqlite') expect(plan, query.sql).not.toMatch(/SCAN r(?! USING)/);
      else expect(plan, query.sql).not.toMatch(/Seq Scan on requests/);
    }
  });

  // The dashboard's list of open requests with a suspicion recorded: through its partial index,
  // already in the list's order.
  it('reads only the suspected open requests for the dashboard, never the whole table', async () => {
    const { q: recorded, queries } = recording(store());
    await dashboardPages(recorded, {
      today: '2026-10-15',
      weekEnd: '2026-10-22',
      open: ['drafting'],
      fresh: ['received'],
      approverId: null,
      limit: 20,
    });
    const suspected = queries.filter((c) => c.sql.includes('"suspicion_json" is not null'));
    expect(suspected).toHaveLength(2);
    for (const query of suspected) {
      const plan = await planOf(store(), engine, query);
      if (engine === 'sqlite') {
        // The page's choice (the whole count, or the subquery of the page) reads the partial
        // index in order; only the outer query sorts the page's own rows again.
        const choice = query.sql.startsWith('select count') ? plan : stepOf(plan, /LIST SUBQUERY/);
        expect(choice.join(' / ')).toMatch(/SCAN r USING INDEX requests_suspected/);
        expect(choice.join(' / ')).not.toMatch(/TEMP B-TREE/);
      } else {
        expect(plan.join(' / ')).toMatch(/requests_suspected/);
        expect(plan.join(' / ')).not.toMatch(/Seq Scan on requests/);
      }
    }
  });
});
