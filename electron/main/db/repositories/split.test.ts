import { beforeAll, beforeEach, expect, it } from 'vitest';
import { forEachEngine } from '../../testing/stores';
import { clearRequests, insertAccount, insertRequest } from '../../testing/request-rows';
import { kindBits } from './request-lists-kinds';
import { insertSplitRequest, linkedRequests, moveKinds, splitCount } from './split';

forEachEngine('split requests', (store) => {
  const q = () => store().q;

  beforeAll(() => insertAccount(q()));
  beforeEach(() => clearRequests(q()));

  it('copies the intake record, moves kinds and their payments, and links both ways', async () => {
    const from = await insertRequest(q(), {
      id: 'aaaaaaaa',
      receipt_no: '2026-0001',
      status: 'awaitingCure',
      disclosure_method: '{"method":"paper"}',
      suspicion_json: '{"note":"x"}',
      kinds: ['purpose', 'disclosure', 'correction'],
    });
    await q()
      .insertInto('identity_documents')
      .values({ id: `${from}:d1`, request_id: from, data: '{"type":"drivingLicence"}' })
      .execute();
    await q()
      .insertInto('fee_payments')
      .values([
        {
          id: `${from}:p1`,
          request_id: from,
          means: 'cash',
          amount: 1000,
          received_on: '2026-11-20',
          for_kind: 'disclosure',
        },
        {
          id: `${from}:p2`,
          request_id: from,
          means: 'cash',
          amount: 300,
          received_on: '2026-11-20',
          for_kind: 'correction',
        },
      ])
      .execute();
    await insertSplitRequest(q(), from, {
      id: 'bbbbbbbb',
      receiptNo: '2026-0001-2',
      status: 'checking',
      splitFrom: from,
      keepsDisclosureMethod: false,
      at: '2026-11-24T00:00:00Z',
    });
    await moveKinds(q(), from, 'bbbbbbbb', ['correction']);
    const row = await q().selectFrom('requests').selectAll().where('id', '=', 'bbbbbbbb').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      receipt_no: '2026-0001-2',
      status: 'checking',
      split_from: from,
      arrival_date: '2026-10-01',
      disclosure_method: null,
      suspicion_json: '{"note":"x"}',
      search_name: '山田太郎',
      cure_json: null,
    });
    const kinds = async (id: string) =>
      (await q().selectFrom('request_items').select('kind').where('request_id', '=', id).execute())
        .map((r) => r.kind)
        .sort();
    expect(await kinds(from)).toEqual(['disclosure', 'purpose']);
    expect(await kinds('bbbbbbbb')).toEqual(['correction']);
    const payments = await q().selectFrom('fee_payments').select(['id', 'request_id']).orderBy('id').execute();
    expect(payments).toEqual([
      { id: `${from}:p1`, request_id: from },
      { id: 'bbbbbbbb:p2', request_id: 'bbbbbbbb' },
    ]);
    expect(
      await q().selectFrom('identity_documents').select('id').where('request_id', '=', 'bbbbbbbb').execute(),
    ).toEqual([{ id: 'bbbbbbbb:d1' }]);
    expect(
      await q().selectFrom('request_parties').select('role').where('request_id', '=', 'bbbbbbbb').execute(),
    ).toEqual([{ role: 'principal' }]);
    expect(await splitCount(q(), from)).toBe(1);
    expect(await linkedRequests(q(), from, null)).toEqual([
      { id: 'bbbbbbbb', receipt_no: '2026-0001-2', kinds: 'correction' },
    ]);
    expect(await linkedRequests(q(), 'bbbbbbbb', from)).toEqual([
      { id: from, receipt_no: '2026-0001', kinds: 'disclosure,purpose' },
    ]);
    // The kinds' bits of both requests follow (the list's kind filter, migration 0020).
    const masks = await q().selectFrom('requests').select(['id', 'kind_mask']).orderBy('id').execute();
    expect(masks).toEqual([
      { id: from, kind_mask: kindBits.purpose | kindBits.disclosure },
      { id: 'bbbbbbbb', kind_mask: kindBits.correction },
    ]);
  });
});
