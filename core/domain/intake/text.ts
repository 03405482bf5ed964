// Normalisation for search and duplicate detection. Stored values keep what staff typed.

// Half-width kana, full-width letters → NFKC; hiragana → katakana; spaces and middle dots removed.
export function kanaKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s・･]/g, '')
    .toUpperCase();
}

export function nameKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s・･]/g, '');
}

export function phoneKey(s: string): string {
  return s.normalize('NFKC').replace(/\D/g, '');
}

// Kana as staff may type it: katakana or hiragana, long vowel mark, spaces.
export function isKana(s: string): boolean {
  return /^[\u3041-\u3096\u30A1-\u30FA\u30FC\u30FD\u30FE\u309D\u309E\uFF66-\uFF9F\s・･ー]+$/.test(s.normalize('NFC'));
}

// Characters that hide or reorder text, or reach a printed letter as an escape sequence: C0 and
// C1 controls, DEL, zero-width characters, bidi marks, embeddings, overrides and isolates, the
// word joiner and the BOM. Tab and line breaks are allowed where a field takes several lines.
const UNSAFE_RANGES: readonly [number, number][] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];
const BREAKS = [0x09, 0x0a, 0x0d];

// The first character a field must not hold, as 「U+001B」, or null.
export function unsafeCharacter(s: string, multiline: boolean): string | null {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (UNSAFE_RANGES.some(([from, to]) => c >= from && c <= to) || (!multiline && BREAKS.includes(c))) {
      return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return null;
}

export const unsafeMessage = (label: string, code: string) =>
  `${label}に入力できない文字（制御文字・書式制御文字 ${code}）が含まれています。その文字を削除してから入力してください。`;

// For zod's superRefine: the field refuses what unsafeCharacter finds.
export const noUnsafe =
  (label: string, multiline = false) =>
  (s: string, ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void }) => {
    const bad = unsafeCharacter(s, multiline);
    if (bad) ctx.addIssue({ code: 'custom', message: unsafeMessage(label, bad) });
  };

// What staff typed in a search box: (part of) a 受付番号 when it has a digit (フリガナ never
// does), otherwise the start of a フリガナ (when it is kana) or of a name, as the search keys
// store them. Empty text searches nothing.
export function searchTerms(query: string): { receiptNo: string | null; kana: string | null; name: string | null } {
  const q = query.normalize('NFKC').trim();
  if (!q) return { receiptNo: null, kana: null, name: null };
  if (/\d/.test(q)) return { receiptNo: q, kana: null, name: null };
  return { receiptNo: null, kana: isKana(q) ? kanaKey(q) : null, name: nameKey(q) };
}
