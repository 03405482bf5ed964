import { describe, expect, it } from 'vitest';
import { emptyDecision, type Decision } from '../decisions';
import type { RequestKind } from '../intake/kinds';
import { Organisation } from '../organisation';
import { buildLetter, finalizeBlock, lettersFor, type LetterCase, type LetterKind } from './catalogue';
import { sampleLetterCase, sampleOrganisation } from './sample';

const org = Organisation.parse(sampleOrganisation);

const base: LetterCase = {
  ...sampleLetterCase,
  items: [{ kind: 'disclosure', dataItems: '会員情報', grounds: [] }],
  decisions: [],
  fee: { due: 1000, accepted: 1000, shortfall: 0, toReturn: 0, means: ['postalMoneyOrder'], acceptedMeans: [] },
  cure: null,
  extension: null,
};
const build = (kind: LetterKind, c: LetterCase) =>
  buildLetter(kind, c, org, { documentNo: '個保第1号', date: '2026-11-24', dateStyle: 'wareki' });
const text = (kind: LetterKind, c: LetterCase) => {
  const l = build(kind, c);
  return [l.title, ...l.body, ...l.items.map((i) => `${i.label}：${i.text}`), l.addressee.capacity ?? ''].join('\n');
};
const decided = (kind: RequestKind, d: Partial<Decision>): LetterCase => ({
  ...base,
  items: [{ kind, dataItems: '会員情報', grounds: [] }],
  decisions: [{ kind, decision: { ...emptyDecision(), ...d } }],
});

describe('letter titles follow the outcome', () => {
  it.each<[RequestKind, Partial<Decision>, LetterKind, string]>([
    [
      'disclosure',
      { outcome: 'full', disclosed: 'x' },
      'disclosureDecision',
      '保有個人データの開示決定について（通知）',
    ],
    [
      'disclosure',
      { outcome: 'refused', grounds: ['a33-2-2'], reason: 'r' },
      'nonDisclosure',
      '保有個人データを開示しない旨の決定について（通知）',
    ],
    [
      'disclosure',
      { outcome: 'nonexistent', grounds: ['nonexistent'] },
      'nonexistent',
      '保有個人データが存在しない旨の通知',
    ],
    [
      'thirdPartyRecords',
      { outcome: 'nonexistent', grounds: ['recordNonexistent'] },
      'thirdPartyRecordsNonexistent',
      '第三者提供記録が存在しない旨の通知',
    ],
    [
      'thirdPartyRecords',
      { outcome: 'refused', grounds: ['a33-2-1'], reason: 'r' },
      'thirdPartyRecordsNonDisclosure',
      '第三者提供記録を開示しない旨の決定について（通知）',
    ],
    [
      'purpose',
      { outcome: 'notify', disclosed: '発送のため' },
      'purposeNotice',
      '保有個人データの利用目的について（通知）',
    ],
  ])('%s decided %j gives the letter %s titled %s', (kind, d, letter, title) => {
    const c = decided(kind, d);
    const available = lettersFor(c, 'preparingAnswer');
    expect(available).toContain(letter);
    // A 不存在 is never offered as a 不開示 and the reverse.
    if (letter === 'nonexistent') expect(available).not.toContain('nonDisclosure');
    if (letter === 'nonDisclosure') expect(available).not.toContain('nonexistent');
    expect(build(letter, c).title).toBe(title);
  });

  it('cites the article that obliges each decision notice in its body', () => {
    expect(text('nonexistent', decided('disclosure', { outcome: 'nonexistent', grounds: ['nonexistent'] }))).toContain(
      '個人情報の保護に関する法律第33条第3項の規定に基づき',
    );
    expect(text('correctionDecision', decided('correction', { outcome: 'done', changes: '住所を訂正' }))).toContain(
      '第34条第3項の規定に基づき',
    );
    expect(text('suspensionDecision', decided('erasure', { outcome: 'done' }))).toContain('第35条第7項の規定に基づき');
    expect(
      text('purposeNotNotified', decided('purpose', { outcome: 'notNotify', grounds: ['a32-2-clear'], reason: 'r' })),
    ).toContain('第32条第3項の規定に基づき');
  });
});

describe('agent letters', () => {
  const agent: LetterCase = {
    ...decided('disclosure', { outcome: 'full', disclosed: '会員情報' }),
    requesterType: 'parent',
    answerToAgent: true,
    principalName: '田中 翔',
    addressee: { postalCode: '100-0001', address: '東京都千代田区千代田1-1', name: '田中 恵子' },
  };

  it('name the 本人 and the capacity, and never call the reader 「あなた」', () => {
    const letter = build('disclosureDecision', agent);
    expect(letter.addressee.name).toBe('田中 恵子');
    expect(letter.addressee.capacity).toBe('（田中 翔様の法定代理人）');
    expect(letter.body.join('')).toContain('ご本人（田中 翔様）の保有個人データの開示の請求');
    for (const kind of lettersFor(agent, 'preparingAnswer')) expect(text(kind, agent)).not.toContain('あなた');
    expect(build('disclosureDecision', { ...agent, requesterType: 'lawyer' }).addressee.capacity).toBe(
      '（田中 翔様の代理人）',
    );
  });

  it('addressed to the 本人 when the answer goes to them, with no capacity line', () => {
    const letter = build('purposeNotice', {
      ...decided('purpose', { outcome: 'notify', disclosed: '発送のため' }),
      requesterType: 'appointed',
      answerToAgent: false,
    });
    expect(letter.addressee.capacity).toBeNull();
    expect(letter.body.join('')).toContain('お客様の保有個人データの利用目的');
    expect(letter.body.join('')).not.toContain('あなた');
  });
});

describe('what letters promise and say about money and documents', () => {
  it('the 受付のお知らせ promises an answer, not an answer 「書面にて」', () => {
    const t = text('receipt', { ...base, disclosureMethod: 'email' });
    expect(t).not.toContain('書面にて');
    expect(t).toContain('回答予定日までに回答いたします');
  });

  it('writes the 受付番号 the same way in every letter', () => {
    const c: LetterCase = {
      ...sampleLetterCase,
      withdrawnOn: '2026-04-05',
    };
    for (const kind of lettersFor(c, 'withdrawn')) {
      const body = build(kind, c).body.join('');
      expect(body, kind).toContain('（受付番号 2026-0001）');
    }
  });

  it('returns money sent with a 訂正 request, saying how', () => {
    const c: LetterCase = {
      ...decided('correction', { outcome: 'done', changes: '住所を訂正しました。' }),
      fee: { due: 0, accepted: 0, shortfall: 0, toReturn: 500, means: ['stamps'], acceptedMeans: [] },
    };
    const t = text('correctionDecision', c);
    expect(t).toContain('お送りいただいた金銭：500円をお送りいただきましたが、この請求には手数料を要しない');
    expect(t).toContain('第38条第1項');
    expect(t).toContain('お送りいただいたもの（郵便切手）を本通知に同封して返還いたします。');
    const transfer = text('suspensionDecision', {
      ...decided('erasure', { outcome: 'done' }),
      fee: { due: 0, accepted: 0, shortfall: 0, toReturn: 1000, means: ['bankTransfer'], acceptedMeans: [] },
    });
    expect(transfer).toContain('お振込みにより返還いたします。');
  });

  it('states a fee shortfall with the means accepted and the deadline', () => {
    const c: LetterCase = {
      ...base,
      fee: {
        due: 1000,
        accepted: 500,
        shortfall: 500,
        toReturn: 0,
        means: ['stamps'],
        acceptedMeans: ['postalMoneyOrder', 'cashRegistered'],
      },
      cure: { defects: ['手数料の不足'], dueDate: '2026-12-08', requestedOn: '2026-11-24' },
    };
    const t = text('feeShortfall', c);
    expect(t).toContain('不足額：500円');
    expect(t).toContain('お支払いの方法：郵便定額小為替、現金書留');
    expect(t).toContain('お支払いの期限：令和8年12月8日');
  });

  it('states which kind a fee shortfall is for, where each kind has its own fee', () => {
    const c: LetterCase = {
      ...base,
      items: [
        { kind: 'purpose', dataItems: '', grounds: [] },
        { kind: 'disclosure', dataItems: '会員情報', grounds: [] },
      ],
      fee: {
        due: 1500,
        accepted: 1000,
        shortfall: 500,
        toReturn: 0,
        means: ['postalMoneyOrder'],
        acceptedMeans: ['postalMoneyOrder'],
        byKind: [
          { kind: 'purpose', due: 500, accepted: 0, shortfall: 500 },
          { kind: 'disclosure', due: 1000, accepted: 1000, shortfall: 0 },
        ],
      },
      cure: { defects: ['手数料の不足'], dueDate: '2026-12-08', requestedOn: '2026-11-24' },
    };
    const t = text('feeShortfall', c);
    expect(t).toContain('手数料の額：1,500円（利用目的の通知 500円、開示 1,000円）');
    expect(t).toContain('受領した額：1,000円（開示分）');
    expect(t).toContain('不足額：500円（利用目的の通知分）');
  });

  it('says what became of the ID copies and the fee when a request ends early', () => {
    const withdrawn: LetterCase = {
      ...base,
      withdrawnOn: '2026-11-10',
      documents: { method: 'returned', date: '2026-11-24' },
    };
    expect(text('withdrawal', withdrawn)).toContain(
      'ご提出書類の取扱い：ご提出いただいた本人確認書類等の写しは、本通知に同封して返却いたします。',
    );
    expect(text('withdrawal', withdrawn)).toContain(
      '手数料：受領した手数料1,000円は、当社の定めにより返還いたしません。',
    );
    const declined = text('declined', {
      ...base,
      declineReason: '所定の手続によらないため。',
      documents: { method: 'destroyed', date: '2026-11-20' },
      fee: { ...base.fee, toReturn: 1000, means: ['cashRegistered'] },
    });
    expect(declined).toContain('当社にて2026/11/20に廃棄いたしました');
    expect(declined).toContain('受領した1,000円のうち1,000円は、お送りいただいたもの（現金書留）');
    expect(declined).toContain('根拠：個人情報の保護に関する法律第37条第1項');
    const agentDeclined = text('declined', { ...base, declineGround: 'noAuthority' });
    expect(agentDeclined).toContain(
      '根拠：個人情報の保護に関する法律第37条第1項、個人情報の保護に関する法律施行令第12条第3号',
    );
    expect(agentDeclined).not.toContain('施行令第13条');
    expect(text('declined', { ...base, declineGround: 'notAnAgent' })).toContain(
      '根拠：個人情報の保護に関する法律第37条第3項、個人情報の保護に関する法律施行令第13条',
    );
  });

  it('has a letter for a request closed as not made, with the 補正 date and what was asked', () => {
    const c: LetterCase = {
      ...base,
      cure: { defects: ['有効期限内の本人確認書類の写し'], dueDate: '2026-11-30', requestedOn: '2026-11-16' },
    };
    expect(lettersFor(c, 'deemedWithdrawn')).toContain('deemedWithdrawn');
    expect(lettersFor(c, 'awaitingCure')).not.toContain('deemedWithdrawn');
    const letter = build('deemedWithdrawn', c);
    expect(letter.title).toBe('ご請求がなかったものとして取り扱う旨のお知らせ');
    const t = text('deemedWithdrawn', c);
    expect(t).toContain('令和8年11月16日付けで下記の補正をお願いいたしましたが、期限である令和8年11月30日までに');
    expect(t).toContain('不備の内容：(1) 有効期限内の本人確認書類の写し');
    expect(t).toContain('ご提出書類の取扱い');
  });
});

describe('finalizing', () => {
  const who = { actorId: 'a', actorCanApprove: true, declinedBy: null };
  it('waits for approval for every letter carrying a decision, not for notices', () => {
    for (const status of ['investigating', 'drafting', 'awaitingApproval']) {
      expect(finalizeBlock('disclosureDecision', { ...who, status })).toContain('承認（決裁）されていない');
      expect(finalizeBlock('nonexistent', { ...who, status })).not.toBeNull();
      expect(finalizeBlock('receipt', { ...who, status })).toBeNull();
      expect(finalizeBlock('extension', { ...who, status })).toBeNull();
    }
    for (const status of ['preparingAnswer', 'sent', 'completed']) {
      expect(finalizeBlock('suspensionDecision', { ...who, status })).toBeNull();
    }
  });
});
