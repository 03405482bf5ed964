import { beforeAll, beforeEach, expect, it } from 'vitest';
import { clearRequests, insertAccount, insertRequest, planOf, recording } from '../../testing/request-rows';
import { forEachEngine } from '../../testing/stores';
import type { Q } from '../store';
import { requestIdsForDeadlines } from './requests';
import { idsValue, receivedPerMonth, reportDetails, requestIdsArrived, sqliteReportDetailQueries } from './reports';

async function addEvent(q: Q, requestId: string, action: string, day: string): Promise<void> {
  await q
    .insertInto('request_events')
    .values({
      request_id: requestId,
      at: `${day}T09:00:00Z`,
      day,
      account_id: 'x',
      action,
      from_state: 'a',
      to_state: 'b',
    })
    .execute();
}

async function addPayment(q: Q, id: string, requestId: string, receivedOn: string, amount: number): Promise<void> {
  await q
    .insertInto('fee_payments')
    .values({ id, request_id: requestId, means: 'cash', amount, received_on: receivedOn })
    .execute();
}

forEachEngine('reports', (store, engine) => {
  const q = () => store().q;
  beforeAll(() => insertAccount(q()));
  beforeEach(() => clearRequests(q()));

  it('reads the events, decisions, letters sent and fees of the requests asked for, each in its order', async () => {
    const a = await insertRequest(q());
    const b = await insertRequest(q());
    const other = await insertRequest(q());
    await addEvent(q(), a, 'received', '2026-10-01');
    await addEvent(q(), b, 'received', '2026-10-02');
    await addEvent(q(), a, 'startCheck', '2026-10-03');
    await addEvent(q(), other, 'received', '2026-10-04');
    for (const kind of ['purpose', 'disclosure']) {
      await q()
        .insertInto('request_decisions')
        .values({ request_id: a, kind, data: `{"k":"${kind}"}`, drafted_by: 'x', drafted_at: 'x' })
        .execute();
    }
    await q()
      .insertInto('request_dispatches')
      .values({ id: 'dis-1', request_id: a, data: '{"sentOn":"2026-10-09"}', recorded_by: 'x', recorded_at: 'x' })
      .execute();
    // Recorded later, received earlier: fees keep the order they were recorded in.
    await addPayment(q(), 'pay-z', a, '2026-10-05', 300);
    await addPayment(q(), 'pay-a', a, '2026-10-01', 1000);
    await addPayment(q(), 'pay-o', other, '2026-10-01', 300);

    const details = await store().transaction((tx) => reportDetails(tx, [b, a, a]));
    // By request (a was made first: its id sorts first), then in the order they happened.
    expect(details.events.map((e) => [e.request_id, e.action, e.day])).toEqual([
      [a, 'received', '2026-10-01'],
      [a, 'startCheck', '2026-10-03'],
      [b, 'received', '2026-10-02'],
    ]);
    expect(details.events[0]).toEqual({
      request_id: a,
      day: '2026-10-01',
      action: 'received',
      from_state: 'a',
      to_state: 'b',
    });
    expect(details.decisions).toEqual([
      { request_id: a, kind: 'disclosure', data: '{"k":"disclosure"}' },
      { request_id: a, kind: 'purpose', data: '{"k":"purpose"}' },
    ]);
    expect(details.dispatches).toEqual([{ request_id: a, data: '{"sentOn":"2026-10-09"}' }]);
    expect(details.payments).toEqual([
      { request_id: a, means: 'cash', amount: 300, received_on: '2026-10-05', issued_on: null, for_kind: null },
      { request_id: a, means: 'cash', amount: 1000, received_on: '2026-10-01', issued_on: null, for_kind: null },
    ]);
    expect(await reportDetails(q(), [])).toEqual({ events: [], decisions: [], dispatches: [], payments: [] });
    expect((await reportDetails(q(), [other, 'gone'])).events.map((e) => e.request_id)).toEqual([other]);
  });

  // The report's detail queries follow the requests of the period, not the size of the vault.
  it('reads the details by looking up each request of the period, never by scanning a whole table', async () => {
    const ids = [await insertRequest(q()), await insertRequest(q())];
    if (engine === 'sqlite') {
      for (const query of Object.values(sqliteReportDetailQueries(q(), idsValue(q(), ids)))) {
        const plan = await planOf(store(), engine, query.compile());
        expect(plan[0]).toMatch(/^SCAN t\b/);
        expect(plan[1]).toMatch(/^SEARCH \w+ USING/);
      }
    } else {
      const { q: recorded, queries } = recording(store());
      await reportDetails(recorded, ids);
      expect(queries).toHaveLength(4);
      for (const query of queries) {
        const plan = (await planOf(store(), engine, query)).join(' / ');
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      }
    }
  });

  it('counts the requests received per month of a period, purged ones included', async () => {
    for (const day of ['2026-08-31', '2026-09-01', '2026-09-30', '2026-10-15', '2026-11-01']) {
      await insertRequest(q(), { arrival_date: day });
    }
    await insertRequest(q(), { arrival_date: '2026-10-16', purged_at: '2026-11-01T00:00:00Z' });
    expect(await receivedPerMonth(q(), '2026-09-01', '2026-10-31')).toEqual([
      { month: '2026-09', count: 2 },
      { month: '2026-10', count: 2 },
    ]);
    expect(await receivedPerMonth(q(), '2027-01-01', '2027-12-31')).toEqual([]);
  });

  it('lists the requests that arrived in a period by date and 受付番号, without purged ones', async () => {
    const late = await insertRequest(q(), { arrival_date: '2026-10-31', receipt_no: '2026-0001' });
    const second = await insertRequest(q(), { arrival_date: '2026-10-01', receipt_no: '2026-0003' });
    const first = await insertRequest(q(), { arrival_date: '2026-10-01', receipt_no: '2026-0002' });
    await insertRequest(q(), { arrival_date: '2026-11-01' });
    await insertRequest(q(), { arrival_date: '2026-10-02', purged_at: 'x' });
    expect(await requestIdsArrived(q(), '2026-10-01', '2026-10-31')).toEqual([first, second, late]);
  });

  // Read once per connection (after a login, restore or key rotation): only the undated
  // requests, through their partial index (requests.ts's query, checked here since the reports
  // depend on it).
  it('finds the requests without stored deadlines through the partial index', async () => {
    await insertRequest(q(), { due_date: null });
    const { q: recorded, queries } = recording(store());
    await requestIdsForDeadlines(recorded, false, []);
    const plan = (await planOf(store(), engine, queries[0] ?? expect.fail('no query'))).join(' / ');
    if (engine === 'sqlite') expect(plan).toMatch(/USING (COVERING )?INDEX requests_undated/);
    else expect(plan).toMatch(/requests_undated/);
  });
});
