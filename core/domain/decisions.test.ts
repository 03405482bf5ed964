import { describe, expect, it } from 'vitest';
import { requestKinds } from './intake/kinds';
import {
  Decision,
  decisionProblems,
  defaultReasonLibrary,
  emptyDecision,
  groundsByKind,
  outcomeLabel,
  outcomesByGroup,
  ReasonLibrary,
} from './decisions';
import { kindInfo } from './intake/kinds';

const d = (over: Partial<Decision>): Decision => ({ ...emptyDecision(), ...over });
const paths = (kind: Parameters<typeof decisionProblems>[0], dec: Decision) =>
  decisionProblems(kind, dec).map((p) => p.path);

describe('decisions', () => {
  it('accepts a full disclosure that says what is disclosed', () => {
    expect(decisionProblems('disclosure', d({ outcome: 'full', disclosed: '氏名、住所、購入履歴' }))).toEqual([]);
    expect(paths('disclosure', d({ outcome: 'full' }))).toEqual(['disclosed']);
  });

  it('refuses to save a refusal without a ground and a reason', () => {
    expect(paths('disclosure', d({ outcome: 'refused' }))).toEqual(['grounds', 'reason']);
    expect(paths('disclosure', d({ outcome: 'refused', grounds: ['a33-2-2'] }))).toEqual(['reason']);
    expect(
      decisionProblems('disclosure', d({ outcome: 'refused', grounds: ['a33-2-2'], reason: '業務に支障' })),
    ).toEqual([]);
  });

  it('needs both parts of a partial disclosure, and a ground and reason for the withheld part', () => {
    expect(paths('disclosure', d({ outcome: 'partial' }))).toEqual(['grounds', 'reason', 'disclosed', 'withheld']);
    expect(
      decisionProblems(
        'disclosure',
        d({
          outcome: 'partial',
          grounds: ['a33-2-1'],
          reason: '第三者情報',
          disclosed: '購入履歴',
          withheld: '担当者メモ',
        }),
      ),
    ).toEqual([]);
  });

  it('allows only the grounds of the kind', () => {
    expect(paths('purpose', d({ outcome: 'notNotify', grounds: ['a33-2-1'], reason: 'x' }))).toEqual(['grounds']);
    expect(decisionProblems('purpose', d({ outcome: 'notNotify', grounds: ['a32-2-clear'], reason: 'x' }))).toEqual([]);
    expect(groundsByKind('thirdPartyRecords')).toContain('recordNonexistent');
    expect(groundsByKind('disclosure')).not.toContain('recordNonexistent');
  });

  it('checks 不存在, 代替措置, method change and corrections', () => {
    expect(paths('disclosure', d({ outcome: 'nonexistent', grounds: ['a33-2-1'], reason: 'x' }))).toEqual(['grounds']);
    expect(
      decisionProblems('disclosure', d({ outcome: 'nonexistent', grounds: ['nonexistent'], reason: 'x' })),
    ).toEqual([]);
    expect(paths('erasure', d({ outcome: 'alternative', grounds: ['alternative'], reason: 'x' }))).toEqual([
      'alternativeMeasure',
    ]);
    expect(paths('disclosure', d({ outcome: 'full', disclosed: 'x', methodChanged: true }))).toEqual([
      'grounds',
      'reason',
      'grounds',
    ]);
    expect(paths('correction', d({ outcome: 'done' }))).toEqual(['changes']);
    expect(paths('correction', d({ outcome: 'full' }))).toEqual(['outcome']);
  });

  it('labels every outcome of every kind in Japanese', () => {
    for (const kind of requestKinds) {
      for (const o of outcomesByGroup[kindInfo[kind].group]) expect(outcomeLabel(kind, o)).toMatch(/[\u3040-\u9fff]/);
    }
    expect(outcomeLabel('thirdPartyRecords', 'nonexistent')).toBe('記録不存在');
  });

  it('ships a valid default reason library', () => {
    expect(ReasonLibrary.safeParse(defaultReasonLibrary).success).toBe(true);
    expect(ReasonLibrary.safeParse([...defaultReasonLibrary, defaultReasonLibrary[0]]).success).toBe(false);
  });
});
