import { sql } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { closedStates } from '../../../../core/domain/workflow';
import { forEachEngine } from '../../testing/stores';
import {
  ACCOUNT,
  clearRequests,
  insertAccount,
  insertRequest,
  planOf,
  recording,
  type RequestRow,
} from '../../testing/request-rows';
import { decisionsOf, findSamePersonCandidates } from './same-person';

forEachEngine('earlier requests of the same person', (store, engine) => {
  const q = () => store().q;
  const add = (over: Parameters<typeof insertRequest>[1] = {}) => insertRequest(q(), over);
  const find = (
    key: { name: string; kana: string },
    over: Partial<Parameters<typeof findSamePersonCandidates>[2]> = {},
  ) =>
    findSamePersonCandidates(q(), key, {
      since: '2025-11-20',
      closedStatuses: closedStates,
      excludeId: null,
      limit: 50,
      ...over,
    });
  const ids = (rows: { summary: { id: string } }[]) => rows.map((r) => r.summary.id);
  const key = { name: '山田太郎', kana: 'ヤマダタロウ' };

  beforeAll(() => insertAccount(q()));
  beforeEach(() => clearRequests(q()));

  it('finds requests of the same 氏名 or フリガナ in the period, closed ones too, newest first', async () => {
    const completed = await add({ status: 'completed', arrival_date: '2026-11-02', closed_on: '2026-11-06' });
    const withdrawn = await add({ status: 'withdrawn', arrival_date: '2026-11-09', search_name: '山田太朗' });
    const byName = await add({ arrival_date: '2026-11-13', search_kana: 'ヤマダタロ' });
    // Before the period: closed ones are left out, open ones stay (they are still being handled).
    await add({ status: 'completed', arrival_date: '2025-11-19' });
    const openOld = await add({ status: 'awaitingCure', arrival_date: '2025-06-01' });
    await add({ search_name: '佐藤花子', search_kana: 'サトウハナコ' });
    await add({ arrival_date: '2026-11-14', purged_at: '2026-11-15T00:00:00Z' });
    expect(ids(await find(key))).toEqual([byName, withdrawn, completed, openOld]);
    const [first] = await find(key);
    expect(first?.summary).toMatchObject({ arrivalDate: '2026-11-13', kinds: [] });
    expect(JSON.parse(first?.principal ?? '')).toMatchObject({ address: '東京都千代田区' });
    expect(ids(await find({ name: '', kana: 'ヤマダタロウ' }))).toEqual([withdrawn, completed, openOld]);
    expect(ids(await find({ name: '山田太郎', kana: '' }))).toEqual([byName, completed, openOld]);
    expect(ids(await find(key, { excludeId: byName, limit: 2 }))).toEqual([withdrawn, completed]);
    expect(await find({ name: '', kana: '' })).toEqual([]);
  });

  it('reads the decisions of the requests asked for', async () => {
    const a = await add();
    const b = await add();
    for (const [id, kind] of [
      [a, 'disclosure'],
      [b, 'correction'],
    ] as const) {
      await q()
        .insertInto('request_decisions')
        .values({ request_id: id, kind, data: '{"outcome":"full"}', drafted_by: 'x', drafted_at: 'x' })
        .execute();
    }
    expect(await decisionsOf(q(), [a])).toEqual([{ request_id: a, kind: 'disclosure', data: '{"outcome":"full"}' }]);
    expect(await decisionsOf(q(), [])).toEqual([]);
  });

  // Run while staff type, on a vault of 100,000 requests: the candidates come from the 氏名 and
  // フリガナ indexes, never from a scan of the table.
  it('reads the candidates through the 氏名 and フリガナ indexes', async () => {
    await add({ status: 'completed' });
    // Many people, each with a name of their own, as in a real vault: PostgreSQL plans by its
    // statistics, and for a table of one name it would rather walk the 到達日 index backwards.
    const rows: RequestRow[] = [];
    for (let i = 0; i < 2000; i++) {
      rows.push({
        id: `other-${i}`,
        receipt_no: `P${String(i).padStart(6, '0')}`,
        channel: 'post',
        arrival_date: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
        received_by: ACCOUNT,
        requester_type: 'principal',
        answer_to: 'principal',
        delivery: 'post',
        status: i % 3 === 0 ? 'received' : 'completed',
        search_kana: `カナ${i}`,
        search_name: `名${i}`,
        created_at: 'x',
        updated_at: 'x',
      });
    }
    for (let i = 0; i < rows.length; i += 200)
      await q()
        .insertInto('requests')
        .values(rows.slice(i, i + 200))
        .execute();
    if (engine === 'postgres') await sql`vacuum analyze requests`.execute(q());
    const { q: recorded, queries } = recording(store());
    await findSamePersonCandidates(recorded, key, {
      since: '2025-11-20',
      closedStatuses: closedStates,
      excludeId: 'x',
      limit: 200,
    });
    expect(queries).toHaveLength(1);
    const plan = (await planOf(store(), engine, queries[0]!)).join(' / ');
    if (engine === 'sqlite') {
      expect(plan).toMatch(/MULTI-INDEX OR/);
      expect(plan).toMatch(/SEARCH r USING (COVERING )?INDEX requests_(name|name_birth) \(search_name=\?\)/);
      expect(plan).toMatch(/SEARCH r USING (COVERING )?INDEX requests_(kana|kana_phone) \(search_kana=\?\)/);
      expect(plan).not.toMatch(/SCAN r\b/);
    } else {
      expect(plan).toMatch(/Bitmap Index Scan on requests_(name|name_birth)\b/);
      expect(plan).toMatch(/Bitmap Index Scan on requests_(kana|kana_phone)\b/);
      expect(plan).not.toMatch(/Seq Scan on requests/);
    }
  });
});
