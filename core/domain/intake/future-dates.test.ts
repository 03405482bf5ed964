import { describe, expect, it } from 'vitest';
import { japanToday } from '../dates';
import { futureDateIssues } from './future-dates';

describe('future intake dates', () => {
  const today = '2026-11-22';

  it('accepts today and earlier, and leaves text that is not a date to its own message', () => {
    expect(
      futureDateIssues(
        {
          arrivalDate: today,
          principal: { birthDate: '1980-01-01' },
          agent: { birthDate: null },
          identity: { documents: [{ receivedOn: today, destroyedOn: null }] },
          payments: [{ receivedOn: '2026-11-21' }],
        },
        today,
      ),
    ).toEqual([]);
    expect(futureDateIssues({ arrivalDate: '2026/13/01', principal: { birthDate: '明日' } }, today)).toEqual([]);
  });

  it('refuses a future 到達日, 生年月日 (本人 and 代理人), document and fee date, each at its field in form order', () => {
    const issues = futureDateIssues(
      {
        arrivalDate: '2026-11-23',
        principal: { birthDate: '2026-11-23' },
        agent: { birthDate: '2030-01-01' },
        identity: { documents: [{ receivedOn: null }, { receivedOn: '2026-11-23', destroyedOn: '2026-12-01' }] },
        payments: [{ receivedOn: '2026-11-23' }],
      },
      today,
    );
    expect(issues).toEqual([
      { path: ['arrivalDate'], message: '到達日に未来の日付は指定できません。' },
      { path: ['principal', 'birthDate'], message: '生年月日に未来の日付は指定できません。' },
      { path: ['agent', 'birthDate'], message: '生年月日に未来の日付は指定できません。' },
      {
        path: ['identity', 'documents', 1, 'receivedOn'],
        message: '書類の到着日に未来の日付は指定できません。',
      },
      {
        path: ['identity', 'documents', 1, 'destroyedOn'],
        message: '廃棄・マスキングの日付に未来の日付は指定できません。',
      },
      { path: ['payments', 0, 'receivedOn'], message: '手数料の受領日に未来の日付は指定できません。' },
    ]);
  });

  it('counts "today" in Japan: 23:30 UTC on 11-22 is already 11-23 in Tokyo', () => {
    const lateUtc = new Date('2026-11-22T23:30:00Z');
    expect(futureDateIssues({ arrivalDate: '2026-11-23' }, japanToday(lateUtc))).toEqual([]);
    expect(futureDateIssues({ arrivalDate: '2026-11-24' }, japanToday(lateUtc))).toHaveLength(1);
  });
});
