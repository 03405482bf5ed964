import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../testing/support';
import { openEncrypted, userVersion } from '../connection';
import { migrate } from '../migrate';
import { m0022ApprovalLinks } from './0022-approval-links';
import { migrations } from './index';

describe('0022-approval-links', () => {
  it('links each letter and package from before to the latest approval recorded before it', () => {
    const db = openEncrypted(join(tempDataDir(), 'm.db'), randomBytes(32), { create: true });
    const before = migrations.filter((m) => m.version < 22);
    migrate(db, before, () => undefined);
    db.exec(
      `INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('a', 'h', 'n', 't', 't')`,
    );
    db.exec(`INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
      delivery, status, search_kana, search_name, created_at, updated_at)
      VALUES ('r', '1', 'post', '2026-01-05', 'a', 'self', 'principal', 'simpleRegistered', 'preparingAnswer', 'k', 'n', 't', 't')`);
    const event = db.prepare(
      `INSERT INTO request_events (request_id, at, day, account_id, action, from_state, to_state)
       VALUES ('r', ?, '2026-01-06', 'a', ?, 'x', 'y') RETURNING id`,
    );
    const first = (event.get('2026-01-06T01:00:00Z', 'approve') as { id: number }).id;
    event.run('2026-01-06T03:00:00Z', 'sendBack');
    const second = (event.get('2026-01-06T05:00:00Z', 'approve') as { id: number }).id;
    const letter = db.prepare(
      `INSERT INTO letters (id, request_id, kind, document_no, pdf, sha256, signed, created_by, created_at)
       VALUES (?, 'r', 'disclosureDecision', ?, x'00', 's', 0, 'a', ?)`,
    );
    letter.run('receipt', 'No.0', '2026-01-05T09:00:00Z');
    letter.run('old', 'No.1', '2026-01-06T02:00:00Z');
    letter.run('new', 'No.2', '2026-01-06T06:00:00Z');
    db.prepare(
      `INSERT INTO disclosure_packages (id, request_id, route, password_route, file_name, size, sha256, manifest_json,
         password_hash, created_by, created_at) VALUES (?, 'r', 'cdr', 'letter', 'p.zip', 1, 's', '{}', '{}', 'a', ?)`,
    ).run('p1', '2026-01-06T02:30:00Z');
    migrate(db, [...before, m0022ApprovalLinks], () => undefined);
    expect(userVersion(db)).toBe(22);
    expect(db.prepare('SELECT id, approval_event FROM letters ORDER BY created_at').all()).toEqual([
      { id: 'receipt', approval_event: null },
      { id: 'old', approval_event: first },
      { id: 'new', approval_event: second },
    ]);
    expect(db.prepare('SELECT approval_event FROM disclosure_packages').pluck().all()).toEqual([first]);
    db.close();
  });
});
