import './zod-locale';
import { z } from 'zod';
import { auditActionNames, lockReasons } from '../domain/audit';
import { FEE_NOT_ALLOWED_MESSAGE, feeMeans } from '../domain/intake/fees';
import { channels, kindInfo, requestKinds, requesterTypes } from '../domain/intake/kinds';
import { receiptPatternProblems } from '../domain/intake/receipt-number';
import { noUnsafe } from '../domain/intake/text';
import { actionNames, states } from '../domain/workflow';
import { Decision, ReasonLibrary } from '../domain/decisions';
import { LetterTemplate, letterKinds } from '../domain/letters/catalogue';
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
  problem: z.enum(['modified', 'missing', 'head_mismatch', 'anchor_mismatch']).nullable(),
  // The chain's head recorded outside the database (vault.json at each lock and backup, the
  // backups' descriptions, a printed record): each must still be found in the log.
  anchors: z.object({
    checked: z.number().int(),
    failed: z.array(z.object({ source: z.string(), entryId: z.number().int() })),
  }),
});
export const AuditAnchor = z
  .object({
    id: z.number().int().min(1, '記録の番号を入力してください。').max(1e9),
    hash: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, 'ハッシュ値は64文字の英数字（0–9、a–f）で入力してください。'),
  })
  .strict();
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

const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '休業日は「12-29」（月-日）の形式で入力してください。')
  .refine(
    (md) =>
      !Number.isNaN(Date.parse(`2024-${md}T00:00:00Z`)) &&
      new Date(`2024-${md}T00:00:00Z`).toISOString().slice(5, 10) === md,
    '存在しない日付です。',
  );

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
  })
  .strict();
export type ProcessingSettings = z.infer<typeof ProcessingSettings>;

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

export const dispatchMethods = ['simpleRegistered', 'restricted', 'registered', 'post', 'counter', 'email'] as const;
export const dispatchMethodLabels: Record<(typeof dispatchMethods)[number], string> = {
  simpleRegistered: '簡易書留',
  restricted: '本人限定受取郵便',
  registered: '一般書留',
  post: '普通郵便',
  counter: '窓口で手渡し',
  email: '電子メール',
};
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
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Dispatch = z.infer<typeof Dispatch>;

export const disposalMethods = ['returned', 'destroyed', 'none'] as const;
export const disposalLabels: Record<(typeof disposalMethods)[number], string> = {
  returned: '回答書に同封して返却',
  destroyed: '廃棄',
  none: '写しの受領なし',
};
export const Disposal = z.object({ method: z.enum(disposalMethods), date: z.string() });
export type Disposal = z.infer<typeof Disposal>;

export const requestSorts = ['arrivalDesc', 'arrivalAsc', 'dueAsc'] as const;
// Backups: the administrator's reminder policy and what a backup file holds.
export const BackupSettings = z
  .object({
    reminderDays: z
      .number({ error: 'バックアップを促す日数は数値で入力してください。' })
      .int('バックアップを促す日数は整数で入力してください。')
      .min(1, 'バックアップを促す日数は1日以上にしてください。')
      .max(365, 'バックアップを促す日数は365日以内にしてください。'),
    // How long the safety copies in the data folder (before a restore, a key rotation, a
    // database upgrade) are kept: data retention purged must not live on in them. Absent: 30.
    safetyCopyDays: z
      .number({ error: '安全のための控えを残す日数は数値で入力してください。' })
      .int('安全のための控えを残す日数は整数で入力してください。')
      .min(1, '安全のための控えを残す日数は1日以上にしてください。')
      .max(365, '安全のための控えを残す日数は365日以内にしてください。')
      .optional(),
  })
  .strict();
export type BackupSettings = z.infer<typeof BackupSettings>;
// After the master key was replaced (an account disabled, the database key rotated): a new
// recovery key to show once, when the old one could not be carried over, and how many accounts
// need a new temporary password (entries of the first format not used since).
export const KeysReplaced = z.object({
  newRecoveryKey: z.string().nullable(),
  accountsNeedingPassword: z.number().int(),
});
export type KeysReplaced = z.infer<typeof KeysReplaced>;

export const BackupInfo = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  protection: z.enum(['vault', 'password']),
  counts: z.object({ requests: z.number().int(), open: z.number().int(), audit: z.number().int() }),
  check: z.enum(['ok', 'wrongKey', 'integrity', 'audit', 'newer']),
  // A backup from another vault brings its own accounts, whose passwords this PC does not hold:
  // they are named before restoring; the administrator restoring keeps their own login.
  otherVault: z.object({ accounts: z.array(z.object({ loginName: z.string(), displayName: z.string() })) }).optional(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;
const BackupPassword = z.object({ password: z.string().max(200).nullable() }).strict();

// Retention: how long closed requests and the copies of identity documents are kept.
export const RetentionSettings = z
  .object({
    completedYears: z
      .number({ error: '保存年数は数値で入力してください。' })
      .int('保存年数は整数で入力してください。')
      .min(1, '保存年数は1年以上にしてください。')
      .max(30, '保存年数は30年以内にしてください。'),
    // 0: the copies go when the request closes.
    idCopyDays: z
      .number({ error: '日数は数値で入力してください。' })
      .int('日数は整数で入力してください。')
      .min(0, '日数は0日以上にしてください。')
      .max(3650, '日数は3650日以内にしてください。'),
  })
  .strict();
export type RetentionSettings = z.infer<typeof RetentionSettings>;
const PurgePreview = z.object({
  asOf: z.string(),
  settings: RetentionSettings,
  requests: z.array(
    z.object({ receiptNo: z.string(), kinds: z.array(z.string()), arrivalDate: z.string(), closedOn: z.string() }),
  ),
  idCopies: z.array(z.object({ receiptNo: z.string(), type: z.string(), closedOn: z.string() })),
});

// Drafts: what a form held when it was left unsaved (kept in the encrypted database, per account).
export const draftKinds = ['intake'] as const;
export const MAX_DRAFT_CHARS = 200_000;
const DraftKind = z.object({ kind: z.enum(draftKinds) }).strict();

const mm = (label: string, min: number, max: number) =>
  z
    .number(`${label}を数値（mm）で入力してください。`)
    .min(min, `${label}は${min}mm以上にしてください。`)
    .max(max, `${label}は${max}mm以下にしてください。`);
export const EnvelopeWindow = z
  .object({
    left: mm('窓の左端', 5, 120),
    top: mm('窓の上端', 5, 120),
    width: mm('窓の幅', 50, 150),
    height: mm('窓の高さ', 25, 80),
  })
  .strict();
export type EnvelopeWindow = z.infer<typeof EnvelopeWindow>;
// A 長形3号 窓あき envelope for an A4 sheet folded in three (DOMAIN.md §6).
export const defaultWindow: EnvelopeWindow = { left: 23, top: 13, width: 90, height: 45 };

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

export const LetterInfo = z.object({
  // blocked: why the current account cannot finalize it now (shown beside the disabled button).
  available: z.array(z.object({ kind: z.enum(letterKinds), label: z.string(), blocked: z.string().nullable() })),
  finalized: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(letterKinds),
      label: z.string(),
      documentNo: z.string(),
      sha256: z.string(),
      signed: z.boolean(),
      createdBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  signing: z.boolean(),
});
export type LetterInfo = z.infer<typeof LetterInfo>;

const Stats = z.object({
  count: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  max: z.number().nullable(),
});
const Counts = z.record(z.string(), z.number());
export const Figures = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  received: z.object({ total: z.number(), byKind: Counts, byChannel: Counts, byRequester: Counts }),
  decided: z.object({ total: z.number(), byKindOutcome: z.record(z.string(), Counts) }),
  completed: z.number(),
  openAtEnd: z.number(),
  overdueAtEnd: z.number(),
  daysToAnswer: z.object({ all: Stats, withoutCure: Stats, byKind: z.record(z.string(), Stats) }),
  answered: z.number(),
  withinSla: z.number(),
  withinArticle39: z.number(),
  cures: z.number(),
  withdrawals: z.number(),
  deemedWithdrawn: z.number(),
  feesReceived: z.number(),
  feesToReturn: z.number(),
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
  cure: Cure.nullable(),
  decisions: z.array(
    z.object({ kind: z.enum(requestKinds), decision: Decision, draftedBy: z.string(), draftedAt: z.string() }),
  ),
  submittedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  extension: Extension.nullable(),
  dispatches: z.array(Dispatch),
  disposal: Disposal.nullable(),
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
});
export type RequestDetail = z.infer<typeof RequestDetail>;

const DashboardList = z.object({ rows: z.array(RequestSummary), total: z.number().int(), capped: z.boolean() });

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
    output: Account.extend({ keys: KeysReplaced.optional() }),
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
      processing: ProcessingSettings,
      reasons: ReasonLibrary,
      letters: LetterSettings,
      certificate: Certificate.nullable(),
      seal: z.boolean(),
    }),
    access: 'session',
  },
  'settings.updateLetters': { input: LetterSettings, output: LetterSettings, access: 'admin' },
  'letters.importCertificate': {
    input: z.object({ passphrase: z.string().max(200) }).strict(),
    output: Certificate.nullable(),
    access: 'admin',
  },
  'letters.removeCertificate': { input: NoInput, output: Ok, access: 'admin' },
  'letters.importSeal': { input: NoInput, output: z.boolean(), access: 'admin' },
  'letters.removeSeal': { input: NoInput, output: Ok, access: 'admin' },
  'letters.list': { input: z.object({ requestId: Id }).strict(), output: LetterInfo, access: 'staff' },
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
  'letters.pending': {
    input: NoInput,
    output: z.array(
      z.object({ requestId: z.string(), receiptNo: z.string(), kind: z.enum(letterKinds), label: z.string() }),
    ),
    access: 'staff',
  },
  'letters.templatePreview': {
    input: z.object({ kind: z.enum(letterKinds), template: LetterTemplate }).strict(),
    output: z.object({ base64: z.string() }),
    access: 'admin',
  },
  'letters.preview': {
    input: z.object({ requestId: Id, kind: z.enum(letterKinds) }).strict(),
    output: z.object({ base64: z.string() }),
    access: 'staff',
  },
  'letters.finalize': {
    input: z
      .object({
        requestId: Id,
        kind: z.enum(letterKinds),
        // Set to issue a finalized letter again (再発行); refused without it.
        reissueReason: z.string().trim().min(1, '再発行の理由を入力してください。').max(500).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), documentNo: z.string(), signed: z.boolean() }),
    access: 'staff',
  },
  'letters.content': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ base64: z.string(), sha256: z.string() }),
    access: 'staff',
  },
  'letters.printed': { input: z.object({ id: Id }).strict(), output: Ok, access: 'staff' },
  'letters.save': { input: z.object({ id: Id }).strict(), output: z.object({ saved: z.boolean() }), access: 'staff' },
  'settings.updateProcessing': { input: ProcessingSettings, output: ProcessingSettings, access: 'admin' },
  'settings.updateReasons': {
    input: z.object({ reasons: ReasonLibrary }).strict(),
    output: ReasonLibrary,
    access: 'admin',
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
  'audit.verify': {
    input: z.object({ anchor: AuditAnchor.nullable().optional() }).strict(),
    output: AuditVerification,
    access: 'admin',
  },
  // The chain's head now, for the administrator to print and keep apart from this PC.
  'audit.anchor': {
    input: NoInput,
    output: z.object({ id: z.number().int(), hash: z.string(), at: z.string() }),
    access: 'admin',
  },
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
  'requests.recordDisposal': {
    input: z.object({ id: Id, method: z.enum(disposalMethods), date: IsoDateSchema }).strict(),
    output: RequestDetail,
    access: 'staff',
  },
  'requests.list': {
    input: ListFilter,
    // total is exact up to 1,000 past the page; capped: there are more.
    output: z.object({ rows: z.array(RequestSummary), total: z.number().int(), capped: z.boolean() }),
    access: 'staff',
  },
  'requests.dashboard': {
    input: NoInput,
    output: z.object({
      today: z.string(),
      overdue: DashboardList,
      dueSoon: DashboardList,
      cureOverdue: DashboardList,
      awaitingMyApproval: DashboardList,
      recentlyCompleted: DashboardList,
    }),
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
  'glyphs.check': {
    input: z
      .object({ texts: z.record(z.string().max(64), z.string().max(2000)).refine((r) => Object.keys(r).length <= 30) })
      .strict(),
    output: z.record(z.string(), z.array(z.string())),
    access: 'session',
  },
  'backup.status': {
    input: NoInput,
    output: z.object({
      lastBackupAt: z.string().nullable(),
      settings: BackupSettings,
      // True when the last backup is older than the reminder days (or there is none).
      due: z.boolean(),
    }),
    access: 'session',
  },
  'backup.updateSettings': { input: BackupSettings, output: BackupSettings, access: 'admin' },
  'backup.create': {
    input: BackupPassword,
    output: z.object({ saved: z.boolean(), info: BackupInfo.nullable() }),
    access: 'admin',
  },
  'backup.choose': {
    input: NoInput,
    output: z.object({ createdAt: z.string(), protection: z.enum(['vault', 'password']) }).nullable(),
    access: 'admin',
  },
  'backup.inspect': { input: BackupPassword, output: BackupInfo, access: 'admin' },
  'backup.restore': { input: BackupPassword, output: BackupInfo, access: 'admin' },
  'backup.rotateKey': {
    input: NoInput,
    output: z.object({ safetyCopy: z.string(), keys: KeysReplaced }),
    access: 'admin',
  },
  'retention.get': { input: NoInput, output: PurgePreview, access: 'admin' },
  'retention.updateSettings': { input: RetentionSettings, output: RetentionSettings, access: 'admin' },
  'retention.purge': {
    // The numbers the administrator saw in the list: if the list changed since, nothing is deleted.
    input: z.object({ requests: z.number().int().nonnegative(), idCopies: z.number().int().nonnegative() }).strict(),
    output: z.object({ requests: z.number().int(), idCopies: z.number().int() }),
    access: 'admin',
  },
  'drafts.get': {
    input: DraftKind,
    output: z.object({ savedAt: z.string(), data: z.json() }).nullable(),
    access: 'staff',
  },
  'drafts.save': {
    input: z
      .object({
        kind: z.enum(draftKinds),
        data: z
          .json()
          .refine((d) => JSON.stringify(d).length <= MAX_DRAFT_CHARS, '入力内容が大きすぎて下書きを保存できません。'),
      })
      .strict(),
    output: Ok,
    access: 'staff',
  },
  'drafts.clear': { input: DraftKind, output: Ok, access: 'staff' },
} as const satisfies { [K in ChannelName]: ChannelDef };

// Main → renderer events and their payloads.
export const MenuCommand = z.enum(['about', 'print', 'lock']);
export const events = {
  'app.menu': z.object({ command: MenuCommand }),
  'session.locked': z.object({ reason: z.enum(lockReasons) }),
  // A long export's progress: rows gathered so far out of all of them.
  'export.progress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
} as const satisfies { [K in EventName]: z.ZodType };

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
