import { describe, expect, it } from 'vitest';
import { emptyDecision } from '../decisions';
import { evaluateIdentity } from '../intake/identity';
import { Organisation } from '../organisation';
import { buildLetter, lettersFor, type LetterCase, type LetterKind } from './catalogue';
import { sampleLetterCase, sampleOrganisation } from './sample';

// What letters say about the documents (issue 33 §3): a 補正 asking for a document carries its
// masking instruction; a 保険証 the company masked itself is told to the person; every early end,
// the 委託先 letter included, says what became of the ID copies.

const org = Organisation.parse(sampleOrganisation);
const build = (kind: LetterKind, c: LetterCase) =>
  buildLetter(kind, c, org, { documentNo: '個保第1号', date: '2026-11-24', dateStyle: 'wareki' });
const item = (kind: LetterKind, c: LetterCase, label: string) =>
  build(kind, c).items.find((i) => i.label === label)?.text;
const cureOf = (defects: string[]): LetterCase => ({
  ...sampleLetterCase,
  cure: { defects, dueDate: '2026-12-08', requestedOn: '2026-11-24' },
});

describe('a 補正 asking for a document carries its masking instruction', () => {
  it('for the 健康保険証 (健康保険法194条の2) and the 住民票 (番号法), as the identity check asks for them', () => {
    // The sentence the identity check gives for a missing ID names both.
    const missing = evaluateIdentity({
      arrivalDate: '2026-11-22',
      requesterType: 'self',
      kinds: ['disclosure'],
      answerTo: 'principal',
      principalBirthDate: '1980-04-01',
      documents: [],
      nameAddressMatch: { principal: true, agent: true },
    }).defects.map((d) => d.message);
    const notes = item('cure', cureOf(missing), 'ご提出にあたってのお願い') ?? '';
    expect(notes).toContain('保険者番号及び被保険者等記号・番号');
    expect(notes).toContain('健康保険法第194条の2');
    expect(notes).toContain('住民票の写しは、個人番号（マイナンバー）の記載のないもの');
    expect(notes).toContain('番号法');
  });

  it('only for the documents the 補正 names, also when staff typed the defect', () => {
    const typed = item(
      'cure',
      cureOf(['有効期限内の健康保険証の写しをもう1点ご提出ください。']),
      'ご提出にあたってのお願い',
    );
    expect(typed).toContain('健康保険法第194条の2');
    expect(typed).not.toContain('住民票');
    expect(item('cure', cureOf(['委任状（原本）をご提出ください。']), 'ご提出にあたってのお願い')).toBeUndefined();
  });
});

describe('a 保険証 the company masked itself', () => {
  const masked: LetterCase = { ...cureOf(['委任状（原本）をご提出ください。']), insuranceMaskedByUs: true };
  const told = (kind: LetterKind, c: LetterCase) => item(kind, c, '健康保険証の写しの取扱い') ?? '';

  it('is told to the person in the 補正 and in the letters after it', () => {
    expect(told('cure', masked)).toContain(
      '保険者番号及び被保険者等記号・番号等を当社でマスキング（黒塗り）いたしました',
    );
    expect(told('receipt', masked)).toContain('当社でマスキング');
    const decided: LetterCase = {
      ...masked,
      decisions: [{ kind: 'disclosure', decision: { ...emptyDecision(), outcome: 'full', disclosed: '会員情報' } }],
    };
    expect(told('disclosureDecision', decided)).toContain('当社でマスキング');
    expect(told('withdrawal', masked)).toContain('当社でマスキング');
  });

  it('is not said when the sender masked it, nor in the fee and extension notices', () => {
    expect(told('cure', { ...masked, insuranceMaskedByUs: false })).toBe('');
    expect(told('cure', sampleLetterCase)).toBe('');
    expect(told('feeShortfall', masked)).toBe('');
    expect(told('extension', masked)).toBe('');
  });
});

describe('every early end says what becomes of the ID copies', () => {
  const notOurs = {
    ...emptyDecision(),
    outcome: 'notOurs' as const,
    trustorName: '株式会社見本通販',
    trustorWindow: '株式会社見本通販 お客様窓口',
  };
  const entrusted: LetterCase = {
    ...sampleLetterCase,
    items: [{ kind: 'disclosure', dataItems: '', grounds: [] }],
    decisions: [{ kind: 'disclosure', decision: notOurs }],
    cure: { defects: ['委任状'], dueDate: '2026-12-08', requestedOn: '2026-11-24' },
    fee: { ...sampleLetterCase.fee, due: 0, accepted: 0, shortfall: 0, toReturn: 0 },
  };

  it('the 委託先 letter (not our 保有個人データ) too, as recorded or as the policy will do', () => {
    expect(item('notOurs', entrusted, 'ご提出書類の取扱い')).toBe(
      'ご提出いただいた本人確認書類等の写しは、当社の規程に従い、返却又は廃棄いたします。',
    );
    expect(
      item('notOurs', { ...entrusted, documents: { method: 'destroyed', date: '2026-11-20' } }, 'ご提出書類の取扱い'),
    ).toBe('ご提出いただいた本人確認書類等の写しは、当社にて2026/11/20に廃棄いたしました。');
    expect(
      item('notOurs', { ...entrusted, documents: { method: 'returned', date: '2026-11-24' } }, 'ご提出書類の取扱い'),
    ).toContain('本通知に同封して返却いたします');
  });

  it('but not where other kinds go on (the request has not ended)', () => {
    const mixed: LetterCase = {
      ...entrusted,
      items: [...entrusted.items, { kind: 'correction', dataItems: '住所', grounds: [] }],
      decisions: [
        ...entrusted.decisions,
        { kind: 'correction', decision: { ...emptyDecision(), outcome: 'done', changes: '住所を訂正しました。' } },
      ],
    };
    expect(item('notOurs', mixed, 'ご提出書類の取扱い')).toBeUndefined();
  });

  it.each<[LetterKind, string]>([
    ['withdrawal', 'withdrawn'],
    ['declined', 'declined'],
    ['deemedWithdrawn', 'deemedWithdrawn'],
    ['notOurs', 'preparingAnswer'],
  ])('%s', (kind, status) => {
    expect(lettersFor(entrusted, status)).toContain(kind);
    expect(item(kind, entrusted, 'ご提出書類の取扱い')).toMatch(/^ご提出いただいた本人確認書類等の写しは、/);
  });
});
