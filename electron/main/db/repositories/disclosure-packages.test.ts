import { expect, it } from 'vitest';
import { seedRequest } from '../../testing/request-rows';
import { forEachEngine } from '../../testing/stores';
import { getDisclosurePackage, insertDisclosurePackage, listDisclosurePackages } from './disclosure-packages';

const AT = '2024-04-01T09:00:00.000Z';

function pkg(id: string, requestId: string, createdAt: string, approvalEvent: number | null = null) {
  return {
    id,
    request_id: requestId,
    route: 'usb',
    password_route: 'mail',
    file_name: `${id}.zip`,
    size: 1234,
    sha256: `sha-${id}`,
    manifest_json: '{"files":[]}',
    password_hash: `hash-${id}`,
    created_by: 'acct',
    created_at: createdAt,
    approval_event: approvalEvent,
  };
}

forEachEngine('disclosure packages repository', (store) => {
  it('lists a request’s packages by time, those of the same instant in the order they were built', async () => {
    const q = store().q;
    await seedRequest(q, 'req-list');
    await seedRequest(q, 'req-other');
    await insertDisclosurePackage(q, pkg('late', 'req-list', '2024-04-03T00:00:00.000Z', 42));
    await insertDisclosurePackage(q, pkg('same-b', 'req-list', '2024-04-02T00:00:00.000Z'));
    await insertDisclosurePackage(q, pkg('same-a', 'req-list', '2024-04-02T00:00:00.000Z'));
    await insertDisclosurePackage(q, pkg('elsewhere', 'req-other', '2024-04-01T00:00:00.000Z'));
    const rows = await listDisclosurePackages(q, 'req-list');
    expect(rows.map((r) => r.id)).toEqual(['same-b', 'same-a', 'late']);
    expect(rows[2]).toEqual(pkg('late', 'req-list', '2024-04-03T00:00:00.000Z', 42));
    expect(await listDisclosurePackages(q, 'req-none')).toEqual([]);
  });

  it('gets one package by id, its approval kept or null', async () => {
    const q = store().q;
    await seedRequest(q, 'req-get');
    await insertDisclosurePackage(q, pkg('with', 'req-get', AT, 7));
    await insertDisclosurePackage(q, pkg('without', 'req-get', AT));
    expect(await getDisclosurePackage(q, 'with')).toEqual(pkg('with', 'req-get', AT, 7));
    expect(await getDisclosurePackage(q, 'without')).toEqual(pkg('without', 'req-get', AT, null));
    expect(await getDisclosurePackage(q, 'missing')).toBeUndefined();
    await expect(insertDisclosurePackage(q, pkg('with', 'req-get', AT))).rejects.toThrow();
  });
});
