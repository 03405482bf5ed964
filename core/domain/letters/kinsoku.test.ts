import { describe, expect, it } from 'vitest';
import { breakLines, kinsokuViolations } from './kinsoku';

// Full-width characters 10 units wide, others 5: a 10-character line is 100 units.
const measure = (s: string) => Array.from(s).reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 5 : 10), 0);

describe('kinsoku line breaking', () => {
  it('breaks at the width and keeps every character', () => {
    const text = 'あいうえおかきくけこさしすせそたちつてと';
    const lines = breakLines(text, 100, measure);
    expect(lines).toEqual(['あいうえおかきくけこ', 'さしすせそたちつてと']);
  });

  it('never starts a line with 。、）」 or a small kana, never ends one with （「', () => {
    const cases = [
      'あいうえおかきくけこ。さしすせそ',
      'あいうえおかきくけこ、さしすせそ',
      'あいうえおかきくけ「こさしすせそ」たちつてと',
      'あいうえおかきくけこっさしすせそ',
      'あいうえおかきくけこーさしすせそ',
      'あいうえおかきくけ（こ）さしすせそたちつてとなにぬねの。',
    ];
    for (const text of cases) {
      const lines = breakLines(text, 100, measure);
      expect(kinsokuViolations(lines), text).toEqual([]);
      expect(lines.join('')).toBe(text);
      for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(100);
    }
  });

  it('keeps a receipt number or an e-mail address on one line when it fits', () => {
    const lines = breakLines('受付番号は2026-0012です', 100, measure);
    expect(lines.some((l) => l.includes('2026-0012'))).toBe(true);
    expect(breakLines('x'.repeat(45), 100, measure).every((l) => measure(l) <= 100)).toBe(true);
  });

  it('treats a character with a variation selector as one', () => {
    const lines = breakLines('葛󠄀城'.repeat(8), 100, measure);
    expect(lines.join('')).toBe('葛󠄀城'.repeat(8));
    for (const l of lines) expect(l.startsWith('\u{E0100}')).toBe(false);
  });
});
