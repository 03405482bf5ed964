import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../testing/stores';
import type { Q } from '../store';
import { decisionOutcomes, deleteEnclosureContent, idCopiesToDelete, requestsToPurge, tombstone } from './retention';

const CLOSED = ['completed', 'withdrawn'];
const AT = '2030-01-01T00:00:00.000Z';
const PDF = Buffer.from('%PDF-1.7');

// A request with the given status and closing day (`null`: still open).
async function request(
  q: Q,
  id: string,
  receiptNo: string,
  status: string,
  closedOn: string | null,
  over: { purgedAt?: string; kinds?: string[] } = {},
): Promise<void> {
  await q
    .insertInto('requests')
    .values({
      id,
      receipt_no: receiptNo,
      channel: 'mail',
      arrival_date: '2026-01-05',
      tracking_no: 'TRACK-1',
      received_by: 'acc',
      requester_type: 'agent',
      answer_to: 'principal',
      delivery: 'mail',
      reply_address: '東京都千代田区1-1',
      disclosure_method: 'paper',
      status,
      notes: '電話で確認済み',
      identity_json: '{"name":"山田太郎"}',
      search_kana: 'ヤマダタロウ',
      search_name: '山田太郎',
      search_birth: '1980-01-01',
      search_phone: '0312345678',
      cure_json: '{"asked":"2026-01-10"}',
      extension_json: null,
      created_at: '2026-01-05T00:00:00.000Z',
      updated_at: '2026-01-05T00:00:00.000Z',
      closed_on: closedOn,
      purged_at: over.purgedAt ?? null,
    })
    .execute();
  for (const kind of over.kinds ?? []) {
    await q.insertInto('request_items').values({ request_id: id, kind, details: '{"scope":"all"}' }).execute();
  }
}

async function enclosure(q: Q, id: string, requestId: string, type: string, content: Buffer | null): Promise<void> {
  await q
    .insertInto('enclosures')
    .values({
      id,
      request_id: requestId,
      type,
      mime: 'image/png',
      size: 3,
      sha256: 'x',
      content,
      added_by: 'acc',
      added_at: '2026-01-05T00:00:00.000Z',
    })
    .execute();
}

// Everything a request carries, in every table the purge touches.
async function fullRequest(q: Q, id: string, receiptNo: string): Promise<void> {
  await request(q, id, receiptNo, 'completed', '2026-02-01', { kinds: ['purpose', 'disclosure'] });
  await enclosure(q, `${id}-enc`, id, 'identity', Buffer.from('png'));
  await q
    .insertInto('request_parties')
    .values({ request_id: id, role: 'principal', data: '{"name":"山田太郎"}' })
    .execute();
  await q
    .insertInto('identity_documents')
    .values({ id: `${id}-doc`, request_id: id, data: '{"kind":"license"}' })
    .execute();
  await q
    .insertInto('letters')
    .values({
      id: `${id}-letter`,
      request_id: id,
      kind: 'notice',
      document_no: `${receiptNo}-L1`,
      pdf: PDF,
      sha256: 'x',
      signed: 1,
      created_by: 'acc',
      created_at: AT,
    })
    .execute();
  await q
    .insertInto('form_requests')
    .values({
      id: `${id}-form`,
      number: `${receiptNo}-F1`,
      requested_on: '2026-01-01',
      data_json: '{"name":"山田太郎"}',
      request_id: id,
      created_by: 'acc',
      created_at: AT,
    })
    .execute();
  await q
    .insertInto('disclosure_records')
    .values({
      id: `${id}-rec`,
      request_id: id,
      kind: 'disclosure',
      file_name: 'records.pdf',
      system: 'crm',
      exported_on: '2026-01-20',
      format: 'pdf',
      size: PDF.length,
      sha256: 'x',
      content: PDF,
      added_by: 'acc',
      added_at: AT,
    })
    .execute();
  await q
    .insertInto('redacted_documents')
    .values({ record_id: `${id}-rec`, marks_sha: 'x', part: 0, parts: 1, data: PDF })
    .execute();
  await q
    .insertInto('disclosure_packages')
    .values({
      id: `${id}-pkg`,
      request_id: id,
      route: 'mail',
      password_route: 'phone',
      file_name: 'package.zip',
      size: 1,
      sha256: 'x',
      manifest_json: '{}',
      password_hash: 'x',
      created_by: 'acc',
      created_at: AT,
    })
    .execute();
  await q
    .insertInto('request_events')
    .values({
      request_id: id,
      at: AT,
      day: '2026-01-06',
      account_id: 'acc',
      action: 'submit',
      from_state: 'received',
      to_state: 'review',
      comment: '山田様から電話',
    })
    .execute();
  const decision = (kind: string, data: string) =>
    q
      .insertInto('request_decisions')
      .values({ request_id: id, kind, data, drafted_by: 'acc', drafted_at: AT })
      .execute();
  await decision('purpose', '{"outcome":"granted","reason":"山田様の申出どおり"}');
  await decision('disclosure', '{"outcome":"partial","reason":"第三者の情報"}');
  await decision('correction', '{"reason":"未定"}');
  await q
    .insertInto('request_dispatches')
    .values({
      id: `${id}-dispatch`,
      request_id: id,
      data: '{"sentOn":"2026-01-30","method":"mail","address":"東京都千代田区1-1","trackingNo":"123"}',
      recorded_by: 'acc',
      recorded_at: AT,
    })
    .execute();
}

forEachEngine('retention repository', (store) => {
  beforeAll(async () => {
    const q = store().q;
    await q
      .insertInto('accounts')
      .values({ id: 'acc', login_name: 'admin', display_name: '管理者', created_at: AT, updated_at: AT })
      .execute();
    // Due: closed on or before 2026-03-31, not purged.
    await request(q, 'r-late', '2026-0003', 'withdrawn', '2026-03-31', { kinds: ['purpose'] });
    await request(q, 'r-early-b', '2026-0002', 'completed', '2026-01-15', {
      kinds: ['thirdPartyRecords', 'disclosure'],
    });
    await request(q, 'r-early-a', '2026-0001', 'completed', '2026-01-15');
    // Not due: closed after the day, open, of a status not listed, already purged.
    await request(q, 'r-after', '2026-0004', 'completed', '2026-04-01', { kinds: ['purpose'] });
    await request(q, 'r-open', '2026-0005', 'review', null);
    await request(q, 'r-declined', '2026-0006', 'declined', '2026-01-01');
    await request(q, 'r-purged', '2026-0007', 'completed', '2026-01-01', { purgedAt: AT });
    await enclosure(q, 'e-late', 'r-late', 'identity', Buffer.from('png'));
    await enclosure(q, 'e-early', 'r-early-b', 'sealCertificate', Buffer.from('png'));
    await enclosure(q, 'e-other-type', 'r-early-b', 'request', Buffer.from('png'));
    await enclosure(q, 'e-gone', 'r-early-a', 'identity', null);
    await enclosure(q, 'e-after', 'r-after', 'identity', Buffer.from('png'));
    await enclosure(q, 'e-open', 'r-open', 'identity', Buffer.from('png'));
  });

  it('lists the closed requests due, oldest first, with their kinds', async () => {
    expect(await requestsToPurge(store().q, CLOSED, '2026-03-31')).toEqual([
      { id: 'r-early-a', receipt_no: '2026-0001', kinds: null, arrival_date: '2026-01-05', closed_on: '2026-01-15' },
      {
        id: 'r-early-b',
        receipt_no: '2026-0002',
        kinds: 'disclosure,thirdPartyRecords',
        arrival_date: '2026-01-05',
        closed_on: '2026-01-15',
      },
      { id: 'r-late', receipt_no: '2026-0003', kinds: 'purpose', arrival_date: '2026-01-05', closed_on: '2026-03-31' },
    ]);
    expect((await requestsToPurge(store().q, CLOSED, '2026-03-30')).map((r) => r.id)).toEqual([
      'r-early-a',
      'r-early-b',
    ]);
    expect(await requestsToPurge(store().q, [], '2026-12-31')).toEqual([]);
  });

  it('lists the ID copies still stored of requests closed by the day', async () => {
    const types = ['identity', 'sealCertificate'];
    expect(await idCopiesToDelete(store().q, CLOSED, types, '2026-03-31')).toEqual([
      {
        id: 'e-early',
        request_id: 'r-early-b',
        receipt_no: '2026-0002',
        type: 'sealCertificate',
        closed_on: '2026-01-15',
      },
      { id: 'e-late', request_id: 'r-late', receipt_no: '2026-0003', type: 'identity', closed_on: '2026-03-31' },
    ]);
    expect((await idCopiesToDelete(store().q, CLOSED, ['identity'], '2026-12-31')).map((e) => e.id)).toEqual([
      'e-late',
      'e-after',
    ]);
    expect(await idCopiesToDelete(store().q, CLOSED, [], '2026-12-31')).toEqual([]);
  });

  it('deletes an enclosure content and records when', async () => {
    await deleteEnclosureContent(store().q, 'e-late', AT);
    const row = await store()
      .q.selectFrom('enclosures')
      .select(['content', 'purged_at', 'type'])
      .where('id', '=', 'e-late')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ content: null, purged_at: AT, type: 'identity' });
    expect((await idCopiesToDelete(store().q, CLOSED, ['identity'], '2026-12-31')).map((e) => e.id)).toEqual([
      'e-after',
    ]);
  });

  it('gives the outcome of each decision by kind', async () => {
    await store().transaction((tx) => fullRequest(tx, 'r-full', '2026-0100'));
    expect(await decisionOutcomes(store().q, 'r-full')).toEqual([
      'correction:',
      'disclosure:partial',
      'purpose:granted',
    ]);
    expect(await decisionOutcomes(store().q, 'r-open')).toEqual([]);
  });

  it('turns a request into a tombstone that keeps only what the reports count', async () => {
    await store().transaction((tx) => fullRequest(tx, 'r-keep', '2026-0101'));
    await store()
      .q.updateTable('requests')
      .set({ extension_json: '{"date":"2026-02-15","reason":"調査中"}' })
      .where('id', '=', 'r-full')
      .execute();
    await store().transaction((tx) => tombstone(tx, 'r-full', '2030-02-02T00:00:00.000Z'));
    const q = store().q;
    const count = async (
      table:
        | 'request_parties'
        | 'identity_documents'
        | 'enclosures'
        | 'letters'
        | 'form_requests'
        | 'disclosure_records'
        | 'disclosure_packages',
      requestId: string,
    ) => (await q.selectFrom(table).select('request_id').where('request_id', '=', requestId).execute()).length;
    for (const table of [
      'request_parties',
      'identity_documents',
      'enclosures',
      'letters',
      'form_requests',
      'disclosure_records',
      'disclosure_packages',
    ] as const) {
      expect([table, await count(table, 'r-full')]).toEqual([table, 0]);
      // The other request keeps all of its own.
      expect([table, await count(table, 'r-keep')]).toEqual([table, 1]);
    }
    const redacted = await q.selectFrom('redacted_documents').select('record_id').execute();
    expect(redacted.map((r) => r.record_id)).toEqual(['r-keep-rec']);

    const items = await q
      .selectFrom('request_items')
      .select(['kind', 'details'])
      .where('request_id', '=', 'r-full')
      .orderBy('kind')
      .execute();
    expect(items).toEqual([
      { kind: 'disclosure', details: '{}' },
      { kind: 'purpose', details: '{}' },
    ]);
    const events = await q
      .selectFrom('request_events')
      .select(['action', 'comment'])
      .where('request_id', '=', 'r-full')
      .execute();
    expect(events).toEqual([{ action: 'submit', comment: '' }]);
    const decisions = await q
      .selectFrom('request_decisions')
      .select(['kind', 'data'])
      .where('request_id', '=', 'r-full')
      .orderBy('kind')
      .execute();
    expect(decisions.map((d) => [d.kind, JSON.parse(d.data) as unknown])).toEqual([
      ['correction', { outcome: null }],
      ['disclosure', { outcome: 'partial' }],
      ['purpose', { outcome: 'granted' }],
    ]);
    expect(await decisionOutcomes(q, 'r-full')).toEqual(['correction:', 'disclosure:partial', 'purpose:granted']);
    const dispatch = await q
      .selectFrom('request_dispatches')
      .select('data')
      .where('request_id', '=', 'r-full')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(dispatch.data)).toEqual({ sentOn: '2026-01-30', method: 'mail' });

    const row = await q.selectFrom('requests').selectAll().where('id', '=', 'r-full').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      receipt_no: '2026-0100',
      status: 'completed',
      channel: 'mail',
      requester_type: 'agent',
      arrival_date: '2026-01-05',
      closed_on: '2026-02-01',
      tracking_no: '',
      reply_address: '',
      disclosure_method: null,
      notes: '',
      identity_json: '{}',
      search_kana: '',
      search_name: '',
      search_birth: null,
      search_phone: null,
      cure_json: null,
      purged_at: '2030-02-02T00:00:00.000Z',
      updated_at: '2030-02-02T00:00:00.000Z',
    });
    expect(JSON.parse(row.extension_json ?? 'null')).toEqual({ date: '2026-02-15' });

    // A request without an extension keeps none; a purged request is no longer due.
    await store().transaction((tx) => tombstone(tx, 'r-keep', AT));
    const kept = await q
      .selectFrom('requests')
      .select(['extension_json', 'search_name'])
      .where('id', '=', 'r-keep')
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ extension_json: null, search_name: '' });
    const due = (await requestsToPurge(q, CLOSED, '2026-12-31')).map((r) => r.id);
    expect(due).not.toContain('r-full');
    expect(due).not.toContain('r-keep');
  });
});
