import { z } from 'zod';
import { IsoDateSchema } from '../domain/intake/request';
import { type ChannelDef, Ok } from './common';

// Monthly and yearly figures and the ledger (reports.*).

export const Stats = z.object({
  count: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  max: z.number().nullable(),
});

export const Counts = z.record(z.string(), z.number());

export const Figures = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  // The day open and overdue are counted on: the period's last day, or today while it runs.
  asOf: z.string(),
  received: z.object({ total: z.number(), byKind: Counts, byChannel: Counts, byRequester: Counts }),
  decided: z.object({ total: z.number(), byKindOutcome: z.record(z.string(), Counts) }),
  completed: z.number(),
  openAtEnd: z.number(),
  overdueAtEnd: z.number(),
  daysToAnswer: z.object({ all: Stats, withoutCure: Stats, byKind: z.record(z.string(), Stats) }),
  answered: z.number(),
  withinSla: z.number(),
  withinArticle39: z.number(),
  answeredUnderArticle39: z.number(),
  cures: z.number(),
  withdrawals: z.number(),
  deemedWithdrawn: z.number(),
  feesReceived: z.number(),
  feesToReturn: z.number(),
  // Closed as outside the Act (core/domain/outside-law.ts), apart from every figure above.
  outsideLaw: z.object({ total: z.number(), byCategory: Counts, byResponse: Counts }),
});

export const ReportSelection = z
  .object({
    kind: z.enum(['month', 'year']),
    // 2026-10 for a month, 2026 for a year.
    value: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期間の指定が正しくありません。'),
  })
  .strict()
  .refine((s) => (s.kind === 'month' ? s.value.length === 7 : s.value.length === 4), '期間の指定が正しくありません。');

export type ReportSelection = z.infer<typeof ReportSelection>;

export const reportsChannels = {
  'reports.get': {
    input: ReportSelection,
    output: z.object({
      current: Figures,
      previous: Figures,
      comment: z.string(),
      perMonth: z.array(z.object({ month: z.string(), count: z.number() })),
    }),
    access: 'staff',
  },
  'reports.export': {
    input: z.object({ selection: ReportSelection, format: z.enum(['csv', 'csvSjis', 'xlsx', 'pdf']) }).strict(),
    output: z.object({ saved: z.boolean() }),
    access: 'staff',
  },
  'reports.ledger': {
    input: z
      .object({
        from: IsoDateSchema,
        to: IsoDateSchema,
        masked: z.boolean(),
        format: z.enum(['csv', 'csvSjis', 'xlsx']),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), rows: z.number().int() }),
    access: 'staff',
  },
  'reports.saveComment': {
    input: z
      .object({
        selection: ReportSelection,
        comment: z.string().trim().max(4000, 'コメントは4000文字以内で入力してください。'),
      })
      .strict(),
    output: Ok,
    access: 'admin',
  },
} as const satisfies Record<string, ChannelDef>;
