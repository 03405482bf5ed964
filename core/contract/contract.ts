import './zod-locale';
import { z } from 'zod';
import { auditActionNames, lockReasons } from '../domain/audit';
import { FEE_NOT_ALLOWED_MESSAGE, feeMeans } from '../domain/intake/fees';
import { channels, kindInfo, requestKinds, requesterTypes } from '../domain/intake/kinds';
import { receiptPatternProblems } from '../domain/intake/receipt-number';
import { actionNames } from '../domain/workflow';
import {
  DisclosureMethod,
  IsoDateSchema,
  IdentityDocumentInput,
  IntakeInput,
  Party,
  PaymentInput,
  RequestItem,
} from '../domain/intake/request';
import { Organisation } from '../domain/organisation';
import { roles } from '../domain/roles';
import type { ChannelName, EventName } from './channels';

// Who may call a channel: anyone (before login), any logged-in account, or a role.
export type Access = 'public' | 'session' | 'staff' | 'approver' | 'admin';

const NoInput = z.object({}).strict();
const Ok = z.object({}).strict();
const Id = z.string().min(1).max(64);
const IsoDateTime = z.iso.datetime({ offset: true });

export const Role = z.enum(roles);
export const DatabaseState = z.enum(['absent', 'locked', 'open']);

export const AppInfo = z.object({
  appName: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'harness']),
  platform: z.string(),
  dataDir: z.string(),
  database: z.object({
    state: DatabaseState,
    schemaVersion: z.number().int().nonnegative().nullable(),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

// Passwords are checked against the policy in main (core/domain/password.ts); the schema only
// bounds their size so a huge string never reaches the KDF.
const Password = z.string().min(1, 'パスワードを入力してください。').max(1024);
export const LoginName = z
  .string()
  .trim()
  .min(1, 'ログイン名を入力してください。')
  .max(64, 'ログイン名は64文字以内で入力してください。')
  .regex(/^[A-Za-z0-9._@-]+$/, 'ログイン名は半角英数字と . _ @ - で入力してください。');
export const DisplayName = z
  .string()
  .trim()
  .min(1, '氏名を入力してください。')
  .max(100, '氏名は100文字以内で入力してください。');

export const Session = z.object({
  accountId: Id,
  loginName: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  mustChangePassword: z.boolean(),
});
export type Session = z.infer<typeof Session>;

export const SessionState = z.object({
  vault: z.enum(['absent', 'locked', 'unlocked']),
  session: Session.nullable(),
  idleLockMinutes: z.number().int().nullable(),
});
export type SessionState = z.infer<typeof SessionState>;

export const Account = z.object({
  id: Id,
  loginName: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof Account>;

export const SecuritySettings = z
  .object({
    idleLockMinutes: z
      .number()
      .int('自動ロックまでの時間は分単位の整数で入力してください。')
      .min(1, '自動ロックまでの時間は1分以上にしてください。')
      .max(240, '自動ロックまでの時間は240分以内にしてください。'),
  })
  .strict();
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  accountId: z.string().nullable(),
  action: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
});

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  entryId: z.number().int().nullable(),
  problem: z.enum(['modified', 'missing', 'head_mismatch']).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

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
  })
  .strict()
  .refine((s) => s.amount === 0 || s.accepted.length > 0, {
    path: ['accepted'],
    message: '手数料の支払方法を1つ以上選択してください。',
  });
export type FeeSchedule = z.infer<typeof FeeSchedule>;

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
  })
  .strict();
export type IntakeSettings = z.infer<typeof IntakeSettings>;

const Defect = z.object({ code: z.string(), message: z.string(), documentId: z.string().optional() });

export const enclosureTypes = [
  'requestForm',
  'identity',
  'powerOfAttorney',
  'sealCertificate',
  'familyRegister',
  'registryCertificate',
  'residentRecord',
  'fee',
  'other',
] as const;

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
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestDetail = z.object({
  id: z.string(),
  receiptNo: z.string(),
  channel: z.enum(channels),
  arrivalDate: z.string(),
  provisional: z.boolean(),
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
  notes: z.string(),
  status: z.string(),
  identity: z.object({
    documents: z.array(IdentityDocumentInput),
    nameAddressMatch: z.object({ principal: z.boolean().nullable(), agent: z.boolean().nullable() }),
    lawyerRegistrationNo: z.string(),
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
  }),
  enclosures: z.array(Enclosure),
  deadlines: z.object({
    article39Date: z.string(),
    slaDate: z.string().nullable(),
    dueDate: z.string(),
    dueBasis: z.enum(['article39', 'sla', 'extension']),
    beyondArticle39: z.boolean(),
    explanation: z.array(z.string()),
  }),
  history: z.array(
    z.object({
      at: z.string(),
      accountId: z.string(),
      action: z.string(),
      from: z.string(),
      to: z.string(),
      comment: z.string(),
    }),
  ),
  availableActions: z.array(z.enum(actionNames)),
  createdAt: z.string(),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

type ChannelDef = { input: z.ZodType; output: z.ZodType; access: Access; duringPasswordChange?: true };

// Every IPC channel: its zod input and output schema and who may call it. Adding a name to
// channels.ts without an entry here (or the reverse) fails the compiler, as does a missing
// handler in main.
export const contract = {
  'app.info': { input: NoInput, output: AppInfo, access: 'public' },
  'vault.setup': {
    input: z
      .object({
        organisation: Organisation,
        admin: z.object({ loginName: LoginName, displayName: DisplayName, password: Password }).strict(),
      })
      .strict(),
    output: z.object({ recoveryKey: z.string(), session: Session }),
    access: 'public',
  },
  'session.current': { input: NoInput, output: SessionState, access: 'public' },
  'session.login': {
    input: z
      .object({ loginName: z.string().trim().min(1, 'ログイン名を入力してください。').max(64), password: Password })
      .strict(),
    output: Session,
    access: 'public',
  },
  'session.recover': {
    input: z.object({ recoveryKey: z.string().min(1).max(100), loginName: LoginName, newPassword: Password }).strict(),
    output: Session,
    access: 'public',
  },
  'session.lock': {
    input: z.object({ reason: z.enum(['manual', 'logout']) }).strict(),
    output: Ok,
    access: 'public',
    duringPasswordChange: true,
  },
  'session.changePassword': {
    input: z.object({ currentPassword: Password, newPassword: Password }).strict(),
    output: Session,
    access: 'session',
    duringPasswordChange: true,
  },
  'accounts.list': { input: NoInput, output: z.array(Account), access: 'admin' },
  'accounts.create': {
    input: z
      .object({
        loginName: LoginName,
        displayName: DisplayName,
        roles: z.array(Role).min(1, '役割を1つ以上選択してください。').max(3),
        temporaryPassword: Password,
      })
      .strict(),
    output: Account,
    access: 'admin',
  },
  'accounts.update': {
    input: z
      .object({
        id: Id,
        displayName: DisplayName.optional(),
        roles: z.array(Role).min(1, '役割を1つ以上選択してください。').max(3).optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    output: Account,
    access: 'admin',
  },
  'accounts.resetPassword': {
    input: z.object({ id: Id, temporaryPassword: Password }).strict(),
    output: Account,
    access: 'admin',
  },
  'settings.get': {
    input: NoInput,
    output: z.object({
      organisation: Organisation,
      security: SecuritySettings,
      fees: FeeSchedule,
      intake: IntakeSettings,
    }),
    access: 'session',
  },
  'settings.updateOrganisation': { input: Organisation, output: Organisation, access: 'admin' },
  'settings.updateSecurity': { input: SecuritySettings, output: SecuritySettings, access: 'admin' },
  'audit.list': {
    input: z
      .object({
        from: IsoDateTime.optional(),
        to: IsoDateTime.optional(),
        accountId: Id.optional(),
        action: z.enum(auditActionNames).optional(),
        limit: z.number().int().min(1).max(500),
        offset: z.number().int().min(0).max(10_000_000),
      })
      .strict(),
    output: z.object({ entries: z.array(AuditEntry), total: z.number().int() }),
    access: 'admin',
  },
  'audit.verify': { input: NoInput, output: AuditVerification, access: 'admin' },
  'settings.updateFees': { input: FeeSchedule, output: FeeSchedule, access: 'admin' },
  'settings.updateIntake': { input: IntakeSettings, output: IntakeSettings, access: 'admin' },
  'intake.create': { input: IntakeInput, output: RequestDetail, access: 'staff' },
  'intake.duplicates': {
    input: z
      .object({
        name: z.string().max(100),
        kana: z.string().max(100),
        birthDate: z.string().max(10).nullable(),
        phone: z.string().max(30),
      })
      .strict(),
    output: z.array(RequestSummary),
    access: 'staff',
  },
  'requests.get': { input: z.object({ id: Id }).strict(), output: RequestDetail, access: 'staff' },
  'requests.transition': {
    input: z.object({ id: Id, action: z.enum(actionNames), comment: z.string().trim().max(2000) }).strict(),
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
  'glyphs.check': {
    input: z
      .object({ texts: z.record(z.string().max(64), z.string().max(2000)).refine((r) => Object.keys(r).length <= 30) })
      .strict(),
    output: z.record(z.string(), z.array(z.string())),
    access: 'session',
  },
} as const satisfies { [K in ChannelName]: ChannelDef };

// Main → renderer events and their payloads.
export const MenuCommand = z.enum(['about', 'print', 'lock']);
export const events = {
  'app.menu': z.object({ command: MenuCommand }),
  'session.locked': z.object({ reason: z.enum(lockReasons) }),
} as const satisfies { [K in EventName]: z.ZodType };

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
