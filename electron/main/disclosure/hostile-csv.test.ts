import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { detectFormat, readTable } from './tables';

// CSV records built to cost main's thread (issue 30 §5, security review).

describe('hostile CSV', () => {
  it('refuses a line of millions of commas while reading it, not after parsing it whole', async () => {
    // 4 MB of commas: today's parser builds a record of 4 million fields first.
    const commas = Buffer.from(`a${','.repeat(4 * 1024 * 1024)}\n1\n`);
    const started = performance.now();
    await expect(readTable(commas, 'csv')).rejects.toThrow('列以上）が多すぎます。200列までです。');
    expect(performance.now() - started).toBeLessThan(300);
    // A quoted cell with a few commas is still a cell.
    expect(await readTable(Buffer.from('住所,氏名\n"東京都,千代田区,1-1",山田\n'), 'csv')).toEqual({
      header: ['住所', '氏名'],
      rows: [['東京都,千代田区,1-1', '山田']],
    });
  });

  it('decodes a Shift_JIS file once for both the format check and the table', async () => {
    const sjis = iconv.encode('会員番号,氏名\n1,山田 太郎\n', 'Shift_JIS');
    const decode = vi.spyOn(iconv, 'decode');
    try {
      expect(detectFormat(sjis, 'members.csv')).toBe('csv');
      expect(await readTable(sjis, 'csv')).toEqual({ header: ['会員番号', '氏名'], rows: [['1', '山田 太郎']] });
      expect(decode).toHaveBeenCalledTimes(1);
    } finally {
      decode.mockRestore();
    }
  });
});
