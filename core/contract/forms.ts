import { z } from 'zod';
import { FormRequestInput, FormSent } from '../domain/form-requests';
import { Id, Ok, type ChannelDef } from './common';

// The company's 請求書 sent on request (forms.*): the log, the cover letter, the link to the
// request that came back.

export const FormRequestRow = z.object({
  id: z.string(),
  number: z.string(),
  data: FormRequestInput,
  sent: FormSent.nullable(),
  requestId: z.string().nullable(),
  receiptNo: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type FormRequestRow = z.infer<typeof FormRequestRow>;

export const formsChannels = {
  'forms.list': { input: Ok, output: z.array(FormRequestRow), access: 'staff' },
  'forms.create': { input: FormRequestInput, output: FormRequestRow, access: 'staff' },
  'forms.markSent': { input: z.object({ id: Id, sent: FormSent }).strict(), output: FormRequestRow, access: 'staff' },
  'forms.link': {
    input: z.object({ id: Id, receiptNo: z.string().trim().min(1, '受付番号を入力してください。').max(40) }).strict(),
    output: FormRequestRow,
    access: 'staff',
  },
  'forms.remove': { input: z.object({ id: Id }).strict(), output: Ok, access: 'staff' },
  'forms.coverLetter': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ base64: z.string() }),
    access: 'staff',
  },
} as const satisfies Record<string, ChannelDef>;
