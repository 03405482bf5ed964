import { z } from 'zod';
import { FEE_NOT_ALLOWED_MESSAGE, feeMeans } from '../domain/intake/fees';
import { kindInfo, requestKinds } from '../domain/intake/kinds';
import { documentInfo, documentTypes, type DocumentType } from '../domain/intake/documents';
import { channels } from '../domain/intake/kinds';
import {
  appointedAgentRules,
  electronicChannels,
  identityDocumentTypes,
  identityRules,
  matchFields,
  parentProofs,
} from '../domain/intake/identity-rules';
import { receiptPatternProblems } from '../domain/intake/receipt-number';
import { ReasonLibrary } from '../domain/decisions';
import { LetterTemplate, letterKinds } from '../domain/letters/catalogue';
import { Organisation } from '../domain/organisation';
import { noUnsafe } from '../domain/intake/text';
import { type ChannelDef, MonthDay, NoInput, mm } from './common';
import { SecuritySettings } from './session';

// The administrator's policies (settings.*).

export const FeeSchedule = z
  .object({
    amount: z
      .number()
      .int('手数料は整数で入力してください。')
      .min(0, '手数料は0円以上で入力してください。')
      .max(10_000, '手数料が高額すぎます。'),
    per: z.enum(['request', 'kind']),
    accepted: z.array(z.enum(feeMeans)).max(feeMeans.length),
    kinds: z
      .array(z.enum(requestKinds))
      .max(requestKinds.length)
      .refine((ks) => ks.every((k) => kindInfo[k].feeAllowed), FEE_NOT_ALLOWED_MESSAGE),
    // An amount of its own for some fee-bearing kinds (法38条: never for 訂正・利用停止 etc.).
    amounts: z
      .partialRecord(
        z.enum(requestKinds),
        z
          .number()
          .int('手数料は整数で入力してください。')
          .min(0, '手数料は0円以上で入力してください。')
          .max(10_000, '手数料が高額すぎます。'),
      )
      .refine(
        (a) => Object.keys(a).every((k) => kindInfo[k as keyof typeof kindInfo].feeAllowed),
        FEE_NOT_ALLOWED_MESSAGE,
      )
      .optional(),
  })
  .strict()
  .refine((s) => (s.amount === 0 && Object.values(s.amounts ?? {}).every((v) => v === 0)) || s.accepted.length > 0, {
    path: ['accepted'],
    message: '手数料の支払方法を1つ以上選択してください。',
  });

export type FeeSchedule = z.infer<typeof FeeSchedule>;

const unique = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

export const IdentityRulesSettings = z
  .object({
    acceptedChannels: z
      .array(z.enum(channels, '請求の方法が正しくありません。'))
      .min(1, '受け付ける請求の方法を1つ以上選択してください。')
      .refine(unique, '請求の方法が重複しています。')
      .optional(),
    identityRule: z.enum(identityRules, '本人確認の方法を選択してください。').optional(),
    acceptedDocuments: z
      .array(z.enum(documentTypes, '書類の種類が正しくありません。'))
      .min(1, '受け付ける本人確認書類を1つ以上選択してください。')
      .refine(unique, '書類の種類が重複しています。')
      .refine((ts) => ts.every((t) => identityDocumentTypes.includes(t)), '本人確認書類でない書類が含まれています。')
      .optional(),
    originals: z
      .array(z.enum(documentTypes, '書類の種類が正しくありません。'))
      .refine(unique, '書類の種類が重複しています。')
      .optional(),
    appointedAgent: z.enum(appointedAgentRules, '任意代理人に求める書類を選択してください。').optional(),
    poaWindowMonths: z
      .number()
      .int('委任状の有効期間は月単位の整数で入力してください。')
      .min(1, '委任状の有効期間は1か月以上にしてください。')
      .max(12, '委任状の有効期間は12か月以内にしてください。')
      .optional(),
    parentProof: z
      .array(z.enum(parentProofs, '親権者であることを確認する書類が正しくありません。'))
      .min(1, '親権者であることを確認する書類を1つ以上選択してください。')
      .refine(unique, '書類の種類が重複しています。')
      .optional(),
    registeredMatch: z
      .object({
        channels: z
          .array(z.enum(channels, '請求の方法が正しくありません。'))
          .min(1, '登録情報との照合で確認する請求の方法を選択してください。')
          .refine(unique, '請求の方法が重複しています。')
          .refine(
            (cs) => cs.every((c) => electronicChannels.includes(c)),
            '登録情報との照合による確認は、メール・Webフォームによる請求にのみ設定できます。',
          ),
        fields: z
          .array(z.enum(matchFields, '照合する項目が正しくありません。'))
          .min(2, '照合する項目を2つ以上選択してください。')
          .refine(unique, '照合する項目が重複しています。'),
      })
      .strict()
      .optional(),
  })
  .strict();
export type IdentityRulesSettings = z.infer<typeof IdentityRulesSettings>;

export const IntakeSettings = z
  .object({
    receiptPattern: z.string().superRefine((p, ctx) => {
      for (const message of receiptPatternProblems(p)) ctx.addIssue({ code: 'custom', message });
    }),
    issueWindowMonths: z
      .number()
      .int('発行後の有効期間は月単位の整数で入力してください。')
      .min(1, '発行後の有効期間は1か月以上にしてください。')
      .max(12, '発行後の有効期間は12か月以内にしてください。'),
    lawyerNeedsSealCertificate: z.boolean(),
    // A window of its own for some certificates (住民票 6 months, 印鑑登録証明書 3); the others
    // use issueWindowMonths. Only documents judged by their issue date may have one.
    issueWindows: z
      .partialRecord(
        z.enum(documentTypes, '書類の種類が正しくありません。'),
        z
          .number()
          .int('有効期間は月単位の整数で入力してください。')
          .min(1, '有効期間は1か月以上にしてください。')
          .max(12, '有効期間は12か月以内にしてください。'),
      )
      .refine(
        (w) => Object.keys(w).every((t) => documentInfo[t as DocumentType].issueWindow),
        '発行日で有効期間を判断しない書類には、有効期間を設定できません。',
      )
      .optional(),
    // The company takes FAX only as 仮受付 (the originals are the request): a FAX request starts
    // as 仮受付 and 調査 waits for the originals. Absent or false: a FAX is the arrival itself.
    faxProvisional: z.boolean().optional(),
    // The company's identity procedure (channels, documents, agents); absent: as before.
    rules: IdentityRulesSettings.optional(),
  })
  .strict();

export type IntakeSettings = z.infer<typeof IntakeSettings>;

// A business customer for whom the company holds data only as a 委託先: a request about that data
// is referred to the customer's own window (DOMAIN.md §9).
export const Trustor = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, '委託元の名称を入力してください。')
      .max(200, '委託元の名称は200文字以内で入力してください。')
      .superRefine(noUnsafe('委託元の名称')),
    window: z
      .string()
      .trim()
      .min(1, '委託元の窓口（ご請求先）を入力してください。')
      .max(1000, '委託元の窓口は1000文字以内で入力してください。')
      .superRefine(noUnsafe('委託元の窓口', true)),
  })
  .strict();
export type Trustor = z.infer<typeof Trustor>;

export const ProcessingSettings = z
  .object({
    slaBusinessDays: z
      .number()
      .int('社内期限は営業日数（整数）で入力してください。')
      .min(1, '社内期限は1営業日以上にしてください。')
      .max(60, '社内期限は60営業日以内にしてください。'),
    closedDays: z
      .array(MonthDay)
      .max(60, '休業日は60日までです。')
      .refine((ds) => new Set(ds).size === ds.length, '同じ休業日が重複しています。'),
    cureDays: z
      .number()
      .int('補正の期限は日数（整数）で入力してください。')
      .min(1, '補正の期限は1日以上にしてください。')
      .max(90, '補正の期限は90日以内にしてください。'),
    // How far back the earlier requests of the same person are shown (months); absent: 12.
    samePersonMonths: z
      .number()
      .int('同一人物の過去の請求を表示する期間は月数（整数）で入力してください。')
      .min(1, '同一人物の過去の請求を表示する期間は1か月以上にしてください。')
      .max(120, '同一人物の過去の請求を表示する期間は120か月以内にしてください。')
      .optional(),
    // 委託元 to refer people to; absent: none (as before).
    trustors: z
      .array(Trustor)
      .max(100, '委託元は100件までです。')
      .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, '同じ名称の委託元が重複しています。')
      .optional(),
  })
  .strict();

export type ProcessingSettings = z.infer<typeof ProcessingSettings>;

export const EnvelopeWindow = z
  .object({
    left: mm('窓の左端', 5, 120),
    top: mm('窓の上端', 5, 120),
    width: mm('窓の幅', 50, 150),
    height: mm('窓の高さ', 25, 80),
  })
  .strict();

export type EnvelopeWindow = z.infer<typeof EnvelopeWindow>;

export { defaultWindow } from '../domain/letters/window';

export const LetterSettings = z
  .object({
    documentNoPattern: z
      .string()
      .trim()
      .min(1, '文書番号の形式を入力してください。')
      .max(50, '文書番号の形式は50文字以内で入力してください。')
      .refine((p) => p.includes('{連番}'), '文書番号の形式には {連番} を含めてください（例: 個保第{連番}号）。')
      .refine((p) => !/\{(?!連番\}|年\})[^}]*\}/.test(p), '文書番号の形式に使えるのは {年} と {連番} だけです。'),
    dateStyle: z.enum(['wareki', 'seireki']),
    windowEnvelope: z.boolean(),
    // The envelope window (mm from the sheet's top-left corner); absent: the 長形3号 default.
    window: EnvelopeWindow.optional(),
    templates: z.partialRecord(z.enum(letterKinds), LetterTemplate),
  })
  .strict();

export type LetterSettings = z.infer<typeof LetterSettings>;

export const Certificate = z.object({ subject: z.string(), notBefore: z.string(), notAfter: z.string() });

export const settingsChannels = {
  'settings.get': {
    input: NoInput,
    output: z.object({
      organisation: Organisation,
      security: SecuritySettings,
      fees: FeeSchedule,
      intake: IntakeSettings,
      processing: ProcessingSettings,
      reasons: ReasonLibrary,
      letters: LetterSettings,
      certificate: Certificate.nullable(),
      seal: z.boolean(),
    }),
    access: 'session',
  },
  'settings.updateLetters': { input: LetterSettings, output: LetterSettings, access: 'admin' },
  'settings.updateProcessing': { input: ProcessingSettings, output: ProcessingSettings, access: 'admin' },
  'settings.updateReasons': {
    input: z.object({ reasons: ReasonLibrary }).strict(),
    output: ReasonLibrary,
    access: 'admin',
  },
  'settings.updateOrganisation': { input: Organisation, output: Organisation, access: 'admin' },
  'settings.updateSecurity': { input: SecuritySettings, output: SecuritySettings, access: 'admin' },
  'settings.updateFees': { input: FeeSchedule, output: FeeSchedule, access: 'admin' },
  'settings.updateIntake': { input: IntakeSettings, output: IntakeSettings, access: 'admin' },
} as const satisfies Record<string, ChannelDef>;
