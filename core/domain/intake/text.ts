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
