import { describe, expect, it } from 'vitest';
import { emptyDecision, type Outcome } from './decisions';
import { SearchInput, searchProblem, searchScopeLines } from './searches';

const decided = (...outcomes: Outcome[]) => outcomes.map((outcome) => ({ decision: { ...emptyDecision(), outcome } }));

describe('the search record before a 不存在 decision', () => {
  it('is needed only when a decision says 不存在, and then one search must have found nothing', () => {
    expect(searchProblem(decided('full'), [])).toBeNull();
    expect(searchProblem(decided('full', 'nonexistent'), [])).toMatch(/探索の記録/);
    expect(searchProblem(decided('nonexistent'), [{ result: 'found' }])).toMatch(/該当なし/);
    expect(searchProblem(decided('nonexistent'), [{ result: 'found' }, { result: 'notFound' }])).toBeNull();
  });

  it('lists in the letter only the searches marked for it', () => {
    expect(
      searchScopeLines([
        { system: '顧客管理システム', keys: '氏名、電話番号', inLetter: true },
        { system: '社内メモ', keys: '氏名', inLetter: false },
      ]),
    ).toEqual(['顧客管理システム（検索に用いた事項：氏名、電話番号）']);
  });

  it('refuses an empty system, over-long keys and an unknown result', () => {
    const ok = { system: 'CRM', keys: '氏名', on: '2026-11-24', result: 'notFound', inLetter: true };
    expect(SearchInput.safeParse(ok).success).toBe(true);
    expect(SearchInput.safeParse({ ...ok, system: '   ' }).success).toBe(false);
    expect(SearchInput.safeParse({ ...ok, keys: 'あ'.repeat(201) }).success).toBe(false);
    expect(SearchInput.safeParse({ ...ok, result: 'unknown' }).success).toBe(false);
    expect(SearchInput.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
});
