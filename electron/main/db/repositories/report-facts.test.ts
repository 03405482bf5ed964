import { beforeAll, beforeEach, expect, it } from 'vitest';
import { clearRequests, insertAccount, insertItem, insertRequest, planOf, recording } from '../../testing/request-rows';
import { forEachEngine } from '../../testing/stores';
import type { Q } from '../store';
import {
  markAllReportFactsStale,
  readReportFacts,
  replaceReportFacts,
  reportSourcesByIds,
  staleReportFactIds,
} from './report-facts';

const facts = async (q: Q) =>
  (await q.selectFrom('report_facts').selectAll().orderBy('request_id').execute()).map((r) => ({ ...r }));

const fact = (requestId: string, bucket: string, arrivalDate: string, data = `{"id":"${requestId}"}`) => ({
  requestId,
  bucket,
  arrivalDate,
  data,
});

forEachEngine('report facts', (store, engine) => {
  const q = () => store().q;
  beforeAll(() => insertAccount(q()));
  beforeEach(() => clearRequests(q()));

  it('lists the requests marked stale by the triggers, up to a limit', async () => {
    const a = await insertRequest(q());
    const b = await insertRequest(q());
    expect(new Set(await staleReportFactIds(q(), 10))).toEqual(new Set([a, b]));
    expect(await staleReportFactIds(q(), 1)).toHaveLength(1);
    await q().deleteFrom('report_facts_stale').execute();
    expect(await staleReportFactIds(q(), 10)).toEqual([]);
    // A change to what a report counts marks the request again.
    await insertItem(q(), b, 'disclosure');
    expect(await staleReportFactIds(q(), 10)).toEqual([b]);
  });

  it('marks every request stale, once each', async () => {
    const a = await insertRequest(q());
    const b = await insertRequest(q());
    await q().deleteFrom('report_facts_stale').where('request_id', '=', a).execute();
    await markAllReportFactsStale(q());
    await markAllReportFactsStale(q());
    expect((await staleReportFactIds(q(), 10)).sort()).toEqual([a, b].sort());
  });

  it('reads the stored columns and kinds of the requests asked for', async () => {
    const a = await insertRequest(q(), {
      arrival_date: '2026-10-01',
      channel: 'fax',
      status: 'completed',
      closed_on: '2026-10-20',
      sla_date: '2026-10-31',
      article39_date: '2026-10-15',
      kinds: ['purpose', 'disclosure', 'correction'],
    });
    const b = await insertRequest(q());
    expect(await reportSourcesByIds(q(), [a, 'gone'])).toEqual([
      {
        id: a,
        arrival_date: '2026-10-01',
        channel: 'fax',
        requester_type: 'principal',
        status: 'completed',
        closed_on: '2026-10-20',
        sla_date: '2026-10-31',
        article39_date: '2026-10-15',
        outside_law_json: null,
        split_from: null,
        extension_json: null,
        // In the order of request_items' key, as the facts keep them.
        kinds: 'correction,disclosure,purpose',
      },
    ]);
    const both = await reportSourcesByIds(q(), [b, a]);
    expect(both.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(both.find((r) => r.id === b)).toMatchObject({ kinds: null, closed_on: null, sla_date: null });
    expect(await reportSourcesByIds(q(), [])).toEqual([]);
  });

  it('replaces the facts of the requests given and clears them from the stale list, leaving the others', async () => {
    const a = await insertRequest(q());
    const b = await insertRequest(q());
    const c = await insertRequest(q());
    await store().transaction((tx) =>
      replaceReportFacts(
        tx,
        [a, b, c],
        [fact(a, '', '2026-10-01'), fact(b, '', '2026-10-02'), fact(c, '', '2026-10-03')],
      ),
    );
    expect(await staleReportFactIds(q(), 10)).toEqual([]);
    await insertItem(q(), a, 'disclosure');
    await insertItem(q(), b, 'disclosure');
    await store().transaction((tx) => replaceReportFacts(tx, [a, b], [fact(a, '2026-10-20', '2026-10-01', '{"v":2}')]));
    expect(await facts(q())).toEqual([
      { request_id: a, bucket: '2026-10-20', arrival_date: '2026-10-01', data: '{"v":2}' },
      { request_id: c, bucket: '', arrival_date: '2026-10-03', data: `{"id":"${c}"}` },
    ]);
    expect(await staleReportFactIds(q(), 10)).toEqual([]);
    await replaceReportFacts(q(), [], []);
    expect(await facts(q())).toHaveLength(2);
  });

  it('writes the facts of a whole batch', async () => {
    const ids: string[] = [];
    await store().transaction(async (tx) => {
      for (let i = 0; i < 600; i++) ids.push(await insertRequest(tx, { principal: null }));
    });
    await store().transaction((tx) =>
      replaceReportFacts(
        tx,
        ids,
        ids.map((id) => fact(id, '', '2026-10-01')),
      ),
    );
    expect(await facts(q())).toHaveLength(600);
    expect(await staleReportFactIds(q(), 1000)).toEqual([]);
  });

  it('reads the facts of the open requests arrived by the end and of those closed since the start', async () => {
    const open = await insertRequest(q());
    const openLater = await insertRequest(q());
    const closedIn = await insertRequest(q());
    const closedBefore = await insertRequest(q());
    const closedUndated = await insertRequest(q());
    const closedLater = await insertRequest(q());
    const closedOnStart = await insertRequest(q());
    const arrivedAfter = await insertRequest(q());
    await replaceReportFacts(
      q(),
      [],
      [
        fact(open, '', '2026-09-15'),
        fact(openLater, '', '2026-11-01'),
        fact(closedIn, '2026-10-10', '2026-09-01'),
        fact(closedBefore, '2026-08-31', '2026-08-01'),
        // Closed without a closing day: counts in no period.
        fact(closedUndated, '-', '2026-09-01'),
        fact(closedLater, '2026-11-02', '2026-10-30'),
        fact(closedOnStart, '2026-09-01', '2026-08-20'),
        fact(arrivedAfter, '2026-11-02', '2026-11-01'),
      ],
    );
    const read = await readReportFacts(q(), '2026-10-31', '2026-09-01');
    expect(read.sort()).toEqual([open, closedIn, closedLater, closedOnStart].map((id) => `{"id":"${id}"}`).sort());
  });

  // Two range reads of the clustered table, never a scan of it.
  it('reads the facts through the ranges of their key', async () => {
    const { q: recorded, queries } = recording(store());
    await readReportFacts(recorded, '2026-10-31', '2026-09-01');
    expect(queries).toHaveLength(2);
    const plans: string[] = [];
    for (const query of queries) plans.push((await planOf(store(), engine, query)).join(' / '));
    const [open, closed] = plans;
    if (engine === 'sqlite') {
      expect(open).toMatch(/SEARCH report_facts USING PRIMARY KEY \(bucket=\?\)/);
      expect(closed).toMatch(/SEARCH report_facts USING PRIMARY KEY \(bucket>\?\)/);
    } else {
      for (const plan of [open, closed]) {
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan).toMatch(/Index Cond: \(bucket/);
      }
    }
  });
});
