import { emptyDecision } from '../decisions';
import type { LetterCase } from './catalogue';

// A fictional request for previewing templates in the settings screen: every letter kind has
// what it needs (a cure, a fee shortfall, an extension, decisions of each group).
export const sampleLetterCase: LetterCase = {
  receiptNo: '2026-0001',
  arrivalDate: '2026-04-01',
  addressee: { postalCode: '100-0001', address: '東京都千代田区千代田1-1', name: '見本 太郎' },
  items: [
    { kind: 'purpose', dataItems: '' },
    { kind: 'disclosure', dataItems: '会員情報、購入履歴' },
    { kind: 'thirdPartyRecords', dataItems: '第三者提供記録' },
    { kind: 'correction', dataItems: '登録住所' },
    { kind: 'erasure', dataItems: '会員情報' },
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
  fee: { due: 1000, accepted: 500, shortfall: 500, toReturn: 0 },
  cure: { defects: ['有効期限内の本人確認書類の写し'], dueDate: '2026-04-15' },
  extension: { date: '2026-04-30', reason: '調査に時間を要しているため。' },
  dueDate: '2026-04-15',
  declineReason: '当社所定の手続によらない請求のため。',
  withdrawnOn: '2026-04-05',
};
