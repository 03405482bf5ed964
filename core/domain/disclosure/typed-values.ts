import { isoDate, type IsoDate } from '../dates';

// What a disclosed table's text cell is, for the Excel file of the package (issue 34 §6): a number
// or a date where the text can be nothing else, written so that Excel shows exactly the text the
// record had (a number format that keeps its decimals and grouping; dates in the Japanese style
// the ledger uses). Everything else stays text: a code with leading zeros (00123, 0312345678), a
// phone or postal number with hyphens, a sign Excel would drop (+81…), more digits than Excel
// keeps (15), a date Excel cannot hold (before 1900), a time zone, 和暦.

export type TypedValue =
  | { kind: 'number'; value: number; format: string }
  | { kind: 'date'; date: IsoDate; time: { h: number; m: number; s: number } | null; format: string };

const INTEGER = /^-?(?:0|[1-9]\d*)(?:\.(\d+))?$/;
const GROUPED = /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.(\d+))?$/;
// Excel keeps 15 significant digits; a longer number (an account or card number) would change.
const MAX_DIGITS = 15;

function numberOf(s: string): TypedValue | null {
  const m = INTEGER.exec(s) ?? GROUPED.exec(s);
  if (!m) return null;
  const digits = s.replace(/[^0-9]/g, '').replace(/^0+/, '');
  if (digits.length > MAX_DIGITS) return null;
  const value = Number(s.replaceAll(',', ''));
  // -0 would be shown as 0.
  if (!Number.isFinite(value) || (value === 0 && s.startsWith('-'))) return null;
  const decimals = m[1]?.length ?? 0;
  const whole = s.includes(',') ? '#,##0' : '0';
  return { kind: 'number', value, format: decimals > 0 ? `${whole}.${'0'.repeat(decimals)}` : whole };
}

const NUMERIC_DATE = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const KANJI_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const DATE_FORMAT = 'yyyy/mm/dd';

function dateOf(s: string): TypedValue | null {
  const kanji = KANJI_DATE.exec(s);
  const m = kanji ?? NUMERIC_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const [month, day] = kanji ? [Number(m[2]), Number(m[3])] : [Number(m[3]), Number(m[4])];
  const date = isoDate(year, month, day);
  // Excel's dates start in 1900.
  if (date === null || year < 1900) return null;
  if (kanji) return { kind: 'date', date, time: null, format: 'yyyy"年"m"月"d"日"' };
  if (m[5] === undefined) return { kind: 'date', date, time: null, format: DATE_FORMAT };
  const time = { h: Number(m[5]), m: Number(m[6]), s: Number(m[7] ?? 0) };
  if (time.h > 23 || time.m > 59 || time.s > 59) return null;
  return { kind: 'date', date, time, format: `${DATE_FORMAT} hh:mm${m[7] === undefined ? '' : ':ss'}` };
}

export function typedValue(s: string): TypedValue | null {
  return numberOf(s) ?? dateOf(s);
}
