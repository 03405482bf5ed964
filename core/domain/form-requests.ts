import { z } from 'zod';
import { IsoDateSchema } from './intake/request';
import { requestKinds } from './intake/kinds';
import { noUnsafe } from './intake/text';
import { postalCode } from './organisation';

// A person's request for the company's 請求書 (送付依頼): companies that take requests only on
// their own form send it on request, log that they did, and link the request that comes back.

export const formAskedBy = ['phone', 'post', 'email', 'counter', 'web'] as const;
export const formAskedByLabels: Record<(typeof formAskedBy)[number], string> = {
  phone: '電話',
  post: '郵送',
  email: 'メール',
  counter: '窓口',
  web: 'Webフォーム',
};
export const formSentBy = ['post', 'email', 'handed'] as const;
export const formSentByLabels: Record<(typeof formSentBy)[number], string> = {
  post: '郵送',
  email: 'メール',
  handed: '窓口で手渡し',
};

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`).superRefine(noUnsafe(label));
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);

export const FormRequestInput = z
  .object({
    requestedOn: IsoDateSchema,
    askedBy: z.enum(formAskedBy, 'お申出の方法を選択してください。'),
    name: required('氏名', 100),
    postalCode,
    address: required('送付先住所', 300),
    // What the person said they want to ask for (may be empty: not said).
    kinds: z.array(z.enum(requestKinds)).max(requestKinds.length),
    note: z.string().trim().max(1000, '備考は1000文字以内で入力してください。').superRefine(noUnsafe('備考', true)),
  })
  .strict();
export type FormRequestInput = z.infer<typeof FormRequestInput>;

export const FormSent = z
  .object({
    sentOn: IsoDateSchema,
    sentBy: z.enum(formSentBy, '送付の方法を選択してください。'),
  })
  .strict();
export type FormSent = z.infer<typeof FormSent>;

// 送付番号: F-2026-0001, per calendar year.
export const formNumber = (year: number, seq: number) => `F-${year}-${String(seq).padStart(4, '0')}`;
