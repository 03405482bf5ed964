import { expect, it } from 'vitest';
import { seedRequest } from '../../testing/request-rows';
import { forEachEngine } from '../../testing/stores';
import {
  countFormRequestsOfYear,
  deleteFormRequest,
  formRequestsToPurge,
  getFormRequest,
  insertFormRequest,
  linkFormRequest,
  listFormRequestIds,
  requestIdOfReceipt,
  setFormRequestSent,
} from './form-requests';

const AT = '2024-04-01T09:00:00.000Z';

function form(id: string, number: string, requestedOn: string) {
  return { id, number, requestedOn, data: `{"form":"${id}"}`, createdBy: 'acct', createdAt: AT };
}

// Each test uses a year of its own: the database is shared by the block.
forEachEngine('form requests repository', (store) => {
  it('stores a form request, records its sending, links it to a request by receipt number', async () => {
    const q = store().q;
    await seedRequest(q, 'req-link', '2024-000123');
    await insertFormRequest(q, form('f-link', 'F-2030-0001', '2030-01-05'));
    expect(await getFormRequest(q, 'f-link')).toEqual({
      id: 'f-link',
      number: 'F-2030-0001',
      data_json: '{"form":"f-link"}',
      sent_json: null,
      request_id: null,
      receipt_no: null,
      created_by: 'acct',
      created_at: AT,
    });
    await setFormRequestSent(q, 'f-link', '{"by":"mail"}');
    expect(await requestIdOfReceipt(q, '2024-000123')).toBe('req-link');
    expect(await requestIdOfReceipt(q, '2024-999999')).toBeUndefined();
    await linkFormRequest(q, 'f-link', 'req-link');
    expect(await getFormRequest(q, 'f-link')).toMatchObject({
      sent_json: '{"by":"mail"}',
      request_id: 'req-link',
      receipt_no: '2024-000123',
    });
    expect(await getFormRequest(q, 'missing')).toBeUndefined();
    await expect(insertFormRequest(q, form('f-again', 'F-2030-0001', '2030-01-06'))).rejects.toThrow();
  });

  it('lists the newest ids first, by requested day then number, up to the limit', async () => {
    const q = store().q;
    await insertFormRequest(q, form('f-old', 'F-2031-0001', '2031-01-01'));
    await insertFormRequest(q, form('f-new-2', 'F-2031-0003', '2031-02-01'));
    await insertFormRequest(q, form('f-new-1', 'F-2031-0002', '2031-02-01'));
    const ids = await listFormRequestIds(q, 100);
    expect(ids.slice(0, 3)).toEqual(['f-new-2', 'f-new-1', 'f-old']);
    expect(await listFormRequestIds(q, 2)).toEqual(['f-new-2', 'f-new-1']);
  });

  it('counts the numbers of one year, its letter case aside as SQLite’s LIKE does', async () => {
    const q = store().q;
    await insertFormRequest(q, form('f-y1', 'F-2032-0001', '2032-01-01'));
    await insertFormRequest(q, form('f-y2', 'F-2032-0002', '2032-01-02'));
    await insertFormRequest(q, form('f-y3', 'f-2032-0003', '2032-01-03'));
    await insertFormRequest(q, form('f-y4', 'F-20321-0001', '2032-01-04'));
    await insertFormRequest(q, form('f-y5', 'X-F-2032-0001', '2032-01-05'));
    expect(await countFormRequestsOfYear(q, 2032)).toBe(3);
    expect(await countFormRequestsOfYear(q, 2033)).toBe(0);
  });

  it('offers for the purge those logged before the day and never linked, oldest first; deletes one', async () => {
    const q = store().q;
    await seedRequest(q, 'req-purge', '2034-000001');
    await insertFormRequest(q, form('p-b', 'F-2034-0002', '2034-01-10'));
    await insertFormRequest(q, form('p-a', 'F-2034-0001', '2034-01-10'));
    await insertFormRequest(q, form('p-first', 'F-2034-0009', '2034-01-09'));
    await insertFormRequest(q, form('p-linked', 'F-2034-0003', '2034-01-10'));
    await insertFormRequest(q, form('p-that-day', 'F-2034-0004', '2034-01-11'));
    await linkFormRequest(q, 'p-linked', 'req-purge');
    const due = (await formRequestsToPurge(q, '2034-01-11')).filter((r) => r.number.startsWith('F-2034-'));
    expect(due).toEqual([
      { id: 'p-first', number: 'F-2034-0009', requested_on: '2034-01-09' },
      { id: 'p-a', number: 'F-2034-0001', requested_on: '2034-01-10' },
      { id: 'p-b', number: 'F-2034-0002', requested_on: '2034-01-10' },
    ]);
    await deleteFormRequest(q, 'p-a');
    expect(await getFormRequest(q, 'p-a')).toBeUndefined();
    expect((await formRequestsToPurge(q, '2034-01-11')).map((r) => r.id)).toContain('p-b');
    expect((await formRequestsToPurge(q, '2034-01-11')).map((r) => r.id)).not.toContain('p-a');
  });
});
