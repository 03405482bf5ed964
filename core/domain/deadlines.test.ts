import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDayOnOrBefore,
  businessDaysBetween,
  computeDeadlines,
  cureDueWarning,
  DEFAULT_CLOSED_DAYS,
  nonBusinessReason,
  type DeadlineInput,
} from './deadlines';

const base = (partial: Partial<DeadlineInput> = {}): DeadlineInput => ({
  arrivalDate: '2025-12-22',
  slaBusinessDays: 10,
  closedDays: DEFAULT_CLOSED_DAYS,
  pauses: [],
  extension: null,
  ...partial,
});

describe('business days', () => {
  it('skips weekends, national holidays and the company’s closed days', () => {
    expect(nonBusinessReason('2026-01-10', DEFAULT_CLOSED_DAYS)).toBe('土曜日');
    expect(nonBusinessReason('2026-01-11', DEFAULT_CLOSED_DAYS)).toBe('日曜日');
    expect(nonBusinessReason('2026-01-12', DEFAULT_CLOSED_DAYS)).toBe('成人の日');
    expect(nonBusinessReason('2025-12-29', DEFAULT_CLOSED_DAYS)).toBe('休業日');
    expect(nonBusinessReason('2026-01-01', DEFAULT_CLOSED_DAYS)).toBe('元日');
    expect(nonBusinessReason('2026-01-05', DEFAULT_CLOSED_DAYS)).toBeNull();
    expect(nonBusinessReason('2025-12-29', [])).toBeNull();
  });

  it('counts business days between two days', () => {
    expect(businessDaysBetween('2025-12-22', '2026-01-13', DEFAULT_CLOSED_DAYS)).toBe(10);
  });

  it('adds business days (Friday + 3 skips 勤労感謝の日 → Thursday; over the new year to January 7)', () => {
    expect(addBusinessDays('2026-11-20', 3, DEFAULT_CLOSED_DAYS)).toBe('2026-11-26');
    expect(addBusinessDays('2025-12-26', 3, DEFAULT_CLOSED_DAYS)).toBe('2026-01-07');
    expect(addBusinessDays('2025-12-22', 10, DEFAULT_CLOSED_DAYS)).toBe('2026-01-13');
  });
});

describe('the year-end closure on weekdays', () => {
  // 2026-01-03 is a Saturday and 2027-01-03 a Sunday, so the examples above pass even when 1/3 is
  // not a closed day. In the 2028/29 year end every closed day but one falls on a weekday:
  // Fri 12/29, (Sat 12/30, Sun 12/31,) Mon 1/1 元日, Tue 1/2, Wed 1/3.
  it('closes 12/29–1/3 when they are weekdays, and only then for the company', () => {
    expect(nonBusinessReason('2028-12-29', DEFAULT_CLOSED_DAYS)).toBe('休業日');
    expect(nonBusinessReason('2029-01-02', DEFAULT_CLOSED_DAYS)).toBe('休業日');
    expect(nonBusinessReason('2029-01-03', DEFAULT_CLOSED_DAYS)).toBe('休業日');
    expect(nonBusinessReason('2029-01-04', DEFAULT_CLOSED_DAYS)).toBeNull();
    expect(nonBusinessReason('2029-01-03', [])).toBeNull();
  });

  it('counts over the closure to Thursday 1/4 and moves a closed weekday back to 12/28', () => {
    expect(addBusinessDays('2028-12-27', 1, DEFAULT_CLOSED_DAYS)).toBe('2028-12-28');
    expect(addBusinessDays('2028-12-27', 2, DEFAULT_CLOSED_DAYS)).toBe('2029-01-04');
    expect(businessDaysBetween('2028-12-28', '2029-01-04', DEFAULT_CLOSED_DAYS)).toBe(1);
    expect(businessDayOnOrBefore('2029-01-03', DEFAULT_CLOSED_DAYS)).toBe('2028-12-28');
    expect(businessDayOnOrBefore('2029-01-02', DEFAULT_CLOSED_DAYS)).toBe('2028-12-28');
  });

  it('lists 1/3 as a closed day in the SLA explanation and tells staff to send before a closed 39条 date', () => {
    const d = computeDeadlines(base({ arrivalDate: '2028-12-20', slaBusinessDays: 8 }));
    expect(d.slaDate).toBe('2029-01-05');
    expect(d.explanation.join('\n')).toMatch(/01\/02（休業日）、01\/03（休業日）/);
    // Arriving 12/20, the 39条 date is 2029-01-03 (a Wednesday, closed): send by Thursday 12/28.
    expect(d.article39Date).toBe('2029-01-03');
    expect(d.explanation.join('\n')).toMatch(/期限の日は休業日です。.*2028\/12\/28（木）/);
  });
});

describe('deadlines', () => {
  it('the example: arriving 2025-12-22 → 39条 2026-01-05, SLA 2026-01-13, due 2026-01-05', () => {
    const d = computeDeadlines(base());
    expect(d).toMatchObject({
      article39Date: '2026-01-05',
      slaDate: '2026-01-13',
      dueDate: '2026-01-05',
      dueBasis: 'article39',
    });
    expect(d.explanation).toEqual([
      '到達日: 2025/12/22（月）',
      '法第39条の期限: 到達日の翌日から起算して2週間 → 2026/01/05（月）',
      '社内期限: 到達日の翌日から10営業日 → 2026/01/13（火）（除外した日: 12/27（土曜日）、12/28（日曜日）、12/29（休業日）、12/30（休業日）、12/31（休業日）、01/01（元日）、01/02（休業日）、01/03（土曜日）、01/04（日曜日）、01/10（土曜日）、01/11（日曜日）、01/12（成人の日））',
      '表示する期限: 2026/01/05（月）（早い方）',
    ]);
  });

  it('shows the SLA when it comes first', () => {
    const d = computeDeadlines(base({ arrivalDate: '2026-06-01', slaBusinessDays: 5 }));
    expect(d).toMatchObject({
      slaDate: '2026-06-08',
      article39Date: '2026-06-15',
      dueDate: '2026-06-08',
      dueBasis: 'sla',
    });
  });

  it('stops the SLA while a 補正 is pending, and resumes it without the paused days; the 39条 date keeps running', () => {
    const open = computeDeadlines(base({ arrivalDate: '2026-06-01', pauses: [{ from: '2026-06-03', to: null }] }));
    expect(open.slaDate).toBeNull();
    expect(open.dueDate).toBe('2026-06-15');
    expect(open.explanation[2]).toMatch(/補正待ちのため停止中/);
    const resumed = computeDeadlines(
      base({ arrivalDate: '2026-06-01', pauses: [{ from: '2026-06-03', to: '2026-06-05' }] }),
    );
    // 6/2 counts, 6/3–6/5 paused, then 6/8… : ten business days end on 6/18 instead of 6/15.
    expect(resumed.slaDate).toBe('2026-06-18');
    expect(resumed.article39Date).toBe('2026-06-15');
    expect(resumed.explanation.join('\n')).toMatch(/補正による停止: 3営業日/);
  });

  it('uses a recorded extension and says when it passes the 39条 date', () => {
    const d = computeDeadlines(base({ extension: { date: '2026-01-20', reason: '対象データが大量のため' } }));
    expect(d).toMatchObject({ dueDate: '2026-01-20', dueBasis: 'extension', beyondArticle39: true });
    expect(d.explanation.join('\n')).toMatch(/延長: 2026\/01\/20（火）（理由: 対象データが大量のため）/);
    expect(d.explanation.join('\n')).toMatch(/訴えを提起できる状態/);
  });

  it('for a request that is only a 利用目的の通知 (32条2項, not under 39条): the internal date alone, no 訴え wording', () => {
    // SLA of 15 business days would pass the 39条 date of a 請求; a 求め keeps its own date.
    const d = computeDeadlines(base({ arrivalDate: '2026-06-01', slaBusinessDays: 15, article39Applies: false }));
    expect(d).toMatchObject({ article39Applies: false, slaDate: '2026-06-22', dueDate: '2026-06-22', dueBasis: 'sla' });
    expect(d.beyondArticle39).toBe(false);
    const text = d.explanation.join('\n');
    expect(text).toMatch(/法第39条の対象ではない/);
    expect(text).not.toMatch(/法第39条の期限:/);
    const extended = computeDeadlines(
      base({ article39Applies: false, extension: { date: '2026-01-20', reason: '対象データが大量のため' } }),
    );
    expect(extended.beyondArticle39).toBe(false);
    expect(extended.explanation.join('\n')).not.toMatch(/訴え/);
    // While a 補正 stops the clock, two weeks from arrival serve as a guide, labelled as such.
    const paused = computeDeadlines(
      base({ arrivalDate: '2026-06-01', article39Applies: false, pauses: [{ from: '2026-06-03', to: null }] }),
    );
    expect(paused).toMatchObject({ dueDate: '2026-06-15', dueBasis: 'sla' });
    expect(paused.explanation.join('\n')).toMatch(/目安/);
    // A 請求 keeps its 39条 date.
    expect(computeDeadlines(base({ arrivalDate: '2026-06-01', slaBusinessDays: 15 })).dueDate).toBe('2026-06-15');
  });

  it('for a request closed as outside the Act (a deceased person’s data): no 39条 date, the internal target alone', () => {
    const d = computeDeadlines(base({ arrivalDate: '2026-06-01', slaBusinessDays: 15, outsideLaw: '故人の情報' }));
    expect(d).toMatchObject({ article39Applies: false, slaDate: '2026-06-22', dueDate: '2026-06-22', dueBasis: 'sla' });
    expect(d.beyondArticle39).toBe(false);
    const text = d.explanation.join('\n');
    expect(text).toContain(
      '法の対象外（故人の情報）のため、法第39条の期限はありません。社内の目標期限のみを表示します。',
    );
    expect(text).not.toMatch(/法第39条の期限:|訴え/);
    // Even where article39Applies was computed from the kinds (a 開示 is a 請求 of 39条).
    expect(computeDeadlines(base({ article39Applies: true, outsideLaw: '故人の情報' })).article39Applies).toBe(false);
  });

  it('takes edited closed days', () => {
    const d = computeDeadlines(base({ arrivalDate: '2026-08-07', slaBusinessDays: 3, closedDays: ['08-13', '08-14'] }));
    // 8/10 counts, 8/11 is 山の日, 8/12 counts, 8/13–14 closed (お盆), then the weekend.
    expect(d.slaDate).toBe('2026-08-17');
  });

  it('says when the due date is not a business day, and which day to send by', () => {
    // Arriving Sunday 2026-11-15: the 39条 date is Sunday 11-29.
    const d = computeDeadlines(base({ arrivalDate: '2026-11-15' }));
    expect(d.dueDate).toBe('2026-11-29');
    expect(d.explanation.at(-1)).toBe(
      '期限の日は日曜日です。営業日に発送できるよう、前の営業日（2026/11/27（金））までに発送してください。',
    );
    expect(computeDeadlines(base()).explanation.join('\n')).not.toMatch(/前の営業日/);
  });
});

describe('businessDayOnOrBefore', () => {
  it('keeps a business day and moves a closed day back to the last business day before it', () => {
    expect(businessDayOnOrBefore('2026-11-24', DEFAULT_CLOSED_DAYS)).toBe('2026-11-24');
    // Sunday 2026-11-22 → Friday 2026-11-20.
    expect(businessDayOnOrBefore('2026-11-22', DEFAULT_CLOSED_DAYS)).toBe('2026-11-20');
    // Monday 2026-11-23 is 勤労感謝の日: back over the weekend to Friday.
    expect(businessDayOnOrBefore('2026-11-23', DEFAULT_CLOSED_DAYS)).toBe('2026-11-20');
    // 2027-01-02 (company closed 12/29–1/3) → Monday 2026-12-28.
    expect(businessDayOnOrBefore('2027-01-02', DEFAULT_CLOSED_DAYS)).toBe('2026-12-28');
  });
});

describe('cureDueWarning', () => {
  const d = { article39Date: '2026-12-04', article39Applies: true };
  it('warns (never refuses) when the 補正 date falls after the 39条 date, and only then', () => {
    expect(cureDueWarning('2026-12-04', d)).toBeNull();
    expect(cureDueWarning('2026-12-05', d)).toBe(
      '補正の期限が法第39条の期限（2026年12月4日）より後です。補正を待つ間も法定の期限は止まりません。',
    );
  });
  it('says nothing where 39条 does not apply (a 利用目的の通知 alone)', () => {
    expect(cureDueWarning('2027-01-31', { ...d, article39Applies: false })).toBeNull();
  });
});
