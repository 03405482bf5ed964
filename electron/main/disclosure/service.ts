import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { ErrorCode, type DisclosureRecord } from '../../../core/contract';
import {
  MAX_RECORD_BYTES,
  MAX_RECORDS_PER_REQUEST,
  tableFormats,
  type RecordFormat,
  type RecordMeta,
} from '../../../core/domain/disclosure/records';
import { Marks, areaProblems, marksProblems, type Mark } from '../../../core/domain/disclosure/marks';
import { canRecord, type RecordKind } from '../../../core/domain/workflow';
import { unsafeCharacter } from '../../../core/domain/intake/text';
import {
  countDisclosureRecords,
  deleteDisclosureRecord,
  getDisclosureRecord,
  getDisclosureRecordContent,
  insertDisclosureRecord,
  listDisclosureRecords,
  setDisclosureRecordMarks,
  type DisclosureRecordRow,
} from '../db/repositories/disclosure-records';
import type { Q } from '../db/store';
import { getRequestStatus, insertEvent } from '../db/repositories/requests';
import { AppError, refusals } from '../errors';
import type { FileDialogs } from '../files/dialogs';
import { imageProblem } from '../files/image-limits';
import { base64InSteps } from '../files/in-steps';
import { readChosenFile } from '../files/read-chosen';
import type { RequestQueries } from '../requests/queries';
import type { Vault } from '../vault/vault';
import { MAX_REDACTED_PAGES, documentPageCount, isDocument, refuseLongPdf } from './redact';
import { redactedDocument } from './redacted';
import { decodeText, detectFormat, readTable } from './tables';
import { tiffPlan } from './tiff-plan';

// The records found for a 開示 (issue 17 §1): attached while the request is investigated or
// drafted, checked by content and size, stored encrypted in the database, shown as tables or
// pages. The audit log names the record by id, format and hash, never the file name.

const mimes: Partial<Record<RecordFormat, 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff'>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};
const notFound = () => new AppError(ErrorCode.NOT_FOUND, '記録が見つかりません。');

const toRecord = (r: DisclosureRecordRow): DisclosureRecord => ({
  id: r.id,
  kind: r.kind as DisclosureRecord['kind'],
  fileName: r.file_name,
  system: r.system,
  exportedOn: r.exported_on,
  format: r.format as RecordFormat,
  size: r.size,
  sha256: r.sha256,
  addedAt: r.added_at,
  marks: r.marks_json ? Marks.parse(JSON.parse(r.marks_json)) : [],
});

export class DisclosureRecordsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestQueries,
  ) {}

  async list(requestId: string): Promise<DisclosureRecord[]> {
    return (await listDisclosureRecords(this.vault.q(), requestId)).map(toRecord);
  }

  async add(requestId: string, meta: RecordMeta): Promise<DisclosureRecord | null> {
    const session = this.vault.session();
    if (!session) throw refusals.locked();
    const r = await this.requests.get(requestId);
    if (!r.items.some((i) => i.kind === meta.kind)) {
      throw refusals.badField(['kind'], 'この請求にはない種類の記録は添付できません。');
    }
    if (!canRecord('decision', r.status)) {
      throw new AppError(ErrorCode.CONFLICT, '記録は「調査中」または「決定起案」の段階で添付してください。');
    }
    if (meta.exportedOn > this.requests.today())
      throw refusals.badField(['exportedOn'], '出力日に未来の日付は指定できません。');
    if ((await countDisclosureRecords(this.vault.q(), requestId)) >= MAX_RECORDS_PER_REQUEST) {
      throw new AppError(ErrorCode.BAD_INPUT, `1件の請求に添付できる記録は${MAX_RECORDS_PER_REQUEST}件までです。`);
    }
    const path = await this.dialogs.openFile({
      title: '開示する記録の添付',
      filters: [
        {
          name: '表・文書・画像（CSV, XLSX, PDF, PNG, JPEG, TIFF, テキスト）',
          extensions: ['csv', 'tsv', 'xlsx', 'pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff', 'txt'],
        },
      ],
    });
    if (path === null) return null;
    const fileName = basename(path);
    // The name is shown on screens and kept with the record: the rule of every typed name applies
    // (no control, zero-width or bidi characters; U+202E can make 「…exe.pdf」 read as another file).
    const unsafe = unsafeCharacter(fileName, false);
    if (unsafe) {
      throw new AppError(
        ErrorCode.BAD_INPUT,
        `ファイル名に使用できない文字（制御文字・書式制御文字 ${unsafe}）が含まれています。ファイル名からその文字を削除してから添付してください。`,
      );
    }
    const content = await readChosenFile(path, MAX_RECORD_BYTES);
    const format = detectFormat(content, fileName);
    // A TIFF is taken only if it can be redacted: its pages and pixels counted from the IFD chain;
    // a PDF only within the page limit.
    if (format === 'tiff') tiffPlan(content, MAX_REDACTED_PAGES);
    if (format === 'pdf') await refuseLongPdf(content);
    const mime = mimes[format];
    if (mime) {
      const tooBig = imageProblem(content, mime);
      if (tooBig) throw new AppError(ErrorCode.BAD_INPUT, tooBig);
    }
    // A table must read as one, within the limits, before anything is stored.
    if (tableFormats.includes(format)) await readTable(content, format);
    const row: DisclosureRecordRow = {
      id: randomUUID(),
      request_id: requestId,
      kind: meta.kind,
      file_name: fileName,
      system: meta.system,
      exported_on: meta.exportedOn,
      format,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      added_by: session.accountId,
      added_at: this.clock().toISOString(),
    };
    await this.vault.write(
      'records.add',
      requestId,
      `record=${row.id} kind=${meta.kind} format=${format} size=${row.size} sha256=${row.sha256}`,
      async (db) => {
        // Checked again where it is stored: the file dialog and the table check take time, during
        // which the decision may have gone for approval.
        await this.stillDrafting(db, requestId, 'recordAdded', fileName);
        await insertDisclosureRecord(db, { ...row, content });
      },
    );
    return toRecord(row);
  }

  // A page of a table's rows (the header always).
  async table(id: string, offset: number, limit: number) {
    const db = this.vault.q();
    const row = await getDisclosureRecord(db, id);
    const content = await getDisclosureRecordContent(db, id);
    if (!row || !content) throw notFound();
    const format = row.format as RecordFormat;
    const t = await readTable(content, format);
    return { header: t.header, rows: t.rows.slice(offset, offset + limit), total: t.rows.length };
  }

  async content(id: string): Promise<{ mime: string; base64: string }> {
    const db = this.vault.q();
    const row = await getDisclosureRecord(db, id);
    const content = await getDisclosureRecordContent(db, id);
    if (!row || !content) throw notFound();
    const mime = mimes[row.format as RecordFormat];
    if (mime) return { mime, base64: content.toString('base64') };
    // Text and CSV as UTF-8, whatever they were stored in (Shift_JIS exports included).
    const text = decodeText(content) ?? '';
    return { mime: 'text/plain; charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') };
  }

  // The withholding marks of a record, replaced as a whole: columns, rows and cells of a table,
  // rectangles on the pages of a document. Marks outside the table or the pages are refused and
  // nothing is saved.
  async setMarks(id: string, marks: Mark[]): Promise<DisclosureRecord> {
    const db = this.vault.q();
    const row = await getDisclosureRecord(db, id);
    const content = await getDisclosureRecordContent(db, id);
    if (!row || !content) throw notFound();
    if (!canRecord('decision', (await this.requests.get(row.request_id)).status)) {
      throw new AppError(ErrorCode.CONFLICT, '開示しない部分は「調査中」または「決定起案」の段階で指定してください。');
    }
    const format = row.format as RecordFormat;
    let problems: string[];
    if (tableFormats.includes(format)) {
      const t = await readTable(content, format);
      problems = marksProblems(marks, t.header.length, t.rows.length);
    } else if (isDocument(format)) {
      problems = areaProblems(marks, await documentPageCount(content, format));
    } else {
      throw new AppError(ErrorCode.BAD_INPUT, 'テキストの記録には不開示の指定はできません。');
    }
    if (problems.length > 0) throw refusals.badField(['marks'], problems.join(''));
    await this.vault.write('records.marks', row.request_id, `record=${id} marks=${marks.length}`, async (w) => {
      await this.stillDrafting(w, row.request_id, 'recordMarks', `${row.file_name}（${marks.length}か所）`);
      await setDisclosureRecordMarks(w, id, JSON.stringify(marks));
    });
    const updated = await getDisclosureRecord(this.vault.q(), id);
    if (!updated) throw notFound();
    return toRecord(updated);
  }

  // A document as it will be disclosed: every page an image, the rectangles solid black.
  async redacted(id: string): Promise<{ base64: string; pages: number }> {
    const db = this.vault.q();
    const row = await getDisclosureRecord(db, id);
    const content = await getDisclosureRecordContent(db, id);
    if (!row || !content) throw notFound();
    const format = row.format as RecordFormat;
    if (!isDocument(format)) throw new AppError(ErrorCode.BAD_INPUT, '黒塗りの確認は文書・画像の記録でのみできます。');
    const pdf = await redactedDocument(this.vault, row);
    // Our own output (no object streams): each page is a plain /Type /Page dictionary.
    const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    let pages = 0;
    for (let at = bytes.indexOf('/Type /Page'); at >= 0; at = bytes.indexOf('/Type /Page', at + 1)) {
      if (bytes[at + 11] !== 0x73) pages += 1;
    }
    return { base64: await base64InSteps(bytes), pages };
  }

  async remove(id: string): Promise<Record<string, never>> {
    const db = this.vault.q();
    const row = await getDisclosureRecord(db, id);
    if (!row) throw notFound();
    if (!canRecord('decision', (await this.requests.get(row.request_id)).status)) {
      throw new AppError(ErrorCode.CONFLICT, '記録は「調査中」または「決定起案」の段階でのみ削除できます。');
    }
    await this.vault.write('records.remove', row.request_id, `record=${id} sha256=${row.sha256}`, async (w) => {
      await this.stillDrafting(w, row.request_id, 'recordRemoved', row.file_name);
      await deleteDisclosureRecord(w, id);
    });
    return {};
  }

  // Inside the write that changes a record or its marks: the request must still be being drafted
  // (an await before may have let it go for approval), and the change goes into its history, so
  // that whoever made it counts as a drafter and may not approve it.
  private async stillDrafting(db: Q, requestId: string, action: RecordKind, comment: string): Promise<void> {
    const status = await getRequestStatus(db, requestId);
    if (status === null || !canRecord('decision', status)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        '決裁に回されたため、記録と開示しない部分は変更できません（何も保存していません）。変更するには差し戻しを受けてください。',
      );
    }
    await insertEvent(db, {
      requestId,
      at: this.clock().toISOString(),
      day: this.requests.today(),
      accountId: this.vault.session()?.accountId ?? '',
      action,
      from: status,
      to: status,
      comment,
      closedOn: null,
    });
  }
}
