import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../testing/support';
import { openEncrypted, userVersion } from '../connection';
import { NewerDatabaseError } from '../errors';
import { migrate } from '../migrate';
import { m0001Initial } from './0001-initial';
import { m0002Requests } from './0002-requests';
import { m0003RequestEvents } from './0003-request-events';
import { m0004Processing } from './0004-processing';
import { m0005Letters } from './0005-letters';
import { m0006Retention } from './0006-retention';
import { m0007LetterReissue } from './0007-letter-reissue';
import { m0008ReplyPostalCode } from './0008-reply-postal-code';
import { m0009FeeKinds } from './0009-fee-kinds';
import { m0010FaxReceivedOn } from './0010-fax-received-on';
import { m0011Suspicion } from './0011-suspicion';
import { m0012Searches } from './0012-searches';
import { m0021AccountKeys } from './0021-account-keys';
import { LATEST_SCHEMA_VERSION, migrations, POSTGRES_BASELINE_VERSION } from './index';
import type { Migration } from './types';

function freshDb() {
  const dir = tempDataDir();
  const key = randomBytes(32);
  return { dir, key, db: openEncrypted(join(dir, 'm.db'), key, { create: true }) };
}

describe('migrations', () => {
  it('are numbered 1..n and the latest is what the app opens', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('have a PostgreSQL text from the PostgreSQL baseline on, and none before it', () => {
    // No PostgreSQL database predates the baseline, whose text makes the whole schema of its
    // version; every later migration changes both engines.
    const withText = migrations.filter((m) => m.postgres !== undefined).map((m) => m.version);
    const expected = migrations.filter((m) => m.version >= POSTGRES_BASELINE_VERSION).map((m) => m.version);
    expect(withText).toEqual(expected);
    for (const m of migrations) if (m.postgres !== undefined) expect(m.postgres.trim()).not.toBe('');
  });

  it('0001-initial creates the settings, accounts, roles and audit tables', () => {
    const { db } = freshDb();
    migrate(db, [m0001Initial], () => undefined);
    expect(userVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['account_roles', 'accounts', 'audit_head', 'audit_log', 'settings']),
    );
    expect(() => db.prepare("INSERT INTO account_roles VALUES ('x', 'root')").run()).toThrow();
    db.close();
  });

  it('0002-requests adds the intake tables on top of 0001 and enforces their constraints', () => {
    const { db } = freshDb();
    migrate(db, [m0001Initial], () => undefined);
    migrate(db, [m0001Initial, m0002Requests], () => undefined);
    expect(userVersion(db)).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'requests',
        'request_parties',
        'request_items',
        'enclosures',
        'identity_documents',
        'fee_payments',
        'receipt_counters',
      ]),
    );
    db.pragma('foreign_keys = ON');
    expect(() =>
      db.prepare("INSERT INTO fee_payments VALUES ('p', 'nope', 'stamps', 100, '2026-01-01', NULL)").run(),
    ).toThrow();
    db.close();
  });

  it('0003-request-events adds the workflow history', () => {
    const { db } = freshDb();
    migrate(db, [m0001Initial, m0002Requests, m0003RequestEvents], () => undefined);
    expect(userVersion(db)).toBe(3);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('request_events');
    expect(columns).toEqual([
      'id',
      'request_id',
      'at',
      'day',
      'account_id',
      'action',
      'from_state',
      'to_state',
      'comment',
    ]);
    db.close();
  });

  it('0004-processing adds the processing columns and tables, keeping rows from before', () => {
    const { db } = freshDb();
    migrate(db, [m0001Initial, m0002Requests, m0003RequestEvents], () => undefined);
    db.exec(
      `INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('a', 'h', 'n', 't', 't')`,
    );
    db.exec(`INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
      delivery, status, search_kana, search_name, created_at, updated_at)
      VALUES ('r', '1', 'post', '2026-01-05', 'a', 'self', 'principal', 'simpleRegistered', 'checking', 'k', 'n', 't', 't')`);
    migrate(db, [m0001Initial, m0002Requests, m0003RequestEvents, m0004Processing], () => undefined);
    expect(userVersion(db)).toBe(4);
    expect(db.prepare('SELECT status, due_date FROM requests').get()).toEqual({ status: 'checking', due_date: null });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['request_decisions', 'request_dispatches']));
    db.close();
  });

  // Migrations 1–4 with one account and one request, as a vault of that version holds them.
  function vaultAt4() {
    const fresh = freshDb();
    migrate(fresh.db, [m0001Initial, m0002Requests, m0003RequestEvents, m0004Processing], () => undefined);
    fresh.db.exec(
      `INSERT INTO accounts (id, login_name, display_name, created_at, updated_at) VALUES ('a', 'h', 'n', 't', 't')`,
    );
    fresh.db.exec(`INSERT INTO requests (id, receipt_no, channel, arrival_date, received_by, requester_type, answer_to,
      delivery, status, search_kana, search_name, created_at, updated_at)
      VALUES ('r', '1', 'post', '2026-01-05', 'a', 'self', 'principal', 'simpleRegistered', 'checking', 'k', 'n', 't', 't')`);
    return fresh;
  }
  const upTo5 = [m0001Initial, m0002Requests, m0003RequestEvents, m0004Processing, m0005Letters];

  it('0005-letters adds the letters with unique document numbers, the counters, the certificate and the seal', () => {
    const { db } = vaultAt4();
    migrate(db, upTo5, () => undefined);
    expect(userVersion(db)).toBe(5);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['letters', 'letter_counters', 'signing_identity', 'seal_image']));
    const insert = db.prepare(
      `INSERT INTO letters (id, request_id, kind, document_no, pdf, sha256, signed, created_by, created_at)
       VALUES (?, 'r', 'receipt', ?, x'00', 's', 0, 'a', 't')`,
    );
    insert.run('l1', 'No.1');
    expect(() => insert.run('l2', 'No.1')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO seal_image VALUES (2, x'00', 'a', 't')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('0006-retention adds the purge marks to requests and enclosures, keeping rows from before', () => {
    const { db } = vaultAt4();
    migrate(db, [...upTo5, m0006Retention], () => undefined);
    expect(userVersion(db)).toBe(6);
    expect(db.prepare('SELECT id, purged_at FROM requests').get()).toEqual({ id: 'r', purged_at: null });
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('enclosures')).toContain('purged_at');
    db.close();
  });

  it('0007-letter-reissue adds the reissue reason to letters, keeping the letters from before', () => {
    const { db } = vaultAt4();
    migrate(db, upTo5, () => undefined);
    db.exec(`INSERT INTO letters (id, request_id, kind, document_no, pdf, sha256, signed, created_by, created_at)
      VALUES ('l1', 'r', 'receipt', 'No.1', x'00', 's', 0, 'a', 't')`);
    migrate(db, [...upTo5, m0006Retention, m0007LetterReissue], () => undefined);
    expect(userVersion(db)).toBe(7);
    expect(db.prepare('SELECT document_no, reissue_reason FROM letters').get()).toEqual({
      document_no: 'No.1',
      reissue_reason: null,
    });
    db.close();
  });

  it('0008-reply-postal-code gives requests a reply 郵便番号, empty on the requests from before', () => {
    const { db } = vaultAt4();
    migrate(db, [...upTo5, m0006Retention, m0007LetterReissue], () => undefined);
    const before = db.prepare('SELECT id, reply_address FROM requests').all();
    expect(before.length).toBeGreaterThan(0);
    migrate(db, [...upTo5, m0006Retention, m0007LetterReissue, m0008ReplyPostalCode], () => undefined);
    expect(userVersion(db)).toBe(8);
    expect(db.prepare('SELECT id, reply_address FROM requests').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT reply_postal_code FROM requests').pluck().all()).toEqual(['']);
    db.close();
  });

  it('0009-fee-kinds: payments from before count for the request as a whole, nothing recorded as returned', () => {
    const { db } = vaultAt4();
    const upTo8 = [...upTo5, m0006Retention, m0007LetterReissue, m0008ReplyPostalCode];
    migrate(db, upTo8, () => undefined);
    db.exec(
      "INSERT INTO fee_payments (id, request_id, means, amount, received_on, issued_on) VALUES ('r:p', 'r', 'stamps', 500, '2026-01-05', NULL)",
    );
    const payments = db.prepare('SELECT id, means, amount FROM fee_payments').all();
    expect(payments.length).toBeGreaterThan(0);
    migrate(db, [...upTo8, m0009FeeKinds], () => undefined);
    expect(userVersion(db)).toBe(9);
    expect(db.prepare('SELECT id, means, amount FROM fee_payments').all()).toEqual(payments);
    expect(db.prepare('SELECT DISTINCT for_kind FROM fee_payments').pluck().all()).toEqual([null]);
    expect(db.prepare('SELECT DISTINCT fee_return_json FROM requests').pluck().all()).toEqual([null]);
    db.close();
  });

  it('0010-fax-received-on: no FAX date on the requests from before; their 到達日 is unchanged', () => {
    const { db } = vaultAt4();
    const upTo9 = [...upTo5, m0006Retention, m0007LetterReissue, m0008ReplyPostalCode, m0009FeeKinds];
    migrate(db, upTo9, () => undefined);
    const before = db.prepare('SELECT id, arrival_date, provisional FROM requests').all();
    migrate(db, [...upTo9, m0010FaxReceivedOn], () => undefined);
    expect(userVersion(db)).toBe(10);
    expect(db.prepare('SELECT id, arrival_date, provisional FROM requests').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT fax_received_on FROM requests').pluck().all()).toEqual([null]);
    db.close();
  });

  it('0011-suspicion: no request from before is flagged', () => {
    const { db } = vaultAt4();
    const upTo10 = [
      ...upTo5,
      m0006Retention,
      m0007LetterReissue,
      m0008ReplyPostalCode,
      m0009FeeKinds,
      m0010FaxReceivedOn,
    ];
    migrate(db, upTo10, () => undefined);
    const before = db.prepare('SELECT id, status FROM requests').all();
    migrate(db, [...upTo10, m0011Suspicion], () => undefined);
    expect(userVersion(db)).toBe(11);
    expect(db.prepare('SELECT id, status FROM requests').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT suspicion_json FROM requests').pluck().all()).toEqual([null]);
    db.close();
  });

  it('0012-searches: requests from before have no search recorded', () => {
    const { db } = vaultAt4();
    const upTo11 = [
      ...upTo5,
      m0006Retention,
      m0007LetterReissue,
      m0008ReplyPostalCode,
      m0009FeeKinds,
      m0010FaxReceivedOn,
      m0011Suspicion,
    ];
    migrate(db, upTo11, () => undefined);
    const before = db.prepare('SELECT id, status FROM requests').all();
    expect(before.length).toBeGreaterThan(0);
    migrate(db, [...upTo11, m0012Searches], () => undefined);
    expect(userVersion(db)).toBe(12);
    expect(db.prepare('SELECT id, status FROM requests').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT searches_json FROM requests').pluck().all()).toEqual([null]);
    db.close();
  });

  it('0021-account-keys: accounts from before have no public key and no revocation pending', () => {
    const { db } = vaultAt4();
    const upTo20 = migrations.filter((m) => m.version >= 5 && m.version <= 20);
    migrate(db, [m0001Initial, m0002Requests, m0003RequestEvents, m0004Processing, ...upTo20], () => undefined);
    const before = db.prepare('SELECT id, login_name, disabled FROM accounts').all();
    migrate(
      db,
      [m0001Initial, m0002Requests, m0003RequestEvents, m0004Processing, ...upTo20, m0021AccountKeys],
      () => undefined,
    );
    expect(userVersion(db)).toBe(21);
    expect(db.prepare('SELECT id, login_name, disabled FROM accounts').all()).toEqual(before);
    expect(db.prepare('SELECT public_key, revocation_pending FROM accounts').all()).toEqual([
      { public_key: null, revocation_pending: 0 },
    ]);
    expect(() => db.prepare("UPDATE accounts SET revocation_pending = 2 WHERE id = 'a'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('backs up an existing database (encrypted) before running pending migrations', () => {
    const { dir, db } = freshDb();
    migrate(db, [m0001Initial], () => {
      throw new Error('no backup for a new database');
    });
    const next: Migration = { version: 2, name: 'add-x', up: (d) => d.exec('CREATE TABLE x (a INTEGER) STRICT') };
    // (A stand-in second migration: the backup mechanism, not 0002's content, is under test.)
    const backups: string[] = [];
    const result = migrate(db, [m0001Initial, next], (from) => {
      const file = join(dir, `backup-v${from}.db`);
      db.prepare('VACUUM INTO ?').run(file);
      backups.push(file);
    });
    expect(result).toEqual({ from: 1, to: 2, applied: ['0002-add-x'] });
    expect(backups).toHaveLength(1);
    expect(existsSync(backups[0] ?? '')).toBe(true);
    expect(
      readFileSync(backups[0] ?? '')
        .subarray(0, 15)
        .toString('latin1'),
    ).not.toBe('SQLite format 3');
    expect(readdirSync(dir)).toContain('backup-v1.db');
    db.close();
  });

  it('rolls back a failing migration together with its user_version', () => {
    const { db } = freshDb();
    const broken: Migration = {
      version: 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE y (a INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [broken], () => undefined)).toThrow('boom');
    expect(userVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'y'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database from a newer version', () => {
    const { db } = freshDb();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(db, migrations, () => undefined)).toThrow(NewerDatabaseError);
    db.close();
  });
});
