import { Worker } from 'node:worker_threads';
import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';
import { unpacked } from './redact-worker';
import { tooLarge, zipParts } from './zip-directory';

// An XLSX record's first sheet, read off main's thread (issue 30 §5): main reads the ZIP's
// central directory and refuses a workbook whose parts are too many or too large before anything
// is inflated; a worker thread then checks that every part inflates to no more than the directory
// said (a file can lie there), and only then parses a ZIP of those parts alone (written afresh)
// with ExcelJS, sending the rows
// back in batches so that main never holds the thread for long taking them in. Like the redaction
// worker, it is a short CommonJS script given as source that loads ExcelJS from the path main
// resolved, the same in the built app, the test harness and vitest; its heap is capped, and a
// worker that runs out of it is a refusal, not a crash of the app.

export type SheetRows = { header: string[]; rows: string[][] } | { tooManyRows: true };

const SOURCE = String.raw`
const { parentPort, workerData: job } = require('node:worker_threads');
const { inflateRawSync } = require('node:zlib');

const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.length);

// Every part inflates to exactly the size the directory declares, never more; pictures (xl/media/,
// not needed for a table) are not inflated at all.
const isMedia = (p) => /^\/?xl\/media\//.test(p.name);
function checkSizes() {
  for (const p of job.parts) {
    if (isMedia(p)) continue;
    const data = content.subarray(p.dataAt, p.dataAt + p.compressedSize);
    let size;
    try {
      size = p.method === 0 ? data.length : inflateRawSync(data, { maxOutputLength: Math.max(1, p.size) }).length;
    } catch {
      return false;
    }
    if (size !== p.size) return false;
  }
  return true;
}

// The ZIP ExcelJS is given: written here, of the checked parts alone (pictures left empty), one
// directory, no extra fields, so that JSZip cannot read anything main did not.
function rebuilt() {
  const out = [];
  const directory = [];
  let offset = 0;
  for (const p of job.parts) {
    const name = Buffer.from(p.name, 'utf8');
    const media = isMedia(p);
    const data = media ? Buffer.alloc(0) : content.subarray(p.dataAt, p.dataAt + p.compressedSize);
    const method = media ? 0 : p.method;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(media ? 0 : p.crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(media ? 0 : p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    local.copy(central, 10, 8, 30);
    central.writeUInt32LE(offset, 42);
    out.push(local, name, data);
    directory.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(job.parts.length, 8);
  end.writeUInt16LE(job.parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dir, end]);
}

// A cell as the record shows it. ExcelJS gives a date cell (or a formula's date result) as a
// JavaScript Date, whose text would be "Thu Oct 01 2026 09:00:00 GMT+0900": it is written the
// Japanese way, 2026/10/01, with its time when it has one (to the second, as Excel's serial
// numbers round), and a time alone (Excel's day 0) as 14:05.
const pad = (n) => String(n).padStart(2, '0');
function dateText(value) {
  const d = new Date(Math.round(value.getTime() / 1000) * 1000);
  const [h, m, s] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  const time = pad(h) + ':' + pad(m) + (s ? ':' + pad(s) : '');
  if (d.getTime() < Date.UTC(1900, 0, 1)) return time;
  const day = d.getUTCFullYear() + '/' + pad(d.getUTCMonth() + 1) + '/' + pad(d.getUTCDate());
  return h || m || s ? day + ' ' + time : day;
}
function textOf(cell) {
  const v = cell.value;
  const shown = v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
  return shown instanceof Date && !Number.isNaN(shown.getTime()) ? dateText(shown) : cell.text;
}

async function run() {
  if (!checkSizes()) return parentPort.postMessage({ type: 'error', reason: 'sizes' });
  const Excel = require(job.paths.exceljs);
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(rebuilt());
  } catch {
    return parentPort.postMessage({ type: 'error', reason: 'unreadable' });
  }
  const sheet = book.worksheets[0];
  if (!sheet) return parentPort.postMessage({ type: 'error', reason: 'noSheet' });
  if (sheet.rowCount > job.maxRows + 1) return parentPort.postMessage({ type: 'tooManyRows' });
  const width = Math.min(sheet.columnCount, job.maxColumns + 1);
  let batch = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = [];
    for (let c = 1; c <= width; c++) cells.push(textOf(row.getCell(c)));
    batch.push(cells);
    if (batch.length >= job.batch) {
      parentPort.postMessage({ type: 'rows', rows: batch });
      batch = [];
    }
  });
  parentPort.postMessage({ type: 'rows', rows: batch });
  parentPort.postMessage({ type: 'done' });
}

run().catch(() => parentPort.postMessage({ type: 'error', reason: 'unreadable' }));
`;

// Rows per message: a few milliseconds of main's time to take in each.
const BATCH = 2_000;
// ExcelJS holds a parsed sheet at about 8 times its XML (840 MB for 109 MB): what the directory
// lets through fits, and a workbook that does not is refused rather than the app's memory spent.
const HEAP_MB = 2_048;

const unreadable = () =>
  new AppError(
    ErrorCode.BAD_INPUT,
    'Excel ファイルを読み取れません。破損していないか、パスワードが掛かっていないかご確認ください。',
  );

type Message =
  | { type: 'rows'; rows: string[][] }
  | { type: 'done' }
  | { type: 'tooManyRows' }
  | { type: 'error'; reason: 'sizes' | 'unreadable' | 'noSheet' };

// The first sheet's rows (header first), or that it has more rows than maxRows; refusals in Japanese.
export async function readXlsxRows(
  content: Buffer,
  limits: { maxRows: number; maxColumns: number },
): Promise<SheetRows> {
  const parts = zipParts(content);
  // The worker's own copy, handed over (not cloned).
  const copy = new Uint8Array(content.length);
  copy.set(content);
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: {
      content: copy,
      parts,
      paths: { exceljs: unpacked(require.resolve('exceljs')) },
      batch: BATCH,
      ...limits,
    },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  const all: string[][] = [];
  try {
    return await new Promise<SheetRows>((resolve, reject) => {
      worker.on('message', (m: Message) => {
        if (m.type === 'rows') {
          for (const row of m.rows) all.push(row);
          return;
        }
        if (m.type === 'done') {
          const [header = [], ...rows] = all;
          resolve({ header, rows });
        } else if (m.type === 'tooManyRows') resolve({ tooManyRows: true });
        else if (m.reason === 'noSheet')
          reject(new AppError(ErrorCode.BAD_INPUT, 'Excel ファイルにシートがありません。'));
        else reject(unreadable());
      });
      worker.on('error', (err: Error & { code?: string }) => {
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge('読み込みに必要なメモリーが上限を超えました')
            : unreadable(),
        );
      });
      worker.on('exit', () => reject(unreadable()));
    });
  } finally {
    await worker.terminate();
  }
}
