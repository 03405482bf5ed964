import { describe, expect, it } from 'vitest';
import { call, intakeInput, makeServices, setupVault, tempDataDir } from '../../testing/support';
import { listFilter } from '../../../../core/contract';
import { requestKinds, type RequestKind } from '../../../../core/domain/intake/kinds';
import { KIND_BITS } from '../migrations/0020-list-indexes';

// The list counts and chooses its page from indexes alone: a broad filter on a vault larger than
// the page cache would otherwise read thousands of scattered table rows.
describe('the request list on its indexes', () => {
  it('counts and pages by step, channel, period and kind without reading the requests table', async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const db = s.vault.connection();
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
    const kind = 'r.kind_mask & 2 <> 0';
    const filters = [
      "r.status IN ('completed') AND r.channel = 'fax'",
      "r.channel = 'fax' AND r.arrival_date >= '2026-01-01' AND r.arrival_date <= '2026-12-31'",
      `${kind} AND r.channel = 'fax' AND r.arrival_date >= '2026-01-01'`,
      kind,
    ];
    for (const where of filters) {
      const count = plan(
        `SELECT count(*) FROM (SELECT 1 FROM requests r WHERE ${where} AND r.purged_at IS NULL LIMIT 1001)`,
      );
      const page = plan(
        `SELECT r.rowid FROM requests r WHERE ${where} AND r.purged_at IS NULL ORDER BY r.arrival_date DESC, r.receipt_no DESC LIMIT 50`,
      );
      for (const p of [count, page]) expect(p).toMatch(/USING COVERING INDEX requests_(status|channel|arrival)/);
    }
    await s.close();
  });

  it('pages in order with the summaries of the page only', async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const made: string[] = [];
    for (let d = 1; d <= 7; d++)
      made.push((await call(s, 'intake.create', intakeInput({ arrivalDate: `2026-10-0${d}` }))).id);
    const first = await call(s, 'requests.list', listFilter({ statuses: [], limit: 3 }));
    const second = await call(s, 'requests.list', listFilter({ statuses: [], limit: 3, offset: 3 }));
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(made.slice().reverse().slice(0, 6));
    expect(first.rows[0]?.principalName).toBe(intakeInput().principal.name);
    expect(first.rows[0]?.kinds.length).toBeGreaterThan(0);
    expect(first.total).toBe(7);
    await s.close();
  });

  it('keeps the kinds of each request as bits, whatever writes its items', async () => {
    expect(requestKinds.map((k) => KIND_BITS[k])).toEqual(requestKinds.map((_, i) => 2 ** i));
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    const db = s.vault.connection();
    const mask = () => db.prepare('SELECT kind_mask FROM requests WHERE id = ?').pluck().get(r.id) as number;
    const kinds = () => db.prepare('SELECT kind FROM request_items WHERE request_id = ?').pluck().all(r.id) as string[];
    const expected = () => kinds().reduce((m, k) => m | (KIND_BITS[k] ?? 0), 0);
    expect(mask()).toBe(expected());
    expect(mask()).not.toBe(0);
    db.prepare("INSERT INTO request_items (request_id, kind, details) VALUES (?, 'erasure', '{}')").run(r.id);
    expect(mask() & KIND_BITS['erasure']!).not.toBe(0);
    expect(mask()).toBe(expected());
    db.prepare("UPDATE request_items SET kind = 'suspension' WHERE request_id = ? AND kind = 'erasure'").run(r.id);
    expect(mask()).toBe(expected());
    db.prepare("DELETE FROM request_items WHERE request_id = ? AND kind = 'suspension'").run(r.id);
    expect(mask()).toBe(expected());
    const listed = async (kind: RequestKind) =>
      (await call(s, 'requests.list', listFilter({ statuses: [], kind }))).total;
    const first = kinds()[0] as RequestKind;
    expect(await listed(first)).toBe(1);
    expect(await listed('erasure')).toBe(0);
    await s.close();
  });
});
