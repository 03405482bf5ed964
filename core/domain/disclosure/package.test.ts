import { describe, expect, it } from 'vitest';
import { entryName, packageFileName, safeFileName } from './package';

// ZIP AES encrypts the data only: an entry's name is read by anyone holding the file.
describe('package entry names', () => {
  it('are neutral: numbered, the role of the file, never the name the record had on disk', () => {
    expect(entryName(1, { role: 'letter' }, 'pdf')).toBe('01_決定通知書.pdf');
    expect(entryName(2, { role: 'record', ordinal: 1 }, 'csv')).toBe('02_記録1.csv');
    expect(entryName(12, { role: 'record', ordinal: 11 }, 'pdf')).toBe('12_記録11.pdf');
  });

  it('quotes a file name from disk in the manifest without controls, bidi or zero-width characters', () => {
    expect(safeFileName('鬼瓦\u202egpj.exe')).toBe('鬼瓦gpj.exe');
    expect(safeFileName('a\u200bb\u0000c/d:e.csv')).toBe('abc_d_e.csv');
    expect(safeFileName('会員情報.csv')).toBe('会員情報.csv');
  });

  it('offers a save name from the 受付番号 alone', () => {
    expect(packageFileName('2026-0001')).toBe('開示データ_2026-0001.zip');
  });
});
