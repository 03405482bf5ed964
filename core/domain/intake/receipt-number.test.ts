import { describe, expect, it } from 'vitest';
import { counterKey, formatReceiptNo, receiptPatternProblems } from './receipt-number';

describe('受付番号 patterns', () => {
  it('formats year and serial', () => {
    expect(formatReceiptNo('{YYYY}-{NNNN}', '2026-11-22', 1)).toBe('2026-0001');
    expect(formatReceiptNo('KJ{YY}/{NNNNNN}', '2026-11-22', 42)).toBe('KJ26/000042');
    expect(formatReceiptNo('R-{NNN}', '2026-11-22', 12345)).toBe('R-12345');
  });

  it('counts per year only when the pattern shows the year', () => {
    expect(counterKey('{YYYY}-{NNNN}', '2026-01-05')).toBe(2026);
    expect(counterKey('R-{NNNN}', '2026-01-05')).toBe(0);
  });

  it('refuses a pattern without exactly one serial, or with unknown tokens or characters', () => {
    expect(receiptPatternProblems('{YYYY}-{NNNN}')).toEqual([]);
    expect(receiptPatternProblems('{YYYY}')).toHaveLength(1);
    expect(receiptPatternProblems('{NN}-{NNNN}')).toHaveLength(1);
    expect(receiptPatternProblems('{MM}-{NNNN}')).toEqual(['使用できる記号は {YYYY}、{YY}、{NNNN} です。']);
    expect(receiptPatternProblems('受付{NNNN}')).toHaveLength(1);
  });
});
