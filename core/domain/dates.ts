// Calendar dates as ISO strings ('YYYY-MM-DD'), with no time zone: a 到達日 is a day in Japan,
// not an instant. All arithmetic here is on the calendar.

export type IsoDate = string;

const eras: { name: string; initial: string; start: IsoDate }[] = [
  { name: '令和', initial: 'R', start: '2019-05-01' },
  { name: '平成', initial: 'H', start: '1989-01-08' },
  { name: '昭和', initial: 'S', start: '1926-12-25' },
  { name: '大正', initial: 'T', start: '1912-07-30' },
  { name: '明治', initial: 'M', start: '1868-01-25' },
];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1868 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// Reads what staff type: 2026/11/22, 2026-11-22, 2026.11.22, 20261122, 令和8年11月22日,
// 令和元年5月1日, R8.11.22, R8/11/22, with full-width digits too. Returns null when it is not a
// real calendar date (or an era year outside that era).
export function parseDate(input: string): IsoDate | null {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, '');
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(令和|平成|昭和|大正|明治|[RHSTM])(元|\d{1,2})(?:年|[/.-])(\d{1,2})(?:月|[/.-])(\d{1,2})日?$/i.exec(s);
  if (!m) return null;
  const era = eras.find((e) => e.name === m[1] || e.initial === m[1]?.toUpperCase());
  if (!era) return null;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  if (eraYear < 1) return null;
  const date = isoDate(Number(era.start.slice(0, 4)) + eraYear - 1, Number(m[3]), Number(m[4]));
  if (!date || date < era.start) return null;
  const next = eras[eras.indexOf(era) - 1];
  if (next && date >= next.start) return null;
  return date;
}

function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

export function addDays(d: IsoDate, days: number): IsoDate {
  const [y, m, day] = parts(d);
  return new Date(Date.UTC(y, m - 1, day + days)).toISOString().slice(0, 10);
}

// Adds calendar months; a day that does not exist in the target month falls back to its last
// day (2026-08-31 + 6 months = 2027-02-28), as postal and municipal rules count.
// Calendar days from one date to another (negative when `to` is earlier).
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = parts(d);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDate(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, last)) ?? d;
}

// Age in whole years on a date (a person turns a year older on their birthday).
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// 2026-11-22 → 2026年11月22日 (for messages staff and requesters read).
export function formatJapaneseDate(d: IsoDate): string {
  const [y, m, day] = parts(d);
  return `${y}年${m}月${day}日`;
}

// Today's date in Japan, whatever the PC's time zone: a 到達日 is a Japanese calendar day.
// Building the formatter costs far more than formatting; it is made once.
const tokyoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function japanToday(now: Date): IsoDate {
  return tokyoDate.format(now);
}

// 2026-12-03 → 2026/12/03, as dates are shown to staff and printed.
export const slashDate = (d: IsoDate): string => d.replaceAll('-', '/');

// A moment (ISO 8601) as staff see it on screen, in Japan's time: 2026/12/03 14:05. One style for
// every date-time on screen (dates are 2026/12/03), with one formatter made once.
const tokyoDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function slashDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = Object.fromEntries(tokyoDateTime.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p['year']}/${p['month']}/${p['day']} ${p['hour']}:${p['minute']}`;
}
