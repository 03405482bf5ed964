import iconv from 'iconv-lite';
import { ErrorCode } from '../../../core/contract';
import type { Cell } from '../../../core/domain/table';
import { AppError } from '../errors';

// Shift_JIS as Windows writes it (CP932, what Excel reads a CSV as on a Japanese PC) has its own
// code points for a few JIS X 0208 and Latin-1 characters: 〜 is written as ～, − as －, and so on
// (the well-known pairs; the left column is what Unicode's JIS mapping and macOS produce, and
// what our own text uses, 「当期（2026年1月〜2026年12月）」). They are written as the character
// CP932 has, which looks the same.
export const cp932Forms: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  '\u2212': '\uFF0D', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u00A6': '\uFFE4', // ¦ → ￤
  // CP932's 0x5C and 0x7E read back as \ and ~: the full-width forms keep the meaning.
  '\u00A5': '\uFFE5', // ¥ → ￥
  '\u203E': '\uFFE3', // ‾ OVERLINE → ￣
};
const CP932_DIFFERENT = new RegExp(`[${Object.keys(cp932Forms).join('')}]`, 'gu');
export const toCp932Forms = (text: string): string => text.replace(CP932_DIFFERENT, (c) => cp932Forms[c] ?? c);

// UTF-8 with a BOM (Excel then reads it as UTF-8), or Shift_JIS for older tools. A character
// Shift_JIS cannot hold even in its CP932 form (𠮷, 🍣, …) is never turned into 「?」: the
// export is refused, naming the cells (the header's included), and UTF-8 is offered instead.
export function encodeCsv(
  csv: string,
  shiftJis: boolean,
  table?: { header: readonly string[]; rows: readonly (readonly Cell[])[] },
): Buffer {
  if (!shiftJis) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  const text = toCp932Forms(csv);
  const bad = unencodable(text);
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
  return iconv.encode(text, 'Shift_JIS');
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
  const has = (text: string) => Array.from(text).some((ch) => bad.has(ch));
  const out = table.header.filter(has).map((h) => `1行目（見出し）「${h}」`);
  table.rows.forEach((row, r) => {
    row.forEach((c, i) => {
      if (typeof c === 'string' && has(c)) out.push(`${r + 2}行目「${table.header[i] ?? ''}」`);
    });
  });
  return out;
}
