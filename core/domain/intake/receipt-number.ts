import type { IsoDate } from '../dates';

// 受付番号 patterns set by the administrator: {YYYY} (year), {YY} (two-digit year) and a run of
// N in braces for the serial with that many digits, e.g. {YYYY}-{NNNN} → 2026-0001. Serials count
// per year when the pattern shows the year, otherwise for ever; a number is never reused.
export const DEFAULT_RECEIPT_PATTERN = '{YYYY}-{NNNN}';

const TOKEN = /\{(YYYY|YY|N{1,8})\}/g;

export function receiptPatternProblems(pattern: string): string[] {
  const problems: string[] = [];
  if (pattern.length === 0 || pattern.length > 30) problems.push('受付番号の形式は1〜30文字で入力してください。');
  const serials = pattern.match(/\{N{1,8}\}/g) ?? [];
  if (serials.length !== 1) problems.push('受付番号の形式には連番（{NNNN} など）を1つだけ含めてください。');
  const rest = pattern.replace(TOKEN, '');
  if (/[{}]/.test(rest)) problems.push('使用できる記号は {YYYY}、{YY}、{NNNN} です。');
  if (!/^[A-Za-z0-9\-_/.]*$/.test(rest.replace(/[{}]/g, '')))
    problems.push('受付番号の固定部分には半角英数字と - _ / . のみ使用できます。');
  return problems;
}

export function usesYear(pattern: string): boolean {
  return /\{YYYY\}|\{YY\}/.test(pattern);
}

// The counter a serial is drawn from: the year, or 0 for a pattern without one.
export function counterKey(pattern: string, day: IsoDate): number {
  return usesYear(pattern) ? Number(day.slice(0, 4)) : 0;
}

export function formatReceiptNo(pattern: string, day: IsoDate, serial: number): string {
  return pattern.replace(TOKEN, (_m, token: string) => {
    if (token === 'YYYY') return day.slice(0, 4);
    if (token === 'YY') return day.slice(2, 4);
    return String(serial).padStart(token.length, '0');
  });
}
