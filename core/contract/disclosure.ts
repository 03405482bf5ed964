import { z } from 'zod';
import { Marks } from '../domain/disclosure/marks';
import { RecordMeta, recordFormats, recordKinds } from '../domain/disclosure/records';
import { Id, Ok, type ChannelDef } from './common';

// The records found for a 開示 (records.*).

export const DisclosureRecord = z.object({
  id: z.string(),
  kind: z.enum(recordKinds),
  fileName: z.string(),
  system: z.string(),
  exportedOn: z.string(),
  format: z.enum(recordFormats),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: z.string(),
  // Withholding marks (tables only).
  marks: Marks,
});
export type DisclosureRecord = z.infer<typeof DisclosureRecord>;

export const recordsChannels = {
  'records.list': { input: z.object({ requestId: Id }).strict(), output: z.array(DisclosureRecord), access: 'staff' },
  'records.add': {
    input: z.object({ requestId: Id, meta: RecordMeta }).strict(),
    output: DisclosureRecord.nullable(),
    access: 'staff',
  },
  'records.table': {
    input: z
      .object({ id: Id, offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(1000) })
      .strict(),
    output: z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())), total: z.number().int() }),
    access: 'staff',
  },
  'records.content': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ mime: z.string(), base64: z.string() }),
    access: 'staff',
  },
  'records.setMarks': {
    input: z.object({ id: Id, marks: Marks }).strict(),
    output: DisclosureRecord,
    access: 'staff',
  },
  'records.remove': { input: z.object({ id: Id }).strict(), output: Ok, access: 'staff' },
} as const satisfies Record<string, ChannelDef>;
