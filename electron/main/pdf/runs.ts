import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';

// Text in the letter fonts with a fallback: a character IPAex lacks is drawn in the fallback
// font (IPAmj明朝) as a run of its own, measured with that font's widths. pdf-lib draws a
// character its font lacks as an empty box without a word, so one neither font has stops the
// document instead, naming the character.

type Covering = { hasGlyphForCodePoint(cp: number): boolean };

// Spaces, controls, format characters and variation selectors: no glyph of their own to lose.
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const SELECTOR = /^[\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]$/u;
const invisible = (ch: string): boolean => INVISIBLE.test(ch);

// pdf-lib's PDFFont keeps its embedder, which keeps the fontkit font it was given.
export function fontkitOf(font: PDFFont): (Covering & object) | null {
  return (font as unknown as { embedder?: { font?: Covering & object } }).embedder?.font ?? null;
}

// Whether each character is the font's own, per parsed font (shared by every document): fontkit
// answers from its cmap table each time.
const coverage = new WeakMap<object, (ch: string) => boolean>();
function coverageOfFont(key: Covering & object): (ch: string) => boolean {
  let known = coverage.get(key);
  if (!known) {
    const map = new Map<string, boolean>();
    known = (ch) => {
      let has = map.get(ch);
      if (has === undefined) {
        has = key.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
        map.set(ch, has);
      }
      return has;
    };
    coverage.set(key, known);
  }
  return known;
}
function coverageOf(font: PDFFont): ((ch: string) => boolean) | null {
  const key = fontkitOf(font);
  return key ? coverageOfFont(key) : null;
}
export function covers(font: PDFFont, ch: string): boolean {
  return coverageOf(font)?.(ch) ?? true;
}

// The fallback of each font of a document (set when the document has a character that needs it).
const fallbacks = new WeakMap<PDFFont, PDFFont>();
export function attachFallback(font: PDFFont, fallback: PDFFont): void {
  fallbacks.set(font, fallback);
}

// The characters of a text that none of the fonts draws.
export function unprintable(text: string, fonts: readonly (Covering & object)[]): string[] {
  const has = fonts.map(coverageOfFont);
  const out = new Set<string>();
  for (const ch of text) if (!has.some((h) => h(ch)) && !invisible(ch)) out.add(ch);
  return [...out];
}

// Whether any character of the texts is missing from one of the fonts (so the fallback is needed).
export function needsFallback(texts: Iterable<string>, fonts: readonly (Covering & object)[]): boolean {
  const has = fonts.map(coverageOfFont);
  for (const text of texts) {
    for (const ch of text) {
      if (has.every((h) => h(ch)) || invisible(ch)) continue;
      return true;
    }
  }
  return false;
}

type Run = { font: PDFFont; text: string };

// The text cut into runs of one font each. A space the font lacks is drawn as a plain space, an
// invisible character it lacks not at all; a variation selector stays with its character.
export function runsOf(font: PDFFont, text: string): Run[] {
  const own = coverageOf(font);
  // Most text is the font's own: one run, found without building any.
  let all = true;
  if (own) {
    for (const ch of text) {
      if (!own(ch)) {
        all = false;
        break;
      }
    }
  }
  if (all) return [{ font, text }];
  const runs: Run[] = [];
  const fallback = fallbacks.get(font);
  for (const ch of text) {
    let f: PDFFont = font;
    let drawn = ch;
    const current = runs.at(-1);
    if (SELECTOR.test(ch)) {
      if (current) current.text += ch;
      continue;
    }
    if (own && !own(ch)) {
      if (fallback && covers(fallback, ch)) f = fallback;
      else if (/^\s$/u.test(ch)) drawn = ' ';
      else if (invisible(ch)) continue;
      else throw unprintableError(ch);
    }
    if (current?.font === f) current.text += drawn;
    else runs.push({ font: f, text: drawn });
  }
  return runs;
}

function unprintableError(ch: string): AppError {
  return new AppError(
    ErrorCode.BAD_INPUT,
    `書類に、同梱の書体（IPAex明朝・IPAmj明朝）のどれにもない文字「${ch}」（U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}）があります。このままでは空白の四角で印字されるため、作成できません。該当する文字を別の表記に直してください。`,
  );
}

// The width at size 1 of a character the font lacks: the fallback's, a space's, or none.
export function uncoveredWidth(font: PDFFont, ch: string): number {
  const fallback = fallbacks.get(font);
  if (SELECTOR.test(ch)) return 0;
  if (fallback && covers(fallback, ch)) return fallback.widthOfTextAtSize(ch, 1);
  if (/^\s$/u.test(ch)) return font.widthOfTextAtSize(' ', 1);
  if (invisible(ch)) return 0;
  return font.widthOfTextAtSize(ch, 1);
}

// Draws a line of text run by run, each in its font, from x.
export function drawString(
  page: PDFPage,
  text: string,
  o: { x: number; y: number; size: number; font: PDFFont; color?: Color },
  // Widths at size 1.
  measure: (font: PDFFont, s: string) => number,
): void {
  const runs = runsOf(o.font, text);
  if (runs.length === 1 && runs[0]?.font === o.font && runs[0].text === text) {
    page.drawText(text, o);
    return;
  }
  let x = o.x;
  for (const run of runs) {
    page.drawText(run.text, { ...o, x, font: run.font });
    x += measure(run.font, run.text) * o.size;
  }
}
