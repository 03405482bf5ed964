import { z } from 'zod';
import { samePersonFields } from '../domain/intake/same-person';
import { type ChannelDef, Id } from './common';
import { RequestSummary } from './requests';

// Earlier requests of the same person: at intake while the person's details are typed, and on a
// request's page (issue 33 §4).

export const EarlierRequest = RequestSummary.extend({
  // The fields that agree (at least a name and one of 生年月日・住所・電話番号).
  matched: z.array(z.enum(samePersonFields)),
  // The decisions of an answered request, the way a closed one ended, or the step of an open one.
  outcome: z.string(),
});
export type EarlierRequest = z.infer<typeof EarlierRequest>;

export const EarlierRequests = z.object({
  // The period looked at (the administrator's setting) and its first 到達日.
  months: z.number().int(),
  since: z.string(),
  rows: z.array(EarlierRequest),
});
export type EarlierRequests = z.infer<typeof EarlierRequests>;

export const samePersonChannels = {
  'intake.duplicates': {
    input: z
      .object({
        name: z.string().max(100),
        kana: z.string().max(100),
        birthDate: z.string().max(10).nullable(),
        phone: z.string().max(30),
        address: z.string().max(300).default(''),
        // The request being edited, left out of its own list.
        excludeId: Id.nullable().default(null),
      })
      .strict(),
    output: EarlierRequests,
    access: 'staff',
  },
  'requests.earlier': { input: z.object({ id: Id }).strict(), output: EarlierRequests, access: 'staff' },
} as const satisfies Record<string, ChannelDef>;
