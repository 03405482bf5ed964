import { z } from 'zod';
import { IsoDateSchema } from '../intake/request';
import { noUnsafe } from '../intake/text';

// The records found for a 開示 (issue 17 §1): files staff export from the company's systems — a
// CSV or Excel table, a PDF, a scanned image, a text note — attached to the 開示 or 第三者提供記録の
// 開示 item with the system they came from and when they were exported. The format is decided
// from the content, never from the file name alone.

export const recordFormats = ['csv', 'xlsx', 'text', 'pdf', 'png', 'jpeg', 'tiff'] as const;
export type RecordFormat = (typeof recordFormats)[number];
export const recordFormatLabels: Record<RecordFormat, string> = {
  csv: 'CSV（表）',
  xlsx: 'Excel（表）',
  text: 'テキスト',
  pdf: 'PDF',
  png: '画像（PNG）',
  jpeg: '画像（JPEG）',
  tiff: '画像（TIFF）',
};
export const tableFormats: readonly RecordFormat[] = ['csv', 'xlsx'];

export const recordKinds = ['disclosure', 'thirdPartyRecords'] as const;

// Limits: a table the screen can page through and a 別紙 can print; a clear refusal beyond.
export const MAX_RECORD_BYTES = 30 * 1024 * 1024;
export const MAX_TABLE_ROWS = 100_000;
export const MAX_TABLE_COLUMNS = 200;
export const MAX_RECORDS_PER_REQUEST = 50;

export const RecordMeta = z
  .object({
    kind: z.enum(recordKinds, '対象の請求を選択してください。'),
    system: z
      .string()
      .trim()
      .min(1, '出力元のシステム・台帳を入力してください。')
      .max(200, '出力元のシステム・台帳は200文字以内で入力してください。')
      .superRefine(noUnsafe('出力元のシステム・台帳')),
    exportedOn: IsoDateSchema,
  })
  .strict();
export type RecordMeta = z.infer<typeof RecordMeta>;
