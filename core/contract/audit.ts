import { z } from 'zod';
import { auditActionNames } from '../domain/audit';
import { type ChannelDef, Id, IsoDateTime, NoInput } from './common';

// The audit log (audit.*).

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  accountId: z.string().nullable(),
  action: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
  // The request's 受付番号 when the entry concerns one.
  receiptNo: z.string().nullable(),
});

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  entryId: z.number().int().nullable(),
  problem: z.enum(['modified', 'missing', 'head_mismatch', 'anchor_mismatch', 'not_from_setup']).nullable(),
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

const AuditFilter = z.object({
  receiptNo: z.string().trim().max(40).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  accountId: Id.optional(),
  action: z.enum(auditActionNames).optional(),
});

export const auditChannels = {
  'audit.list': {
    input: AuditFilter.extend({
      limit: z.number().int().min(1).max(500),
      offset: z.number().int().min(0).max(10_000_000),
    }).strict(),
    output: z.object({ entries: z.array(AuditEntry), total: z.number().int() }),
    access: 'admin',
  },
  'audit.verify': {
    input: z.object({ anchor: AuditAnchor.nullable().optional() }).strict(),
    output: AuditVerification,
    access: 'admin',
  },
  // The entries the filter selects, as sentences in a CSV (UTF-8 with BOM) saved where the
  // administrator chooses.
  'audit.export': {
    input: AuditFilter.strict(),
    output: z.object({ saved: z.boolean(), rows: z.number().int() }),
    access: 'admin',
  },
  // The chain's head now, for the administrator to print and keep apart from this PC.
  'audit.anchor': {
    input: NoInput,
    output: z.object({ id: z.number().int(), hash: z.string(), at: z.string() }),
    access: 'admin',
  },
} as const satisfies Record<string, ChannelDef>;
