import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { historyLabel } from '../../../core/domain/workflow';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

const at = new Date('2026-11-24T01:00:00Z');

describe('suspected impersonation', () => {
  it('is raised with a note, listed on the dashboard, audited by id only, and cleared with the reason', async () => {
    const s = makeServices(tempDataDir(), { clock: () => at });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    const other = await call(s, 'intake.create', intakeInput());
    expect((await call(s, 'requests.dashboard', {})).suspected.total).toBe(0);

    const blank = await failure(call(s, 'requests.flagSuspicion', { id: r.id, suspected: true, note: '  ' }));
    expect(blank.code).toBe(ErrorCode.BAD_INPUT);
    const note = '免許証の住所（大阪府）と請求書の住所（東京都）、会員登録の住所がいずれも異なる';
    const flagged = await call(s, 'requests.flagSuspicion', { id: r.id, suspected: true, note });
    expect(flagged.suspicion).toMatchObject({ note, at: at.toISOString() });
    expect(historyLabel(flagged.history.at(-1)?.action ?? '')).toBe('なりすましの疑いを記録');
    expect(flagged.history.at(-1)?.comment).toBe(note);
    const board = await call(s, 'requests.dashboard', {});
    expect(board.suspected.rows.map((x) => x.id)).toEqual([r.id]);
    expect((await failure(call(s, 'requests.flagSuspicion', { id: r.id, suspected: true, note }))).code).toBe(
      ErrorCode.CONFLICT,
    );

    // The audit log says what happened and to which request, never the note.
    const audit = await call(s, 'audit.list', { limit: 50, offset: 0 });
    const entry = audit.entries.find((e) => e.action === 'requests.suspicion');
    expect(entry?.targetId).toBe(r.id);
    expect(JSON.stringify(audit)).not.toContain('大阪府');

    const cleared = await call(s, 'requests.flagSuspicion', {
      id: r.id,
      suspected: false,
      note: '本人に登録電話番号へ折り返し、転居を確認した',
    });
    expect(cleared.suspicion).toBeNull();
    expect(historyLabel(cleared.history.at(-1)?.action ?? '')).toBe('なりすましの疑いを解除');
    expect((await call(s, 'requests.dashboard', {})).suspected.total).toBe(0);
    expect((await call(s, 'requests.get', { id: other.id })).suspicion).toBeNull();

    // A closed request is left as it ended.
    await call(s, 'requests.transition', { id: other.id, action: 'withdraw', comment: '電話で取下げ' });
    expect((await failure(call(s, 'requests.flagSuspicion', { id: other.id, suspected: true, note }))).code).toBe(
      ErrorCode.CONFLICT,
    );
  });
});
