import { describe, expect, it } from 'vitest';
import {
  decisionProblems,
  defaultReasonLibrary,
  emptyDecision,
  groundsByKind,
  stopsUse,
  type Decision,
  type GroundCode,
  type Outcome,
  type ReasonTemplate,
} from '../decisions';
import { kindInfo, requestKinds, type RequestKind } from '../intake/kinds';
import type { SuspensionGround } from '../intake/request';
import { Organisation } from '../organisation';
import { emptyProvisionRecord } from '../provision-records';
import { buildLetter, decisionLetterKinds, decisionsOf, type LetterCase } from './catalogue';
import { groundArticle } from './citations';
import { fillReason, reasonObject, reasonOutcomes, reasonsFor } from './reasons';
import { sampleLetterCase, sampleOrganisation } from './sample';

// Every library reason agrees with the ground printed above it (the same article, matched to the
// kind: a 第三者提供記録 cites 33条5項) and with the decision's scope (全部 or 一部): each is rendered
// in a letter under its ground, for every kind and outcome it can explain (issue 33 §1).

const org = Organisation.parse(sampleOrganisation);
const LAW = '個人情報の保護に関する法律';
const whole: readonly Outcome[] = ['refused', 'notDone', 'notNotify', 'nonexistent'];
// 利用停止等 on the 35条5項 ground answers under 35条6項, not 2項: a reason must follow the request.
const requestGroundsOf = (kind: RequestKind): SuspensionGround[] =>
  kind === 'stopThirdParty' ? ['thirdPartyViolation'] : ['noLongerNeeded'];

function decisionFor(kind: RequestKind, ground: GroundCode, outcome: Outcome, reason: string): Decision {
  const group = kindInfo[kind].group;
  const grants = outcome === 'full' || outcome === 'partial';
  return {
    ...emptyDecision(),
    outcome,
    grounds: [ground],
    reason,
    methodChanged: ground === 'a33-3-method',
    disclosed: group === 'disclosure' && grants ? '会員情報' : '',
    withheld: group === 'disclosure' && outcome === 'partial' ? '審査に関する記録' : '',
    provisionRecords:
      kind === 'thirdPartyRecords' && grants
        ? [{ ...emptyProvisionRecord(), counterparty: '株式会社見本物流', items: '氏名' }]
        : [],
    changes: group === 'correction' && outcome === 'partial' ? '住所を訂正しました。' : '',
    carriedOutOn: stopsUse(kind, outcome) ? '2026-11-20' : '',
    alternativeMeasure: outcome === 'alternative' ? '営業目的に利用しない設定' : '',
  };
}

// Each library reason × each kind its ground applies to × each outcome it explains.
const cases = defaultReasonLibrary.flatMap((t) =>
  requestKinds.flatMap((kind) => {
    const ground = t.ground;
    if (ground === null || !groundsByKind(kind).includes(ground)) return [];
    return reasonOutcomes[ground].map((outcome) => ({ t, ground, kind, outcome }));
  }),
);

function rendered(t: ReasonTemplate, ground: GroundCode, kind: RequestKind, outcome: Outcome) {
  const grounds = requestGroundsOf(kind);
  const decision = decisionFor(kind, ground, outcome, fillReason(t, kind, outcome, grounds));
  const c: LetterCase = {
    ...sampleLetterCase,
    items: [{ kind, dataItems: '会員情報', grounds }],
    decisions: [{ kind, decision }],
  };
  const letterKind = decisionLetterKinds.find((k) => decisionsOf(c, k).length > 0);
  if (!letterKind) throw new Error(`no letter for ${kind} ${outcome}`);
  const letter = buildLetter(letterKind, c, org, { documentNo: '個保第1号', date: '2026-11-24', dateStyle: 'wareki' });
  const item = (label: string) => letter.items.find((i) => i.label === label)?.text ?? '';
  return { decision, grounds, cited: item('根拠となる法令の条項'), reason: item('理由') };
}

describe('library reasons, each rendered under its ground', () => {
  it('covers every library reason with a ground', () => {
    const covered = new Set(cases.map((x) => x.t.id));
    expect(defaultReasonLibrary.filter((t) => t.ground !== null && !covered.has(t.id))).toEqual([]);
    expect(cases.length).toBeGreaterThan(defaultReasonLibrary.length);
  });

  it.each(cases.map((x) => [x.t.id, x.kind, x.outcome, x] as const))(
    '%s under %s, %s: cites only its ground and states the scope',
    (_id, _kind, _outcome, { t, ground, kind, outcome }) => {
      const { decision, grounds, cited, reason } = rendered(t, ground, kind, outcome);
      expect(decisionProblems(kind, decision)).toEqual([]);
      expect(reason).not.toBe('');
      expect(reason).not.toMatch(/[{}]/);
      // The article: the 根拠 line prints the ground, and the reason names no other article of 32–35条.
      const article = groundArticle(kind, ground, grounds);
      expect(cited).toContain(`${LAW}${article}`);
      if (t.text.includes('{根拠条項}')) expect(reason).toContain(`${LAW}${article}`);
      expect(reason.split(article).join('')).not.toMatch(/第3[2-5]条|ただし書/);
      // The scope: a decision refusing the whole speaks of no part; a partial one names the part.
      if (whole.includes(outcome)) expect(reason).not.toMatch(/部分|一部/);
      if (outcome === 'partial') {
        expect(reason).not.toMatch(/全部/);
        if (t.text.includes('{対象}')) {
          expect(reason).toContain(reasonObject(kind, 'partial'));
          expect(reason).toMatch(/のうち.+部分/);
        }
      }
    },
  );

  it('says what it is about in every reason that refuses in part, naming the part', () => {
    for (const t of defaultReasonLibrary) {
      const g = t.ground;
      if (g === null || g === 'a33-3-method' || !reasonOutcomes[g].includes('partial')) continue;
      expect(t.text, t.id).toContain('{対象}');
    }
    for (const kind of requestKinds) {
      if (kindInfo[kind].group === 'notice') continue;
      expect(reasonObject(kind, 'partial'), kind).toMatch(/のうち.*部分$/);
    }
  });

  it('the cases the review sent back: 32条2項1号 (not ただし書); a whole 第三者提供記録 refused under 5項, not 「当該部分」', () => {
    const purpose = defaultReasonLibrary.find((t) => t.id === 'purpose-clear');
    const harm = defaultReasonLibrary.find((t) => t.id === 'third-party-harm');
    if (!purpose || !harm) throw new Error('library changed');
    expect(rendered(purpose, 'a32-2-clear', 'purpose', 'notNotify').reason).toContain(`${LAW}第32条第2項第1号に基づき`);
    const records = rendered(harm, 'a33-2-1', 'thirdPartyRecords', 'refused').reason;
    expect(records).toContain(`${LAW}第33条第5項において準用する同条第2項第1号に基づき`);
    expect(records).toMatch(/^ご請求の第三者提供記録には/);
    expect(records).not.toContain('当該部分');
  });

  it('記録不存在 speaks of records of data provided and of data received (法29条1項・30条3項)', () => {
    const t = defaultReasonLibrary.find((x) => x.ground === 'recordNonexistent');
    if (!t) throw new Error('library changed');
    const { reason } = rendered(t, 'recordNonexistent', 'thirdPartyRecords', 'nonexistent');
    expect(reason).toContain('第三者に提供した記録');
    expect(reason).toContain('第三者から提供を受けた記録');
    expect(reason).toContain('第29条第1項');
    expect(reason).toContain('第30条第3項');
  });

  it('offers only the reasons of this kind and outcome', () => {
    const ids = (kind: RequestKind, d: Partial<Decision>) =>
      reasonsFor(defaultReasonLibrary, kind, { ...emptyDecision(), ...d }).map((t) => t.id);
    expect(ids('purpose', { outcome: 'notNotify' })).toEqual(['purpose-clear']);
    expect(ids('disclosure', { outcome: 'refused' })).not.toContain('method-difficult');
    expect(ids('disclosure', { outcome: 'refused' })).not.toContain('nonexistent');
    expect(ids('thirdPartyRecords', { outcome: 'nonexistent' })).toEqual(['record-nonexistent']);
    expect(ids('disclosure', { outcome: 'partial', grounds: ['a33-2-1'] })).toEqual(['third-party-harm']);
    const own: ReasonTemplate = { id: 'own', ground: null, title: '自由記載', text: '{根拠条項}' };
    expect(reasonsFor([own], 'erasure', emptyDecision()).map((t) => t.id)).toEqual(['own']);
    // A reason without a ground has no article to fill.
    expect(fillReason(own, 'erasure', 'notDone', [])).toBe('{根拠条項}');
  });

  it('fills a reason stored with its placeholders from the decision when the letter is made', () => {
    const t = defaultReasonLibrary.find((x) => x.id === 'third-party-harm');
    if (!t) throw new Error('library changed');
    const decision = decisionFor('thirdPartyRecords', 'a33-2-1', 'partial', t.text);
    const c: LetterCase = {
      ...sampleLetterCase,
      items: [{ kind: 'thirdPartyRecords', dataItems: '記録', grounds: [] }],
      decisions: [{ kind: 'thirdPartyRecords', decision }],
    };
    const letter = buildLetter('thirdPartyRecordsDecision', c, org, {
      documentNo: '個保第1号',
      date: '2026-11-24',
      dateStyle: 'wareki',
    });
    expect(letter.items.find((i) => i.label === '理由')?.text).toBe(fillReason(t, 'thirdPartyRecords', 'partial', []));
  });
});
