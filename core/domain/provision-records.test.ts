import { describe, expect, it } from 'vitest';
import { Decision, decisionProblems, emptyDecision } from './decisions';
import { Organisation } from './organisation';
import { buildLetter, type LetterCase } from './letters/catalogue';
import { sampleLetterCase, sampleOrganisation } from './letters/sample';
import { emptyProvisionRecord, ProvisionRecord, provisionTableRows } from './provision-records';

// 第三者提供記録 (33条5項) entered as a table with the items of 施行規則20条・24条, records excluded
// by 施行令11条 kept for the file but never printed or counted.

const provided: ProvisionRecord = {
  ...emptyProvisionRecord(),
  date: '2025-04-01',
  counterparty: '株式会社見本物流',
  items: '氏名、住所、電話番号',
};
const received: ProvisionRecord = {
  ...emptyProvisionRecord(),
  direction: 'received',
  date: '2025-06-10',
  counterparty: '見本名簿株式会社',
  counterpartyDetails: '東京都千代田区見本町1-1 代表取締役 見本一郎',
  items: '氏名、住所',
  basis: 'optOut',
  published: true,
  acquisition: '同社が公開情報から収集したもの',
};
const hidden: ProvisionRecord = {
  ...provided,
  counterparty: '見本警察署',
  items: '購入履歴',
  exclusion: 'r11-4',
};
const decide = (extra: Partial<Decision>): Decision => ({ ...emptyDecision(), outcome: 'full', ...extra });
const messages = (d: Decision, kind: 'thirdPartyRecords' | 'disclosure' = 'thirdPartyRecords') =>
  decisionProblems(kind, d).map((p) => p.message);

describe('第三者提供記録 as a table', () => {
  it('needs, per record, the counterparty and the items; a date for opt-out; for data received, the address and 取得の経緯', () => {
    expect(messages(decide({ provisionRecords: [provided, received] }))).toEqual([]);
    const bad = messages(
      decide({
        provisionRecords: [
          { ...provided, counterparty: '', items: '' },
          { ...received, date: '', counterpartyDetails: '', acquisition: '' },
          { ...provided, acquisition: '取得の経緯' },
        ],
      }),
    );
    expect(bad).toEqual([
      '記録1: 提供先の氏名又は名称を入力してください。',
      '記録1: 個人データの項目を入力してください。',
      '記録2: オプトアウトによる提供は、年月日の記録が必要です（施行規則第20条・第24条）。',
      '記録2: 提供元の住所（法人の場合は代表者の氏名）を入力してください（施行規則第24条）。',
      '記録2: 提供元による取得の経緯を入力してください（施行規則第24条）。',
      '記録3: 取得の経緯は、提供を受けた記録にのみ入力します。',
    ]);
  });

  it('discloses at least one record not excluded by 施行令11条, and a 記録不存在 keeps only excluded ones', () => {
    expect(messages(decide({ provisionRecords: [] }))[0]).toMatch(/開示する第三者提供記録を1件以上/);
    // Drafted before the table: the records in words, still valid (not blocked at approval).
    expect(messages(decide({ disclosed: '2025年4月1日 株式会社見本物流への提供' }))).toEqual([]);
    expect(messages(decide({ provisionRecords: [hidden] }))[0]).toMatch(/施行令第11条により除外する記録は数えません/);
    const nonexistent = decide({ outcome: 'nonexistent', grounds: ['recordNonexistent'], reason: 'ありません。' });
    expect(messages({ ...nonexistent, provisionRecords: [hidden] })).toEqual([]);
    expect(messages({ ...nonexistent, provisionRecords: [provided] })[0]).toMatch(/記録不存在とする場合/);
  });

  it('is refused on any other kind, and the free text is no longer required for this kind', () => {
    expect(messages(decide({ disclosed: '会員情報', provisionRecords: [provided] }), 'disclosure')).toEqual([
      '第三者提供記録は「第三者提供記録の開示」の決定にのみ入力できます。',
    ]);
    expect(messages(decide({ disclosed: '', provisionRecords: [provided] }))).toEqual([]);
  });

  it('rejects a malformed date, control characters and more than 100 records at parse time', () => {
    const parse = (records: unknown[]) => Decision.safeParse({ ...decide({}), provisionRecords: records });
    expect(parse([{ ...provided, date: '2025/04/01' }]).success).toBe(false);
    expect(parse([{ ...provided, counterparty: 'A\u202eB' }]).success).toBe(false);
    expect(parse([{ ...provided, exclusion: 'r11-9' }]).success).toBe(false);
    expect(parse(Array.from({ length: 101 }, () => provided)).success).toBe(false);
    expect(parse(Array.from({ length: 100 }, () => provided)).success).toBe(true);
    // Decisions stored before the field read with no records.
    const old: Partial<Decision> = decide({ disclosed: '記録' });
    delete old.provisionRecords;
    expect(Decision.parse(old).provisionRecords).toEqual([]);
  });

  it('prints the disclosed records as a table on a 別紙, never an excluded one', () => {
    expect(provisionTableRows([provided, hidden, received])).toEqual([
      ['提供', '2025/04/01', '株式会社見本物流', '氏名、住所、電話番号', '法第27条第1項の本人の同意を得ている旨', '—'],
      [
        '受領',
        '2025/06/10',
        '見本名簿株式会社\n東京都千代田区見本町1-1 代表取締役 見本一郎',
        '氏名、住所',
        '法第27条第2項の規定による提供（オプトアウト）\n法第27条第4項の規定により公表されている旨',
        '同社が公開情報から収集したもの',
      ],
    ]);
    const c: LetterCase = {
      ...sampleLetterCase,
      items: [{ kind: 'thirdPartyRecords', dataItems: '2024年以降の記録', grounds: [] }],
      decisions: [{ kind: 'thirdPartyRecords', decision: decide({ provisionRecords: [provided, hidden, received] }) }],
    };
    const letter = buildLetter('thirdPartyRecordsDecision', c, Organisation.parse(sampleOrganisation), {
      documentNo: '個保第1号',
      date: '2026-11-24',
      dateStyle: 'seireki',
    });
    expect(letter.items.find((i) => i.label === '開示する第三者提供記録')?.text).toBe(
      '別紙「第三者提供記録」のとおり（2件）',
    );
    const annex = letter.annexes.find((a) => a.title === '第三者提供記録');
    expect(annex?.table?.rows.map((r) => r[2]?.split('\n')[0])).toEqual(['株式会社見本物流', '見本名簿株式会社']);
    expect(annex?.table?.rows[0]?.[1]).toBe('2025年4月1日');
    expect(JSON.stringify(letter)).not.toContain('見本警察署');
  });

  // 施行規則20条1項・24条1項: what each basis requires.
  describe('each basis with the items it requires', () => {
    const basisCell = (r: ProvisionRecord) => provisionTableRows([r])[0]?.[4];

    it('data received under opt-out need 「法第27条第4項の規定により公表されている旨」 (規則24条1項1号ホ)', () => {
      const unconfirmed = { ...received, published: false };
      expect(messages(decide({ provisionRecords: [unconfirmed] }))).toEqual([
        '記録1: オプトアウトにより提供を受けた記録には、法第27条第4項の規定により公表されている旨（個人情報保護委員会による公表を確認したこと）が必要です（施行規則第24条第1項第1号）。',
      ]);
      expect(messages(decide({ provisionRecords: [received] }))).toEqual([]);
      expect(basisCell(received)).toContain('法第27条第4項の規定により公表されている旨');
      // Data we provided under opt-out have no such item (規則20条1項1号), and it is never printed there.
      const providedOptOut: ProvisionRecord = { ...provided, basis: 'optOut', published: true };
      expect(messages(decide({ provisionRecords: [{ ...providedOptOut, published: false }] }))).toEqual([]);
      expect(basisCell(providedOptOut)).toBe('法第27条第2項の規定による提供（オプトアウト）');
      // A record stored before the field reads as not confirmed.
      const old: Partial<ProvisionRecord> = { ...received };
      delete old.published;
      expect(ProvisionRecord.parse(old).published).toBe(false);
    });

    it('provision to a third party in a foreign country stands on the 28条1項 consent (規則20条1項2号イ)', () => {
      const abroad: ProvisionRecord = {
        ...provided,
        date: '',
        counterparty: 'Sample Logistics Pte. Ltd.（シンガポール）',
        basis: 'foreignConsent',
      };
      // Consent needs the statement that it was obtained, not the date.
      expect(messages(decide({ provisionRecords: [abroad] }))).toEqual([]);
      expect(basisCell(abroad)).toBe('法第28条第1項の本人の同意を得ている旨（外国にある第三者への提供）');
      expect(basisCell(provided)).toBe('法第27条第1項の本人の同意を得ている旨');
      expect(provisionTableRows([abroad])[0]?.[1]).toBe('—');
      // Opt-out cannot stand in for it: an opt-out record needs its date.
      expect(messages(decide({ provisionRecords: [{ ...abroad, basis: 'optOut' }] }))[0]).toMatch(/年月日の記録が必要/);
    });
  });
});
