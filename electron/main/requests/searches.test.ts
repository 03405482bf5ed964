import { pdfText } from '../testing/pdf-text';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision, type Decision } from '../../../core/domain/decisions';
import { historyLabel } from '../../../core/domain/workflow';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// The search record (探索の記録): a 不存在 decision goes to approval only with a search that found
// nothing, and its letter lists the searches marked for it as 「探索した範囲」.

const NOW = new Date('2026-11-24T01:00:00Z');
const nonexistent: Decision = {
  ...emptyDecision(),
  outcome: 'nonexistent',
  grounds: ['nonexistent'],
  reason: '当社の顧客管理システム等を探索しましたが、該当する記録はありませんでした。',
};
const search = {
  system: '顧客管理システム',
  keys: '氏名（カナ）、電話番号',
  on: '2026-11-24',
  result: 'notFound' as const,
  inLetter: true,
};

async function received() {
  const s = makeServices(tempDataDir(), { clock: () => NOW });
  await setupVault(s);
  const r = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-20' }));
  return { s, id: r.id };
}

describe('the search record', () => {
  it('is needed before a 不存在 decision goes to approval, is listed in its letter, and removed with a reason', async () => {
    const { s, id } = await received();
    // Not before the investigation starts.
    expect((await failure(call(s, 'requests.addSearch', { id, search }))).code).toBe(ErrorCode.CONFLICT);
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id, action, comment: '' });
    }
    await call(s, 'requests.saveDecision', { id, kind: 'disclosure', decision: nonexistent });
    const detail = await call(s, 'requests.get', { id });
    expect(detail.actionChecks['submitForApproval']).toMatch(/探索の記録/);
    const refused = await failure(call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' }));
    expect(refused.code).toBe(ErrorCode.CONFLICT);
    expect(refused.message).toMatch(/不存在の決定には、探索の記録/);

    // A search that found something does not carry a 不存在.
    const found = await call(s, 'requests.addSearch', {
      id,
      search: { ...search, system: '紙の申込書綴り', keys: '氏名', result: 'found', inLetter: false },
    });
    expect(found.searches).toHaveLength(1);
    expect(found.actionChecks['submitForApproval']).toMatch(/探索の記録/);

    const added = await call(s, 'requests.addSearch', { id, search });
    expect(added.searches.map((x) => x.system)).toEqual(['紙の申込書綴り', '顧客管理システム']);
    expect(added.searches[1]).toMatchObject({ ...search, at: NOW.toISOString() });
    expect(historyLabel(added.history.at(-1)?.action ?? '')).toBe('探索の記録');
    expect(added.actionChecks['submitForApproval']).toBeNull();

    // The letter lists only the searches marked for it.
    const preview = pdfText((await call(s, 'letters.preview', { requestId: id, kind: 'nonexistent' })).base64);
    expect(preview).toContain('探索した範囲');
    expect(preview).toContain('顧客管理システム（検索に用いた事項：氏名（カナ）、電話番号）');
    expect(preview).not.toContain('紙の申込書綴り');

    // Removing keeps the reason in the history; the audit names the request, never the system.
    const removed = await call(s, 'requests.removeSearch', {
      id,
      searchId: found.searches[0]?.id ?? '',
      reason: '別人の申込書と取り違えた',
    });
    expect(removed.searches.map((x) => x.system)).toEqual(['顧客管理システム']);
    expect(removed.history.at(-1)?.comment).toBe('紙の申込書綴り：別人の申込書と取り違えた');
    const audit = await call(s, 'audit.list', { limit: 50, offset: 0 });
    expect(audit.entries.filter((e) => e.action === 'requests.search').map((e) => e.targetId)).toEqual([id, id, id]);
    expect(JSON.stringify(audit)).not.toContain('顧客管理システム');

    // To approval and past it: the record is then fixed.
    await call(s, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.transition', { id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    expect((await failure(call(s, 'requests.addSearch', { id, search }))).code).toBe(ErrorCode.CONFLICT);
    const last = removed.searches[0]?.id ?? '';
    expect((await failure(call(s, 'requests.removeSearch', { id, searchId: last, reason: 'x' }))).code).toBe(
      ErrorCode.CONFLICT,
    );
  });

  it('refuses bad input in Japanese and changes nothing', async () => {
    const { s, id } = await received();
    for (const action of ['startCheck', 'startInvestigation'] as const) {
      await call(s, 'requests.transition', { id, action, comment: '' });
    }
    const cases: [object, RegExp][] = [
      [{ ...search, system: ' ' }, /探索したシステム・台帳を入力してください/],
      [{ ...search, keys: 'x'.repeat(201) }, /200文字以内/],
      [{ ...search, on: '2026-11-25' }, /未来の日付/],
      [{ ...search, on: '2026-11-19' }, /到達日より前/],
      [{ ...search, result: 'maybe' }, /結果を選択してください/],
      [{ ...search, system: '顧客\u202Eシステム' }, /入力できない文字/],
    ];
    for (const [bad, message] of cases) {
      const e = await failure(call(s, 'requests.addSearch', { id, search: bad as typeof search }));
      expect(e.code).toBe(ErrorCode.BAD_INPUT);
      expect(e.message + JSON.stringify(e.issues ?? [])).toMatch(message);
    }
    const missing = await failure(
      call(s, 'requests.removeSearch', { id, searchId: '00000000-0000-4000-8000-000000000000', reason: '誤り' }),
    );
    expect(missing.code).toBe(ErrorCode.NOT_FOUND);
    expect((await call(s, 'requests.get', { id })).searches).toEqual([]);
  });
});
