// The nine things a person can ask for (APPI Art. 32–35), as the request form lists them.
export const requestKinds = [
  'purpose',
  'disclosure',
  'thirdPartyRecords',
  'correction',
  'addition',
  'deletion',
  'suspension',
  'erasure',
  'stopThirdParty',
] as const;
export type RequestKind = (typeof requestKinds)[number];

type KindInfo = {
  label: string;
  article: string;
  // Art. 38: a fee may be charged only for these.
  feeAllowed: boolean;
  group: 'notice' | 'disclosure' | 'correction' | 'suspension' | 'stopProvision';
};

export const kindInfo: Record<RequestKind, KindInfo> = {
  purpose: { label: '利用目的の通知', article: '第32条第2項', feeAllowed: true, group: 'notice' },
  disclosure: { label: '開示', article: '第33条第1項', feeAllowed: true, group: 'disclosure' },
  thirdPartyRecords: { label: '第三者提供記録の開示', article: '第33条第5項', feeAllowed: true, group: 'disclosure' },
  correction: { label: '訂正', article: '第34条第1項', feeAllowed: false, group: 'correction' },
  addition: { label: '追加', article: '第34条第1項', feeAllowed: false, group: 'correction' },
  deletion: { label: '削除', article: '第34条第1項', feeAllowed: false, group: 'correction' },
  suspension: { label: '利用停止', article: '第35条第1項', feeAllowed: false, group: 'suspension' },
  erasure: { label: '消去', article: '第35条第1項', feeAllowed: false, group: 'suspension' },
  stopThirdParty: { label: '第三者提供の停止', article: '第35条第3項', feeAllowed: false, group: 'stopProvision' },
};

export const channels = ['post', 'registeredPost', 'fax', 'email', 'web', 'counter'] as const;
export type Channel = (typeof channels)[number];
export const channelLabels: Record<Channel, string> = {
  post: '郵送',
  registeredPost: '簡易書留',
  fax: 'FAX',
  email: 'メール',
  web: 'Webフォーム',
  counter: '窓口',
};

export const requesterTypes = ['self', 'parent', 'minorGuardian', 'adultGuardian', 'appointed', 'lawyer'] as const;
export type RequesterType = (typeof requesterTypes)[number];
export const requesterTypeLabels: Record<RequesterType, string> = {
  self: '本人',
  parent: '法定代理人（親権者）',
  minorGuardian: '法定代理人（未成年後見人）',
  adultGuardian: '法定代理人（成年後見人）',
  appointed: '任意代理人',
  lawyer: '任意代理人（弁護士）',
};

// 法39条 (the 2-week answer and the right to sue) covers the 請求 of 33–35条, not the 求め of
// 32条2項: a request that is only 利用目的の通知 has no 39条 date.
export function article39Applies(kinds: readonly string[]): boolean {
  return kinds.length === 0 || kinds.some((k) => k !== 'purpose');
}
