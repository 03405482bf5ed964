import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../testing/support';
import { openEncrypted, userVersion } from '../connection';
import { migrate } from '../migrate';
import { m0023StaleMarks } from './0023-stale-marks';
import { migrations } from './index';

describe('0023-stale-marks', () => {
  it('lets a vault from before upsert and update rows of a request already marked stale', () => {
    const db = openEncrypted(join(tempDataDir(), 'm.db'), randomBytes(32), { create: true });
    const before = migrations.filter((m) => m.version < 23);
    migrate(db, before, () => undefined);
    db.exec(`
      INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('a', 'h', 'n', 't', 't');
      INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
        delivery, status, search_kana, search_name, created_at, updated_at)
        VALUES ('r', '1', 'post', '2026-01-05', 'a', 'self', 'principal', 'simpleRegistered', 'drafting', 'k', 'n', 't', 't');
      INSERT INTO request_items (request_id, kind, details) VALUES ('r', 'disclosure', '{}');
      INSERT INTO request_decisions (request_id, kind, data, drafted_by, drafted_at) VALUES ('r', 'disclosure', 'v1', 'a', 't');
      INSERT INTO fee_payments (id, request_id, means, amount, received_on) VALUES ('f', 'r', 'cash', 300, 'd');
    `);
    const marked = () => db.prepare('SELECT request_id FROM report_facts_stale').pluck().all();
    expect(marked()).toEqual(['r']);
    // Saving a decision draft again (repositories/requests.ts upsertDecision), an item upserted,
    // and updates under the other conflict clauses that override the trigger's.
    const writes = [
      `INSERT INTO request_decisions (request_id, kind, data, drafted_by, drafted_at) VALUES ('r', 'disclosure', 'v2', 'a', 't')
        ON CONFLICT (request_id, kind) DO UPDATE SET data = excluded.data`,
      `INSERT INTO request_items (request_id, kind, details) VALUES ('r', 'disclosure', '{}')
        ON CONFLICT (request_id, kind) DO UPDATE SET kind = 'correction'`,
      "UPDATE OR FAIL fee_payments SET amount = 400 WHERE id = 'f'",
      "UPDATE OR ABORT requests SET status = 'answered' WHERE id = 'r'",
      "INSERT OR ROLLBACK INTO request_dispatches VALUES ('d', 'r', '{}', 'a', 't')",
    ];
    // Before: each fails on report_facts_stale's key (the trigger's OR IGNORE overridden).
    for (const write of writes) {
      expect(() => db.exec(write), write).toThrow('UNIQUE constraint failed: report_facts_stale.request_id');
    }
    migrate(db, [...before, m0023StaleMarks], () => undefined);
    expect(userVersion(db)).toBe(23);
    for (const write of writes) db.exec(write);
    expect(db.prepare('SELECT data FROM request_decisions').pluck().all()).toEqual(['v2']);
    expect(db.prepare('SELECT kind FROM request_items').pluck().all()).toEqual(['correction']);
    expect(db.prepare('SELECT kind_mask, status FROM requests').get()).toEqual({ kind_mask: 8, status: 'answered' });
    expect(db.prepare('SELECT amount FROM fee_payments').pluck().all()).toEqual([400]);
    expect(db.prepare('SELECT count(*) FROM request_dispatches').pluck().get()).toBe(1);
    expect(marked()).toEqual(['r']);
    // The same triggers, each still marking a request that is not marked yet.
    const triggers = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_facts_%' ORDER BY name",
      )
      .all() as { name: string; sql: string }[];
    expect(triggers).toHaveLength(17);
    for (const t of triggers) expect(t.sql, t.name).not.toContain('OR IGNORE');
    const each = [
      "UPDATE request_decisions SET data = 'v3'",
      "DELETE FROM request_dispatches WHERE id = 'd'",
      "INSERT INTO request_events (request_id, at, day, account_id, action, from_state, to_state) VALUES ('r', 't', 'd', 'a', 'x', 'y', 'z')",
      "UPDATE requests SET closed_on = '2026-02-01'",
    ];
    for (const write of each) {
      db.exec('DELETE FROM report_facts_stale');
      db.exec(write);
      expect(marked(), write).toEqual(['r']);
    }
    db.close();
  });
});
