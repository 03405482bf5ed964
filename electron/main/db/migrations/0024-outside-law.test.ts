import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../testing/support';
import { openEncrypted, userVersion } from '../connection';
import { migrate } from '../migrate';
import { m0024OutsideLaw } from './0024-outside-law';
import { migrations } from './index';

describe('0024-outside-law', () => {
  it('gives every request from before an empty outside_law_json, which a close as outside the Act fills', () => {
    const db = openEncrypted(join(tempDataDir(), 'm.db'), randomBytes(32), { create: true });
    migrate(
      db,
      migrations.filter((m) => m.version < m0024OutsideLaw.version),
      () => undefined,
    );
    db.exec(`
      INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('a', 'h', 'n', 't', 't');
      INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
        delivery, status, search_kana, search_name, created_at, updated_at)
        VALUES ('r', '1', 'post', '2026-01-05', 'a', 'self', 'principal', 'simpleRegistered', 'checking', 'k', 'n', 't', 't');
      DELETE FROM report_facts_stale;
    `);
    migrate(
      db,
      migrations.filter((m) => m.version <= m0024OutsideLaw.version),
      () => undefined,
    );
    expect(userVersion(db)).toBe(m0024OutsideLaw.version);
    expect(db.prepare("SELECT outside_law_json FROM requests WHERE id = 'r'").pluck().get()).toBeNull();
    // Closing it so changes its status in the same statement: the report facts are recomputed.
    db.exec(`UPDATE requests SET status = 'outsideLaw', closed_on = '2026-01-06',
      outside_law_json = '{"category":"deceased","response":"service","text":"…"}' WHERE id = 'r'`);
    expect(db.prepare('SELECT request_id FROM report_facts_stale').pluck().all()).toEqual(['r']);
    db.close();
  });
});
