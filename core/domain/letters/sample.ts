import type { OrganisationInput } from '../organisation';
import { emptyDecision, type Decision } from '../decisions';
import type { RequestKind } from '../intake/kinds';
import type { LetterCase, LetterKind } from './catalogue';

// A fictional request for previewing templates in the settings screen: every letter kind has
// what it needs (a cure, a fee shortfall, an extension, decisions of each group). The disclosure
// outcomes a template needs beyond these come from sampleCaseFor.
export const sampleLetterCase: LetterCase = {
  receiptNo: '2026-0001',
  arrivalDate: '2026-04-01',
  addressee: { postalCode: '100-0001', address: '東京都千代田区千代田1-1', name: '見本 太郎' },
  requesterType: 'self',
  answerToAgent: false,
  principalName: '見本 太郎',
  items: [
    { kind: 'purpose', dataItems: '', grounds: [] },
    { kind: 'disclosure', dataItems: '会員情報、購入履歴', grounds: [] },
    { kind: 'thirdPartyRecords', dataItems: '第三者提供記録', grounds: [] },
    { kind: 'correction', dataItems: '登録住所', grounds: [] },
    { kind: 'erasure', dataItems: '会員情報', grounds: ['noLongerNeeded'] },
  ],
  decisions: [
    {
      kind: 'purpose',
      decision: { ...emptyDecision(), outcome: 'notify', disclosed: '商品の発送、アフターサービスのため' },
    },
    { kind: 'disclosure', decision: { ...emptyDecision(), outcome: 'full', disclosed: '会員情報、購入履歴' } },
    {
      kind: 'thirdPartyRecords',
      decision: {
        ...emptyDecision(),
        outcome: 'nonexistent',
        grounds: ['recordNonexistent'],
        reason: '第三者提供の記録はありません。',
      },
    },
    { kind: 'correction', decision: { ...emptyDecision(), outcome: 'done', changes: '登録住所を訂正しました。' } },
    {
      kind: 'erasure',
      decision: {
        ...emptyDecision(),
        outcome: 'notDone',
        grounds: ['a35-notApplicable'],
        reason: '法令上の保存義務があるため。',
      },
    },
  ],
  disclosureMethod: 'paper',
  fee: {
    due: 1000,
    accepted: 500,
    shortfall: 500,
    toReturn: 0,
    means: ['postalMoneyOrder'],
    acceptedMeans: ['postalMoneyOrder', 'stamps'],
  },
  cure: { defects: ['有効期限内の本人確認書類の写し'], dueDate: '2026-04-15', requestedOn: '2026-04-02' },
  extension: { date: '2026-04-30', reason: '調査に時間を要しているため。' },
  dueDate: '2026-04-15',
  declineReason: '当社所定の手続によらない請求のため。',
  declineGround: 'procedure',
  withdrawnOn: '2026-04-05',
  documents: null,
  searchScope: [],
};

// The sample with the decision a letter kind states (a 不存在 letter needs a 不存在 decision).
export function sampleCaseFor(kind: LetterKind): LetterCase {
  const outcome: Partial<Record<LetterKind, [RequestKind, Decision]>> = {
    purposeNotNotified: [
      'purpose',
      {
        ...emptyDecision(),
        outcome: 'notNotify',
        grounds: ['a32-2-clear'],
        reason: '利用目的は当社のプライバシーポリシーにより明らかです。',
      },
    ],
    nonDisclosure: [
      'disclosure',
      {
        ...emptyDecision(),
        outcome: 'refused',
        grounds: ['a33-2-2'],
        reason: '業務の適正な実施に著しい支障を及ぼすおそれがあるため。',
      },
    ],
    nonexistent: ['disclosure', { ...emptyDecision(), outcome: 'nonexistent', grounds: ['nonexistent'], reason: '' }],
    thirdPartyRecordsDecision: [
      'thirdPartyRecords',
      {
        ...emptyDecision(),
        outcome: 'full',
        provisionRecords: [
          {
            direction: 'provided',
            date: '2025-04-01',
            counterparty: '株式会社見本物流',
            counterpartyDetails: '',
            items: '氏名、住所、電話番号',
            basis: 'consent',
            published: false,
            acquisition: '',
            exclusion: null,
          },
        ],
      },
    ],
    notOurs: [
      'disclosure',
      {
        ...emptyDecision(),
        outcome: 'notOurs',
        trustorName: '株式会社見本通販',
        trustorWindow: '株式会社見本通販 お客様窓口\n電話 0120-111-222（平日9時〜17時）',
      },
    ],
    thirdPartyRecordsNonDisclosure: [
      'thirdPartyRecords',
      {
        ...emptyDecision(),
        outcome: 'refused',
        grounds: ['a33-2-1'],
        reason: '第三者の権利利益を害するおそれがあるため。',
      },
    ],
  };
  if (kind === 'outsideLawAnswer' || kind === 'outsideLawDeclined') {
    return {
      ...sampleLetterCase,
      fee: { ...sampleLetterCase.fee, due: 0, accepted: 0, shortfall: 0, toReturn: 1000 },
      outsideLaw: {
        category: 'deceased',
        response: kind === 'outsideLawAnswer' ? 'service' : 'declined',
        text:
          kind === 'outsideLawAnswer'
            ? '故人様のご契約は、令和8年3月31日をもって解約の手続を完了しております。'
            : '故人様に関する情報の開示は、当社の規程によりお受けしておりません。',
      },
    };
  }
  const o = outcome[kind];
  if (!o) return sampleLetterCase;
  return {
    ...sampleLetterCase,
    decisions: [...sampleLetterCase.decisions.filter((d) => d.kind !== o[0]), { kind: o[0], decision: o[1] }],
  };
}

// The sender of the sample letters (tests and previews).
export const sampleOrganisation: OrganisationInput = {
  companyName: '株式会社サンプル商事',
  postalCode: '1000001',
  address: '東京都千代田区千代田1-1',
  phone: '03-1234-5678',
  representative: '代表取締役 見本一郎',
  officerTitle: '個人情報保護管理者',
  officerName: '見本花子',
  contactName: 'お客様相談室',
  contactPhone: '0120-000-000',
  contactHours: '',
  contactEmail: '',
};
