import { z } from 'zod';
import { LetterTemplate, letterKinds } from '../domain/letters/catalogue';
import { type ChannelDef, Id, NoInput, Ok } from './common';
import { Certificate } from './settings';

// Reply letters, the signing certificate and the seal (letters.*, glyphs.*).

export const LetterInfo = z.object({
  // blocked: why the current account cannot finalize it now (shown beside the disabled button).
  // action: what the page offers — 確定する (finalize), 再発行 (reissue: the letter is issued),
  // or nothing (a decision letter of a request already answered is never issued anew).
  available: z.array(
    z.object({
      kind: z.enum(letterKinds),
      label: z.string(),
      blocked: z.string().nullable(),
      action: z.enum(['finalize', 'reissue', 'none']),
    }),
  ),
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
      // A decision letter of an approval since sent back (差し戻し): on record, never sent.
      superseded: z.boolean(),
    }),
  ),
  signing: z.boolean(),
});

export type LetterInfo = z.infer<typeof LetterInfo>;

export const lettersChannels = {
  'letters.importCertificate': {
    input: z.object({ passphrase: z.string().max(200) }).strict(),
    output: Certificate.nullable(),
    access: 'admin',
  },
  'letters.removeCertificate': { input: NoInput, output: Ok, access: 'admin' },
  'letters.importSeal': { input: NoInput, output: z.boolean(), access: 'admin' },
  'letters.removeSeal': { input: NoInput, output: Ok, access: 'admin' },
  'letters.list': { input: z.object({ requestId: Id }).strict(), output: LetterInfo, access: 'staff' },
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
  'glyphs.check': {
    input: z
      .object({ texts: z.record(z.string().max(64), z.string().max(2000)).refine((r) => Object.keys(r).length <= 30) })
      .strict(),
    output: z.record(z.string(), z.array(z.string())),
    access: 'session',
  },
} as const satisfies Record<string, ChannelDef>;
