import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { num, toCsv } from '../../../core/domain/table';
import { cp932Forms, encodeCsv, toCp932Forms } from './spreadsheets';

// Shift_JIS exports as Excel on a Japanese PC reads them (CP932).
describe('Shift_JIS CSV', () => {
  it('Shift_JIS: the characters CP932 writes differently are written in its form, and read back as Excel reads them', () => {
    const jis = '〜‖−—¢£¬¦¥‾';
    const cp932 = '～∥－―￠￡￢￤￥￣';
    expect(Object.keys(cp932Forms).join('')).toBe(jis);
    expect(toCp932Forms(`${jis}〜`)).toBe(`${cp932}～`);
    const bytes = encodeCsv(toCsv(['当期（2026年1月〜2026年12月）'], [[jis]]), true);
    // iconv-lite and WHATWG's decoder (both CP932 tables) read them back.
    for (const text of [iconv.decode(bytes, 'Shift_JIS'), new TextDecoder('shift_jis').decode(bytes)]) {
      expect(text).toBe(`"当期（2026年1月～2026年12月）"\r\n"${cp932}"\r\n`);
    }
    expect(bytes.includes(Buffer.from('?'))).toBe(false);
  });

  it('Shift_JIS: a header cell it cannot hold is named as the header', () => {
    const table = { header: ['項目', '𠮷野家の件数'], rows: [['受付', num(1, '件')]] };
    let message = '';
    try {
      encodeCsv(toCsv(table.header, table.rows), true, table);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('1行目（見出し）「𠮷野家の件数」');
    expect(message).not.toContain('2行目');
  });
});
