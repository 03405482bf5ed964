import { z } from 'zod';
import { type ChannelDef, NoInput, Ok } from './common';

// Backups, retention and drafts (backup.*, retention.*, drafts.*).

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

export const BackupPassword = z.object({ password: z.string().max(200).nullable() }).strict();

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

export const PurgePreview = z.object({
  asOf: z.string(),
  settings: RetentionSettings,
  requests: z.array(
    z.object({ receiptNo: z.string(), kinds: z.array(z.string()), arrivalDate: z.string(), closedOn: z.string() }),
  ),
  idCopies: z.array(z.object({ receiptNo: z.string(), type: z.string(), closedOn: z.string() })),
  // 請求書 sent on request that never led to a request, logged before the keeping period.
  forms: z.array(z.object({ number: z.string(), requestedOn: z.string() })),
});

// Drafts: what a form held when it was left unsaved (kept in the encrypted database, per account).
export const draftKinds = ['intake'] as const;

export const MAX_DRAFT_CHARS = 200_000;

export const DraftKind = z.object({ kind: z.enum(draftKinds) }).strict();

export const backupChannels = {
  'backup.status': {
    input: NoInput,
    output: z.object({
      lastBackupAt: z.string().nullable(),
      settings: BackupSettings,
      // True when the last backup is older than the reminder days (or there is none).
      due: z.boolean(),
      // To an administrator: keys replaced at a login (a revocation finished there) with a new
      // recovery key or accounts left out, not yet noted (null otherwise, and for other roles).
      keysToShow: KeysReplaced.nullable(),
      // To an administrator: vault.json's key set did not verify at this login (changed outside
      // the app); false otherwise, and for other roles.
      keysetChanged: z.boolean(),
    }),
    access: 'session',
  },
  // The administrator has noted the keys shown: the new recovery key is no longer kept.
  'backup.keysNoted': { input: NoInput, output: Ok, access: 'admin' },
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
    // repairKeyset: vault.json's key set did not verify, and the administrator chose to rebuild it
    // from the database's accounts and recovery key while replacing the keys.
    input: z.object({ repairKeyset: z.boolean().optional() }).strict(),
    output: z.object({ safetyCopy: z.string(), keys: KeysReplaced }),
    access: 'admin',
  },
  'retention.get': { input: NoInput, output: PurgePreview, access: 'admin' },
  'retention.updateSettings': { input: RetentionSettings, output: RetentionSettings, access: 'admin' },
  'retention.purge': {
    // The numbers the administrator saw in the list: if the list changed since, nothing is deleted.
    input: z
      .object({
        requests: z.number().int().nonnegative(),
        idCopies: z.number().int().nonnegative(),
        // Absent (a caller from before): none seen, so a list with some is refused as changed.
        forms: z.number().int().nonnegative().default(0),
      })
      .strict(),
    output: z.object({ requests: z.number().int(), idCopies: z.number().int(), forms: z.number().int() }),
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
} as const satisfies Record<string, ChannelDef>;
