import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import { AppError } from './errors';
import {
  ADMIN_PASSWORD,
  call,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from './test-support';

describe('reports service', () => {
  it('gathers the requests of the period from the database and computes their figures', async () => {
    let now = new Date('2026-09-10T01:00:00Z');
    const at = (day: string) => {
      now = new Date(`${day}T01:00:00Z`);
    };
    const s = makeServices(tempDataDir(), { clock: () => now });
    await setupVault(s);
    // R3: arrived in September, never handled: open and overdue at the end of October.
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-09-10' }));
    // R1: arrived 10-01, answered 10-09 (8 days), completed 10-12.
    at('2026-10-01');
    const r1 = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id: r1.id, action, comment: '' });
    }
    await call(s, 'requests.saveDecision', {
      id: r1.id,
      kind: 'disclosure',
      decision: { ...emptyDecision(), outcome: 'full', disclosed: '購入履歴' },
    });
    await call(s, 'requests.transition', { id: r1.id, action: 'submitForApproval', comment: '' });
    // R2: arrived 10-05, withdrawn 10-06.
    at('2026-10-05');
    const r2 = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-05' }));
    at('2026-10-06');
    await call(s, 'requests.transition', { id: r2.id, action: 'withdraw', comment: '取下書' });
    at('2026-10-08');
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.transition', { id: r1.id, action: 'approve', comment: '' });
    at('2026-10-09');
    await call(s, 'requests.addDispatch', {
      id: r1.id,
      dispatch: { letter: '開示決定通知書', sentOn: '2026-10-09', method: 'simpleRegistered', trackingNo: '1' },
    });
    await call(s, 'requests.transition', { id: r1.id, action: 'recordDispatch', comment: '' });
    at('2026-10-12');
    await call(s, 'requests.recordDisposal', { id: r1.id, method: 'destroyed', date: '2026-10-12' });
    await call(s, 'requests.transition', { id: r1.id, action: 'complete', comment: '' });
    at('2026-11-20');
    await switchTo(s, 'admin', ADMIN_PASSWORD);

    const report = await call(s, 'reports.get', { kind: 'month', value: '2026-10' });
    const f = report.current;
    expect(f.received).toMatchObject({ total: 2, byKind: { disclosure: 2 }, byChannel: { post: 2 } });
    expect(f.decided).toEqual({ total: 1, byKindOutcome: { disclosure: { full: 1 } } });
    expect(f).toMatchObject({ completed: 1, withdrawals: 1, openAtEnd: 1, overdueAtEnd: 1, answered: 1 });
    expect(f.daysToAnswer.all).toEqual({ count: 1, mean: 8, median: 8, max: 8 });
    expect(f).toMatchObject({ withinSla: 1, withinArticle39: 1, feesReceived: 2000 });
    expect(report.previous.received.total).toBe(1);
    expect(report.perMonth).toEqual([
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 2 },
    ]);

    await call(s, 'reports.saveComment', {
      selection: { kind: 'month', value: '2026-10' },
      comment: '期限内回答率は100%でした。',
    });
    expect((await call(s, 'reports.get', { kind: 'month', value: '2026-10' })).comment).toBe(
      '期限内回答率は100%でした。',
    );
    const future = await call(s, 'reports.get', { kind: 'year', value: '2027' }).catch((e: unknown) => e);
    expect(future).toBeInstanceOf(AppError);
    expect((future as AppError).code).toBe(ErrorCode.BAD_INPUT);
    const bad = await call(s, 'reports.get', { kind: 'month', value: '2026-13' }).catch((e: unknown) => e);
    expect((bad as AppError).issues?.[0]?.message).toBe('期間の指定が正しくありません。');
    await s.close();
  });
});
