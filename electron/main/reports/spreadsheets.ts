import iconv from 'iconv-lite';
import { ErrorCode } from '../../../core/contract';
import type { Cell } from '../../../core/domain/table';
import { AppError } from '../errors';

// UTF-8 with a BOM (Excel then reads it as UTF-8), or Shift_JIS for older tools. A character
// Shift_JIS cannot hold (𠮷, U+2212 −, …) is never turned into 「?」: the export is refused,
// naming the cells, and UTF-8 is offered instead.
export function encodeCsv(
  csv: string,
  shiftJis: boolean,
  table?: { header: readonly string[]; rows: readonly (readonly Cell[])[] },
): Buffer {
  if (!shiftJis) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  const bad = unencodable(csv);
  if (bad.size > 0) {
    const where = table ? cellsWith(table, bad) : [];
    const chars = [...bad].map((c) => `「${c}」`).join('');
    throw new AppError(
      ErrorCode.BAD_INPUT,
      `Shift_JIS では表せない文字${chars}が含まれているため、保存できませんでした${
        where.length
          ? `（${where.slice(0, 5).join('、')}${where.length > 5 ? ` ほか${where.length - 5}か所` : ''}）`
          : ''
      }。「CSV（UTF-8）」または「Excel」で保存してください。`,
    );
  }
  return iconv.encode(csv, 'Shift_JIS');
}

const roundTrips = new Map<string, boolean>();
function unencodable(text: string): Set<string> {
  const bad = new Set<string>();
  for (const ch of new Set(text)) {
    let ok = roundTrips.get(ch);
    if (ok === undefined) {
      ok = iconv.decode(iconv.encode(ch, 'Shift_JIS'), 'Shift_JIS') === ch;
      roundTrips.set(ch, ok);
    }
    if (!ok) bad.add(ch);
  }
  return bad;
}

function cellsWith(
  table: { header: readonly string[]; rows: readonly (readonly Cell[])[] },
  bad: Set<string>,
): string[] {
  const out: string[] = [];
  table.rows.forEach((row, r) => {
    row.forEach((c, i) => {
      if (typeof c === 'string' && Array.from(c).some((ch) => bad.has(ch)))
        out.push(`${r + 2}行目「${table.header[i] ?? ''}」`);
    });
  });
  return out;
}
