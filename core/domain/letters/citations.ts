import type { Decision, GroundCode } from '../decisions';
import { kindInfo, type RequestKind, type RequesterType } from '../intake/kinds';
import type { SuspensionGround } from '../intake/request';

// The articles a letter cites (DOMAIN.md §9): the ground of each refusal or different measure,
// matched to the kind and, for 利用停止等, to the ground the person gave; and the article that
// obliges the company to send the notice at all. One table, one test per row.

export const LAW = '個人情報の保護に関する法律';

// The article that obliges the notice of a decision of this kind.
export function noticeDuty(kind: RequestKind): string {
  switch (kindInfo[kind].group) {
    case 'notice':
      return '第32条第3項';
    case 'disclosure':
      return kind === 'thirdPartyRecords' ? '第33条第5項において準用する同条第3項' : '第33条第3項';
    case 'correction':
      return '第34条第3項';
    case 'suspension':
    case 'stopProvision':
      return '第35条第7項';
  }
}

// The article a decision letter says it is sent under. A full disclosure is the disclosure itself,
// made under 33条1項・2項 (records: 33条5項 applying them); 33条3項 is the notice of a refusal, a
// 不存在 or a method other than the one asked for, and is no basis for it (issue 33 §1).
export function letterBasis(kind: RequestKind, decision: Pick<Decision, 'outcome' | 'methodChanged'>): string {
  if (kindInfo[kind].group === 'disclosure' && decision.outcome === 'full' && !decision.methodChanged) {
    return kind === 'thirdPartyRecords' ? '第33条第5項において準用する同条第1項及び第2項' : '第33条第1項及び第2項';
  }
  return noticeDuty(kind);
}

// Which paragraph pair of 35条 the request stands on: 1項/2項 (18–20条), 3項/4項 (27条1項・28条),
// 5項/6項 (no longer needed, a leak, harm to rights). A request citing several takes the first
// the person gave; with none recorded, the kind decides (stopThirdParty → 3項/4項).
type Art35 = { request: string; duty: string };
const art35: Record<SuspensionGround, Art35> = {
  purposeViolation: { request: '第35条第1項', duty: '第35条第2項' },
  improperUse: { request: '第35条第1項', duty: '第35条第2項' },
  improperAcquisition: { request: '第35条第1項', duty: '第35条第2項' },
  thirdPartyViolation: { request: '第35条第3項', duty: '第35条第4項' },
  noLongerNeeded: { request: '第35条第5項', duty: '第35条第6項' },
  leak: { request: '第35条第5項', duty: '第35条第6項' },
  harmToRights: { request: '第35条第5項', duty: '第35条第6項' },
};

export function article35(kind: RequestKind, grounds: readonly SuspensionGround[]): Art35 {
  const first = grounds[0];
  if (first) return art35[first];
  return kind === 'stopThirdParty' ? art35.thirdPartyViolation : art35.purposeViolation;
}

// For the third-party records, 33条2項 applies through 33条5項.
const via5 = (kind: RequestKind, para: string) =>
  kind === 'thirdPartyRecords' ? `第33条第5項において準用する同条${para}` : `第33条${para}`;

// One ground as the letter cites it: the article (without the law's name) and why it applies.
function groundParts(
  kind: RequestKind,
  ground: GroundCode,
  requestGrounds: readonly SuspensionGround[],
): [article: string, why: string] {
  switch (ground) {
    case 'a32-2-clear':
      return ['第32条第2項第1号', '利用目的が明らかであるため'];
    case 'a21-4-1':
      return ['第32条第2項第2号', '第21条第4項第1号：本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ'];
    case 'a21-4-2':
      return ['第32条第2項第2号', '第21条第4項第2号：当社の権利又は正当な利益を害するおそれ'];
    case 'a21-4-3':
      return ['第32条第2項第2号', '第21条第4項第3号：国の機関等の事務の遂行に支障を及ぼすおそれ'];
    case 'a33-2-1':
      return [via5(kind, '第2項第1号'), '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ'];
    case 'a33-2-2':
      return [via5(kind, '第2項第2号'), '当社の業務の適正な実施に著しい支障を及ぼすおそれ'];
    case 'a33-2-3':
      return [via5(kind, '第2項第3号'), '他の法令に違反することとなる'];
    case 'a33-3-method':
      return [`${via5(kind, '第2項')}本文括弧書`, '請求された方法による開示が困難であるため、書面の交付による'];
    case 'nonexistent':
      return ['第33条第3項', '請求に係る保有個人データが存在しないとき'];
    case 'recordNonexistent':
      return ['第33条第5項において準用する同条第3項', '請求に係る第三者提供記録が存在しないとき'];
    case 'a34-notApplicable':
      return ['第34条第2項', '調査の結果、内容が事実でないとは認められないため'];
    case 'a34-otherLaw':
      return ['第34条第2項', '訂正等について他の法令の規定により特別の手続が定められているため'];
    case 'a35-notApplicable':
      return [article35(kind, requestGrounds).duty, '請求に理由があることが判明しないため'];
    case 'alternative':
      return [`${article35(kind, requestGrounds).duty}ただし書`, '代替措置'];
  }
}

// The 根拠 line of one ground, as the letter prints it (without the law's name).
export function citeGround(kind: RequestKind, ground: GroundCode, requestGrounds: readonly SuspensionGround[]): string {
  const [article, why] = groundParts(kind, ground, requestGrounds);
  return `${article}（${why}）`;
}

// The article alone (a reason that cites its ground quotes this).
export const groundArticle = (kind: RequestKind, ground: GroundCode, requestGrounds: readonly SuspensionGround[]) =>
  groundParts(kind, ground, requestGrounds)[0];

// Every 根拠 line of a decision: its grounds, and where the method was changed to paper, the
// authority (33条2項 本文括弧書) and the notice (33条3項).
export function decisionCitations(
  kind: RequestKind,
  decision: Pick<Decision, 'grounds' | 'methodChanged'>,
  requestGrounds: readonly SuspensionGround[],
): string[] {
  const grounds: GroundCode[] = [...decision.grounds];
  if (decision.methodChanged && !grounds.includes('a33-3-method')) grounds.push('a33-3-method');
  const lines = grounds.map((g) => `${LAW}${citeGround(kind, g, requestGrounds)}`);
  if (grounds.includes('a33-3-method')) lines.push(`${LAW}${noticeDuty(kind)}（その旨の通知）`);
  return lines;
}

// Why a request was declined (the 請求に応じられない旨のお知らせ): the procedure not met; an agent
// whose standing the company's confirmation method (法37条1項, 施行令12条3号) did not confirm; or a
// person who cannot be an agent at all (法37条3項, 施行令13条: e.g. a 保佐人 without 代理権, a
// 親権者 of an adult). (Data that are not our 保有個人データ are a decision of their own, 'notOurs',
// with its own letter and no article.)
export const declineGrounds = ['procedure', 'noAuthority', 'notAnAgent'] as const;
export type DeclineGround = (typeof declineGrounds)[number];

const ORDER = '個人情報の保護に関する法律施行令';

export function declineCitation(ground: DeclineGround): string | null {
  switch (ground) {
    case 'procedure':
      return `${LAW}第37条第1項（当社の定める手続によらない請求）`;
    case 'noAuthority':
      return `${LAW}第37条第1項、${ORDER}第12条第3号（当社の定める方法により代理人であることが確認できない請求）`;
    case 'notAnAgent':
      return `${LAW}第37条第3項、${ORDER}第13条（開示等の請求等をすることができる代理人に当たらない）`;
  }
}

// The identity defects that show the agent cannot act for the person at all (施行令13条): a 保佐人
// or 補助人 without a 代理権 on the certificate, a 親権者 or 未成年後見人 of a person already 18.
const notAnAgentDefects: readonly string[] = ['noStatutoryAgency', 'principalAdult'];

// The ground of a decline, from who asked and what the identity check found.
export function declineGroundOf(
  requesterType: RequesterType,
  identity: { status: string; defects: readonly { code: string }[] },
): DeclineGround {
  if (requesterType === 'self' || identity.status === 'verified') return 'procedure';
  if (identity.defects.some((d) => notAnAgentDefects.includes(d.code))) return 'notAnAgent';
  return 'noAuthority';
}
