import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, formatJapaneseDate, parseDate, slashDateTime } from './dates';

describe('parseDate', () => {
  it.each([
    ['2026/11/22', '2026-11-22'],
    ['2026-11-22', '2026-11-22'],
    ['2026.1.5', '2026-01-05'],
    ['20261122', '2026-11-22'],
    ['２０２６／１１／２２', '2026-11-22'],
    ['2026年11月22日', '2026-11-22'],
    ['令和8年11月22日', '2026-11-22'],
    ['令和元年5月1日', '2019-05-01'],
    ['R8.11.22', '2026-11-22'],
    ['r8/11/22', '2026-11-22'],
    ['平成31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    '2026/02/30',
    '2026/13/01',
    '20261322',
    '令和0年1月1日',
    '平成31年5月1日',
    '令和元年4月30日',
    '昭和64年1月8日',
    'きのう',
    '',
    '2026/11',
  ])('refuses %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('date arithmetic', () => {
  it('adds days and months on the calendar, clamping to the month end', () => {
    expect(addDays('2025-12-22', 14)).toBe('2026-01-05');
    expect(addMonths('2026-05-22', 6)).toBe('2026-11-22');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-22', -3)).toBe('2026-08-22');
  });

  it('counts age in whole years, the birthday included', () => {
    expect(ageOn('2008-11-22', '2026-11-21')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });

  it('formats for Japanese messages', () => {
    expect(formatJapaneseDate('2026-01-05')).toBe('2026年1月5日');
  });
});

describe('slashDateTime', () => {
  it('shows a moment in Japan’s time, one style for every date-time on screen', () => {
    expect(slashDateTime('2026-12-02T23:05:09.123Z')).toBe('2026/12/03 08:05');
    expect(slashDateTime('2026-01-01T00:00:00Z')).toBe('2026/01/01 09:00');
    expect(slashDateTime('2026-06-30T15:00:00Z')).toBe('2026/07/01 00:00');
    expect(slashDateTime('not a time')).toBe('not a time');
  });
});
