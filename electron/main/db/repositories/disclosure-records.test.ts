import { expect, it } from 'vitest';
import { seedRequest } from '../../testing/request-rows';
import { forEachEngine } from '../../testing/stores';
import {
  clearRedacted,
  countDisclosureRecords,
  deleteDisclosureRecord,
  getDisclosureRecord,
  getDisclosureRecordContent,
  insertDisclosureRecord,
  insertRedactedPart,
  listDisclosureRecords,
  redactedPart,
  redactedParts,
  setDisclosureRecordMarks,
} from './disclosure-records';

const AT = '2024-04-01T09:00:00.000Z';

function record(id: string, requestId: string, addedAt: string) {
  return {
    id,
    request_id: requestId,
    kind: 'record',
    file_name: `${id}.csv`,
    system: '顧客管理',
    exported_on: '2024-04-02',
    format: 'csv',
    size: 3,
    sha256: `sha-${id}`,
    added_by: 'acct',
    added_at: addedAt,
    content: Buffer.from([0x61, 0x00, 0xff]),
  };
}

forEachEngine('disclosure records repository', (store) => {
  it('stores a record with its content, lists, gets and counts the request’s records', async () => {
    const q = store().q;
    await seedRequest(q, 'req-list');
    await seedRequest(q, 'req-other');
    await insertDisclosureRecord(q, record('late', 'req-list', '2024-04-03T00:00:00.000Z'));
    // Two added in the same instant keep the order they were added in.
    await insertDisclosureRecord(q, record('same-b', 'req-list', '2024-04-02T00:00:00.000Z'));
    await insertDisclosureRecord(q, record('same-a', 'req-list', '2024-04-02T00:00:00.000Z'));
    await insertDisclosureRecord(q, record('elsewhere', 'req-other', '2024-04-01T00:00:00.000Z'));
    const rows = await listDisclosureRecords(q, 'req-list');
    expect(rows.map((r) => r.id)).toEqual(['same-b', 'same-a', 'late']);
    const expected: Record<string, unknown> = { ...record('late', 'req-list', '2024-04-03T00:00:00.000Z') };
    delete expected.content;
    expect(rows[2]).toEqual({ ...expected, marks_json: '[]' });
    expect(await getDisclosureRecord(q, 'late')).toEqual({ ...expected, marks_json: '[]' });
    expect(await getDisclosureRecord(q, 'missing')).toBeUndefined();
    const content = await getDisclosureRecordContent(q, 'late');
    expect(Buffer.isBuffer(content)).toBe(true);
    expect(content).toEqual(Buffer.from([0x61, 0x00, 0xff]));
    expect(await getDisclosureRecordContent(q, 'missing')).toBeUndefined();
    expect(await countDisclosureRecords(q, 'req-list')).toBe(3);
    expect(await countDisclosureRecords(q, 'req-none')).toBe(0);
  });

  it('knows a redacted copy only when all of its parts for those marks are kept', async () => {
    const q = store().q;
    await seedRequest(q, 'req-redact');
    await insertDisclosureRecord(q, record('rec', 'req-redact', AT));
    expect(await redactedParts(q, 'rec', 'x')).toBeNull();
    await insertRedactedPart(q, { id: 'rec', marksSha: 'x', part: 0, parts: 2, data: Buffer.from('half') });
    expect(await redactedParts(q, 'rec', 'x')).toBeNull();
    // A view into a larger buffer: only its own bytes are stored.
    const whole = new Uint8Array([9, 9, 100, 111, 110, 101, 9]);
    await insertRedactedPart(q, { id: 'rec', marksSha: 'x', part: 1, parts: 2, data: whole.subarray(2, 6) });
    expect(await redactedParts(q, 'rec', 'x')).toBe(2);
    expect(await redactedParts(q, 'rec', 'other marks')).toBeNull();
    expect(await redactedPart(q, 'rec', 0)).toEqual(Buffer.from('half'));
    const second = await redactedPart(q, 'rec', 1);
    expect(Buffer.isBuffer(second)).toBe(true);
    expect(second?.toString()).toBe('done');
    expect(await redactedPart(q, 'rec', 2)).toBeUndefined();
    await clearRedacted(q, 'rec');
    expect(await redactedParts(q, 'rec', 'x')).toBeNull();
    expect(await redactedPart(q, 'rec', 0)).toBeUndefined();
  });

  it('a part that names another total does not make a copy whole', async () => {
    const q = store().q;
    await seedRequest(q, 'req-mixed');
    await insertDisclosureRecord(q, record('mixed', 'req-mixed', AT));
    // Two parts kept, and one of them says two: the other says three.
    await insertRedactedPart(q, { id: 'mixed', marksSha: 'x', part: 0, parts: 2, data: Buffer.from('a') });
    await insertRedactedPart(q, { id: 'mixed', marksSha: 'x', part: 1, parts: 3, data: Buffer.from('b') });
    expect(await redactedParts(q, 'mixed', 'x')).toBeNull();
    await insertRedactedPart(q, { id: 'mixed', marksSha: 'x', part: 2, parts: 2, data: Buffer.from('c') });
    expect(await redactedParts(q, 'mixed', 'x')).toBeNull();
  });

  it('new marks are stored and make the redacted copy go', async () => {
    const q = store().q;
    await seedRequest(q, 'req-marks');
    await insertDisclosureRecord(q, record('marked', 'req-marks', AT));
    await insertDisclosureRecord(q, record('untouched', 'req-marks', AT));
    await insertRedactedPart(q, { id: 'marked', marksSha: 'x', part: 0, parts: 1, data: Buffer.from('old') });
    await insertRedactedPart(q, { id: 'untouched', marksSha: 'y', part: 0, parts: 1, data: Buffer.from('keep') });
    await setDisclosureRecordMarks(q, 'marked', '[{"page":1}]');
    expect((await getDisclosureRecord(q, 'marked'))?.marks_json).toBe('[{"page":1}]');
    expect((await getDisclosureRecord(q, 'untouched'))?.marks_json).toBe('[]');
    expect(await redactedParts(q, 'marked', 'x')).toBeNull();
    expect(await redactedParts(q, 'untouched', 'y')).toBe(1);
  });

  it('deletes a record with its redacted copy, and only that record', async () => {
    const q = store().q;
    await seedRequest(q, 'req-delete');
    await insertDisclosureRecord(q, record('gone', 'req-delete', AT));
    await insertDisclosureRecord(q, record('stays', 'req-delete', AT));
    await insertRedactedPart(q, { id: 'gone', marksSha: 'x', part: 0, parts: 1, data: Buffer.from('r') });
    await store().transaction((tx) => deleteDisclosureRecord(tx, 'gone'));
    expect(await getDisclosureRecord(q, 'gone')).toBeUndefined();
    expect(
      await q.selectFrom('redacted_documents').select('record_id').where('record_id', '=', 'gone').execute(),
    ).toEqual([]);
    expect((await listDisclosureRecords(q, 'req-delete')).map((r) => r.id)).toEqual(['stays']);
  });
});
