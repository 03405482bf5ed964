import type { ChannelInput } from '../core/contract';

const surnames = [
  ['山田', 'ヤマダ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['中村', 'ナカムラ'],
] as const;
const given = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['一郎', 'イチロウ'],
  ['美咲', 'ミサキ'],
  ['健太', 'ケンタ'],
  ['陽子', 'ヨウコ'],
] as const;

// A realistic 本人 開示 request, varied by index (fictional people).
export function intakeFixture(i: number): ChannelInput<'intake.create'> {
  const [sn, sk] = surnames[i % surnames.length] ?? surnames[0];
  const [gn, gk] = given[(i * 5) % given.length] ?? given[0];
  const day = String(1 + (i % 20)).padStart(2, '0');
  return {
    channel: i % 3 === 0 ? 'registeredPost' : 'post',
    arrivalDate: `2026-11-${day}`,
    provisional: false,
    trackingNo: '',
    requesterType: 'self',
    principal: {
      name: `${sn} ${gn}`,
      kana: `${sk} ${gk}`,
      birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      postalCode: '100-0001',
      address: `東京都千代田区千代田${1 + (i % 9)}-${1 + (i % 30)}`,
      phone: `03-1234-${String(i % 10000).padStart(4, '0')}`,
      email: '',
      customerNo: '',
      formerName: '',
      formerAddress: '',
      relationship: '',
      letterName: '',
      letterAddress: '',
    },
    agent: null,
    items: [
      {
        kind: 'disclosure',
        dataItems: '購入履歴',
        period: '',
        currentContent: '',
        correctContent: '',
        grounds: [],
        groundText: '',
      },
    ],
    disclosureMethod: { method: 'paper', format: '' },
    answerTo: 'principal',
    delivery: 'simpleRegistered',
    replyAddress: '',
    notes: '',
    identity: {
      documents: [
        {
          id: 'd1',
          type: 'drivingLicence',
          holder: 'principal',
          original: false,
          expiresOn: '2030-01-01',
          issuedOn: null,
        },
      ],
      nameAddressMatch: { principal: true, agent: null },
      lawyerRegistrationNo: '',
    },
    payments: [
      { id: 'p1', means: 'postalMoneyOrder', amount: 1000, receivedOn: `2026-11-${day}`, issuedOn: '2026-10-01' },
    ],
  };
}
