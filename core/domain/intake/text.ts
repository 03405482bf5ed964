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

// Characters that hide or reorder text, or reach a printed letter as an escape sequence: every
// control (Cc: C0, C1, DEL) and format character (Cf: zero-width characters, bidi marks,
// embeddings, overrides and isolates, the Arabic letter mark, soft hyphen, the deprecated format
// characters U+206A–206F, interlinear annotation, tags, the BOM), the line and paragraph
// separators (Zl, Zp), unpaired surrogates, the tag block as a whole, and the Hangul fillers,
// which show as nothing. By Unicode category, so that a character left off a list is not a hole.
// Tab and line breaks are allowed where a field takes several lines.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u{E0000}-\u{E007F}\u115F\u1160\u3164\uFFA0]/u;
const BREAKS = /[\t\n\r]/;

// The first character a field must not hold, as 「U+001B」, or null.
export function unsafeCharacter(s: string, multiline: boolean): string | null {
  for (const ch of s) {
    if (UNSAFE.test(ch) && !(multiline && BREAKS.test(ch))) {
      const c = ch.codePointAt(0) ?? 0;
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
