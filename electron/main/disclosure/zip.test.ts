import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEncryptedZip } from './zip';

// The ZIP worker: entries handed over in order, a failure in the worker ends the write at once
// (no hang on the entries after it) and leaves no file behind.

const entry = (name: string, text: string) => ({ name, data: () => Promise.resolve(Buffer.from(text, 'utf8')) });

describe('encrypted ZIP on a worker', () => {
  it('writes the entries in order and only the password opens them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-zip-'));
    const path = join(dir, 'p.zip');
    const done: number[] = [];
    const written = await writeEncryptedZip(
      path,
      'pass2345word',
      [entry('a.csv', 'a,b\n'), entry('b.txt', 'メモ')],
      (n) => done.push(n),
    );
    expect(done).toEqual([1, 2]);
    expect(written.size).toBe(readFileSync(path).length);
    expect(readdirSync(dir)).toEqual(['p.zip']);
    const out = join(dir, 'out');
    expect(spawnSync('7z', ['x', '-ppass2345word', `-o${out}`, '-y', path]).status).toBe(0);
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('メモ');
  });

  it('fails at once when the worker cannot add an entry, leaving no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-zip-'));
    // zip.js refuses a second entry of the same name; the entries after it are never waited for.
    const write = writeEncryptedZip(join(dir, 'p.zip'), 'pass2345word', [
      entry('a.csv', '1'),
      entry('a.csv', '2'),
      entry('c.csv', '3'),
    ]);
    await expect(write).rejects.toThrow('暗号化ファイルの作成に失敗しました');
    expect(readdirSync(dir)).toEqual([]);
  });
});
