import { matchFields } from './identity-rules';
import { z } from 'zod';
import { parseDate } from '../dates';
import { phone, postalCode } from '../organisation';
import { documentTypes, guardianships } from './identity';
import { feeMeans } from './fees';
import { channels, requestKinds, requesterTypes, kindInfo, type RequestKind } from './kinds';
import { isKana, noUnsafe } from './text';

// The intake form's data, validated the same way in the renderer (next to each field) and in
// main (authoritative). Messages are Japanese, addressed to staff.

export const IsoDateSchema = z
  .string()
  .refine((s) => parseDate(s) === s, '日付は「2026/11/22」の形式で入力してください。');

// Text as staff type it: trimmed, bounded, and free of control and bidi characters (a name with
// an escape sequence or a right-to-left override must not reach a signed letter). Names,
// addresses and other one-line fields take no line breaks either.
const safe = (label: string, max: number, multiline: boolean) =>
  z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`).superRefine(noUnsafe(label, multiline));
const text = (label: string, max: number) => safe(label, max, false);
const lines = (label: string, max: number) => safe(label, max, true);
const requiredText = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);

export const suspensionGrounds = [
  'purposeViolation',
  'improperUse',
  'improperAcquisition',
  'thirdPartyViolation',
  'noLongerNeeded',
  'leak',
  'harmToRights',
] as const;
export type SuspensionGround = (typeof suspensionGrounds)[number];
export const suspensionGroundLabels: Record<SuspensionGround, string> = {
  purposeViolation: '目的外利用（第18条違反）',
  improperUse: '不適正な利用（第19条違反）',
  improperAcquisition: '不正な取得（第20条違反）',
  thirdPartyViolation: '本人の同意のない第三者提供（第27条第1項・第28条違反）',
  noLongerNeeded: '利用する必要がなくなった（第35条第5項）',
  leak: '漏えい等の事案が生じた（第35条第5項）',
  harmToRights: '本人の権利又は正当な利益が害されるおそれ（第35条第5項）',
};

// The grounds the law gives each kind: 利用停止・消去 for a breach of 18–20条 (35条1項), 第三者提供の
// 停止 for a breach of 27条1項・28条 (35条3項), and both for the 35条5項 grounds.
const article35_5: readonly SuspensionGround[] = ['noLongerNeeded', 'leak', 'harmToRights'];
export function groundsFor(kind: RequestKind): readonly SuspensionGround[] {
  if (kind === 'suspension' || kind === 'erasure')
    return ['purposeViolation', 'improperUse', 'improperAcquisition', ...article35_5];
  if (kind === 'stopThirdParty') return ['thirdPartyViolation', ...article35_5];
  return [];
}

export const Party = z
  .object({
    name: requiredText('氏名', 100),
    kana: requiredText('フリガナ', 100).refine(isKana, 'フリガナはカタカナまたはひらがなで入力してください。'),
    birthDate: IsoDateSchema.nullable(),
    postalCode: postalCode.or(z.literal('')),
    address: requiredText('住所', 300),
    phone: phone.or(z.literal('')),
    email: z
      .string()
      .trim()
      .max(254)
      .refine((s) => s === '' || z.email().safeParse(s).success, 'メールアドレスの形式が正しくありません。'),
    customerNo: text('顧客番号など', 100),
    formerName: text('旧姓', 100),
    formerAddress: text('旧住所', 300),
    relationship: text('本人との関係', 100),
    // A spelling for letters when the font lacks a character of the real one (e.g. 𠮷 → 吉).
    letterName: text('回答書用の氏名', 100),
    letterAddress: text('回答書用の住所', 300),
  })
  .strict();
export type Party = z.infer<typeof Party>;

export const emptyParty: z.input<typeof Party> = {
  name: '',
  kana: '',
  birthDate: null,
  postalCode: '',
  address: '',
  phone: '',
  email: '',
  customerNo: '',
  formerName: '',
  formerAddress: '',
  relationship: '',
  letterName: '',
  letterAddress: '',
};

export const RequestItem = z
  .object({
    kind: z.enum(requestKinds, '請求の種類を選択してください。'),
    dataItems: lines('対象となる保有個人データの項目', 1000),
    period: text('対象期間', 200),
    currentContent: lines('現在の内容', 2000),
    correctContent: lines('訂正後の内容', 2000),
    grounds: z.array(z.enum(suspensionGrounds)).max(suspensionGrounds.length),
    groundText: lines('理由', 2000),
  })
  .strict()
  .superRefine((item, ctx) => {
    const group = kindInfo[item.kind].group;
    if (group === 'correction' && item.correctContent === '') {
      ctx.addIssue({ code: 'custom', path: ['correctContent'], message: '訂正・追加・削除の内容を入力してください。' });
    }
    if ((group === 'suspension' || group === 'stopProvision') && item.grounds.length === 0 && item.groundText === '') {
      ctx.addIssue({ code: 'custom', path: ['grounds'], message: '請求の理由を選択するか入力してください。' });
    }
  });
export type RequestItem = z.infer<typeof RequestItem>;

export function emptyItem(kind: RequestKind): RequestItem {
  return { kind, dataItems: '', period: '', currentContent: '', correctContent: '', grounds: [], groundText: '' };
}

export const DisclosureMethod = z
  .object({
    method: z.enum(['paper', 'media', 'email', 'download']),
    format: text('ファイル形式', 50),
  })
  .strict();
export type DisclosureMethod = z.infer<typeof DisclosureMethod>;

export const IdentityDocumentInput = z
  .object({
    id: z.string().min(1).max(64),
    type: z.enum(documentTypes),
    holder: z.enum(['principal', 'agent']),
    original: z.boolean(),
    expiresOn: IsoDateSchema.nullable(),
    issuedOn: IsoDateSchema.nullable(),
    receivedOn: IsoDateSchema.nullable().optional(),
    showsRelationship: z.boolean().optional(),
    powerOfAttorney: z
      .object({ kinds: z.array(z.enum(requestKinds)).max(9), canReceive: z.boolean(), registeredSeal: z.boolean() })
      .strict()
      .optional(),
    insurerNumberMasked: z.enum(['sender', 'us']).nullable().optional(),
    backSideReceived: z.boolean().optional(),
    containsMyNumber: z.boolean().optional(),
    destroyedOn: IsoDateSchema.nullable().optional(),
    honsekiMasked: z.boolean().nullable().optional(),
    showsHonseki: z.boolean().optional(),
    guardianship: z.enum(guardianships).optional(),
    agencyGranted: z.boolean().optional(),
  })
  .strict();

export const RegisteredMatchInput = z.partialRecord(z.enum(matchFields), z.boolean().nullable());

export const PaymentInput = z
  .object({
    id: z.string().min(1).max(64),
    means: z.enum(feeMeans),
    amount: z
      .number()
      .int('金額は整数で入力してください。')
      .positive('金額は1円以上で入力してください。')
      .max(100_000, '金額が大きすぎます。'),
    receivedOn: IsoDateSchema,
    issuedOn: IsoDateSchema.nullable().optional(),
    // The kind it was sent for; null or absent: the request as a whole.
    forKind: z.enum(requestKinds).nullable().optional(),
  })
  .strict();

export const IntakeInput = z
  .object({
    channel: z.enum(channels, '受付方法を選択してください。'),
    arrivalDate: IsoDateSchema,
    provisional: z.boolean(),
    trackingNo: text('追跡番号', 50),
    requesterType: z.enum(requesterTypes, '請求者の種別を選択してください。'),
    principal: Party,
    agent: Party.nullable(),
    items: z.array(RequestItem).min(1, '請求の種類を1つ以上選択してください。').max(requestKinds.length),
    disclosureMethod: DisclosureMethod.nullable(),
    answerTo: z.enum(['principal', 'agent']),
    delivery: z.enum(['simpleRegistered', 'restricted']),
    // Where to send the answer when it is not the address on the form (blank: that address).
    replyAddress: text('回答の送付先住所', 300),
    replyPostalCode: postalCode.or(z.literal('')).default(''),
    notes: lines('備考', 4000),
    identity: z
      .object({
        documents: z.array(IdentityDocumentInput).max(30),
        nameAddressMatch: z.object({ principal: z.boolean().nullable(), agent: z.boolean().nullable() }).strict(),
        lawyerRegistrationNo: text('弁護士登録番号', 20),
        // A 本人's request by e-mail or web form matched against the registered record.
        registeredMatch: RegisteredMatchInput.optional(),
      })
      .strict(),
    payments: z.array(PaymentInput).max(20),
  })
  .strict()
  .superRefine((v, ctx) => {
    const kinds = v.items.map((i) => i.kind);
    if (new Set(kinds).size !== kinds.length) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: '同じ請求の種類が重複しています。' });
    }
    if (v.requesterType === 'self' && v.agent !== null) {
      ctx.addIssue({ code: 'custom', path: ['agent'], message: '本人による請求では代理人の情報は入力できません。' });
    }
    if (v.requesterType !== 'self' && v.agent === null) {
      ctx.addIssue({ code: 'custom', path: ['agent'], message: '代理人の情報を入力してください。' });
    }
    if (v.requesterType === 'self' && v.answerTo === 'agent') {
      ctx.addIssue({ code: 'custom', path: ['answerTo'], message: '本人による請求の回答先は本人です。' });
    }
    if (kinds.some((k) => kindInfo[k].group === 'disclosure') && v.disclosureMethod === null) {
      ctx.addIssue({ code: 'custom', path: ['disclosureMethod'], message: '開示の方法を選択してください。' });
    }
    if (v.replyAddress !== '' && v.replyPostalCode === '') {
      ctx.addIssue({ code: 'custom', path: ['replyPostalCode'], message: '送付先の郵便番号を入力してください。' });
    }
    // Checked on what staff enter, not on stored items: a request saved before this rule still opens.
    for (const [i, item] of v.items.entries()) {
      const allowed = groundsFor(item.kind);
      for (const g of item.grounds) {
        if (!allowed.includes(g)) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'grounds'],
            message: `「${suspensionGroundLabels[g]}」は「${kindInfo[item.kind].label}」の請求の理由にはなりません。`,
          });
        }
      }
    }
    for (const [i, d] of v.identity.documents.entries()) {
      if (d.receivedOn && d.receivedOn < v.arrivalDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['identity', 'documents', i, 'receivedOn'],
          message: '書類の到着日が請求書の到達日より前になっています（請求書と一緒に届いた書類は空欄にしてください）。',
        });
      }
    }
    for (const [i, p] of v.payments.entries()) {
      if (p.forKind && !kinds.includes(p.forKind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['payments', i, 'forKind'],
          message: `手数料の対象「${kindInfo[p.forKind].label}」が請求の種類に含まれていません。対象を選び直してください。`,
        });
      }
      if (p.receivedOn < v.arrivalDate && !v.provisional) {
        ctx.addIssue({
          code: 'custom',
          path: ['payments', i, 'receivedOn'],
          message: '手数料の受領日が到達日より前になっています。',
        });
      }
    }
  });
export type IntakeInput = z.infer<typeof IntakeInput>;
