import { describe, expect, it } from 'vitest';
import { emptyDecision, type Decision } from '../decisions';
import type { RequestKind } from '../intake/kinds';
import { Organisation } from '../organisation';
import { buildLetter, type LetterCase, type LetterKind } from './catalogue';
import { sampleLetterCase, sampleOrganisation } from './sample';

// The article a decision letter says it is sent under, per outcome (issue 33 §1): a full
// disclosure is made under 33条1項・2項 (records: 33条5項 applying them); 33条3項 is the notice of
// a refusal (in whole or in part), a 不存在 or a method other than the one asked for.

const org = Organisation.parse(sampleOrganisation);
const record = {
  direction: 'provided' as const,
  date: '2025-04-01',
  counterparty: '株式会社見本物流',
  counterpartyDetails: '',
  items: '氏名、住所',
  basis: 'consent' as const,
  acquisition: '',
  published: false,
  exclusion: null,
};
const body = (letter: LetterKind, kind: RequestKind, d: Partial<Decision>) => {
  const c: LetterCase = {
    ...sampleLetterCase,
    items: [{ kind, dataItems: '会員情報', grounds: [] }],
    decisions: [{ kind, decision: { ...emptyDecision(), ...d } }],
  };
  return buildLetter(letter, c, org, { documentNo: '個保第1号', date: '2026-11-24', dateStyle: 'wareki' }).body.join(
    '',
  );
};
const LAW = '個人情報の保護に関する法律';

describe('the article a disclosure letter is sent under', () => {
  it.each<[string, LetterKind, RequestKind, Partial<Decision>, string]>([
    [
      '全部開示',
      'disclosureDecision',
      'disclosure',
      { outcome: 'full', disclosed: '会員情報' },
      '第33条第1項及び第2項',
    ],
    [
      '全部開示 (records)',
      'thirdPartyRecordsDecision',
      'thirdPartyRecords',
      { outcome: 'full', provisionRecords: [record] },
      '第33条第5項において準用する同条第1項及び第2項',
    ],
    [
      '一部開示',
      'disclosureDecision',
      'disclosure',
      { outcome: 'partial', disclosed: '会員情報', withheld: '審査記録', grounds: ['a33-2-2'], reason: 'r' },
      '第33条第3項',
    ],
    [
      '一部開示 (records)',
      'thirdPartyRecordsDecision',
      'thirdPartyRecords',
      { outcome: 'partial', provisionRecords: [record], withheld: '1件', grounds: ['a33-2-1'], reason: 'r' },
      '第33条第5項において準用する同条第3項',
    ],
    [
      '全部開示 on paper instead of the method asked for',
      'disclosureDecision',
      'disclosure',
      { outcome: 'full', disclosed: '会員情報', methodChanged: true, grounds: ['a33-3-method'], reason: 'r' },
      '第33条第3項',
    ],
    ['不開示', 'nonDisclosure', 'disclosure', { outcome: 'refused', grounds: ['a33-2-1'], reason: 'r' }, '第33条第3項'],
    [
      '不開示 (records)',
      'thirdPartyRecordsNonDisclosure',
      'thirdPartyRecords',
      { outcome: 'refused', grounds: ['a33-2-1'], reason: 'r' },
      '第33条第5項において準用する同条第3項',
    ],
    ['不存在', 'nonexistent', 'disclosure', { outcome: 'nonexistent', grounds: ['nonexistent'] }, '第33条第3項'],
    [
      '記録不存在',
      'thirdPartyRecordsNonexistent',
      'thirdPartyRecords',
      { outcome: 'nonexistent', grounds: ['recordNonexistent'] },
      '第33条第5項において準用する同条第3項',
    ],
  ])('%s (%s, %s) cites %s', (_label, letter, kind, d, article) => {
    const text = body(letter, kind, d);
    expect(text).toContain(`${LAW}${article}の規定に基づき`);
  });

  it('never cites 33条3項 for a full disclosure made as asked', () => {
    expect(body('disclosureDecision', 'disclosure', { outcome: 'full', disclosed: '会員情報' })).not.toContain('第3項');
    expect(
      body('thirdPartyRecordsDecision', 'thirdPartyRecords', { outcome: 'full', provisionRecords: [record] }),
    ).not.toContain('第3項');
  });
});
