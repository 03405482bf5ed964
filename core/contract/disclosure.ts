import { z } from 'zod';
import { Marks } from '../domain/disclosure/marks';
import { RecordMeta, recordFormats, recordKinds } from '../domain/disclosure/records';
import { electronicRoutes, passwordRoutes } from '../domain/electronic';
import { Id, NoInput, Ok, type ChannelDef } from './common';

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
  // Withholding marks: columns, rows, cells of a table; rectangles on a document's pages.
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
  // A document record redacted (its rectangles filled, every page an image), to check before sending.
  'records.redacted': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ base64: z.string(), pages: z.number().int() }),
    access: 'staff',
  },
} as const satisfies Record<string, ChannelDef>;

// The 電磁的記録 packages made for a request (packages.*): each is a dispatch record.
export const DisclosurePackage = z.object({
  id: z.string(),
  route: z.enum(electronicRoutes),
  passwordRoute: z.enum(passwordRoutes),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string(), description: z.string() })),
  createdBy: z.string(),
  createdAt: z.string(),
  // Built under the approval the decision stands on now; after a 差し戻し the earlier packages
  // are kept on record but cannot be recorded as sent.
  current: z.boolean(),
});
export type DisclosurePackage = z.infer<typeof DisclosurePackage>;

export const packagesChannels = {
  'packages.list': { input: z.object({ requestId: Id }).strict(), output: z.array(DisclosurePackage), access: 'staff' },
  // Asks where to save (null: cancelled, nothing made). The password is returned once, here, and
  // never stored; so is the 「パスワードのお知らせ」 letter when it goes by post.
  // originals: document records staff chose to send as their original files (after seeing what
  // each carries beyond its pages); every other document goes rendered, pages as images.
  'packages.build': {
    input: z.object({ requestId: Id, originals: z.array(Id).max(500).optional() }).strict(),
    output: z
      .object({
        package: DisclosurePackage,
        password: z.string(),
        passwordLetter: z.object({ base64: z.string() }).nullable(),
      })
      .nullable(),
    access: 'staff',
  },
  // The unmarked document records, each with what its original file carries that a viewer does
  // not show (attachments, metadata, layers, forms, annotations, earlier revisions).
  'packages.originals': {
    input: z.object({ requestId: Id }).strict(),
    output: z.array(z.object({ id: z.string(), fileName: z.string(), hidden: z.array(z.string()) })),
    access: 'staff',
  },
  // Stops the package being made (its partial file is removed; nothing is recorded).
  'packages.cancel': { input: NoInput, output: Ok, access: 'staff' },
  // Whether a password read back by the person is the package's (compared with its hash).
  'packages.checkPassword': {
    input: z.object({ id: Id, password: z.string().max(100) }).strict(),
    output: z.object({ matches: z.boolean() }),
    access: 'staff',
  },
} as const satisfies Record<string, ChannelDef>;
