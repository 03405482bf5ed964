import { describe, expect, it } from 'vitest';
import { typedValue } from './typed-values';

describe('typed values of a disclosed table (issue 34 §6)', () => {
  it.each([
    ['1001', 1001, '0'],
    ['-500', -500, '0'],
    ['0', 0, '0'],
    ['3.10', 3.1, '0.00'],
    ['-0.25', -0.25, '0.00'],
    ['1,234', 1234, '#,##0'],
    ['-1,234.50', -1234.5, '#,##0.00'],
    ['123456789012345', 123456789012345, '0'],
  ])('types %j as the number %d shown with %j', (text, value, format) => {
    expect(typedValue(text)).toEqual({ kind: 'number', value, format });
  });

  it.each([
    ['2026/10/01', '2026-10-01', null, 'yyyy/mm/dd'],
    ['2026-1-5', '2026-01-05', null, 'yyyy/mm/dd'],
    ['2026/11/22 14:05', '2026-11-22', { h: 14, m: 5, s: 0 }, 'yyyy/mm/dd hh:mm'],
    ['2026-11-22T09:30:15', '2026-11-22', { h: 9, m: 30, s: 15 }, 'yyyy/mm/dd hh:mm:ss'],
    ['2026年1月5日', '2026-01-05', null, 'yyyy"年"m"月"d"日"'],
  ])('types %j as the date %s', (text, date, time, format) => {
    expect(typedValue(text)).toEqual({ kind: 'date', date, time, format });
  });

  // Codes and numbers Excel would show differently stay text, as the person's record has them.
  it.each([
    '00123',
    '0312345678',
    '090-1234-5678',
    '123-4567',
    '+81312345678',
    '-0',
    '.5',
    '1.',
    '1,23',
    '12,345,67',
    '1e5',
    '1234567890123456',
    ' 12',
    '12 ',
    '１２３',
    '2026/02/30',
    '2026/10/01 24:00',
    '2026-10-01T09:00:00Z',
    '2026-10-01T09:00:00+09:00',
    '2026/10-01',
    '1899/12/31',
    '令和8年1月5日',
    '=1+2',
    '',
    '山田 太郎',
  ])('leaves %j as text', (text) => {
    expect(typedValue(text)).toBeNull();
  });
});
