import { expect, it } from 'vitest';
import { seedRequest } from '../../testing/request-rows';
import { forEachEngine } from '../../testing/stores';
import { deleteEnclosure, getEnclosureContent, getEnclosureRow, insertEnclosure, listEnclosures } from './enclosures';

const AT = '2024-04-01T09:00:00.000Z';

function enclosure(id: string, requestId: string, addedAt: string) {
  return {
    id,
    requestId,
    type: 'identity',
    mime: 'image/png',
    size: 4,
    sha256: `sha-${id}`,
    content: Buffer.from([0x89, 0x00, 0x4e, 0xff]),
    addedBy: 'acct',
    addedAt,
  };
}

forEachEngine('enclosures repository', (store) => {
  it('lists a request’s enclosures by the time they were added, without their content', async () => {
    const q = store().q;
    await seedRequest(q, 'req-list');
    await seedRequest(q, 'req-other');
    await insertEnclosure(q, enclosure('late', 'req-list', '2024-04-03T00:00:00.000Z'));
    await insertEnclosure(q, enclosure('early', 'req-list', '2024-04-02T00:00:00.000Z'));
    await insertEnclosure(q, enclosure('elsewhere', 'req-other', '2024-04-01T00:00:00.000Z'));
    const rows = await listEnclosures(q, 'req-list');
    expect(rows).toEqual([
      {
        id: 'early',
        type: 'identity',
        mime: 'image/png',
        size: 4,
        sha256: 'sha-early',
        added_at: '2024-04-02T00:00:00.000Z',
      },
      {
        id: 'late',
        type: 'identity',
        mime: 'image/png',
        size: 4,
        sha256: 'sha-late',
        added_at: '2024-04-03T00:00:00.000Z',
      },
    ]);
    expect(await listEnclosures(q, 'req-none')).toEqual([]);
  });

  it('gets one enclosure’s row with its request, and its content as bytes', async () => {
    const q = store().q;
    await seedRequest(q, 'req-get');
    await insertEnclosure(q, enclosure('one', 'req-get', AT));
    expect(await getEnclosureRow(q, 'one')).toEqual({
      id: 'one',
      request_id: 'req-get',
      type: 'identity',
      mime: 'image/png',
      size: 4,
      sha256: 'sha-one',
      added_at: AT,
    });
    expect(await getEnclosureRow(q, 'missing')).toBeNull();
    const content = await getEnclosureContent(q, 'one');
    expect(content?.mime).toBe('image/png');
    expect(Buffer.isBuffer(content?.content)).toBe(true);
    expect(content?.content).toEqual(Buffer.from([0x89, 0x00, 0x4e, 0xff]));
    expect(await getEnclosureContent(q, 'missing')).toBeNull();
  });

  it('a purged enclosure’s content reads as null', async () => {
    const q = store().q;
    await seedRequest(q, 'req-purged');
    await insertEnclosure(q, enclosure('purged', 'req-purged', AT));
    await q.updateTable('enclosures').set({ content: null, purged_at: AT }).where('id', '=', 'purged').execute();
    expect(await getEnclosureContent(q, 'purged')).toEqual({ mime: 'image/png', content: null });
  });

  it('deletes one enclosure and only that one', async () => {
    const q = store().q;
    await seedRequest(q, 'req-delete');
    await insertEnclosure(q, enclosure('gone', 'req-delete', AT));
    await insertEnclosure(q, enclosure('stays', 'req-delete', AT));
    await deleteEnclosure(q, 'gone');
    expect(await getEnclosureRow(q, 'gone')).toBeNull();
    expect(await getEnclosureContent(q, 'gone')).toBeNull();
    expect((await listEnclosures(q, 'req-delete')).map((r) => r.id)).toEqual(['stays']);
  });
});
