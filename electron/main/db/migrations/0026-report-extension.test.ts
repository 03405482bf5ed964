import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../testing/support';
import { openEncrypted } from '../connection';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('0026-report-extension', () => {
  it('computes again the report facts of requests extended before it, and of any extension after', () => {
    const db = openEncrypted(join(tempDataDir(), 'm.db'), randomBytes(32), { create: true });
    migrate(
      db,
      migrations.filter((m) => m.version < 26),
      () => undefined,
    );
    const request = (id: string, extension: string | null) =>
      db
        .prepare(
          `INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
            delivery, status, search_kana, search_name, created_at, updated_at, extension_json)
          VALUES (?, ?, 'post', '2026-10-05', 'a', 'self', 'principal', 'simpleRegistered', 'investigating', 'k', 'n',
            't', 't', ?)`,
        )
        .run(id, id, extension);
    db.exec(
      "INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('a', 'h', 'n', 't', 't')",
    );
    const extension = JSON.stringify({ date: '2026-11-20', reason: 'r', decidedBy: 'a', decidedOn: '2026-10-15' });
    request('extended', extension);
    request('plain', null);
    request('later', null);
    const marked = () => db.prepare('SELECT request_id FROM report_facts_stale ORDER BY 1').pluck().all();
    db.exec('DELETE FROM report_facts_stale');
    migrate(db, migrations, () => undefined);
    expect(marked()).toEqual(['extended']);
    db.exec('DELETE FROM report_facts_stale');
    db.prepare("UPDATE requests SET extension_json = ? WHERE id = 'later'").run(extension);
    expect(marked()).toEqual(['later']);
    db.close();
  });
});
