import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted, prepared, WrongKeyError } from './connection';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'madoguchi-db-')), 'test.db');
}

describe('encrypted connection', () => {
  it('writes an encrypted file and reopens it with the same raw key', () => {
    const file = tempDb();
    const key = randomBytes(32);
    const db = openEncrypted(file, key, { create: true });
    db.exec('CREATE TABLE t (name TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('山田太郎');
    db.close();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('山田太郎', 'utf8'))).toBe(false);
    const again = openEncrypted(file, key, { create: false });
    expect(again.prepare('SELECT name FROM t').pluck().get()).toBe('山田太郎');
    again.close();
  });

  it('refuses a wrong key without opening', () => {
    const file = tempDb();
    openEncrypted(file, randomBytes(32), { create: true }).close();
    expect(() => openEncrypted(file, randomBytes(32), { create: false })).toThrow(WrongKeyError);
  });

  it('refuses a missing file when not creating, and a key of the wrong size', () => {
    expect(() => openEncrypted(tempDb(), randomBytes(32), { create: false })).toThrow();
    expect(() => openEncrypted(tempDb(), randomBytes(16), { create: true })).toThrow(/32 bytes/);
  });

  it('sets WAL, synchronous FULL, foreign keys, in-memory temp store and a large cache', () => {
    const db = openEncrypted(tempDb(), randomBytes(32), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('cache_size', { simple: true })).toBe(-65536);
    db.close();
  });

  it('compiles a statement once per connection and hands it out with pluck off', () => {
    const db = openEncrypted(tempDb(), randomBytes(32), { create: true });
    db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)');
    const sql = 'SELECT n FROM t ORDER BY n';
    const first = prepared(db, sql);
    expect(first.pluck().all()).toEqual([1, 2]);
    const again = prepared(db, sql);
    expect(again).toBe(first);
    expect(again.all()).toEqual([{ n: 1 }, { n: 2 }]);
    // Another connection has statements of its own.
    const other = openEncrypted(tempDb(), randomBytes(32), { create: true });
    other.exec('CREATE TABLE t (n INTEGER)');
    expect(prepared(other, sql)).not.toBe(first);
    // Past the bound the cache starts over rather than growing without end.
    for (let i = 0; i < 400; i++) prepared(db, `SELECT ${i}`);
    expect(prepared(db, sql)).not.toBe(first);
    db.close();
    other.close();
  });
});
