import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';

// What an XLSX (a ZIP) holds, read from its central directory before anything is inflated
// (issue 30 §5): a 409 KB file whose sharedStrings.xml expands to 400 MB took 18 s and 1.46 GB
// to parse, on main. The sizes read here are what the file declares; the worker that parses it
// checks that every part inflates to no more than that, and gives ExcelJS a ZIP it writes itself
// of those parts alone (xlsx-table.ts). The reading is strict where JSZip is lenient: JSZip takes
// bytes between the directory and the end record as data prepended to the file and reads another
// directory there (a decoy directory passed this check while ExcelJS inflated a 1 GB part of the
// other), so the directory must end where the end record starts, and every part must lie before
// it, apart from the others, under a name of its own.

// The largest table we take (100,000 rows) of 20 columns writes a 73 MB sheet and 36 MB of shared
// strings, which ExcelJS parses in about 5 s into 840 MB of heap; these limits leave room for
// wider tables within the worker's heap (xlsx-table.ts).
export const MAX_XLSX_PART_BYTES = 128 * 1024 * 1024;
export const MAX_XLSX_TOTAL_BYTES = 192 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 1_000;

export type ZipPart = {
  name: string;
  method: number;
  // Where the local header of the part starts, where its data starts, and its sizes and CRC as
  // the directory declares them.
  offset: number;
  dataAt: number;
  compressedSize: number;
  size: number;
  crc: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

const unreadable = () =>
  new AppError(
    ErrorCode.BAD_INPUT,
    'Excel ファイルを読み取れません。破損していないか、パスワードが掛かっていないかご確認ください。',
  );
const mb = (n: number) => `${Math.ceil(n / 1024 / 1024).toLocaleString('ja-JP')}MB`;
export const tooLarge = (detail: string) =>
  new AppError(
    ErrorCode.BAD_INPUT,
    `この Excel ファイルは展開すると大きすぎるため読み込めません（${detail}）。期間や項目を絞って出力し直すか、CSV で出力してください。`,
  );

// The parts of a ZIP, or a clear refusal: not a ZIP, encrypted, ZIP64 (no workbook we take is
// that large), too many parts, a part or all parts together over the limits.
export function zipParts(b: Buffer): ZipPart[] {
  // The end record is within the last 22 + 65,535 bytes (its comment); the last one counts.
  let end = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable();
  // A ZIP64 end record, which readers prefer to this one.
  if (end >= 20 && b.readUInt32LE(end - 20) === ZIP64_LOCATOR) throw unreadable();
  const count = b.readUInt16LE(end + 10);
  const dirSize = b.readUInt32LE(end + 12);
  const dirAt = b.readUInt32LE(end + 16);
  if (count === 0xffff || dirAt === 0xffffffff || dirSize === 0xffffffff) throw unreadable();
  if (count > MAX_XLSX_ENTRIES) {
    throw tooLarge(`${count.toLocaleString('ja-JP')}個のパーツ。${MAX_XLSX_ENTRIES.toLocaleString('ja-JP')}個まで`);
  }
  // Nothing between the directory and the end record (JSZip would read it as another directory).
  if (dirAt + dirSize !== end || b.readUInt16LE(end + 8) !== count) throw unreadable();
  const parts: ZipPart[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = dirAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || b.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const flags = b.readUInt16LE(at + 8);
    const method = b.readUInt16LE(at + 10);
    const crc = b.readUInt32LE(at + 16);
    const compressedSize = b.readUInt32LE(at + 20);
    const size = b.readUInt32LE(at + 24);
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const offset = b.readUInt32LE(at + 42);
    // Encrypted (bit 0), or sizes only in a ZIP64 record.
    if (flags & 1 || size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      throw unreadable();
    }
    if (method !== 0 && method !== 8) throw unreadable();
    if (at + 46 + nameLength > end) throw unreadable();
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    // One part per name (ExcelJS drops a leading slash).
    const key = name.replace(/^\//, '');
    if (names.has(key)) throw unreadable();
    names.add(key);
    // The local header and the data after it, before the directory.
    if (offset + 30 > dirAt || b.readUInt32LE(offset) !== LOCAL) throw unreadable();
    const dataAt = offset + 30 + b.readUInt16LE(offset + 26) + b.readUInt16LE(offset + 28);
    if (dataAt + compressedSize > dirAt) throw unreadable();
    if (size > MAX_XLSX_PART_BYTES) throw tooLarge(`1つのパーツが${mb(size)}。1パーツ${mb(MAX_XLSX_PART_BYTES)}まで`);
    total += size;
    if (total > MAX_XLSX_TOTAL_BYTES) throw tooLarge(`合計${mb(total)}以上。合計${mb(MAX_XLSX_TOTAL_BYTES)}まで`);
    parts.push({ name, method, offset, dataAt, compressedSize, size, crc });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (at !== end) throw unreadable();
  // No two parts share bytes.
  const byOffset = [...parts].sort((x, y) => x.offset - y.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1] as ZipPart;
    if (before.dataAt + before.compressedSize > (byOffset[i] as ZipPart).offset) throw unreadable();
  }
  return parts;
}
