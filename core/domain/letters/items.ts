import { slashDate, type IsoDate } from '../dates';
import { grantsInFull, outcomeLabel, outcomes, stopsUse, type Decision, type Outcome } from '../decisions';
import {
  electronicFormatLabels,
  electronicRouteLabels,
  passwordRouteLabels,
  requestedMethodLabels,
  routeDiffers,
  type Electronic,
} from '../electronic';
import { feeMeansLabels, shareNote, type FeeMeans } from '../intake/fees';
import { kindInfo, requestKinds, type RequestKind } from '../intake/kinds';
import { disclosedRecords, provisionTableHeader, provisionTableRows, provisionTableWidths } from '../provision-records';
import type { LetterCase, LetterItem, LetterKind, Letter, Values } from './catalogue';
import { declineCitation, decisionCitations, letterBasis, noticeDuty } from './citations';
import { fillDecisionReason } from './reasons';

// The 記 items of each letter kind: what a privacy officer expects to read there, from the record.

// Every outcome but 'notOurs', which has a letter of its own.
const ours = outcomes.filter((o) => o !== 'notOurs');

// The decisions a letter kind states: its request kinds, and the outcomes it is for.
const letterDecisions: Partial<Record<LetterKind, { kinds: readonly RequestKind[]; outcomes: readonly Outcome[] }>> = {
  purposeNotice: { kinds: ['purpose'], outcomes: ['notify'] },
  purposeNotNotified: { kinds: ['purpose'], outcomes: ['notNotify'] },
  disclosureDecision: { kinds: ['disclosure'], outcomes: ['full', 'partial'] },
  nonDisclosure: { kinds: ['disclosure'], outcomes: ['refused'] },
  nonexistent: { kinds: ['disclosure'], outcomes: ['nonexistent'] },
  thirdPartyRecordsDecision: { kinds: ['thirdPartyRecords'], outcomes: ['full', 'partial'] },
  thirdPartyRecordsNonDisclosure: { kinds: ['thirdPartyRecords'], outcomes: ['refused'] },
  thirdPartyRecordsNonexistent: { kinds: ['thirdPartyRecords'], outcomes: ['nonexistent'] },
  correctionDecision: { kinds: ['correction', 'addition', 'deletion'], outcomes: ours },
  suspensionDecision: { kinds: ['suspension', 'erasure', 'stopThirdParty'], outcomes: ours },
  notOurs: { kinds: requestKinds, outcomes: ['notOurs'] },
};
export { letterDecisions };

export const letterDecisionScope = (kind: LetterKind) => letterDecisions[kind];

export const decisionsOf = (c: LetterCase, kind: LetterKind) => {
  const scope = letterDecisions[kind];
  return scope
    ? c.decisions.filter((d) => scope.kinds.includes(d.kind) && scope.outcomes.includes(d.decision.outcome))
    : [];
};

// The article a letter is sent under (its {通知の根拠}): for a disclosure, per outcome (letterBasis).
export function basisOf(kind: LetterKind, c: LetterCase): string {
  if (kind === 'purposeNotice') return '第32条第2項';
  const decided = decisionsOf(c, kind)[0];
  if (decided) return letterBasis(decided.kind, decided.decision);
  const first = letterDecisions[kind]?.kinds[0];
  return first ? noticeDuty(first) : '';
}

const numbered = (lines: readonly string[]) => lines.map((d, i) => `(${i + 1}) ${d}`);

export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const meansList = (means: readonly FeeMeans[]) => [...new Set(means)].map((m) => feeMeansLabels[m]).join('、');

// How money goes back: what came by post goes back the same way, a transfer by transfer.
export function howReturned(means: readonly FeeMeans[]): string {
  if (means.length > 0 && means.every((m) => m === 'bankTransfer')) return 'お振込みにより返還いたします。';
  if (means.includes('counterCash')) return '窓口にて、又は現金書留により返還いたします。';
  return `お送りいただいたもの（${meansList(means) || '手数料'}）を本通知に同封して返還いたします。`;
}

// The 記 items stating the decisions of a letter: the outcome, what is disclosed or changed, and
// for every refusal or different measure the article and the reason (法第36条).
function decisionItems(c: LetterCase, kind: LetterKind, date: (d: IsoDate) => string): LetterItem[] {
  const items: LetterItem[] = [];
  for (const { kind: k, decision: d } of decisionsOf(c, kind)) {
    const label = kindInfo[k].label;
    const item = c.items.find((i) => i.kind === k);
    if (d.outcome === 'notOurs') {
      items.push(...notOursItems(k, d, items));
      continue;
    }
    if (item?.dataItems) items.push({ label: `請求の対象（${label}）`, text: item.dataItems });
    items.push({ label: `決定（${label}）`, text: outcomeLabel(k, d.outcome) });
    const records = disclosedRecords(d.provisionRecords);
    if (k === 'thirdPartyRecords' && records.length > 0 && (d.outcome === 'full' || d.outcome === 'partial')) {
      items.push({ label: '開示する第三者提供記録', text: `別紙「第三者提供記録」のとおり（${records.length}件）` });
      if (d.disclosed) items.push({ label: '補足', text: d.disclosed });
    } else if (d.disclosed) {
      items.push({ label: k === 'purpose' ? '利用目的' : '開示する保有個人データ', text: d.disclosed });
    }
    if (d.withheld) items.push({ label: '開示しない部分', text: d.withheld });
    if (d.changes) items.push({ label: '訂正等の内容', text: d.changes });
    if (d.alternativeMeasure) items.push({ label: '代替措置の内容', text: d.alternativeMeasure });
    if (stopsUse(k, d.outcome)) items.push(...carriedOut(k, d, date));
    const grants = d.outcome === 'full' || d.outcome === 'partial';
    if (d.methodChanged) {
      items.push({
        label: '開示の方法',
        text: `ご指定の方法（${c.disclosureMethod ? requestedMethodLabels[c.disclosureMethod] : '電磁的記録の提供'}）による開示が困難であるため、書面の交付により開示いたします。`,
      });
    } else if (grants && d.electronic) {
      items.push(...electronicItems(d.electronic, routeDiffers(d.electronic, c.disclosureMethod) ? d.reason : ''));
    } else if ((k === 'disclosure' || k === 'thirdPartyRecords') && grants && c.disclosureMethod) {
      items.push({ label: '開示の方法', text: requestedMethodLabels[c.disclosureMethod] });
    }
    if (d.outcome === 'nonexistent' && c.searchScope.length > 0) {
      items.push({ label: '探索した範囲', text: numbered(c.searchScope).join('\n') });
    }
    if (!grantsInFull(d.outcome) || d.methodChanged) {
      const citations = decisionCitations(k, d, item?.grounds ?? []);
      if (citations.length) items.push({ label: '根拠となる法令の条項', text: citations.join('\n') });
      if (d.reason) items.push({ label: '理由', text: fillDecisionReason(d, k, item?.grounds ?? []) });
    }
  }
  return items;
}

// 電磁的記録 as the company provides it: the route, the format, how long a link is valid, and how
// the password comes (never with the data); why, where the route is not the one asked for.
function electronicItems(e: Electronic, why: string): LetterItem[] {
  const items: LetterItem[] = [
    { label: '開示の方法', text: `電磁的記録の提供（${electronicRouteLabels[e.route]}）` },
    { label: 'ファイル形式', text: electronicFormatLabels[e.format] },
  ];
  if (e.linkValidDays !== null) {
    items.push({ label: 'ダウンロードの期限', text: `ご案内した日から${e.linkValidDays}日間` });
  }
  items.push({
    label: 'パスワード',
    text: `ファイルは暗号化しております。開くためのパスワードは、${passwordRouteLabels[e.passwordRoute]}にて別途お知らせいたします。`,
  });
  if (why) items.push({ label: '提供の方法について', text: why });
  return items;
}

// Not our 保有個人データ: which kind, and the 委託元 with its window (once when several kinds go
// to the same one). No article and no reason are needed; a note staff wrote is printed.
function notOursItems(kind: RequestKind, d: Decision, before: readonly LetterItem[]): LetterItem[] {
  const items: LetterItem[] = [{ label: `対象の請求（${kindInfo[kind].label}）`, text: outcomeLabel(kind, d.outcome) }];
  const trustor = d.trustorName;
  if (!before.some((i) => i.label === '委託元' && i.text === trustor)) {
    items.push({ label: '委託元', text: trustor }, { label: 'ご請求先の窓口', text: d.trustorWindow });
  }
  if (d.reason) items.push({ label: '補足', text: d.reason });
  return items;
}

// 利用停止等 or 第三者提供の停止 carried out (35条7項): when, what the 委託先 were told, and that
// the person is kept from being added again.
function carriedOut(kind: RequestKind, d: Decision, date: (d: IsoDate) => string): LetterItem[] {
  const items: LetterItem[] = [];
  const what = kindInfo[kind].group === 'stopProvision' ? '第三者提供を停止した日' : '実施した日';
  if (d.carriedOutOn) items.push({ label: what, text: date(d.carriedOutOn) });
  if (d.contractors) items.push({ label: '委託先における措置', text: d.contractors });
  if (d.suppressed) {
    items.push({
      label: '再取得の防止',
      text:
        kindInfo[kind].group === 'stopProvision'
          ? 'ご請求に係る保有個人データを再び第三者に提供することのないよう、当社の記録に必要な措置を講じました。'
          : 'ご請求に係る保有個人データを再び取得し、又は利用することのないよう、当社の記録に必要な措置を講じました。',
    });
  }
  return items;
}

// A request whose every kind is not our 保有個人データ ends with the 委託先 letter, which then says
// what became of the ID copies like any early end (its money is stated by moneyItems).
const notOursEnd = (c: LetterCase, kind: LetterKind): LetterItem[] =>
  kind === 'notOurs' && c.decisions.length > 0 && c.decisions.every((d) => d.decision.outcome === 'notOurs')
    ? documentsItem(c)
    : [];

const feeKindsIn = (c: LetterCase) => c.items.some((i) => kindInfo[i.kind].feeAllowed);

// Money: for the kinds that carry a fee, what was received and any excess returned; for 訂正等
// and 利用停止等 (no fee under 法38条), money sent is returned and the letter says how.
function moneyItems(c: LetterCase, kind: LetterKind): LetterItem[] {
  const scope = letterDecisions[kind];
  if (!scope) return [];
  if (kind === 'notOurs') {
    // Only when every decision is 'notOurs' is all money owed back this letter's to state; a
    // mixed request states it in its decision letter.
    const all = c.decisions.length > 0 && c.decisions.every((d) => d.decision.outcome === 'notOurs');
    return all && c.fee.toReturn > 0
      ? [
          {
            label: 'お送りいただいた手数料',
            text: `当社の保有個人データに当たらないため手数料は要しません。お送りいただいた${yen(c.fee.toReturn)}は、${howReturned(c.fee.means)}`,
          },
        ]
      : [];
  }
  const feeLetter = scope.kinds.some((k) => kindInfo[k].feeAllowed);
  if (feeLetter && c.fee.due > 0) {
    const back = c.fee.toReturn > 0 ? `\nこのうち${yen(c.fee.toReturn)}は、${howReturned(c.fee.means)}` : '';
    return [{ label: '手数料', text: `${yen(c.fee.accepted)}を受領いたしました。${back}` }];
  }
  if (!feeLetter && !feeKindsIn(c) && c.fee.toReturn > 0) {
    return [
      {
        label: 'お送りいただいた金銭',
        text: `${yen(c.fee.toReturn)}をお送りいただきましたが、この請求には手数料を要しないため（個人情報の保護に関する法律第38条第1項）、${howReturned(c.fee.means)}`,
      },
    ];
  }
  return [];
}

// What became of the enclosed ID copies (every early end says it).
export function documentsItem(c: LetterCase): LetterItem[] {
  const d = c.documents;
  const documents =
    d === null
      ? 'ご提出いただいた本人確認書類等の写しは、当社の規程に従い、返却又は廃棄いたします。'
      : d.method === 'returned'
        ? 'ご提出いただいた本人確認書類等の写しは、本通知に同封して返却いたします。'
        : d.method === 'destroyed'
          ? `ご提出いただいた本人確認書類等の写しは、当社にて${slashDate(d.date)}に廃棄いたしました。`
          : null;
  return documents ? [{ label: 'ご提出書類の取扱い', text: documents }] : [];
}

// A request that ends early says what became of the enclosed documents and of the fee.
function earlyEndItems(c: LetterCase): LetterItem[] {
  const items = documentsItem(c);
  if (c.fee.accepted > 0) {
    items.push({
      label: '手数料',
      text:
        c.fee.toReturn > 0
          ? `受領した${yen(c.fee.accepted)}のうち${yen(c.fee.toReturn)}は、${howReturned(c.fee.means)}`
          : `受領した手数料${yen(c.fee.accepted)}は、当社の定めにより返還いたしません。`,
    });
  }
  return items;
}

// The 第三者提供記録 disclosed, as a table on a page of its own (records excluded under 施行令11条
// are neither printed nor counted).
function recordAnnex(c: LetterCase, kind: LetterKind, date: (d: IsoDate) => string): Letter['annexes'] {
  const decided = decisionsOf(c, kind).find((d) => d.kind === 'thirdPartyRecords');
  if (!decided || (decided.decision.outcome !== 'full' && decided.decision.outcome !== 'partial')) return [];
  const rows = provisionTableRows(decided.decision.provisionRecords, date);
  if (rows.length === 0) return [];
  return [
    {
      title: '第三者提供記録',
      lines: [],
      table: { header: provisionTableHeader, rows, widths: provisionTableWidths },
    },
  ];
}

export function itemsFor(
  kind: LetterKind,
  c: LetterCase,
  values: Values,
  date: (d: IsoDate) => string,
): { items: LetterItem[]; annexes: Letter['annexes'] } {
  // Split at intake: every letter names the other requests of the same 請求書 (issue 33 §4).
  const linked = (c.linked ?? []).map(
    (l) => `受付番号 ${l.receiptNo}（${l.kinds.map((k) => kindInfo[k].label).join('、')}）`,
  );
  const base: LetterItem[] = [
    { label: '受付番号', text: c.receiptNo },
    { label: '請求書の到達日', text: values.到達日 },
    ...(linked.length > 0
      ? [
          {
            label: '同じ請求書による他のご請求',
            text: `${linked.join('、')}\n（手数料を要しないご請求を先にお手続きするため、受付番号を分けております。）`,
          },
        ]
      : []),
  ];
  const kinds = c.items.map((i) => kindInfo[i.kind].label).join('、');
  const defects = c.cure?.defects ?? [];
  // A long list of defects goes to an attachment page.
  const longDefects = defects.length > 6;
  const defectItem = { label: '不備の内容', text: longDefects ? '別紙のとおり' : numbered(defects).join('\n') };
  const shares = c.fee.byKind ?? [];
  const defectAnnex = longDefects ? [{ title: '不備の内容', lines: numbered(defects) }] : [];
  switch (kind) {
    case 'receipt':
      return {
        items: [...base, { label: '請求の種類', text: kinds }, { label: '回答予定日', text: values.回答予定日 }],
        annexes: [],
      };
    case 'cure':
      return { items: [...base, defectItem, { label: '補正の期限', text: values.補正期限 }], annexes: defectAnnex };
    case 'feeShortfall':
      return {
        items: [
          ...base,
          // Per kind where each kind is charged: which request the missing money is for.
          { label: '手数料の額', text: `${yen(c.fee.due)}${shareNote(shares, 'due')}` },
          { label: '受領した額', text: `${yen(c.fee.accepted)}${shareNote(shares, 'accepted')}` },
          { label: '不足額', text: `${yen(c.fee.shortfall)}${shareNote(shares, 'shortfall')}` },
          { label: 'お支払いの方法', text: meansList(c.fee.acceptedMeans) },
          { label: 'お支払いの期限', text: values.補正期限 },
        ],
        annexes: [],
      };
    case 'extension':
      return {
        items: [
          ...base,
          { label: '延長後の回答予定日', text: values.延長後の期限 },
          { label: '延長の理由', text: c.extension?.reason ?? '' },
        ],
        annexes: [],
      };
    case 'withdrawal':
      return {
        items: [
          ...base,
          { label: '請求の種類', text: kinds },
          { label: '取下げの日', text: values.回答予定日 },
          ...earlyEndItems(c),
        ],
        annexes: [],
      };
    case 'declined': {
      const citation = declineCitation(c.declineGround);
      return {
        items: [
          ...base,
          { label: '請求の種類', text: kinds },
          { label: '理由', text: c.declineReason },
          ...(citation ? [{ label: '根拠', text: citation }] : []),
          ...earlyEndItems(c),
        ],
        annexes: [],
      };
    }
    case 'deemedWithdrawn':
      return {
        items: [
          ...base,
          { label: '補正をお願いした日', text: values.補正依頼日 },
          defectItem,
          { label: '補正の期限', text: values.補正期限 },
          ...earlyEndItems(c),
        ],
        annexes: defectAnnex,
      };
    default:
      return {
        items: [...base, ...decisionItems(c, kind, date), ...moneyItems(c, kind), ...notOursEnd(c, kind)],
        annexes: recordAnnex(c, kind, date),
      };
  }
}
