import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, formatJapaneseDate, slashDate, type IsoDate } from './dates';

// Deadlines (DOMAIN.md §5). The 39条 date: two weeks from the day after the request arrived
// (when the person may go to court). The internal SLA: N business days counted from the day
// after arrival, skipping weekends, national holidays and the company's closed days, and not
// counting the days a request waits for a 補正. The date shown is the earlier of the two, unless
// an extension was decided.

export const DEFAULT_CLOSED_DAYS = ['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'] as const;
export const DEFAULT_SLA_BUSINESS_DAYS = 10;

const weekdays = ['日', '月', '火', '水', '木', '金', '土'] as const;

function weekday(day: IsoDate): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

// The day of the week in Japanese: 月, 火, …
export const weekdayLabel = (day: IsoDate): string => weekdays[weekday(day)] ?? '';

// A date as the screen shows deadlines: 2026/01/05（月）.
export function withWeekday(day: IsoDate): string {
  return `${slashDate(day)}（${weekdayLabel(day)}）`;
}

// A 補正 stops the internal clock but never the 39条 one (DOMAIN.md §5): a cure date after the
// 39条 date may be right (the person needs time to fetch a certificate), so it is allowed, but
// staff are told what it means. Null when 39条 does not apply or the date is not after it.
export function cureDueWarning(
  dueDate: IsoDate,
  deadlines: { article39Date: IsoDate; article39Applies: boolean },
): string | null {
  if (!deadlines.article39Applies || dueDate <= deadlines.article39Date) return null;
  return `補正の期限が法第39条の期限（${formatJapaneseDate(deadlines.article39Date)}）より後です。補正を待つ間も法定の期限は止まりません。`;
}

// Why a day is not a business day, or null when it is one.
export function nonBusinessReason(day: IsoDate, closedDays: readonly string[]): string | null {
  const w = weekday(day);
  if (w === 6) return '土曜日';
  if (w === 0) return '日曜日';
  const holiday = (holidayJp.holidays as Record<string, { name: string } | undefined>)[day];
  if (holiday) return holiday.name;
  if (closedDays.includes(day.slice(5))) return '休業日';
  return null;
}

export type Pause = { from: IsoDate; to: IsoDate | null };
export type Extension = { date: IsoDate; reason: string };

export type DeadlineInput = {
  arrivalDate: IsoDate;
  slaBusinessDays: number;
  closedDays: readonly string[];
  pauses: readonly Pause[];
  extension: Extension | null;
  // False for a request that is only a 利用目的の通知 (法32条2項 is a 求め, not a 請求, and 39条
  // does not apply to it): the internal due date alone is shown, with no 39条 consequence.
  article39Applies?: boolean;
  // Set for a request closed as outside the Act (a deceased person's data, say; outside-law.ts):
  // no 39条 date at all; the company's own target date (the internal SLA) is the only one.
  outsideLaw?: string | null;
};

export type Deadlines = {
  // Still computed when 39条 does not apply (two weeks from arrival), as the fallback due date
  // while a 補正 stops the internal clock; never shown as a legal date then.
  article39Date: IsoDate;
  article39Applies: boolean;
  // Null while a 補正 is pending: the internal clock is stopped.
  slaDate: IsoDate | null;
  dueDate: IsoDate;
  dueBasis: 'article39' | 'sla' | 'extension';
  beyondArticle39: boolean;
  // How each date was computed, line by line, for staff (計算の内訳).
  explanation: string[];
};

const paused = (day: IsoDate, pauses: readonly Pause[]) =>
  pauses.some((p) => day >= p.from && (p.to === null || day <= p.to));

function slaDate(input: DeadlineInput, skipped: string[], pausedDays: IsoDate[]): IsoDate | null {
  if (input.pauses.some((p) => p.to === null)) return null;
  let day = input.arrivalDate;
  let counted = 0;
  // Bounded: even a year of closures cannot stall the loop.
  for (let guard = 0; counted < input.slaBusinessDays && guard < 2000; guard++) {
    day = addDays(day, 1);
    const reason = nonBusinessReason(day, input.closedDays);
    if (reason) {
      skipped.push(`${slashDate(day).slice(5)}（${reason}）`);
      continue;
    }
    if (paused(day, input.pauses)) {
      pausedDays.push(day);
      continue;
    }
    counted += 1;
  }
  return day;
}

export function computeDeadlines(input: DeadlineInput): Deadlines {
  const article39Date = addDays(input.arrivalDate, 14);
  const skipped: string[] = [];
  const pausedDays: IsoDate[] = [];
  const sla = slaDate(input, skipped, pausedDays);
  const outside = input.outsideLaw ?? null;
  const applies = outside === null && (input.article39Applies ?? true);
  const explanation = [
    `到達日: ${withWeekday(input.arrivalDate)}`,
    outside !== null
      ? `法の対象外（${outside}）のため、法第39条の期限はありません。社内の目標期限のみを表示します。`
      : applies
        ? `法第39条の期限: 到達日の翌日から起算して2週間 → ${withWeekday(article39Date)}`
        : '利用目的の通知の求め（法第32条第2項）は法第39条の対象ではないため、社内期限のみを表示します。',
  ];
  if (sla === null) {
    explanation.push(`社内期限: 補正待ちのため停止中（補正が届いた日の翌営業日から再開します）`);
  } else {
    explanation.push(
      `社内期限: 到達日の翌日から${input.slaBusinessDays}営業日 → ${withWeekday(sla)}` +
        (skipped.length ? `（除外した日: ${skipped.join('、')}）` : ''),
    );
    if (pausedDays.length) {
      explanation.push(
        `補正による停止: ${pausedDays.length}営業日を数えていません（${pausedDays.map((d) => slashDate(d)).join('、')}）`,
      );
    }
  }
  let dueDate: IsoDate;
  let dueBasis: Deadlines['dueBasis'];
  if (input.extension) {
    dueDate = input.extension.date;
    dueBasis = 'extension';
    explanation.push(`延長: ${withWeekday(dueDate)}（理由: ${input.extension.reason}）`);
  } else if (sla !== null && (sla < article39Date || !applies)) {
    dueDate = sla;
    dueBasis = 'sla';
  } else {
    dueDate = article39Date;
    dueBasis = applies ? 'article39' : 'sla';
  }
  const beyondArticle39 = applies && dueDate > article39Date;
  const basisNote = !applies
    ? sla === null
      ? '（社内期限の停止中は到達日の翌日から2週間を目安とします）'
      : dueBasis === 'extension'
        ? '（延長後の期限）'
        : '（社内期限）'
    : dueBasis === 'extension'
      ? '（延長後の期限）'
      : sla === null
        ? '（法第39条の期限）'
        : '（早い方）';
  explanation.push(
    `表示する期限: ${withWeekday(dueDate)}` +
      basisNote +
      (beyondArticle39 ? '。法第39条の期限を過ぎるため、請求者は訴えを提起できる状態になります。' : ''),
  );
  const closedReason = nonBusinessReason(dueDate, input.closedDays);
  if (closedReason) {
    let before = addDays(dueDate, -1);
    while (nonBusinessReason(before, input.closedDays)) before = addDays(before, -1);
    explanation.push(
      `期限の日は${closedReason}です。営業日に発送できるよう、前の営業日（${withWeekday(before)}）までに発送してください。`,
    );
  }
  return { article39Date, article39Applies: applies, slaDate: sla, dueDate, dueBasis, beyondArticle39, explanation };
}

// Business days from one day to another (after `from`, up to and including `to`), for
// "due within 3 business days" and days-to-answer figures.
export function businessDaysBetween(from: IsoDate, to: IsoDate, closedDays: readonly string[]): number {
  let n = 0;
  for (let day = addDays(from, 1), guard = 0; day <= to && guard < 5000; day = addDays(day, 1), guard++) {
    if (!nonBusinessReason(day, closedDays)) n += 1;
  }
  return n;
}

// The day n business days after `from` (for "due within 3 business days").
export function addBusinessDays(from: IsoDate, n: number, closedDays: readonly string[]): IsoDate {
  let day = from;
  for (let counted = 0, guard = 0; counted < n && guard < 5000; guard++) {
    day = addDays(day, 1);
    if (!nonBusinessReason(day, closedDays)) counted += 1;
  }
  return day;
}

// The last business day on or before a day: a date promised to a person (the 回答予定日 of a
// letter) never falls on a closed day.
export function businessDayOnOrBefore(day: IsoDate, closedDays: readonly string[]): IsoDate {
  let d = day;
  while (nonBusinessReason(d, closedDays) !== null) d = addDays(d, -1);
  return d;
}

// The days a request waited for a 補正: from the day it was asked for to the day the cure
// arrived (open while it still waits). The internal SLA does not count them.
export function curePauses(events: readonly { day: string; from: string; to: string }[]): Pause[] {
  const pauses: Pause[] = [];
  for (const e of events) {
    if (e.from === e.to) continue;
    if (e.to === 'awaitingCure') pauses.push({ from: e.day, to: null });
    else if (e.from === 'awaitingCure') {
      const open = pauses.at(-1);
      if (open?.to === null) open.to = e.day;
    }
  }
  return pauses;
}
