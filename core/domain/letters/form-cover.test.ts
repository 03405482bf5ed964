import { describe, expect, it } from 'vitest';
import { defaultFeeSchedule } from '../intake/fees';
import { defaultIdentityPolicy } from '../intake/identity';
import { Organisation } from '../organisation';
import { buildFormCoverLetter, type FormCover } from './form-cover';
import { sampleOrganisation } from './sample';

// The cover letter of a 請求書 sent on request states the company's own rules: identity
// documents, an agent's documents, the fee per kind, and where to send the form back.

const f: FormCover = {
  number: 'F-2026-0007',
  requestedOn: '2026-11-20',
  askedBy: 'phone',
  name: '送付 花子',
  postalCode: '100-0001',
  address: '東京都千代田区千代田9-9',
  kinds: [],
  note: '',
};
const org = Organisation.parse(sampleOrganisation);
const item = (label: string, ...args: Parameters<typeof letterOf>) =>
  letterOf(...args).items.find((i) => i.label === label)?.text;
const letterOf = (identity = defaultIdentityPolicy, fees = defaultFeeSchedule) =>
  buildFormCoverLetter(f, org, identity, fees, { date: '2026-11-24', dateStyle: 'seireki' });

describe('the cover letter of a 請求書 sent on request', () => {
  it('is addressed to the person, numbered, and says where to send the form back', () => {
    const l = letterOf();
    expect(l.addressee).toEqual({
      postalCode: '100-0001',
      address: '東京都千代田区千代田9-9',
      name: '送付 花子',
      capacity: null,
    });
    expect(l.documentNo).toBe('F-2026-0007');
    expect(item('送付番号')).toBe('F-2026-0007');
    expect(l.body.join('')).toContain('2026年11月20日にお申し出いただいた');
    expect(l.body.join('')).toContain(`〒${org.postalCode} ${org.address}`);
  });

  it('follows the company identity and agent rules', () => {
    expect(item('ご本人確認書類')).toMatch(
      /^顔写真付きの本人確認書類（運転免許証.*の写し1点、または顔写真のない本人確認書類.*2点$/,
    );
    expect(
      item('ご本人確認書類', {
        ...defaultIdentityPolicy,
        identityRule: 'anyOne',
        acceptedDocuments: ['drivingLicence', 'pensionBook'],
      }),
    ).toBe('本人確認書類（運転免許証、年金手帳・年金証書のいずれか1点）');
    expect(item('代理人による請求', { ...defaultIdentityPolicy, appointedAgent: 'signedWithAgentId' })).toContain(
      '任意代理人は署名のある委任状（実印は不要）と代理人の本人確認書類',
    );
  });

  it('states the fee per kind, grouped by amount, or that none is charged', () => {
    expect(item('手数料')).toBe(
      '1件につき利用目的の通知・開示・第三者提供記録の開示 1,000円（郵便定額小為替、郵便切手、現金書留、振込、窓口での現金）',
    );
    const own = {
      ...defaultFeeSchedule,
      per: 'kind' as const,
      amounts: { purpose: 500 },
      accepted: ['postalMoneyOrder' as const],
    };
    expect(item('手数料', defaultIdentityPolicy, own)).toBe(
      '請求の種類ごとに利用目的の通知 500円、開示・第三者提供記録の開示 1,000円（郵便定額小為替）',
    );
    expect(item('手数料', defaultIdentityPolicy, { ...defaultFeeSchedule, amount: 0 })).toBe('手数料は要しません。');
  });

  it('asks for each document with its masking instruction (健康保険法194条の2, 番号法)', () => {
    const notes = item('ご提出にあたってのお願い') ?? '';
    expect(item('ご本人確認書類')).toContain('健康保険の資格確認書・被保険者証');
    expect(notes).toContain('保険者番号及び被保険者等記号・番号');
    expect(notes).toContain('健康保険法第194条の2');
    expect(item('ご本人確認書類')).toContain('住民票の写し');
    expect(notes).toContain('住民票の写しは、個人番号（マイナンバー）の記載のないもの');
    expect(notes).toContain('マイナンバーカードは、表面のみの写し');
    // Only the instructions for what this company asks for.
    const licenceOnly = {
      ...defaultIdentityPolicy,
      acceptedDocuments: ['drivingLicence' as const, 'pensionBook' as const],
    };
    expect(item('ご提出にあたってのお願い', licenceOnly)).toBeUndefined();
    const insurance = {
      ...defaultIdentityPolicy,
      acceptedDocuments: ['passport' as const, 'healthInsurance' as const],
    };
    expect(item('ご提出にあたってのお願い', insurance)).not.toContain('住民票');
    expect(item('ご提出にあたってのお願い', insurance)).toContain('健康保険法第194条の2');
  });
});
