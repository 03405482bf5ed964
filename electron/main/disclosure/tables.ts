import { parse, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { ErrorCode } from '../../../core/contract';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type RecordFormat } from '../../../core/domain/disclosure/records';
import { AppError } from '../errors';
import { sniffMime } from '../files/sniff';
import { readXlsxRows } from './xlsx-table';

// What a record file is, from its content, and a table's cells: CSV (UTF-8 with or without BOM,
// or Shift_JIS as Excel writes it) and XLSX (the first sheet, on a worker thread) read into
// header and rows, with clear limits. A file that is not what its name says is refused.

export type Table = { header: string[]; rows: string[][] };

const bad = (message: string) => new AppError(ErrorCode.BAD_INPUT, message);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const mimeFormat: Record<string, RecordFormat> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/tiff': 'tiff',
};

// Text decoded once per file: the format check and the table read both need it, and decoding a
// 29 MB Shift_JIS file twice held main for 442 ms.
const decoded = new WeakMap<Buffer, string | null>();

// Text as UTF-8 if it decodes, else Shift_JIS; null for binary content.
export function decodeText(content: Buffer): string | null {
  const known = decoded.get(content);
  if (known !== undefined) return known;
  const text = decode(content);
  decoded.set(content, text);
  return text;
}

function decode(content: Buffer): string | null {
  if (content.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    const s = iconv.decode(content, 'Shift_JIS');
    return s.includes('\uFFFD') ? null : s;
  }
}

// What each file name ending says a file is.
const named: Record<string, RecordFormat> = {
  csv: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
  txt: 'text',
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  tif: 'tiff',
  tiff: 'tiff',
};

// The format of a record from its bytes. A file whose name says something else (a CSV named
// .xlsx, an image named .pdf) is refused: what was exported is not what staff think it is.
export function detectFormat(content: Buffer, fileName: string): RecordFormat {
  const ending = fileName.toLowerCase().split('.').at(-1) ?? '';
  const claimed = named[ending];
  const mime = sniffMime(content.subarray(0, 16));
  let actual: RecordFormat;
  if (mime) actual = mimeFormat[mime] ?? 'pdf';
  else if (ZIP.every((b, i) => content[i] === b)) actual = 'xlsx';
  else if (decodeText(content) !== null) actual = claimed === 'csv' ? 'csv' : 'text';
  else throw bad('このファイルは CSV・Excel・PDF・画像・テキストのいずれでもありません（内容で判定しています）。');
  if (claimed && claimed !== actual) {
    throw bad(
      `このファイルは名前（.${ending}）と内容が一致しません（内容は${formatNames[actual]}です）。出力し直したファイルを選択してください。`,
    );
  }
  return actual;
}

const formatNames: Record<RecordFormat, string> = {
  csv: 'CSV',
  xlsx: 'Excel または圧縮ファイル',
  text: 'テキスト',
  pdf: 'PDF',
  png: 'PNG 画像',
  jpeg: 'JPEG 画像',
  tiff: 'TIFF 画像',
};

function limited(header: string[], rows: string[][]): Table {
  if (rows.length > MAX_TABLE_ROWS) {
    throw bad(
      `表の行数が多すぎます。1ファイル${MAX_TABLE_ROWS.toLocaleString('ja-JP')}行までです。期間や項目を絞って出力し直すか、ファイルを分けてください。`,
    );
  }
  if (header.length > MAX_TABLE_COLUMNS) {
    throw bad(`表の列数（${header.length}列）が多すぎます。${MAX_TABLE_COLUMNS}列までです。`);
  }
  if (header.length === 0) throw bad('表に列がありません。1行目に見出しのある表を出力してください。');
  return { header, rows };
}

// Text fed to the parser per turn of the event loop: a 10,000-row export is parsed in steps of a
// few milliseconds, so main keeps answering.
const PARSE_STEP = 64 * 1024;
// A record the parser holds whole before handing it over: one line of 29 million commas took
// 14 s and 600 MB before the column limit refused it. Delimiters are counted per line as the text
// is fed (quoted ones too: no real cell holds thousands), and a record's text is capped (Excel's
// cells hold at most 32,767 characters).
const MAX_LINE_DELIMITERS = 20_000;
const MAX_RECORD_CHARS = 4 * 1024 * 1024;
const tooWide = () =>
  bad(`表の列数（${MAX_LINE_DELIMITERS.toLocaleString('ja-JP')}列以上）が多すぎます。${MAX_TABLE_COLUMNS}列までです。`);

async function csvTable(content: Buffer): Promise<Table> {
  const text = decodeText(content);
  if (text === null) throw bad('CSV の文字コードを読み取れません。UTF-8 または Shift_JIS で出力してください。');
  let records: string[][];
  const newline = text.indexOf('\n');
  const delimiter = text.slice(0, newline < 0 ? text.length : newline).includes('\t') ? '\t' : ',';
  try {
    records = await parseInSteps(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      delimiter,
      to_line: MAX_TABLE_ROWS + 2,
      max_record_size: MAX_RECORD_CHARS,
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw bad('CSV の形式が正しくありません（引用符の閉じ忘れ等）。出力し直したファイルを選択してください。');
  }
  // Parsing stops one row past the limit: enough to refuse, without reading a million rows.
  const [header = [], ...rows] = records;
  return limited(header, rows);
}

// csv-parse's stream parser, fed a slice at a time.
async function parseInSteps(text: string, options: Options): Promise<string[][]> {
  const parser = parse(options);
  const records: string[][] = [];
  // Set by the parser's events (between the writes below).
  const state: { failure: Error | null; ended: boolean } = { failure: null, ended: false };
  parser.on('data', (r: string[]) => records.push(r));
  const done = new Promise<void>((resolve) => {
    parser.on('end', () => {
      state.ended = true;
      resolve();
    });
    parser.on('close', resolve);
    parser.on('error', (err) => {
      state.failure = err;
      resolve();
    });
  });
  const delimiter = options.delimiter === '\t' ? 9 : 44;
  let inLine = 0;
  for (let i = 0; i < text.length && !state.failure && !state.ended; i += PARSE_STEP) {
    const end = Math.min(text.length, i + PARSE_STEP);
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) inLine = 0;
      else if (c === delimiter && ++inLine > MAX_LINE_DELIMITERS) {
        parser.destroy();
        throw tooWide();
      }
    }
    parser.write(text.slice(i, end));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!state.failure && !state.ended) parser.end();
  await done;
  if (state.failure) throw state.failure;
  return records;
}

// Parsed on a worker after the ZIP directory was checked (xlsx-table.ts).
async function xlsxTable(content: Buffer): Promise<Table> {
  const sheet = await readXlsxRows(content, { maxRows: MAX_TABLE_ROWS, maxColumns: MAX_TABLE_COLUMNS });
  if ('tooManyRows' in sheet) return limited(['-'], new Array<string[]>(MAX_TABLE_ROWS + 1));
  return limited(sheet.header, sheet.rows);
}

export async function readTable(content: Buffer, format: RecordFormat): Promise<Table> {
  if (format === 'csv') return csvTable(content);
  if (format === 'xlsx') return xlsxTable(content);
  throw bad('この記録は表ではありません。');
}
