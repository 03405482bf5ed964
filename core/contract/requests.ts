import { z } from 'zod';
import { channels, requestKinds, requesterTypes } from '../domain/intake/kinds';
import { noUnsafe } from '../domain/intake/text';
import { actionNames, states } from '../domain/workflow';
import { Decision } from '../domain/decisions';
import { OutsideLaw } from '../domain/outside-law';
import {
  DisclosureMethod,
  IsoDateSchema,
  IdentityDocumentInput,
  RegisteredMatchInput,
  IntakeInput,
  Party,
  PaymentInput,
  RequestItem,
} from '../domain/intake/request';
import { disposalMethods, feeReturnMethods } from '../domain/dispatch';
import { enclosureTypes } from '../domain/enclosures';
import { type ChannelDef, Id, Ok } from './common';
import { SearchInput, SearchRecord } from '../domain/searches';
import { Cure, CureInput, Dispatch, DispatchInput, Disposal, Extension, FeeReturn, Suspicion } from './records';

// Requests from intake to dispatch (intake.*, requests.*, enclosures.*).

export const requestSorts = ['arrivalDesc', 'arrivalAsc', 'dueAsc'] as const;

export const ListFilter = z
  .object({
    statuses: z.array(z.enum(states)).max(states.length),
    kind: z.enum(requestKinds).nullable(),
    channel: z.enum(channels).nullable(),
    from: IsoDateSchema.nullable(),
    to: IsoDateSchema.nullable(),
    overdue: z.boolean(),
    query: z.string().trim().max(100),
    sort: z.enum(requestSorts),
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(200),
  })
  .strict()
  .refine((f) => f.from === null || f.to === null || f.from <= f.to, {
    path: ['to'],
    message: '期間の終わりは始まり以降の日付にしてください。',
  });

export type ListFilter = z.infer<typeof ListFilter>;

// Every request, newest first, first page: the list's starting point, varied by overrides.
export function listFilter(overrides: Partial<ListFilter> = {}): ListFilter {
  return {
    statuses: [],
    kind: null,
    channel: null,
    from: null,
    to: null,
    overdue: false,
    query: '',
    sort: 'arrivalDesc',
    offset: 0,
    limit: 50,
    ...overrides,
  };
}

export const Defect = z.object({ code: z.string(), message: z.string(), documentId: z.string().optional() });

export { enclosureTypes } from '../domain/enclosures';

export const Enclosure = z.object({
  id: z.string(),
  type: z.enum(enclosureTypes),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: z.string(),
});

export type Enclosure = z.infer<typeof Enclosure>;

export const RequestSummary = z.object({
  id: z.string(),
  receiptNo: z.string(),
  arrivalDate: z.string(),
  status: z.string(),
  requesterType: z.enum(requesterTypes),
  principalName: z.string(),
  principalKana: z.string(),
  kinds: z.array(z.enum(requestKinds)),
  channel: z.enum(channels),
  dueDate: z.string().nullable(),
  cureDue: z.string().nullable(),
  closedOn: z.string().nullable(),
});

export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestDetail = z.object({
  id: z.string(),
  receiptNo: z.string(),
  channel: z.enum(channels),
  arrivalDate: z.string(),
  provisional: z.boolean(),
  // The FAX's day when a 仮受付 was confirmed by the originals (whose day is now arrivalDate).
  faxReceivedOn: z.string().nullable(),
  trackingNo: z.string(),
  receivedBy: z.string(),
  requesterType: z.enum(requesterTypes),
  principal: Party,
  agent: Party.nullable(),
  items: z.array(RequestItem),
  disclosureMethod: DisclosureMethod.nullable(),
  answerTo: z.enum(['principal', 'agent']),
  delivery: z.enum(['simpleRegistered', 'restricted']),
  replyAddress: z.string(),
  replyPostalCode: z.string(),
  notes: z.string(),
  status: z.string(),
  identity: z.object({
    documents: z.array(IdentityDocumentInput),
    nameAddressMatch: z.object({ principal: z.boolean().nullable(), agent: z.boolean().nullable() }),
    lawyerRegistrationNo: z.string(),
    registeredMatch: RegisteredMatchInput.optional(),
    result: z.object({
      status: z.enum(['verified', 'defective', 'incomplete']),
      defects: z.array(Defect),
      todos: z.array(z.string()),
    }),
  }),
  payments: z.array(PaymentInput),
  fee: z.object({
    due: z.number(),
    accepted: z.number(),
    status: z.enum(['notRequired', 'unpaid', 'short', 'paid', 'overpaid']),
    shortfall: z.number(),
    toReturn: z.number(),
    defects: z.array(z.object({ code: z.string(), message: z.string(), paymentId: z.string().optional() })),
    notes: z.array(z.string()),
    returnedPayments: z.array(z.object({ paymentId: z.string(), kind: z.enum(requestKinds), amount: z.number() })),
    byKind: z.array(
      z.object({ kind: z.enum(requestKinds), due: z.number(), accepted: z.number(), shortfall: z.number() }),
    ),
  }),
  enclosures: z.array(Enclosure),
  deadlines: z.object({
    article39Date: z.string(),
    article39Applies: z.boolean(),
    slaDate: z.string().nullable(),
    dueDate: z.string(),
    dueBasis: z.enum(['article39', 'sla', 'extension']),
    beyondArticle39: z.boolean(),
    explanation: z.array(z.string()),
  }),
  cure: Cure.nullable(),
  decisions: z.array(
    z.object({ kind: z.enum(requestKinds), decision: Decision, draftedBy: z.string(), draftedAt: z.string() }),
  ),
  submittedBy: z.string().nullable(),
  // The answer can no longer go to the agent (a minor who came of age since the 到達日): why.
  agencyEnded: z.string().nullable(),
  approvedBy: z.string().nullable(),
  extension: Extension.nullable(),
  dispatches: z.array(Dispatch),
  disposal: Disposal.nullable(),
  feeReturn: FeeReturn.nullable(),
  suspicion: Suspicion.nullable(),
  // The search record (探索の記録), oldest first.
  searches: z.array(SearchRecord),
  // Closed as a request the Act does not cover (core/domain/outside-law.ts), or null.
  outsideLaw: OutsideLaw.nullable(),
  closedOn: z.string().nullable(),
  // Display names of the accounts the record mentions (history, decisions, dispatches).
  accountNames: z.record(z.string(), z.string()),
  // For the current account: the primary next step, and why each action is refused now (null: allowed).
  primaryAction: z.enum(actionNames).nullable(),
  actionChecks: z.record(z.string(), z.string().nullable()),
  history: z.array(
    z.object({
      at: z.string(),
      day: z.string(),
      accountId: z.string(),
      action: z.string(),
      from: z.string(),
      to: z.string(),
      comment: z.string(),
    }),
  ),
  availableActions: z.array(z.enum(actionNames)),
  createdAt: z.string(),
  // The requests of the same envelope split off it or it was split from (issue 33 §4).
  linked: z.array(z.object({ id: z.string(), receiptNo: z.string(), kinds: z.array(z.enum(requestKinds)) })),
});

export type RequestDetail = z.infer<typeof RequestDetail>;

export const requestsChannels = {
  'intake.create': { input: IntakeInput, output: RequestDetail, access: 'staff' },
  // The addresses a postal code stands for (Japan Post's data, offline); none for an unknown code.
  'intake.postalAddress': {
    input: z.object({ postalCode: z.string().max(20) }).strict(),
    output: z.array(z.object({ prefecture: z.string(), city: z.string(), town: z.string() })),
    access: 'staff',
  },
  'requests.get': { input: z.object({ id: Id }).strict(), output: RequestDetail, access: 'staff' },
  'requests.transition': {
    input: z
      .object({
        id: Id,
        action: z.enum(actionNames),
        // A decline's comment is printed as the reason in its letter.
        comment: z
          .string()
          .trim()
          .max(2000, 'コメントは2000文字以内で入力してください。')
          .superRefine(noUnsafe('コメント', true)),
      })
      .strict(),
    output: RequestDetail,
    access: 'staff',
  },
  // Kinds split off into a request of their own (a fee-free kind need not wait for a fee).
  'intake.split': {
    input: z
      .object({
        id: Id,
        kinds: z
          .array(z.enum(requestKinds))
          .min(1, '分割する請求の種類を選択してください。')
          .max(requestKinds.length)
          .refine((ks) => new Set(ks).size === ks.length, '同じ請求の種類が重複しています。'),
      })
      .strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'intake.update': {
    input: z.object({ id: Id, input: IntakeInput }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.requestCure': {
    input: z.object({ id: Id, cure: CureInput }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.recordCure': {
    input: z.object({ id: Id, arrivedOn: IsoDateSchema }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.saveDecision': {
    input: z.object({ id: Id, kind: z.enum(requestKinds), decision: Decision }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.extend': {
    input: z
      .object({
        id: Id,
        date: IsoDateSchema,
        reason: z
          .string()
          .trim()
          .min(1, '延長の理由を入力してください。')
          .max(2000, '延長の理由は2000文字以内で入力してください。')
          .superRefine(noUnsafe('延長の理由', true)),
      })
      .strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.addDispatch': {
    input: z.object({ id: Id, dispatch: DispatchInput }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.closeOutsideLaw': {
    input: z.object({ id: Id, outsideLaw: OutsideLaw }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.recordDisposal': {
    input: z.object({ id: Id, method: z.enum(disposalMethods), date: IsoDateSchema }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.recordFeeReturn': {
    input: z
      .object({
        id: Id,
        method: z.enum(feeReturnMethods),
        date: IsoDateSchema,
        amount: z
          .number()
          .int('金額は整数で入力してください。')
          .positive('金額は1円以上で入力してください。')
          .max(1_000_000),
      })
      .strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.list': {
    input: ListFilter,
    // total is exact up to 1,000 past the page; capped: there are more.
    output: z.object({ rows: z.array(RequestSummary), total: z.number().int(), capped: z.boolean() }),
    access: 'staff',
  },
  'requests.flagSuspicion': {
    input: z
      .object({
        id: Id,
        // true: raise the flag; false: clear it. The note is required both ways.
        suspected: z.boolean(),
        note: z
          .string()
          .trim()
          .min(1, '内容を入力してください。')
          .max(1000, '1000文字以内で入力してください。')
          .superRefine(noUnsafe('内容')),
      })
      .strict(),
    output: RequestDetail,
    access: 'staff',
  },
  // The search record: one search added, or one removed with the reason (kept in the history).
  'requests.addSearch': {
    input: z.object({ id: Id, search: SearchInput }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.removeSearch': {
    input: z
      .object({
        id: Id,
        searchId: Id,
        reason: z
          .string()
          .trim()
          .min(1, '削除の理由を入力してください。')
          .max(500, '500文字以内で入力してください。')
          .superRefine(noUnsafe('削除の理由')),
      })
      .strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'intake.confirmOriginals': {
    input: z.object({ id: Id, arrivalDate: IsoDateSchema }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.search': {
    input: z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(200) }).strict(),
    output: z.array(RequestSummary),
    access: 'staff',
  },
  'enclosures.add': {
    input: z.object({ requestId: Id, type: z.enum(enclosureTypes) }).strict(),
    output: Enclosure.nullable(),
    access: 'staff',
  },
  'enclosures.content': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ mime: z.string(), base64: z.string() }),
    access: 'staff',
  },
  // A wrong or hostile file, or another person's ID scan, need not wait for retention.
  'enclosures.remove': {
    input: z
      .object({
        id: Id,
        reason: z
          .string()
          .trim()
          .min(1, '削除の理由を入力してください。')
          .max(500, '削除の理由は500文字以内で入力してください。')
          .superRefine(noUnsafe('削除の理由', true)),
      })
      .strict(),
    output: Ok,
    access: 'admin',
  },
} as const satisfies Record<string, ChannelDef>;
