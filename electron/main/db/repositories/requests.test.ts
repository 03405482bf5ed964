import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../testing/stores';
import type { Q } from '../store';
import {
  accountNames,
  confirmOriginals,
  deleteDecisionsExcept,
  getDocuments,
  getItems,
  getParties,
  getPayments,
  getRequestRow,
  getRequestStatus,
  insertDispatch,
  insertEvent,
  insertRequest,
  latestApprovalEvent,
  listDecisions,
  listDispatches,
  listEvents,
  nextSerial,
  receiptNoTaken,
  replaceIntake,
  requestIdsForDeadlines,
  setProcessing,
  upsertDecision,
  type NewRequest,
} from './requests';

// The requests repository on both engines, with real rows. The database is shared by the tests of
// one engine, so each test uses its own request ids.

const AT = '2026-02-02T01:00:00.000Z';

async function account(q: Q, id: string, displayName: string): Promise<void> {
  await q
    .insertInto('accounts')
    .values({ id, login_name: id, display_name: displayName, created_at: AT, updated_at: AT })
    .execute();
}

function request(id: string, over: Partial<NewRequest> = {}): NewRequest {
  return {
    id,
    receiptNo: `R-${id}`,
    channel: 'mail',
    arrivalDate: '2026-02-01',
    provisional: false,
    trackingNo: '',
    receivedBy: 'staff',
    requesterType: 'principal',
    answerTo: 'principal',
    delivery: 'mail',
    replyAddress: '東京都千代田区1-1',
    replyPostalCode: '100-0001',
    disclosureMethod: null,
    status: 'received',
    notes: '',
    identityJson: '{}',
    search: { kana: 'ヤマダタロウ', name: '山田太郎', birth: null, phone: null },
    parties: [{ role: 'principal', data: '{"name":"山田太郎"}' }],
    items: [{ kind: 'disclosure', details: '{}' }],
    documents: [],
    payments: [],
    at: AT,
    ...over,
  };
}

function event(requestId: string, action: string, to: string, at: string, closedOn: string | null = null) {
  return {
    requestId,
    at,
    day: at.slice(0, 10),
    accountId: 'staff',
    action,
    from: 'received',
    to,
    comment: '',
    closedOn,
  };
}

forEachEngine('requests repository', (store) => {
  // The account the requests point to (requests.received_by).
  beforeAll(() => account(store().q, 'staff', '佐藤'));

  it('counts 受付番号 serials per counter from 1, never reusing one', async () => {
    const q = store().q;
    expect([await nextSerial(q, 2026), await nextSerial(q, 2026), await nextSerial(q, 2026)]).toEqual([1, 2, 3]);
    expect(await nextSerial(q, 0)).toBe(1);
    expect(await nextSerial(q, 2027)).toBe(1);
    expect(await nextSerial(q, 2026)).toBe(4);
  });

  it('stores a request and reads it back with its parts in their order', async () => {
    const q = store().q;
    expect(await receiptNoTaken(q, 'R-a')).toBe(false);
    expect(await getRequestRow(q, 'a')).toBeNull();
    await insertRequest(
      q,
      request('a', {
        provisional: true,
        disclosureMethod: 'paper',
        search: { kana: 'ヤマダ', name: '山田', birth: '1980-01-01', phone: '0312345678' },
        parties: [
          { role: 'principal', data: 'P' },
          { role: 'agent', data: 'A' },
        ],
        // Key order is byte order on both engines: upper case before lower case.
        items: [
          { kind: 'disclosure', details: 'D' },
          { kind: 'thirdPartyRecords', details: 'T' },
          { kind: 'Zeta', details: 'Z' },
          { kind: 'correction', details: 'C' },
        ],
        // Ids against insertion order: documents and payments come back as inserted.
        documents: [
          { id: 'a:d2', data: 'second id, first in' },
          { id: 'a:d1', data: 'first id, second in' },
        ],
        payments: [
          { id: 'a:p2', means: 'stamps', amount: 300, receivedOn: '2026-02-01', issuedOn: null, forKind: null },
          { id: 'a:p1', means: 'cash', amount: 500, receivedOn: '2026-02-02', issuedOn: '2026-02-03', forKind: 'x' },
        ],
      }),
    );
    expect(await receiptNoTaken(q, 'R-a')).toBe(true);
    expect(await getRequestRow(q, 'a')).toEqual({
      id: 'a',
      receipt_no: 'R-a',
      channel: 'mail',
      arrival_date: '2026-02-01',
      provisional: 1,
      tracking_no: '',
      received_by: 'staff',
      requester_type: 'principal',
      answer_to: 'principal',
      delivery: 'mail',
      reply_address: '東京都千代田区1-1',
      reply_postal_code: '100-0001',
      disclosure_method: 'paper',
      status: 'received',
      notes: '',
      identity_json: '{}',
      created_at: AT,
      updated_at: AT,
      article39_date: null,
      sla_date: null,
      due_date: null,
      cure_json: null,
      cure_due: null,
      extension_json: null,
      submitted_by: null,
      approved_by: null,
      disposal_json: null,
      fee_return_json: null,
      fax_received_on: null,
      suspicion_json: null,
      searches_json: null,
      closed_on: null,
      purged_at: null,
      outside_law_json: null,
      split_from: null,
    });
    const search = await q
      .selectFrom('requests')
      .select(['search_kana', 'search_name', 'search_birth', 'search_phone'])
      .where('id', '=', 'a')
      .executeTakeFirst();
    expect(search).toEqual({
      search_kana: 'ヤマダ',
      search_name: '山田',
      search_birth: '1980-01-01',
      search_phone: '0312345678',
    });
    expect(await getParties(q, 'a')).toEqual([
      { role: 'agent', data: 'A' },
      { role: 'principal', data: 'P' },
    ]);
    expect((await getItems(q, 'a')).map((i) => `${i.kind}=${i.details}`)).toEqual([
      'Zeta=Z',
      'correction=C',
      'disclosure=D',
      'thirdPartyRecords=T',
    ]);
    expect(await getDocuments(q, 'a')).toEqual(['second id, first in', 'first id, second in']);
    expect(await getPayments(q, 'a')).toEqual([
      { id: 'a:p2', means: 'stamps', amount: 300, received_on: '2026-02-01', issued_on: null, for_kind: null },
      { id: 'a:p1', means: 'cash', amount: 500, received_on: '2026-02-02', issued_on: '2026-02-03', for_kind: 'x' },
    ]);
    expect(await getParties(q, 'none')).toEqual([]);
    expect(await getDocuments(q, 'none')).toEqual([]);
  });

  it('a receipt number is taken once', async () => {
    const q = store().q;
    await insertRequest(q, request('dup'));
    await expect(insertRequest(q, request('dup2', { receiptNo: 'R-dup' }))).rejects.toThrow();
  });

  it('confirms a FAX request: its day becomes the FAX day and the originals day the arrival', async () => {
    const q = store().q;
    await insertRequest(q, request('fax', { provisional: true, arrivalDate: '2026-03-01' }));
    await insertRequest(q, request('other', { provisional: true, arrivalDate: '2026-03-01' }));
    await confirmOriginals(q, 'fax', '2026-03-04', '2026-03-04T00:00:00.000Z');
    expect(await getRequestRow(q, 'fax')).toMatchObject({
      provisional: 0,
      fax_received_on: '2026-03-01',
      arrival_date: '2026-03-04',
      updated_at: '2026-03-04T00:00:00.000Z',
    });
    expect(await getRequestRow(q, 'other')).toMatchObject({ provisional: 1, fax_received_on: null });
  });

  it('records events in order, moves the status and finds the latest approval', async () => {
    const q = store().q;
    await insertRequest(q, request('ev'));
    await insertRequest(q, request('ev2'));
    expect(await latestApprovalEvent(q, 'ev')).toBeNull();
    expect(await getRequestStatus(q, 'ev')).toBe('received');
    await insertEvent(q, event('ev', 'approve', 'approved', '2026-02-03T00:00:00.000Z'));
    await insertEvent(q, event('ev2', 'approve', 'approved', '2026-02-03T00:00:01.000Z'));
    await insertEvent(q, event('ev', 'return', 'investigating', '2026-02-04T00:00:00.000Z'));
    await insertEvent(q, { ...event('ev', 'approve', 'approved', '2026-02-05T00:00:00.000Z'), comment: 'again' });
    await insertEvent(q, event('ev', 'close', 'closed', '2026-02-06T00:00:00.000Z', '2026-02-06'));
    const events = await listEvents(q, 'ev');
    expect(events.map((e) => [e.action, e.to_state, e.comment])).toEqual([
      ['approve', 'approved', ''],
      ['return', 'investigating', ''],
      ['approve', 'approved', 'again'],
      ['close', 'closed', ''],
    ]);
    expect(events[0]).toEqual({
      id: events[0]?.id,
      at: '2026-02-03T00:00:00.000Z',
      day: '2026-02-03',
      account_id: 'staff',
      action: 'approve',
      from_state: 'received',
      to_state: 'approved',
      comment: '',
    });
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((x, y) => x - y));
    expect(await latestApprovalEvent(q, 'ev')).toBe(events[2]?.id);
    expect(typeof (await latestApprovalEvent(q, 'ev2'))).toBe('number');
    expect(await getRequestStatus(q, 'ev')).toBe('closed');
    expect(await getRequestRow(q, 'ev')).toMatchObject({
      closed_on: '2026-02-06',
      updated_at: '2026-02-06T00:00:00.000Z',
    });
    expect(await getRequestStatus(q, 'ev2')).toBe('approved');
    expect(await getRequestStatus(q, 'none')).toBeNull();
  });

  it('sets only the processing columns it is given', async () => {
    const q = store().q;
    await insertRequest(q, request('proc'));
    await setProcessing(q, 'proc', { due_date: '2026-03-01', cure_json: '{"a":1}' }, '2026-02-10T00:00:00.000Z');
    await setProcessing(q, 'proc', { cure_json: null, approved_by: 'staff' }, '2026-02-11T00:00:00.000Z');
    expect(await getRequestRow(q, 'proc')).toMatchObject({
      due_date: '2026-03-01',
      cure_json: null,
      approved_by: 'staff',
      sla_date: null,
      updated_at: '2026-02-11T00:00:00.000Z',
    });
    await setProcessing(q, 'proc', {}, '2026-02-12T00:00:00.000Z');
    expect(await getRequestRow(q, 'proc')).toMatchObject({ updated_at: '2026-02-11T00:00:00.000Z' });
  });

  it('lists the requests whose dates are to compute, or every open one', async () => {
    const q = store().q;
    await insertRequest(q, request('dl-open'));
    await insertRequest(q, request('dl-dated', { status: 'investigating' }));
    await insertRequest(q, request('dl-closed', { status: 'closed' }));
    await insertRequest(q, request('dl-withdrawn', { status: 'withdrawn' }));
    for (const id of ['dl-dated', 'dl-closed', 'dl-withdrawn'])
      await setProcessing(q, id, { due_date: '2026-03-01' }, AT);
    const ours = (ids: string[]) => ids.filter((id) => id.startsWith('dl-')).sort();
    expect(ours(await requestIdsForDeadlines(q, false, ['closed']))).toEqual(['dl-open']);
    expect(ours(await requestIdsForDeadlines(q, true, ['closed', 'withdrawn']))).toEqual(['dl-dated', 'dl-open']);
    expect(ours(await requestIdsForDeadlines(q, true, []))).toEqual([
      'dl-closed',
      'dl-dated',
      'dl-open',
      'dl-withdrawn',
    ]);
  });

  it('replaces the intake: its columns and all of its parts', async () => {
    const q = store().q;
    await insertRequest(
      q,
      request('re', {
        parties: [
          { role: 'principal', data: 'P' },
          { role: 'agent', data: 'A' },
        ],
        items: [{ kind: 'disclosure', details: 'D' }],
        documents: [{ id: 're:d1', data: 'old' }],
        payments: [
          { id: 're:p1', means: 'cash', amount: 100, receivedOn: '2026-02-01', issuedOn: null, forKind: null },
        ],
      }),
    );
    await insertRequest(q, request('re-other', { documents: [{ id: 're-other:d1', data: 'kept' }] }));
    // A whole NewRequest: what replaceIntake must not touch (receipt number, status…) differs.
    await replaceIntake(q, 're', {
      ...request('re', { receiptNo: 'R-changed', status: 'closed', arrivalDate: '2000-01-01' }),
      trackingNo: 'TN1',
      requesterType: 'agent',
      answerTo: 'agent',
      delivery: 'pickup',
      replyAddress: '大阪府',
      replyPostalCode: '530-0001',
      disclosureMethod: 'electronic',
      notes: 'メモ',
      identityJson: '{"ok":true}',
      search: { kana: 'スズキ', name: '鈴木', birth: '1990-02-02', phone: null },
      parties: [{ role: 'principal', data: 'P2' }],
      items: [
        { kind: 'deletion', details: 'X' },
        { kind: 'correction', details: 'Y' },
      ],
      documents: [
        { id: 're:d3', data: 'new 1' },
        { id: 're:d2', data: 'new 2' },
      ],
      payments: [],
      at: '2026-02-20T00:00:00.000Z',
    });
    expect(await getRequestRow(q, 're')).toMatchObject({
      receipt_no: 'R-re',
      status: 'received',
      tracking_no: 'TN1',
      requester_type: 'agent',
      answer_to: 'agent',
      delivery: 'pickup',
      reply_address: '大阪府',
      reply_postal_code: '530-0001',
      disclosure_method: 'electronic',
      notes: 'メモ',
      identity_json: '{"ok":true}',
      created_at: AT,
      updated_at: '2026-02-20T00:00:00.000Z',
    });
    const search = await q
      .selectFrom('requests')
      .select(['search_kana', 'search_name', 'search_birth', 'search_phone'])
      .where('id', '=', 're')
      .executeTakeFirst();
    expect(search).toEqual({
      search_kana: 'スズキ',
      search_name: '鈴木',
      search_birth: '1990-02-02',
      search_phone: null,
    });
    expect(await getParties(q, 're')).toEqual([{ role: 'principal', data: 'P2' }]);
    expect((await getItems(q, 're')).map((i) => i.kind)).toEqual(['correction', 'deletion']);
    expect(await getDocuments(q, 're')).toEqual(['new 1', 'new 2']);
    expect(await getPayments(q, 're')).toEqual([]);
    expect(await getDocuments(q, 're-other')).toEqual(['kept']);
  });

  it('keeps one decision draft per kind and deletes those of kinds no longer asked for', async () => {
    const q = store().q;
    await insertRequest(q, request('dec'));
    await insertRequest(q, request('dec-other'));
    const draft = (requestId: string, kind: string, data: string, at: string) =>
      upsertDecision(q, { requestId, kind, data, by: 'staff', at });
    await draft('dec', 'disclosure', 'v1', '2026-02-01T00:00:00.000Z');
    await draft('dec', 'correction', 'c1', '2026-02-01T00:00:01.000Z');
    await draft('dec', 'Zeta', 'z1', '2026-02-01T00:00:02.000Z');
    await draft('dec-other', 'disclosure', 'o1', '2026-02-01T00:00:03.000Z');
    await upsertDecision(q, {
      requestId: 'dec',
      kind: 'disclosure',
      data: 'v2',
      by: 'boss',
      at: '2026-02-02T00:00:00.000Z',
    });
    expect(await listDecisions(q, 'dec')).toEqual([
      { kind: 'Zeta', data: 'z1', drafted_by: 'staff', drafted_at: '2026-02-01T00:00:02.000Z' },
      { kind: 'correction', data: 'c1', drafted_by: 'staff', drafted_at: '2026-02-01T00:00:01.000Z' },
      { kind: 'disclosure', data: 'v2', drafted_by: 'boss', drafted_at: '2026-02-02T00:00:00.000Z' },
    ]);
    await deleteDecisionsExcept(q, 'dec', ['disclosure', 'Zeta']);
    expect((await listDecisions(q, 'dec')).map((d) => d.kind)).toEqual(['Zeta', 'disclosure']);
    await deleteDecisionsExcept(q, 'dec', []);
    expect(await listDecisions(q, 'dec')).toEqual([]);
    expect((await listDecisions(q, 'dec-other')).map((d) => d.data)).toEqual(['o1']);
  });

  // The request stays marked stale for the report facts until main recomputes it at the end of the
  // write (reports/facts.ts): within the write, and longer where a write leaves more stale than it
  // recomputes (an upgraded vault, WRITE_FACTS_LIMIT). Saving its decision draft again must work
  // meanwhile: on SQLite the upsert's conflict handling used to override the OR IGNORE of the
  // trigger that marks it (migration 0017), which then failed on report_facts_stale's key.
  it('saves a decision draft twice in one transaction while its request is marked stale', async () => {
    const q = store().q;
    await insertRequest(q, request('dec-stale'));
    const marked = () =>
      q.selectFrom('report_facts_stale').select('request_id').where('request_id', '=', 'dec-stale').execute();
    expect(await marked()).toEqual([{ request_id: 'dec-stale' }]);
    const draft = (tx: Q, data: string, at: string) =>
      upsertDecision(tx, { requestId: 'dec-stale', kind: 'disclosure', data, by: 'staff', at });
    await store().transaction(async (tx) => {
      await draft(tx, 'v1', '2026-02-01T00:00:00.000Z');
      await draft(tx, 'v2', '2026-02-01T00:00:01.000Z');
    });
    await draft(q, 'v3', '2026-02-01T00:00:02.000Z');
    expect(await listDecisions(q, 'dec-stale')).toEqual([
      { kind: 'disclosure', data: 'v3', drafted_by: 'staff', drafted_at: '2026-02-01T00:00:02.000Z' },
    ]);
    expect(await marked()).toEqual([{ request_id: 'dec-stale' }]);
    // Not yet marked: the update marks it.
    await q.deleteFrom('report_facts_stale').where('request_id', '=', 'dec-stale').execute();
    await draft(q, 'v4', '2026-02-01T00:00:03.000Z');
    expect(await marked()).toEqual([{ request_id: 'dec-stale' }]);
  });

  it('lists dispatches by the time they were recorded', async () => {
    const q = store().q;
    await insertRequest(q, request('dis'));
    await insertRequest(q, request('dis-other'));
    const dispatch = (id: string, requestId: string, at: string) =>
      insertDispatch(q, { id, requestId, data: `{"n":"${id}"}`, by: 'staff', at });
    await dispatch('dis:2', 'dis', '2026-02-05T00:00:00.000Z');
    await dispatch('dis:1', 'dis', '2026-02-04T00:00:00.000Z');
    await dispatch('dis-other:1', 'dis-other', '2026-02-04T00:00:00.000Z');
    expect(await listDispatches(q, 'dis')).toEqual([
      { id: 'dis:1', data: '{"n":"dis:1"}', recorded_by: 'staff', recorded_at: '2026-02-04T00:00:00.000Z' },
      { id: 'dis:2', data: '{"n":"dis:2"}', recorded_by: 'staff', recorded_at: '2026-02-05T00:00:00.000Z' },
    ]);
    expect(await listDispatches(q, 'none')).toEqual([]);
  });

  it('names every account', async () => {
    const q = store().q;
    await account(q, 'boss', '鈴木');
    expect(await accountNames(q)).toMatchObject({ staff: '佐藤', boss: '鈴木' });
    expect(Object.keys(await accountNames(q)).sort()).toEqual(
      (await q.selectFrom('accounts').select('id').execute()).map((a) => a.id).sort(),
    );
  });

  it('runs inside the transaction it is given: a failed one leaves nothing', async () => {
    await expect(
      store().transaction(async (tx) => {
        await insertRequest(tx, request('tx', { documents: [{ id: 'tx:d1', data: 'doc' }] }));
        await insertEvent(tx, event('tx', 'approve', 'approved', AT));
        expect(await getRequestStatus(tx, 'tx')).toBe('approved');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await getRequestRow(store().q, 'tx')).toBeNull();
    expect(await getDocuments(store().q, 'tx')).toEqual([]);
  });
});
