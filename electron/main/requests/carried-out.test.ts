import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyItem } from '../../../core/domain/intake/request';
import { emptyDecision } from '../../../core/domain/decisions';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

// The day a 消去 was carried out is checked against the request: not before it arrived, not in
// the future; a refused save changes nothing.
describe('a 消去 carried out', () => {
  it('is saved with its day, 委託先 measures and suppression flag, and refuses impossible days', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-24T01:00:00Z') });
    await setupVault(s);
    const r = await call(
      s,
      'intake.create',
      intakeInput({
        items: [{ ...emptyItem('erasure'), dataItems: '会員情報', grounds: ['noLongerNeeded'] }],
        payments: [],
      }),
    );
    for (const action of ['startCheck', 'startInvestigation'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    const done = { ...emptyDecision(), outcome: 'done' as const, contractors: '配送代行に指示', suppressed: true };
    for (const [carriedOutOn, message] of [
      ['', /実施した日を入力/],
      ['2026-11-25', /未来の日付/],
      ['2026-11-19', /到達日より前/],
    ] as const) {
      const e = await failure(
        call(s, 'requests.saveDecision', { id: r.id, kind: 'erasure', decision: { ...done, carriedOutOn } }),
      );
      expect(e.code).toBe(ErrorCode.BAD_INPUT);
      expect(e.message).toMatch(message);
    }
    expect((await call(s, 'requests.get', { id: r.id })).decisions).toEqual([]);
    const saved = await call(s, 'requests.saveDecision', {
      id: r.id,
      kind: 'erasure',
      decision: { ...done, carriedOutOn: '2026-11-22' },
    });
    expect(saved.decisions[0]?.decision).toMatchObject({
      carriedOutOn: '2026-11-22',
      contractors: '配送代行に指示',
      suppressed: true,
    });
  });
});
