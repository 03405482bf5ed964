import { channelLabels, type Channel } from './kinds';
import { documentInfo, documentTypes, type DocumentType } from './documents';

// The company's own procedure for confirming who is asking (DOMAIN.md §3, issue 16 §2): which
// channels it accepts, what proves identity, and what an appointed agent must send. Each is an
// optional setting; absent, the rule is the one the app always applied.

// How many identity documents: a photo ID or two without a photo (the default), or any one
// document of the accepted list.
export const identityRules = ['photoOrTwo', 'anyOne'] as const;
export type IdentityRule = (typeof identityRules)[number];
export const identityRuleLabels: Record<IdentityRule, string> = {
  photoOrTwo: '顔写真付きの書類1点、又は顔写真のない書類2点',
  anyOne: '受け付ける書類のいずれか1点',
};

// What an appointed agent (任意代理人) sends: a 委任状 with the 実印 and its 印鑑登録証明書 (the
// default), or a signed 委任状 and the agent's own ID.
export const appointedAgentRules = ['registeredSeal', 'signedWithAgentId'] as const;
export type AppointedAgentRule = (typeof appointedAgentRules)[number];
export const appointedAgentRuleLabels: Record<AppointedAgentRule, string> = {
  registeredSeal: '実印を押印した委任状と印鑑登録証明書、代理人の本人確認書類',
  signedWithAgentId: '署名のある委任状（実印は不要）と代理人の本人確認書類',
};

// The same, short enough for a choice on the settings screen.
export const appointedAgentRuleChoices: Record<AppointedAgentRule, string> = {
  registeredSeal: '実印の委任状と印鑑登録証明書（従来どおり）',
  signedWithAgentId: '署名のある委任状（実印不要）',
};

// Details a request by an electronic channel is matched against the registered record with,
// instead of ID copies.
export const matchFields = ['name', 'birthDate', 'email', 'phone', 'address', 'memberNo'] as const;
export type MatchField = (typeof matchFields)[number];
export const matchFieldLabels: Record<MatchField, string> = {
  name: '氏名',
  birthDate: '生年月日',
  email: 'メールアドレス',
  phone: '電話番号',
  address: '住所',
  memberNo: '会員番号',
};
export type RegisteredMatch = Partial<Record<MatchField, boolean | null>>;
// Channels on which matching can replace documents (a person who writes or comes in shows an ID).
export const electronicChannels: readonly Channel[] = ['email', 'web'];

// The documents that prove who someone is (photo or not): the ones a company may choose from.
export const identityDocumentTypes = documentTypes.filter((t) => documentInfo[t].photoId || documentInfo[t].nonPhotoId);

export type IdentityRules = {
  acceptedChannels?: Channel[];
  identityRule?: IdentityRule;
  // The identity documents accepted (absent: every one).
  acceptedDocuments?: DocumentType[];
  // Documents the company wants as originals, beyond the certificates that always are.
  originals?: DocumentType[];
  appointedAgent?: AppointedAgentRule;
  // How recent a 委任状 must be, in months before it arrived (absent: not judged).
  poaWindowMonths?: number;
  registeredMatch?: { channels: Channel[]; fields: MatchField[] };
  // What proves a 親権者's standing (default: a 戸籍謄本 or a 住民票 showing the relationship).
  parentProof?: ParentProof[];
};

export const parentProofs = ['familyRegister', 'residentRecord'] as const;
export type ParentProof = (typeof parentProofs)[number];

const list = (labels: readonly string[]) => labels.join('、');

export const channelNotAcceptedMessage = (channel: Channel, accepted: readonly Channel[]) =>
  `当社では${channelLabels[channel]}によるご請求はお受けしておりません。恐れ入りますが、${list(accepted.map((c) => channelLabels[c]))}によりご請求くださいますようお願いいたします。`;

export const registeredMismatchMessage = (fields: readonly MatchField[]) =>
  `ご請求時にお知らせいただいた${list(fields.map((f) => matchFieldLabels[f]))}が、当社にご登録の情報と一致しませんでした。お手数ですが、ご本人であることを確認できる本人確認書類の写しをご提出ください。`;

export const registeredMatchTodo = (fields: readonly MatchField[]) =>
  `ご登録情報との照合（${list(fields.map((f) => matchFieldLabels[f]))}）の結果を記録してください。`;

// The labels of the accepted photo and non-photo IDs (absent list: every one).
function idLabels(accepted: readonly DocumentType[] | undefined) {
  const types = accepted ?? identityDocumentTypes;
  return {
    photo: types.filter((t) => documentInfo[t].photoId).map((t) => documentInfo[t].label),
    nonPhoto: types.filter((t) => documentInfo[t].nonPhotoId).map((t) => documentInfo[t].label),
  };
}

// What proves identity under the company's rule, as a phrase: 「顔写真付きの本人確認書類（…）の写し1点、
// 又は顔写真のない本人確認書類（…）2点」.
export function identityDocumentsPhrase(rule: IdentityRule, accepted: readonly DocumentType[] | undefined): string {
  const { photo, nonPhoto } = idLabels(accepted);
  if (rule === 'anyOne') return `本人確認書類（${list([...photo, ...nonPhoto])}のいずれか1点）`;
  const withPhoto = photo.length > 0 ? `顔写真付きの本人確認書類（${list(photo)}）の写し1点` : '';
  const without = nonPhoto.length > 0 ? `顔写真のない本人確認書類（${list(nonPhoto)}）2点` : '';
  return [withPhoto, without].filter(Boolean).join('、または');
}

// The sentence asking for identity documents, naming what the company accepts.
export function identityMissingMessage(
  whose: string,
  rule: IdentityRule,
  accepted: readonly DocumentType[] | undefined,
  nonPhotoOne: boolean,
): string {
  if (rule === 'anyOne') return `${whose}の${identityDocumentsPhrase(rule, accepted)}をご提出ください。`;
  if (nonPhotoOne) {
    const { photo, nonPhoto } = idLabels(accepted);
    return `${whose}の本人確認書類が1点不足しています。顔写真のない本人確認書類の場合は2点必要です。もう1点（${list(nonPhoto)}）または顔写真付きの本人確認書類（${list(photo)}）の写しをご提出ください。`;
  }
  return `${whose}の本人確認書類をご提出ください。${identityDocumentsPhrase(rule, accepted)}が必要です。`;
}
