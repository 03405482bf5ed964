import { createHash } from 'node:crypto';
import { ErrorCode } from '../../../core/contract';
import { Marks } from '../../../core/domain/disclosure/marks';
import type { RecordFormat } from '../../../core/domain/disclosure/records';
import {
  getDisclosureRecord,
  getDisclosureRecordContent,
  redactedPart,
  redactedParts,
  clearRedacted,
  insertRedactedPart,
  type DisclosureRecordRow,
} from '../db/repositories/disclosure-records';
import type { Q } from '../db/store';
import { AppError } from '../errors';
import type { Vault } from '../vault/vault';
import { sha256InSteps } from '../files/in-steps';
import { redactToPdf } from './redact';

const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');
const PART_BYTES = 4 * 1024 * 1024;
const inParts = (b: Uint8Array): Uint8Array[] =>
  Array.from({ length: Math.max(1, Math.ceil(b.length / PART_BYTES)) }, (_, i) =>
    b.subarray(i * PART_BYTES, (i + 1) * PART_BYTES),
  );

// A document record as it is disclosed: the redacted PDF kept for its current marks, or made now
// (on the worker) and kept — unless the marks changed meanwhile. The screen's check, the letter
// and the package all use this, so what staff looked at is what the person receives.
export async function redactedDocument(
  vault: Vault,
  row: DisclosureRecordRow,
  opts: { onPage?: (done: number) => void; signal?: AbortSignal } = {},
): Promise<Uint8Array> {
  const marksJson = row.marks_json ?? '[]';
  const marksSha = sha256(marksJson);
  const db = vault.q();
  const kept = await redactedParts(db, row.id, marksSha);
  if (kept !== null) {
    // One part at a time, letting main answer other calls in between.
    const read: Buffer[] = [];
    for (let part = 0; part < kept; part++) {
      if (part > 0) await new Promise((resolve) => setImmediate(resolve));
      const data = await redactedPart(vault.q(), row.id, part);
      if (!data) throw new AppError(ErrorCode.NOT_FOUND, '記録が見つかりません。');
      read.push(data);
    }
    return Buffer.concat(read);
  }
  const content = await getDisclosureRecordContent(db, row.id);
  if (!content) throw new AppError(ErrorCode.NOT_FOUND, '記録が見つかりません。');
  let pages = 0;
  const pdf = await redactToPdf(content, row.format as RecordFormat, Marks.parse(JSON.parse(marksJson)), {
    ...opts,
    onPage: (n) => {
      pages = n;
      opts.onPage?.(n);
    },
  });
  const pdfSha = await sha256InSteps(pdf);
  // Kept in parts, written in steps; a set left incomplete (locked meanwhile) is never read.
  const pieces = inParts(pdf);
  const current = async (w: Q) => sha256((await getDisclosureRecord(w, row.id))?.marks_json ?? '[]') === marksSha;
  await vault.writeInSteps('records.redact', row.request_id, `record=${row.id} pages=${pages} sha256=${pdfSha}`, [
    async (w) => {
      await clearRedacted(w, row.id);
    },
    ...pieces.map((data, part) => async (w: Q) => {
      if (await current(w)) await insertRedactedPart(w, { id: row.id, marksSha, part, parts: pieces.length, data });
    }),
  ]);
  return pdf;
}
