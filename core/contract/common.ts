import './zod-locale';
import { z } from 'zod';
import { roles } from '../domain/roles';

// The pieces every domain's channels share: empty input and output, ids, dates, who may call.

// Who may call a channel: anyone (before login), any logged-in account, or a role.
export type Access = 'public' | 'session' | 'staff' | 'approver' | 'admin';

export const NoInput = z.object({}).strict();

export const Ok = z.object({}).strict();

export const Id = z.string().min(1).max(64);

export const IsoDateTime = z.iso.datetime({ offset: true });

export const Role = z.enum(roles);

// Passwords are checked against the policy in main (core/domain/password.ts); the schema only
// bounds their size so a huge string never reaches the KDF.
export const Password = z.string().min(1, 'パスワードを入力してください。').max(1024);

export const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '休業日は「12-29」（月-日）の形式で入力してください。')
  .refine(
    (md) =>
      !Number.isNaN(Date.parse(`2024-${md}T00:00:00Z`)) &&
      new Date(`2024-${md}T00:00:00Z`).toISOString().slice(5, 10) === md,
    '存在しない日付です。',
  );

export const mm = (label: string, min: number, max: number) =>
  z
    .number(`${label}を数値（mm）で入力してください。`)
    .min(min, `${label}は${min}mm以上にしてください。`)
    .max(max, `${label}は${max}mm以下にしてください。`);

export type ChannelDef = { input: z.ZodType; output: z.ZodType; access: Access; duringPasswordChange?: true };
