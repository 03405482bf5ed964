import type { Decision, GroundCode, Outcome, ReasonTemplate } from '../decisions';
import { groundsByKind } from '../decisions';
import { kindInfo, type RequestKind } from '../intake/kinds';
import type { SuspensionGround } from '../intake/request';
import { groundArticle } from './citations';

// A library reason (定型文) as inserted into a decision: it must agree with the ground printed above
// it in the letter and with the decision's scope (全部 or 一部). A reason is written once per ground
// with two placeholders filled on insertion: {根拠条項}, the ground's article for this kind (a
// 第三者提供記録 reads 「第33条第5項において準用する同条第2項第1号」), and {対象}, what the reason is
// about, naming the part where only part is refused.

export const reasonPlaceholders = ['根拠条項', '対象'] as const;

// The outcomes a reason of each ground explains.
export const reasonOutcomes: Record<GroundCode, readonly Outcome[]> = {
  'a32-2-clear': ['notNotify'],
  'a21-4-1': ['notNotify'],
  'a21-4-2': ['notNotify'],
  'a21-4-3': ['notNotify'],
  'a33-2-1': ['refused', 'partial'],
  'a33-2-2': ['refused', 'partial'],
  'a33-2-3': ['refused', 'partial'],
  'a33-3-method': ['full', 'partial'],
  nonexistent: ['nonexistent'],
  recordNonexistent: ['nonexistent'],
  'a34-notApplicable': ['notDone', 'partial'],
  'a34-otherLaw': ['notDone', 'partial'],
  'a35-notApplicable': ['notDone', 'partial'],
  alternative: ['alternative'],
};

// What a reason is about ({対象}): the whole request, or for a partial decision, the part refused,
// as the letter lists it above (開示しない部分, 訂正等の内容).
export function reasonObject(kind: RequestKind, outcome: Outcome): string {
  const partial = outcome === 'partial';
  switch (kindInfo[kind].group) {
    case 'notice':
      return 'ご請求の保有個人データの利用目的';
    case 'disclosure': {
      const data = kind === 'thirdPartyRecords' ? 'ご請求の第三者提供記録' : 'ご請求の保有個人データ';
      return partial ? `${data}のうち「開示しない部分」に記載した部分` : data;
    }
    case 'correction':
      return partial ? 'ご指摘の内容のうち「訂正等の内容」に記載したもの以外の部分' : 'ご指摘の内容';
    case 'suspension':
      return partial ? 'ご請求の保有個人データのうち利用停止等を行わない部分' : 'ご請求の保有個人データ';
    case 'stopProvision':
      return partial ? 'ご請求の保有個人データのうち第三者提供を停止しない部分' : 'ご請求の保有個人データ';
  }
}

// The reason's text for this decision. A reason without a ground keeps {根拠条項} as written.
export function fillReason(
  t: Pick<ReasonTemplate, 'ground' | 'text'>,
  kind: RequestKind,
  outcome: Outcome,
  requestGrounds: readonly SuspensionGround[],
): string {
  const ground = t.ground;
  return t.text
    .replace(/\{対象\}/g, () => reasonObject(kind, outcome))
    .replace(/\{根拠条項\}/g, (m) => (ground ? groundArticle(kind, ground, requestGrounds) : m));
}

// A decision's reason as the letter prints it: a placeholder left in (a reason inserted as
// stored) is filled from the decision itself, {根拠条項} with the articles of its grounds, so the
// reason never names an article other than the 根拠 line above it.
export function fillDecisionReason(
  d: Pick<Decision, 'reason' | 'outcome' | 'grounds'>,
  kind: RequestKind,
  requestGrounds: readonly SuspensionGround[],
): string {
  const refusals = d.grounds.filter((g) => g !== 'a33-3-method');
  const grounds = refusals.length > 0 ? refusals : d.grounds;
  const articles = [...new Set(grounds.map((g) => groundArticle(kind, g, requestGrounds)))];
  return d.reason
    .replace(/\{対象\}/g, () => reasonObject(kind, d.outcome))
    .replace(/\{根拠条項\}/g, (m) => (articles.length > 0 ? articles.join('及び') : m));
}

// The library reasons that fit a decision being drafted: a ground of this kind, explaining this
// outcome, and one of the grounds chosen (all fit before any is chosen).
export function reasonsFor<T extends Pick<ReasonTemplate, 'ground'>>(
  library: readonly T[],
  kind: RequestKind,
  d: Pick<Decision, 'outcome' | 'grounds'>,
): T[] {
  const allowed = groundsByKind(kind);
  return library.filter(
    (t) =>
      t.ground === null ||
      (allowed.includes(t.ground) &&
        reasonOutcomes[t.ground].includes(d.outcome) &&
        (d.grounds.length === 0 || d.grounds.includes(t.ground))),
  );
}
