import { z } from 'zod';
import type { IsoDate } from '../dates';
import { grantsInFull, groundLabels, outcomeLabel, type Decision } from '../decisions';
import { kindInfo, type RequestKind } from '../intake/kinds';
import type { Organisation } from '../organisation';

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
] as const;
export type LetterKind = (typeof letterKinds)[number];

export const letterLabels: Record<LetterKind, string> = {
  receipt: '受付のお知らせ',
  cure: '補正依頼（不備のお知らせ）',
  feeShortfall: '手数料不足のお知らせ',
  purposeNotice: '利用目的通知書',
  purposeNotNotified: '利用目的を通知しない旨の通知書',
  disclosureDecision: '開示決定通知書',
  nonDisclosure: '不開示決定通知書',
  thirdPartyRecordsDecision: '第三者提供記録の開示決定通知書',
  correctionDecision: '訂正等決定通知書',
  suspensionDecision: '利用停止等決定通知書',
  extension: '延長のお知らせ',
  withdrawal: '取下げの確認',
  declined: '請求に応じられない旨のお知らせ',
};

export const placeholders = ['氏名', '受付番号', '到達日', '回答予定日', '補正期限', '延長後の期限', '会社名'] as const;
type Values = Record<(typeof placeholders)[number], string>;

export const LetterTemplate = z
  .object({
    title: z.string().trim().min(1, '表題を入力してください。').max(200, '表題は200文字以内で入力してください。'),
    body: z.string().trim().min(1, '本文を入力してください。').max(4000, '本文は4000文字以内で入力してください。'),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const [key, text] of [
      ['title', t.title],
      ['body', t.body],
    ] as const) {
      for (const m of text.matchAll(/\{([^}]*)\}/g)) {
        if (!(placeholders as readonly string[]).includes(m[1] ?? '')) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `「{${m[1] ?? ''}}」は使えない差し込み項目です。使えるもの: ${placeholders.map((p) => `{${p}}`).join('、')}`,
          });
        }
      }
    }
  });
export type LetterTemplate = z.infer<typeof LetterTemplate>;

const decisionBody = (what: string) =>
  `{到達日}に当社に到達した${what}（受付番号 {受付番号}）について、下記のとおり決定しましたので、個人情報の保護に関する法律に基づき通知いたします。`;

export const defaultLetterTemplates: Record<LetterKind, LetterTemplate> = {
  receipt: {
    title: '保有個人データの開示等の請求の受付について（お知らせ）',
    body: '{到達日}に当社に到達した保有個人データの開示等の請求を、下記のとおり受け付けましたのでお知らせいたします。\n内容を確認のうえ、回答予定日までに書面にて回答いたします。今しばらくお待ちくださいますようお願い申し上げます。',
  },
  cure: {
    title: '保有個人データの開示等の請求に関する補正のお願い',
    body: '{到達日}に当社に到達した請求（{受付番号}）につきまして、ご提出いただいた書類に下記の不備がございました。\nお手数をおかけいたしますが、{補正期限}までに下記の書類等をご送付くださいますようお願い申し上げます。期限までに補正をいただけない場合は、請求がなかったものとして取り扱わせていただきますので、あらかじめご了承ください。',
  },
  feeShortfall: {
    title: '手数料の不足について（お知らせ）',
    body: '{到達日}に当社に到達した請求（{受付番号}）につきまして、手数料が下記のとおり不足しております。\n{補正期限}までに不足額をお支払いくださいますようお願い申し上げます。期限までにお支払いがない場合は、請求がなかったものとして取り扱わせていただきます。',
  },
  purposeNotice: {
    title: '保有個人データの利用目的の通知について',
    body: '{到達日}に当社に到達した利用目的の通知の求め（受付番号 {受付番号}）について、当社が保有するあなたの保有個人データの利用目的を下記のとおり通知いたします。',
  },
  purposeNotNotified: {
    title: '保有個人データの利用目的を通知しない旨の決定について（通知）',
    body: decisionBody('利用目的の通知の求め'),
  },
  disclosureDecision: {
    title: '保有個人データの開示決定について（通知）',
    body: decisionBody('開示の請求'),
  },
  nonDisclosure: {
    title: '保有個人データの不開示決定について（通知）',
    body: decisionBody('開示の請求'),
  },
  thirdPartyRecordsDecision: {
    title: '第三者提供記録の開示決定について（通知）',
    body: decisionBody('第三者提供記録の開示の請求'),
  },
  correctionDecision: {
    title: '保有個人データの訂正等の請求に対する決定について（通知）',
    body: decisionBody('訂正等の請求'),
  },
  suspensionDecision: {
    title: '保有個人データの利用停止等の請求に対する決定について（通知）',
    body: decisionBody('利用停止等の請求'),
  },
  extension: {
    title: '回答期限の延長について（お知らせ）',
    body: '{到達日}に当社に到達した請求（{受付番号}）につきまして、下記の理由により回答に時間を要しております。\n誠に恐縮ではございますが、回答予定日を{延長後の期限}まで延長させていただきたく、お知らせいたします。',
  },
  withdrawal: {
    title: '保有個人データの開示等の請求の取下げについて（確認）',
    body: '{到達日}に当社に到達した請求（{受付番号}）につきまして、取下げのお申し出を受け付けましたので、下記のとおり確認のためお知らせいたします。',
  },
  declined: {
    title: '保有個人データの開示等の請求について（お知らせ）',
    body: '{到達日}に当社に到達した請求（{受付番号}）につきまして、下記の理由により、請求に応じることができませんので、お知らせいたします。',
  },
};

// The request, as the letters need it (built by main from the stored request).
export type LetterCase = {
  receiptNo: string;
  arrivalDate: IsoDate;
  addressee: { postalCode: string; address: string; name: string };
  items: { kind: RequestKind; dataItems: string }[];
  decisions: { kind: RequestKind; decision: Decision }[];
  disclosureMethod: 'paper' | 'media' | 'email' | 'download' | null;
  fee: { due: number; accepted: number; shortfall: number; toReturn: number };
  cure: { defects: string[]; dueDate: IsoDate } | null;
  extension: { date: IsoDate; reason: string } | null;
  dueDate: IsoDate;
  declineReason: string;
  withdrawnOn: IsoDate | null;
};

export type LetterItem = { label: string; text: string };
export type Letter = {
  kind: LetterKind;
  documentNo: string;
  date: string;
  addressee: { postalCode: string; address: string; name: string };
  sender: { company: string; officer: string; postalCode: string; address: string; phone: string };
  title: string;
  body: string[];
  items: LetterItem[];
  contact: string[];
  // 別紙: long lists move to pages of their own.
  annexes: { title: string; lines: string[] }[];
};

export type DateStyle = 'wareki' | 'seireki';

export function formatLetterDate(d: IsoDate, style: DateStyle): string {
  const date = new Date(`${d}T00:00:00Z`);
  if (style === 'wareki') {
    return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

const methodLabels = {
  paper: '書面の交付',
  media: '電磁的記録媒体の送付',
  email: '電子メールによる送付',
  download: 'ダウンロードによる提供',
} as const;

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

// Which letters a request can have now, from its record.
export function lettersFor(c: LetterCase, status: string): LetterKind[] {
  const out: LetterKind[] = ['receipt'];
  if (c.cure) out.push('cure');
  if (c.cure && c.fee.shortfall > 0) out.push('feeShortfall');
  if (c.extension) out.push('extension');
  const decided = (kinds: RequestKind[], test: (d: Decision) => boolean) =>
    c.decisions.some((d) => kinds.includes(d.kind) && test(d.decision));
  if (decided(['purpose'], (d) => d.outcome === 'notify')) out.push('purposeNotice');
  if (decided(['purpose'], (d) => d.outcome === 'notNotify')) out.push('purposeNotNotified');
  if (decided(['disclosure'], (d) => d.outcome === 'full' || d.outcome === 'partial')) out.push('disclosureDecision');
  if (decided(['disclosure'], (d) => d.outcome === 'refused' || d.outcome === 'nonexistent')) out.push('nonDisclosure');
  if (decided(['thirdPartyRecords'], () => true)) out.push('thirdPartyRecordsDecision');
  if (decided(['correction', 'addition', 'deletion'], () => true)) out.push('correctionDecision');
  if (decided(['suspension', 'erasure', 'stopThirdParty'], () => true)) out.push('suspensionDecision');
  if (status === 'withdrawn') out.push('withdrawal');
  if (status === 'declined') out.push('declined');
  return out;
}

const groupOf: Partial<Record<LetterKind, RequestKind[]>> = {
  purposeNotice: ['purpose'],
  purposeNotNotified: ['purpose'],
  disclosureDecision: ['disclosure'],
  nonDisclosure: ['disclosure'],
  thirdPartyRecordsDecision: ['thirdPartyRecords'],
  correctionDecision: ['correction', 'addition', 'deletion'],
  suspensionDecision: ['suspension', 'erasure', 'stopThirdParty'],
};

// The 記 items stating a decision: the outcome, what is disclosed or changed, and for every
// refusal the article and the reason (法第36条).
function decisionItems(c: LetterCase, kind: LetterKind): LetterItem[] {
  const kinds = groupOf[kind] ?? [];
  const items: LetterItem[] = [];
  for (const { kind: k, decision: d } of c.decisions.filter((x) => kinds.includes(x.kind))) {
    const label = kindInfo[k].label;
    const requested = c.items.find((i) => i.kind === k)?.dataItems;
    if (requested) items.push({ label: `請求の対象（${label}）`, text: requested });
    items.push({ label: `決定（${label}）`, text: outcomeLabel(k, d.outcome) });
    if (d.disclosed) items.push({ label: k === 'purpose' ? '利用目的' : '開示する保有個人データ', text: d.disclosed });
    if (d.withheld) items.push({ label: '開示しない部分', text: d.withheld });
    if (d.changes) items.push({ label: '訂正等の内容', text: d.changes });
    if (d.alternativeMeasure) items.push({ label: '代替措置の内容', text: d.alternativeMeasure });
    if (d.methodChanged) {
      items.push({
        label: '開示の方法',
        text: 'ご指定の方法による開示が困難であるため、書面の交付により開示いたします。',
      });
    } else if ((k === 'disclosure' || k === 'thirdPartyRecords') && grantsOrPartly(d) && c.disclosureMethod) {
      items.push({ label: '開示の方法', text: methodLabels[c.disclosureMethod] });
    }
    if (!grantsInFull(d.outcome) || d.methodChanged) {
      items.push({
        label: '根拠となる法令の条項',
        text: d.grounds.map((g) => `個人情報の保護に関する法律${groundLabels[g]}`).join('\n'),
      });
      items.push({ label: '理由', text: d.reason });
    }
  }
  return items;
}

const grantsOrPartly = (d: Decision) => d.outcome === 'full' || d.outcome === 'partial';

function itemsFor(
  kind: LetterKind,
  c: LetterCase,
  values: Values,
): { items: LetterItem[]; annexes: Letter['annexes'] } {
  const base: LetterItem[] = [
    { label: '受付番号', text: c.receiptNo },
    { label: '請求書の到達日', text: values.到達日 },
  ];
  const kinds = c.items.map((i) => kindInfo[i.kind].label).join('、');
  switch (kind) {
    case 'receipt':
      return {
        items: [...base, { label: '請求の種類', text: kinds }, { label: '回答予定日', text: values.回答予定日 }],
        annexes: [],
      };
    case 'cure': {
      const defects = c.cure?.defects ?? [];
      // A long list of defects goes to an attachment page.
      const long = defects.length > 6;
      return {
        items: [
          ...base,
          {
            label: '不備の内容',
            text: long ? '別紙のとおり' : defects.map((d, i) => `(${i + 1}) ${d}`).join('\n'),
          },
          { label: '補正の期限', text: values.補正期限 },
        ],
        annexes: long ? [{ title: '不備の内容', lines: defects.map((d, i) => `(${i + 1}) ${d}`) }] : [],
      };
    }
    case 'feeShortfall':
      return {
        items: [
          ...base,
          { label: '手数料の額', text: yen(c.fee.due) },
          { label: '受領した額', text: yen(c.fee.accepted) },
          { label: '不足額', text: yen(c.fee.shortfall) },
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
        items: [...base, { label: '請求の種類', text: kinds }, { label: '取下げの日', text: values.回答予定日 }],
        annexes: [],
      };
    case 'declined':
      return {
        items: [
          ...base,
          { label: '請求の種類', text: kinds },
          { label: '理由', text: c.declineReason },
          { label: '根拠', text: '個人情報の保護に関する法律第37条第1項（当社の定める手続によらない請求）' },
        ],
        annexes: [],
      };
    default: {
      const items = [...base, ...decisionItems(c, kind)];
      if (kind !== 'correctionDecision' && kind !== 'suspensionDecision' && c.fee.due > 0) {
        items.push({ label: '手数料', text: `${yen(c.fee.accepted)}を受領しました。` });
      }
      return { items, annexes: [] };
    }
  }
}

export function fillTemplate(text: string, values: Values): string {
  return text.replace(/\{([^}]+)\}/g, (m, key: string) => (key in values ? values[key as keyof Values] : m));
}

export function buildLetter(
  kind: LetterKind,
  c: LetterCase,
  org: Organisation,
  opts: { documentNo: string; date: IsoDate; dateStyle: DateStyle; template?: LetterTemplate },
): Letter {
  const d = (x: IsoDate | null | undefined) => (x ? formatLetterDate(x, opts.dateStyle) : '');
  const values: Values = {
    氏名: c.addressee.name,
    受付番号: c.receiptNo,
    到達日: d(c.arrivalDate),
    回答予定日: kind === 'withdrawal' ? d(c.withdrawnOn) : d(c.dueDate),
    補正期限: d(c.cure?.dueDate),
    延長後の期限: d(c.extension?.date),
    会社名: org.companyName,
  };
  const template = opts.template ?? defaultLetterTemplates[kind];
  const { items, annexes } = itemsFor(kind, c, values);
  return {
    kind,
    documentNo: opts.documentNo,
    date: d(opts.date),
    addressee: c.addressee,
    sender: {
      company: org.companyName,
      officer: `${org.officerTitle}\u3000${org.officerName}`,
      postalCode: org.postalCode,
      address: org.address,
      phone: org.phone,
    },
    title: fillTemplate(template.title, values),
    body: fillTemplate(template.body, values)
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    items,
    contact: [
      `【お問い合わせ先】${org.contactName}`,
      `電話 ${org.contactPhone}${org.contactHours ? `（${org.contactHours}）` : ''}`,
      ...(org.contactEmail ? [`メール ${org.contactEmail}`] : []),
    ],
    annexes,
  };
}
