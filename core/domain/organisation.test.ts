import { describe, expect, it } from 'vitest';
import { buildLetter } from './letters/catalogue';
import { sampleLetterCase, sampleOrganisation } from './letters/sample';
import { Organisation } from './organisation';

// Companies publish different contacts (DOMAIN.md §9): a phone, an e-mail, a postal address or
// several; the letters print what there is and never an empty 「電話」.
describe('the organisation contact block', () => {
  const letter = (o: Organisation) =>
    buildLetter('receipt', sampleLetterCase, o, { documentNo: '個保第1号', date: '2026-11-24', dateStyle: 'wareki' });

  it('takes an e-mail or a postal address instead of a phone, and prints only what is given', () => {
    const noPhone = Organisation.parse({
      ...sampleOrganisation,
      phone: '',
      contactPhone: '',
      contactEmail: 'privacy@example.co.jp',
      contactAddress: '〒100-0001 東京都千代田区千代田1-1 個人情報窓口',
    });
    const l = letter(noPhone);
    expect(l.sender.contact).toEqual([]);
    expect(l.contact).toEqual([
      '【お問い合わせ先】お客様相談室',
      'メール privacy@example.co.jp',
      '住所 〒100-0001 東京都千代田区千代田1-1 個人情報窓口',
    ]);
    expect(l.contact.join()).not.toContain('電話');
  });

  it('refuses a contact window with no way to reach it, and reads a stored profile without the address', () => {
    const none = Organisation.safeParse({ ...sampleOrganisation, contactPhone: '', contactEmail: '' });
    expect(none.error?.issues.map((i) => i.message)).toEqual([
      '問合せ窓口の電話番号、メールアドレス又は住所のいずれかを入力してください。',
    ]);
    expect(Organisation.parse(sampleOrganisation).contactAddress).toBe('');
    expect(letter(Organisation.parse(sampleOrganisation)).contact).toContain('電話 0120-000-000');
  });
});
