import { describe, expect, it } from 'vitest';
import { call, intakeInput, makeServices, setupVault, tempDataDir } from '../../testing/support';
import { reportDetailQueries, reportDetails } from './reports';

// The report's detail queries follow the requests of the period, not the size of the vault.
describe('report details', () => {
  it('are read by looking up each request of the period, never by scanning a whole table', async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const a = await call(s, 'intake.create', intakeInput());
    const b = await call(s, 'intake.create', intakeInput());
    await call(s, 'requests.transition', { id: a.id, action: 'startCheck', comment: '' });
    const db = s.vault.connection();
    const details = reportDetails(db, [a.id]);
    expect(new Set(details.events.map((e) => e.request_id))).toEqual(new Set([a.id]));
    expect(details.events.map((e) => e.action)).toEqual(['received', 'startCheck']);
    expect(details.payments.map((p) => p.request_id)).toEqual([a.id]);
    expect(reportDetails(db, [b.id]).events.map((e) => e.action)).toEqual(['received']);

    db.exec('CREATE TEMP TABLE IF NOT EXISTS report_ids (id TEXT PRIMARY KEY) WITHOUT ROWID');
    for (const sql of Object.values(reportDetailQueries)) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan[0]).toBe('SCAN t');
      expect(plan[1]).toMatch(/^SEARCH \w+ USING/);
    }
    await s.close();
  });
});

// Read once per connection (after a login, restore or key rotation): only the undated requests.
describe('requests without stored deadlines', () => {
  it('are found through the partial index, and the report facts through the bucket ranges', async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const db = s.vault.connection();
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
    expect(plan('SELECT id FROM requests WHERE due_date IS NULL')).toMatch(/USING (COVERING )?INDEX requests_undated/);
    expect(plan("SELECT data FROM report_facts WHERE bucket = '' AND arrival_date <= '2026-10-31'")).toMatch(
      /SEARCH report_facts USING PRIMARY KEY \(bucket=\?\)/,
    );
    expect(plan("SELECT data FROM report_facts WHERE bucket >= '2026-09-01' AND arrival_date <= '2026-10-31'")).toMatch(
      /SEARCH report_facts USING PRIMARY KEY \(bucket>\?\)/,
    );
    await s.close();
  });
});

// The dashboard's list of open requests with a suspicion recorded: through its partial index,
// already in the list's order.
describe('the suspected list of the dashboard', () => {
  it('reads only the suspected open requests, never the whole table', async () => {
    const s = makeServices(tempDataDir());
    await setupVault(s);
    const db = s.vault.connection();
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT r.id FROM requests r WHERE r.suspicion_json IS NOT NULL AND r.closed_on IS NULL AND r.purged_at IS NULL ORDER BY r.arrival_date ASC, r.receipt_no ASC LIMIT 20`,
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' / ');
    expect(plan).toMatch(/SCAN r USING INDEX requests_suspected/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    await s.close();
  });
});
