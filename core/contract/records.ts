import { z } from 'zod';
import { dispatchMethods, disposalMethods, feeReturnMethods } from '../domain/dispatch';
import { IsoDateSchema } from '../domain/intake/request';
import { noUnsafe } from '../domain/intake/text';

// What the processing of a request records beside its step: the 補正 asked for, the extension,
// each dispatch, the fate of the ID copies and the return of money.

export const Cure = z.object({
  defects: z.array(z.string()),
  dueDate: z.string(),
  requestedOn: z.string(),
});

export type Cure = z.infer<typeof Cure>;

export const CureInput = z
  .object({
    defects: z
      .array(
        z
          .string()
          .trim()
          .min(1, '不備の内容を入力してください。')
          .max(500, '不備の内容は500文字以内で入力してください。')
          .superRefine(noUnsafe('不備の内容')),
      )
      .min(1, '補正を求める不備を1つ以上選択または入力してください。')
      .max(30),
    dueDate: IsoDateSchema,
  })
  .strict();

export const Extension = z.object({
  date: z.string(),
  reason: z.string(),
  decidedBy: z.string(),
  decidedOn: z.string(),
});

export type Extension = z.infer<typeof Extension>;

export const DispatchInput = z
  .object({
    letter: z
      .string()
      .trim()
      .min(1, '送付した書類の名称を入力してください。')
      .max(200, '書類の名称は200文字以内で入力してください。'),
    sentOn: IsoDateSchema,
    method: z.enum(dispatchMethods, '送付方法を選択してください。'),
    trackingNo: z.string().trim().max(50, '追跡番号は50文字以内で入力してください。'),
    // The 電磁的記録 package sent with the letter (packages.*), if any: one built under the
    // current approval.
    packageId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((d) => !['simpleRegistered', 'restricted', 'registered'].includes(d.method) || d.trackingNo !== '', {
    path: ['trackingNo'],
    message: '書留・本人限定受取郵便の追跡番号を入力してください。',
  });

export const Dispatch = z.object({
  id: z.string(),
  letter: z.string(),
  sentOn: z.string(),
  method: z.enum(dispatchMethods),
  trackingNo: z.string(),
  packageId: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export type Dispatch = z.infer<typeof Dispatch>;

export const Disposal = z.object({ method: z.enum(disposalMethods), date: z.string() });

export type Disposal = z.infer<typeof Disposal>;

export const FeeReturn = z.object({ method: z.enum(feeReturnMethods), date: z.string(), amount: z.number() });

export type FeeReturn = z.infer<typeof FeeReturn>;

export const Suspicion = z.object({ note: z.string(), by: z.string(), at: z.string() });

export type Suspicion = z.infer<typeof Suspicion>;
