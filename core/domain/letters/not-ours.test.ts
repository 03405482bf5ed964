import { describe, expect, it } from 'vitest';
import { ProcessingSettings } from '../../contract/settings';
import { Decision, decisionProblems, emptyDecision, outcomesByGroup } from '../decisions';
import { defaultFeeSchedule, evaluateFee, type Payment } from '../intake/fees';
import { requestKinds, kindInfo, type RequestKind } from '../intake/kinds';
import { Organisation } from '../organisation';
import { buildLetter, lettersFor, type LetterCase } from './catalogue';
import { sampleLetterCase, sampleOrganisation } from './sample';

// Data held only as a 委託先 for a business customer are not our 保有個人データ (DOMAIN.md §9): an
// outcome for every kind, naming the 委託元's window, with no fee and no article cited.

const org = Organisation.parse(sampleOrganisation);
const trustor = {
  trustorName: '株式会社見本通販',
  trustorWindow: '株式会社見本通販 お客様窓口\n電話 0120-111-222',
};
const notOurs = (extra: Partial<Decision> = {}): Decision => ({
  ...emptyDecision(),
  outcome: 'notOurs',
  ...trustor,
  ...extra,
});

const caseOf = (decisions: { kind: RequestKind; decision: Decision }[], toReturn = 0): LetterCase => ({
  ...sampleLetterCase,
  items: decisions.map((d) => ({ kind: d.kind, dataItems: '', grounds: [] })),
  decisions,
  cure: null,
  extension: null,
  fee: { ...sampleLetterCase.fee, due: 0, accepted: 0, toReturn, means: toReturn ? ['postalMoneyOrder'] : [] },
});

const text = (c: LetterCase) => {
  const l = buildLetter('notOurs', c, org, { documentNo: '個保第1号', date: '2026-11-24', dateStyle: 'wareki' });
  return [l.title, ...l.body, ...l.items.map((i) => `${i.label}：${i.text}`)].join('\n');
};

describe('not our 保有個人データ', () => {
  it('is an outcome of every kind, which needs the 委託元 and its window and no legal ground', () => {
    for (const kind of requestKinds) {
      expect(outcomesByGroup[kindInfo[kind].group]).toContain('notOurs');
      expect(decisionProblems(kind, notOurs())).toEqual([]);
    }
    expect(decisionProblems('disclosure', notOurs({ trustorName: '', trustorWindow: '' })).map((p) => p.path)).toEqual([
      'trustorName',
      'trustorWindow',
    ]);
    expect(decisionProblems('erasure', notOurs({ grounds: ['a35-notApplicable'] }))[0]?.message).toContain(
      '法令上の根拠を選択しないでください',
    );
    expect(decisionProblems('disclosure', notOurs({ methodChanged: true })).map((p) => p.path)).toEqual([
      'methodChanged',
    ]);
  });

  it('reads a decision stored before the 委託元 fields as without one', () => {
    const old = Object.fromEntries(
      Object.entries(emptyDecision()).filter(([k]) => k !== 'trustorName' && k !== 'trustorWindow'),
    );
    expect(Decision.parse(old)).toMatchObject({ trustorName: '', trustorWindow: '' });
  });

  it('has a letter of its own that names the 委託元 once, cites no article, and is no other letter', () => {
    const c = caseOf([
      { kind: 'disclosure', decision: notOurs() },
      { kind: 'erasure', decision: notOurs() },
    ]);
    expect(lettersFor(c, 'preparingAnswer')).toEqual(['receipt', 'notOurs']);
    const t = text(c);
    expect(t).toContain('当社の保有個人データには当たりません');
    expect(t).toContain('対象の請求（開示）：当社の保有個人データに当たらない');
    expect(t).toContain('対象の請求（消去）：当社の保有個人データに当たらない');
    expect(t.match(/委託元：株式会社見本通販/g)).toHaveLength(1);
    expect(t).toContain('ご請求先の窓口：株式会社見本通販 お客様窓口\n電話 0120-111-222');
    expect(t).not.toMatch(/第\d+条/);
  });

  it('leaves the other kinds to their own letters when only some data are not ours', () => {
    const c = caseOf([
      { kind: 'disclosure', decision: { ...emptyDecision(), outcome: 'full', disclosed: '会員情報' } },
      { kind: 'erasure', decision: notOurs() },
    ]);
    expect(lettersFor(c, 'preparingAnswer')).toEqual(['receipt', 'disclosureDecision', 'notOurs']);
    const t = text(c);
    expect(t).toContain('対象の請求（消去）');
    expect(t).not.toContain('対象の請求（開示）');
  });

  it('charges no fee: money sent for such a kind, or for the request, goes back and the letter says so', () => {
    const money: Payment = { id: 'p1', means: 'postalMoneyOrder', amount: 1000, receivedOn: '2026-11-02' };
    const before = evaluateFee(['disclosure'], defaultFeeSchedule, [money]);
    expect(before).toMatchObject({ due: 1000, status: 'paid', toReturn: 0 });
    const after = evaluateFee(['disclosure'], defaultFeeSchedule, [money], ['disclosure']);
    expect(after).toMatchObject({ due: 0, status: 'notRequired', toReturn: 1000 });
    expect(after.notes.join()).toContain('当社の保有個人データに当たらないものを含みます');
    // Sent for a kind that is not ours, beside a kind that is: only that kind's money goes back.
    const both = evaluateFee(
      ['disclosure', 'thirdPartyRecords'],
      { ...defaultFeeSchedule, per: 'kind', kinds: ['disclosure', 'thirdPartyRecords'] },
      [
        { ...money, forKind: 'disclosure' },
        { ...money, id: 'p2', forKind: 'thirdPartyRecords' },
      ],
      ['thirdPartyRecords'],
    );
    expect(both).toMatchObject({ due: 1000, status: 'paid', toReturn: 1000 });
    expect(both.returnedPayments).toEqual([{ paymentId: 'p2', kind: 'thirdPartyRecords', amount: 1000 }]);
    expect(text(caseOf([{ kind: 'disclosure', decision: notOurs() }], 1000))).toContain(
      'お送りいただいた手数料：当社の保有個人データに当たらないため手数料は要しません。お送りいただいた1,000円は',
    );
  });

  it('takes the 委託元 list in the processing settings, refusing one with no name or window', () => {
    const base = { slaBusinessDays: 10, closedDays: [], cureDays: 14 };
    expect(
      ProcessingSettings.safeParse({ ...base, trustors: [{ name: '見本通販', window: '電話 0120' }] }).success,
    ).toBe(true);
    const noName = ProcessingSettings.safeParse({ ...base, trustors: [{ name: ' ', window: '電話 0120' }] });
    expect(noName.error?.issues.map((i) => i.message)).toEqual(['委託元の名称を入力してください。']);
    const noWindow = ProcessingSettings.safeParse({ ...base, trustors: [{ name: '見本通販', window: '' }] });
    expect(noWindow.error?.issues.map((i) => i.message)).toEqual(['委託元の窓口（ご請求先）を入力してください。']);
    const twice = ProcessingSettings.safeParse({
      ...base,
      trustors: [
        { name: '見本通販', window: 'a' },
        { name: '見本通販', window: 'b' },
      ],
    });
    expect(twice.success).toBe(false);
    expect(ProcessingSettings.safeParse(base).success).toBe(true);
  });
});
