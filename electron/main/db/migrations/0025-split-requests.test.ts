import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../testing/support';
import { openEncrypted, userVersion } from '../connection';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('0025-split-requests', () => {
  it('gives every request an empty link, and clears a link rather than a request', () => {
    const db = openEncrypted(join(tempDataDir(), 'm.db'), randomBytes(32), { create: true });
    migrate(
      db,
      migrations.filter((m) => m.version < 25),
      () => undefined,
    );
    const request = (id: string) =>
      `INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
        delivery, status, search_kana, search_name, created_at, updated_at)
        VALUES ('${id}', '${id}', 'post', '2026-01-05', 'a', 'self', 'principal', 'simpleRegistered', 'checking', 'k', 'n', 't', 't');`;
    db.exec(`
      INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('a', 'h', 'n', 't', 't');
      ${request('r1')}
    `);
    migrate(db, migrations, () => undefined);
    expect(userVersion(db)).toBeGreaterThanOrEqual(25);
    expect(db.prepare("SELECT split_from FROM requests WHERE id = 'r1'").pluck().get()).toBeNull();
    db.exec(`${request('r2')} UPDATE requests SET split_from = 'r1' WHERE id = 'r2';`);
    expect(() => db.exec("UPDATE requests SET split_from = 'nope' WHERE id = 'r2'")).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM requests WHERE id = 'r1'");
    expect(db.prepare("SELECT split_from FROM requests WHERE id = 'r2'").pluck().get()).toBeNull();
    db.close();
  });
});
