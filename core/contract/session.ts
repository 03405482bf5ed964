import { z } from 'zod';
import { Organisation } from '../domain/organisation';
import { KeysReplaced } from './backup';
import { type ChannelDef, Id, NoInput, Ok, Password, Role } from './common';

// Setup, login and the session, and the accounts of the vault (app.*, vault.*, session.*, accounts.*).

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

export const sessionChannels = {
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
} as const satisfies Record<string, ChannelDef>;
