import { z } from 'zod';
import type { Decision } from './decisions';
import { IsoDateSchema } from './intake/request';
import { noUnsafe } from './intake/text';

// The search record (探索の記録): which systems or ledgers staff searched for the person's data,
// with which keys, when, by whom, and with what result. The company's policy requires one before
// it answers that no data exists (不存在, 法33条3項 and 5項): the decision has to rest on a search
// that was actually made, and a later question (「本当に探したのか」) is answered from the record.

export const searchResults = ['found', 'notFound'] as const;
export type SearchResult = (typeof searchResults)[number];
export const searchResultLabels: Record<SearchResult, string> = { found: '該当あり', notFound: '該当なし' };

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label}を入力してください。`)
    .max(max, `${label}は${max}文字以内で入力してください。`)
    .superRefine(noUnsafe(label));

export const SearchInput = z
  .object({
    // The system or ledger searched (顧客管理システム, 紙の申込書綴り …).
    system: text('探索したシステム・台帳', 100),
    // The keys used (氏名（カナ）、電話番号、会員番号 …), never the values searched for.
    keys: text('検索に用いた事項', 200),
    on: IsoDateSchema,
    result: z.enum(searchResults, '結果を選択してください。'),
    // Listed in the 不存在 letter as the scope searched.
    inLetter: z.boolean(),
  })
  .strict();
export type SearchInput = z.infer<typeof SearchInput>;

export const SearchRecord = z.object({
  id: z.string(),
  system: z.string(),
  keys: z.string(),
  on: z.string(),
  result: z.enum(searchResults),
  inLetter: z.boolean(),
  by: z.string(),
  at: z.string(),
});
export type SearchRecord = z.infer<typeof SearchRecord>;

// Why the decisions cannot go to approval for want of a search, or null: a 不存在 decision needs
// at least one search that found nothing. (A search that found something does not contradict it
// by itself: one request may find data for 開示 and no 第三者提供記録.)
export function searchProblem(
  decisions: readonly { decision: Pick<Decision, 'outcome'> }[],
  searches: readonly Pick<SearchRecord, 'result'>[],
): string | null {
  if (!decisions.some((d) => d.decision.outcome === 'nonexistent')) return null;
  return searches.some((s) => s.result === 'notFound')
    ? null
    : '不存在の決定には、探索の記録（探索したシステム・台帳、検索に用いた事項、結果「該当なし」）が必要です。';
}

// The lines of the 不存在 letter's 「探索した範囲」.
export function searchScopeLines(searches: readonly Pick<SearchRecord, 'system' | 'keys' | 'inLetter'>[]): string[] {
  return searches.filter((s) => s.inLetter).map((s) => `${s.system}（検索に用いた事項：${s.keys}）`);
}
