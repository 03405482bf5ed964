import { describe, expect, it } from 'vitest';
import { emptyDecision } from '../decisions';
import { JointUse, Organisation } from '../organisation';
import { buildLetter, type LetterCase } from './catalogue';
import { sampleLetterCase, sampleOrganisation } from './sample';

// A group 共同利用 (27条5項3号): the profile names the scope and the 管理責任者; a decision marks its
// data as jointly used, and its letter says who answers for the group.

const joint = {
  scope: '見本グループ各社',
  manager: '見本HD株式会社',
  managerAddress: '東京都千代田区1-1',
  weAreManager: false,
};
const caseOf = (jointUse: boolean): LetterCase => ({
  ...sampleLetterCase,
  items: [{ kind: 'disclosure', dataItems: '', grounds: [] }],
  decisions: [{ kind: 'disclosure', decision: { ...emptyDecision(), disclosed: '会員情報', jointUse } }],
});
const item = (c: LetterCase, jointUse: JointUse | null) =>
  buildLetter('disclosureDecision', c, Organisation.parse({ ...sampleOrganisation, jointUse }), {
    documentNo: '個保第1号',
    date: '2026-11-24',
    dateStyle: 'seireki',
  }).items.find((i) => i.label === '共同利用について')?.text;

describe('共同利用 in the letters', () => {
  it('names another member as 管理責任者, or the company answering for the group', () => {
    expect(item(caseOf(true), joint)).toBe(
      'ご請求の保有個人データは、見本グループ各社において共同して利用しているものです。その管理責任者は見本HD株式会社（東京都千代田区1-1）であり、共同利用に関するお問い合わせは管理責任者にもお申し出いただけます。',
    );
    expect(item(caseOf(true), { ...joint, weAreManager: true })).toBe(
      'ご請求の保有個人データは、見本グループ各社において共同して利用しているものであり、当社が管理責任者として回答いたします。',
    );
  });

  it('says nothing where the data are not jointly used or the profile has no 共同利用', () => {
    expect(item(caseOf(false), joint)).toBeUndefined();
    expect(item(caseOf(true), null)).toBeUndefined();
  });

  it('refuses a 共同利用 without its scope or 管理責任者; a stored profile reads with none', () => {
    expect(JointUse.safeParse({ ...joint, scope: ' ' }).success).toBe(false);
    expect(JointUse.safeParse({ ...joint, managerAddress: '' }).success).toBe(false);
    expect(Organisation.parse(sampleOrganisation).jointUse).toBeNull();
  });
});
