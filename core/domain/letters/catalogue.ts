import { jointUseItems } from './joint-use';
import type { IsoDate } from '../dates';
import type { Decision } from '../decisions';
import type { FeeMeans, FeeShare } from '../intake/fees';
import type { RequestKind, RequesterType } from '../intake/kinds';
import type { SuspensionGround } from '../intake/request';
import type { Organisation } from '../organisation';
import type { DeclineGround } from './citations';
import { documentNotes } from './document-notes';
import { LetterTemplate, type Values } from './template';
import { basisOf, decisionsOf, itemsFor } from './items';
import type { OutsideLaw } from '../outside-law';
import {
  isOutsideLawLetter,
  outsideLawItems,
  outsideLawLetterLabels,
  outsideLawLetterOf,
  outsideLawTemplates,
} from './outside-law';

export { decisionsOf, letterDecisions, yen } from './items';

// The letters of DOMAIN.md §6 as models (what to print, block by block); electron/main/pdf lays
// them out. Fixed sentences come from editable templates with placeholders such as {受付番号}.

export const letterKinds = [
  'receipt',
  'cure',
  'feeShortfall',
  'purposeNotice',
  'purposeNotNotified',
  'disclosureDecision',
  'nonDisclosure',
  'thirdPartyRecordsDecision',
  'correctionDecision',
  'suspensionDecision',
  'extension',
  'withdrawal',
  'declined',
  // Added later: each outcome is titled as what it is (a 不存在 is no 不開示).
  'nonexistent',
  'thirdPartyRecordsNonDisclosure',
  'thirdPartyRecordsNonexistent',
  'deemedWithdrawn',
  'notOurs',
  // A request outside the Act, answered as a service or declined (outside-law.ts).
  'outsideLawAnswer',
  'outsideLawDeclined',
] as const;
export type LetterKind = (typeof letterKinds)[number];

export const letterLabels: Record<LetterKind, string> = {
  receipt: '受付のお知らせ',
  cure: '補正依頼（不備のお知らせ）',
  feeShortfall: '手数料不足のお知らせ',
  purposeNotice: '利用目的通知書',
  purposeNotNotified: '利用目的を通知しない旨の通知書',
  disclosureDecision: '開示決定通知書',
  nonDisclosure: '開示しない旨の決定通知書',
  thirdPartyRecordsDecision: '第三者提供記録の開示決定通知書',
  correctionDecision: '訂正等決定通知書',
  suspensionDecision: '利用停止等決定通知書',
  extension: '延長のお知らせ',
  withdrawal: '取下げの確認',
  declined: '請求に応じられない旨のお知らせ',
  nonexistent: '保有個人データが存在しない旨の通知',
  thirdPartyRecordsNonDisclosure: '第三者提供記録を開示しない旨の決定通知書',
  thirdPartyRecordsNonexistent: '第三者提供記録が存在しない旨の通知',
  deemedWithdrawn: '請求がなかったものとして取り扱う旨のお知らせ',
  notOurs: '保有個人データに当たらない旨のお知らせ',
  ...outsideLawLetterLabels,
};

// Letters that carry a decision: finalized only after the decision was approved.
export const decisionLetterKinds: readonly LetterKind[] = [
  'purposeNotice',
  'purposeNotNotified',
  'disclosureDecision',
  'nonDisclosure',
  'nonexistent',
  'thirdPartyRecordsDecision',
  'thirdPartyRecordsNonDisclosure',
  'thirdPartyRecordsNonexistent',
  'correctionDecision',
  'suspensionDecision',
  'notOurs',
];

export { placeholders, LetterTemplate, type Values } from './template';

const decisionBody = (what: string) =>
  `{到達日}に当社に到達した{本人}の${what}（受付番号 {受付番号}）について、下記のとおり決定しましたので、個人情報の保護に関する法律{通知の根拠}の規定に基づき通知いたします。`;
const nonexistentBody = (what: string) =>
  `{到達日}に当社に到達した{本人}の${what}の開示の請求（受付番号 {受付番号}）について、調査いたしましたところ、請求に係る${what}は当社に存在しませんでしたので、個人情報の保護に関する法律{通知の根拠}の規定に基づき、その旨を通知いたします。`;

export const defaultLetterTemplates: Record<LetterKind, LetterTemplate> = {
  receipt: {
    title: '保有個人データの開示等の請求の受付について（お知らせ）',
    body: '{到達日}に当社に到達した{本人}の保有個人データの開示等の請求（受付番号 {受付番号}）を、下記のとおり受け付けましたのでお知らせいたします。\n内容を確認のうえ、回答予定日までに回答いたします。今しばらくお待ちくださいますようお願い申し上げます。',
  },
  cure: {
    title: '保有個人データの開示等の請求に関する補正のお願い',
    body: '{到達日}に当社に到達した請求（受付番号 {受付番号}）につきまして、ご提出いただいた書類に下記の不備がございました。\nお手数をおかけいたしますが、{補正期限}までに下記の書類等をご送付くださいますようお願い申し上げます。期限までに補正をいただけない場合は、請求がなかったものとして取り扱わせていただきますので、あらかじめご了承ください。',
  },
  feeShortfall: {
    title: '手数料の不足について（お知らせ）',
    body: '{到達日}に当社に到達した請求（受付番号 {受付番号}）につきまして、手数料が下記のとおり不足しております。\n{補正期限}までに不足額をお支払いくださいますようお願い申し上げます。期限までにお支払いがない場合は、請求がなかったものとして取り扱わせていただきます。',
  },
  purposeNotice: {
    title: '保有個人データの利用目的について（通知）',
    body: '{到達日}に当社に到達した利用目的の通知の求め（受付番号 {受付番号}）について、当社が保有する{本人}の保有個人データの利用目的を、個人情報の保護に関する法律{通知の根拠}の規定に基づき、下記のとおり通知いたします。',
  },
  purposeNotNotified: {
    title: '保有個人データの利用目的を通知しない旨の決定について（通知）',
    body: decisionBody('保有個人データの利用目的の通知の求め'),
  },
  disclosureDecision: {
    title: '保有個人データの開示決定について（通知）',
    body: decisionBody('保有個人データの開示の請求'),
  },
  nonDisclosure: {
    title: '保有個人データを開示しない旨の決定について（通知）',
    body: decisionBody('保有個人データの開示の請求'),
  },
  nonexistent: {
    title: '保有個人データが存在しない旨の通知',
    body: nonexistentBody('保有個人データ'),
  },
  thirdPartyRecordsDecision: {
    title: '第三者提供記録の開示決定について（通知）',
    body: decisionBody('第三者提供記録の開示の請求'),
  },
  thirdPartyRecordsNonDisclosure: {
    title: '第三者提供記録を開示しない旨の決定について（通知）',
    body: decisionBody('第三者提供記録の開示の請求'),
  },
  thirdPartyRecordsNonexistent: {
    title: '第三者提供記録が存在しない旨の通知',
    body: nonexistentBody('第三者提供記録'),
  },
  correctionDecision: {
    title: '保有個人データの訂正等の請求に対する決定について（通知）',
    body: decisionBody('保有個人データの訂正等の請求'),
  },
  suspensionDecision: {
    title: '保有個人データの利用停止等の請求に対する決定について（通知）',
    body: decisionBody('保有個人データの利用停止等の請求'),
  },
  extension: {
    title: '回答期限の延長について（お知らせ）',
    body: '{到達日}に当社に到達した請求（受付番号 {受付番号}）につきまして、下記の理由により回答に時間を要しております。\n誠に恐縮ではございますが、回答予定日を{延長後の期限}まで延長させていただきたく、お知らせいたします。',
  },
  withdrawal: {
    title: '保有個人データの開示等の請求の取下げについて（確認）',
    body: '{到達日}に当社に到達した請求（受付番号 {受付番号}）につきまして、取下げのお申し出を受け付けましたので、下記のとおり確認のためお知らせいたします。',
  },
  declined: {
    title: '保有個人データの開示等の請求について（お知らせ）',
    body: '{到達日}に当社に到達した請求（受付番号 {受付番号}）につきまして、下記の理由により、請求に応じることができませんので、お知らせいたします。',
  },
  // No article: data held as a 委託先 are not our 保有個人データ, so the Act's duties to answer do
  // not apply to us; the person is referred to the 委託元 (DOMAIN.md §9).
  notOurs: {
    title: 'ご請求の個人データについて（お知らせ）',
    body: '{到達日}に当社に到達した{本人}の保有個人データの開示等の請求（受付番号 {受付番号}）について確認いたしましたところ、ご請求に係る個人データは、当社が下記の事業者から委託を受けて取り扱っているものであり、当社の保有個人データには当たりません。\n恐れ入りますが、ご請求は下記の窓口にお寄せくださいますようお願い申し上げます。',
  },
  deemedWithdrawn: {
    title: 'ご請求がなかったものとして取り扱う旨のお知らせ',
    body: '{到達日}に当社に到達した請求（受付番号 {受付番号}）につきまして、{補正依頼日}付けで下記の補正をお願いいたしましたが、期限である{補正期限}までに補正をいただけませんでしたので、ご請求がなかったものとして取り扱わせていただきます。',
  },
  ...outsideLawTemplates,
};

// The request, as the letters need it (built by main from the stored request).
export type LetterCase = {
  receiptNo: string;
  arrivalDate: IsoDate;
  // The other requests of the same 請求書, split at intake so that a kind without a fee goes ahead.
  linked?: { receiptNo: string; kinds: RequestKind[] }[];
  // Who the letter goes to; for an agent, the 本人 they act for and in what capacity.
  addressee: { postalCode: string; address: string; name: string };
  requesterType: RequesterType;
  answerToAgent: boolean;
  principalName: string;
  items: { kind: RequestKind; dataItems: string; grounds: SuspensionGround[] }[];
  decisions: { kind: RequestKind; decision: Decision }[];
  disclosureMethod: 'paper' | 'media' | 'email' | 'download' | null;
  // means: what the money came as; acceptedMeans: what the company takes (its fee schedule).
  fee: {
    due: number;
    accepted: number;
    shortfall: number;
    toReturn: number;
    means: FeeMeans[];
    acceptedMeans: FeeMeans[];
    byKind?: FeeShare[];
  };
  cure: { defects: string[]; dueDate: IsoDate; requestedOn: IsoDate } | null;
  extension: { date: IsoDate; reason: string } | null;
  // The date the answer is promised for: a business day (main moves a closed day back).
  dueDate: IsoDate;
  declineReason: string;
  declineGround: DeclineGround;
  withdrawnOn: IsoDate | null;
  // What happened to the enclosed ID copies, as recorded (null: not recorded yet).
  documents: { method: 'returned' | 'destroyed' | 'none'; date: IsoDate } | null;
  // The searches the 不存在 letter lists as the scope searched (探索した範囲), as lines.
  searchScope: string[];
  // The company masked a 保険証's numbers itself (the person is told); absent: it did not.
  insuranceMaskedByUs?: boolean;
  // Closed as a request outside the Act: why, how answered, and the text (absent: not closed so).
  outsideLaw?: OutsideLaw | null;
};

export type LetterItem = { label: string; text: string };
// A table on a 別紙 page: widths are fractions of the text width; a cell may hold line breaks.
export type LetterTable = { header: string[]; rows: string[][]; widths: number[]; landscape?: boolean };
export type Letter = {
  // A request's letter, the cover letter of a 請求書 sent on request, or a package's password.
  kind: LetterKind | 'formCover' | 'passwordNotice';
  documentNo: string;
  date: string;
  // A reissue says so under the document number.
  reissue: string | null;
  addressee: { postalCode: string; address: string; name: string; capacity: string | null };
  sender: { company: string; officer: string; postalCode: string; address: string; contact: string[] };
  title: string;
  body: string[];
  items: LetterItem[];
  contact: string[];
  // 別紙: long lists move to pages of their own.
  // A document annex carries the redacted pages (a PDF of page images) to print after its title.
  annexes: { title: string; lines: string[]; table?: LetterTable; document?: Uint8Array }[];
};

export type DateStyle = 'wareki' | 'seireki';

// The sender block and the contact window every letter prints.
export const senderOf = (org: Organisation): Letter['sender'] => ({
  company: org.companyName,
  officer: `${org.officerTitle}\u3000${org.officerName}`,
  postalCode: org.postalCode,
  address: org.address,
  contact: org.phone ? [`電話 ${org.phone}`] : [],
});
export const contactOf = (org: Organisation): string[] => [
  `【お問い合わせ先】${org.contactName}`,
  ...(org.contactPhone ? [`電話 ${org.contactPhone}${org.contactHours ? `（${org.contactHours}）` : ''}`] : []),
  ...(org.contactEmail ? [`メール ${org.contactEmail}`] : []),
  ...(org.contactAddress ? [`住所 ${org.contactAddress}`] : []),
];

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

export function formatLetterDate(d: IsoDate, style: DateStyle): string {
  if (style === 'wareki') return warekiFormat.format(new Date(`${d}T00:00:00Z`));
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

// Which letters a request can have now, from its record.
export function lettersFor(c: LetterCase, status: string): LetterKind[] {
  const out: LetterKind[] = ['receipt'];
  if (c.cure) out.push('cure');
  if (c.cure && c.fee.shortfall > 0) out.push('feeShortfall');
  if (c.extension) out.push('extension');
  // A request closed as outside the Act has no decision letter, whatever was drafted before.
  if (status !== 'outsideLaw') for (const kind of letterKinds) if (decisionsOf(c, kind).length > 0) out.push(kind);
  if (status === 'withdrawn') out.push('withdrawal');
  if (status === 'declined') out.push('declined');
  if (status === 'deemedWithdrawn' && c.cure) out.push('deemedWithdrawn');
  const outside = outsideLawLetterOf(c, status);
  if (outside) out.push(outside);
  return out;
}

// States in which the request's decisions have been approved.
const approvedStates: readonly string[] = ['preparingAnswer', 'sent', 'completed'];

// Why a letter cannot be finalized now, or null. A decision letter waits for the approval of
// the decision; the 応じられない letter, which no approval step precedes, is finalized by an
// approver other than the one who declined (that finalizing is its approval); so is the letter of
// a request closed as outside the Act (declinedBy: who closed it).
export function finalizeBlock(
  kind: LetterKind,
  r: { status: string; actorId: string; actorCanApprove: boolean; declinedBy: string | null },
): string | null {
  if (isOutsideLawLetter(kind)) {
    if (!r.actorCanApprove)
      return `${letterLabels[kind]}は、承認者が内容を確認して確定します。承認者のアカウントで確定してください。`;
    if (r.declinedBy === r.actorId) return '法の対象外として終了した方とは別の承認者が確定してください。';
    return null;
  }
  if (decisionLetterKinds.includes(kind) && !approvedStates.includes(r.status)) {
    return '決定が承認（決裁）されていないため確定できません。決裁の後に確定してください（下書きの表示はできます）。';
  }
  if (kind === 'declined') {
    if (!r.actorCanApprove)
      return '応じられない旨のお知らせは、承認者が内容を確認して確定します。承認者のアカウントで確定してください。';
    if (r.declinedBy === r.actorId) return '応じられない旨を記録した方とは別の承認者が確定してください。';
  }
  return null;
}

export function fillTemplate(text: string, values: Values): string {
  return text.replace(/\{([^}]+)\}/g, (m, key: string) => (key in values ? values[key as keyof Values] : m));
}

// The capacity line under an agent's name, naming the 本人.
const capacityOf: Record<RequesterType, string> = {
  self: '',
  parent: '法定代理人',
  minorGuardian: '法定代理人',
  adultGuardian: '法定代理人',
  appointed: '代理人',
  lawyer: '代理人',
};

// Who the letter goes to; an agent's name carries the capacity line naming the 本人.
export const addresseeOf = (c: LetterCase): Letter['addressee'] => ({
  ...c.addressee,
  capacity:
    c.answerToAgent && c.requesterType !== 'self' ? `（${c.principalName}様の${capacityOf[c.requesterType]}）` : null,
});

export function buildLetter(
  kind: LetterKind,
  c: LetterCase,
  org: Organisation,
  opts: {
    documentNo: string;
    date: IsoDate;
    dateStyle: DateStyle;
    template?: LetterTemplate;
    reissue?: { originalNo: string } | null;
  },
): Letter {
  const d = (x: IsoDate | null | undefined) => (x ? formatLetterDate(x, opts.dateStyle) : '');
  const toAgent = c.answerToAgent && c.requesterType !== 'self';
  const values: Values = {
    氏名: c.addressee.name,
    受付番号: c.receiptNo,
    到達日: d(c.arrivalDate),
    回答予定日: kind === 'withdrawal' ? d(c.withdrawnOn) : d(c.dueDate),
    補正期限: d(c.cure?.dueDate),
    延長後の期限: d(c.extension?.date),
    会社名: org.companyName,
    本人: toAgent ? `ご本人（${c.principalName}様）` : 'お客様',
    通知の根拠: basisOf(kind, c),
    補正依頼日: d(c.cure?.requestedOn),
  };
  const template = opts.template ?? defaultLetterTemplates[kind];
  const { items, annexes } = isOutsideLawLetter(kind)
    ? { items: outsideLawItems(kind, c, values), annexes: [] }
    : itemsFor(kind, c, values, d);
  return {
    kind,
    documentNo: opts.documentNo,
    date: d(opts.date),
    reissue: opts.reissue ? `再発行（原文書番号 ${opts.reissue.originalNo}）` : null,
    // An heir is nobody's agent: a letter about a deceased person's data names no capacity.
    addressee: { ...addresseeOf(c), ...(c.outsideLaw?.category === 'deceased' ? { capacity: null } : {}) },
    sender: senderOf(org),
    title: fillTemplate(template.title, values),
    body: fillTemplate(template.body, values)
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    items: [...items, ...documentNotes(kind, c), ...jointUseItems(kind, c, org)],
    contact: contactOf(org),
    annexes,
  };
}
