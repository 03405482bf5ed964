import { describe, expect, it } from 'vitest';
import { call, intakeInput, makeServices, setupVault, tempDataDir } from '../../testing/support';
import { listFilter } from '../../../../core/contract';
import { requestKinds, type RequestKind } from '../../../../core/domain/intake/kinds';
import { kindBits } from './request-lists-kinds';

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
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    const db = s.vault.connection();
    const mask = () => db.prepare('SELECT kind_mask FROM requests WHERE id = ?').pluck().get(r.id) as number;
    const kinds = () => db.prepare('SELECT kind FROM request_items WHERE request_id = ?').pluck().all(r.id) as string[];
    const expected = () => kinds().reduce((m, k) => m | ((kindBits[k as RequestKind] as number | undefined) ?? 0), 0);
    expect(mask()).toBe(expected());
    expect(mask()).not.toBe(0);
    db.prepare("INSERT INTO request_items (request_id, kind, details) VALUES (?, 'erasure', '{}')").run(r.id);
    expect(mask() & kindBits.erasure).not.toBe(0);
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

  it('gives every kind its own bit, and the kind filter finds a request of each kind and no other', async () => {
    const bits = requestKinds.map((k) => kindBits[k]);
    for (const bit of bits) expect(Number.isInteger(Math.log2(bit)), String(bit)).toBe(true);
    expect(new Set(bits).size).toBe(requestKinds.length);
    expect(Object.keys(kindBits).sort()).toEqual([...requestKinds].sort());

    const s = makeServices(tempDataDir());
    await setupVault(s);
    const db = s.vault.connection();
    // One request per kind, holding that kind alone (the items written directly, so the mask comes
    // from the triggers of migration 0020 whatever intake allows together).
    const ids = new Map<RequestKind, string>();
    for (const kind of requestKinds) {
      const { id } = await call(s, 'intake.create', intakeInput());
      db.prepare('DELETE FROM request_items WHERE request_id = ?').run(id);
      db.prepare("INSERT INTO request_items (request_id, kind, details) VALUES (?, ?, '{}')").run(id, kind);
      ids.set(kind, id);
    }
    for (const kind of requestKinds) {
      const page = await call(s, 'requests.list', listFilter({ statuses: [], kind }));
      expect(
        page.rows.map((r) => r.id),
        kind,
      ).toEqual([ids.get(kind)]);
    }
    await s.close();
  });
});
