import { describe, expect, it } from 'vitest';
import { Decision, decisionProblems, emptyDecision } from '../decisions';
import type { RequestKind } from '../intake/kinds';
import { Organisation } from '../organisation';
import { buildLetter, type LetterCase } from './catalogue';
import { sampleLetterCase, sampleOrganisation } from './sample';

// 利用停止等 and 第三者提供の停止 carried out (35条7項): the day is required and printed, with the
// 委託先's measures and the suppression flag when recorded.

const org = Organisation.parse(sampleOrganisation);

const letterText = (kind: RequestKind, d: Partial<Decision>) => {
  const c: LetterCase = {
    ...sampleLetterCase,
    items: [{ kind, dataItems: '会員情報', grounds: [] }],
    decisions: [{ kind, decision: { ...emptyDecision(), ...d } }],
  };
  const l = buildLetter('suspensionDecision', c, org, {
    documentNo: '個保第1号',
    date: '2026-11-24',
    dateStyle: 'wareki',
  });
  return l.items.map((i) => `${i.label}：${i.text}`).join('\n');
};

describe('a stop of use or provision carried out', () => {
  it('needs the day it was done, for 利用停止・消去 and 第三者提供の停止 alike, not for a refusal', () => {
    expect(decisionProblems('erasure', { ...emptyDecision(), outcome: 'done' }).map((p) => p.path)).toEqual([
      'carriedOutOn',
    ]);
    expect(
      decisionProblems('stopThirdParty', {
        ...emptyDecision(),
        outcome: 'partial',
        reason: 'r',
        grounds: ['a35-notApplicable'],
      }),
    ).toContainEqual({
      path: 'carriedOutOn',
      message: '第三者提供を停止した日を入力してください（通知に記載します）。',
    });
    expect(decisionProblems('erasure', { ...emptyDecision(), outcome: 'done', carriedOutOn: '2026-11-20' })).toEqual(
      [],
    );
    expect(
      decisionProblems('erasure', {
        ...emptyDecision(),
        outcome: 'notDone',
        grounds: ['a35-notApplicable'],
        reason: 'r',
      }),
    ).toEqual([]);
  });

  it('prints the day, the 委託先 measures and the suppression flag in the letter', () => {
    const text = letterText('erasure', {
      outcome: 'done',
      carriedOutOn: '2026-11-20',
      contractors: '株式会社配送代行に消去を指示（2026年11月20日）',
      suppressed: true,
    });
    expect(text).toContain('実施した日：令和8年11月20日');
    expect(text).toContain('委託先における措置：株式会社配送代行に消去を指示');
    expect(text).toContain('再び取得し、又は利用することのないよう');
    const stop = letterText('stopThirdParty', { outcome: 'done', carriedOutOn: '2026-11-20' });
    expect(stop).toContain('第三者提供を停止した日：令和8年11月20日');
    expect(stop).not.toContain('再取得の防止');
  });

  it('reads a decision stored before these fields as not recorded', () => {
    const added = ['carriedOutOn', 'contractors', 'suppressed'];
    const old = Object.fromEntries(Object.entries(emptyDecision()).filter(([k]) => !added.includes(k)));
    expect(Decision.parse(old)).toMatchObject({ carriedOutOn: '', contractors: '', suppressed: false });
    expect(Decision.safeParse({ ...old, carriedOutOn: '2026/11/20' }).success).toBe(false);
  });
});
