import { join } from 'node:path';
import iconv from 'iconv-lite';
import { FALLBACK_FONT, loadFont } from './fonts';
import { unprintable } from './runs';

export const LETTER_FONT = 'ipaexm.ttf';

// IPAex明朝 draws every character Shift_JIS (CP932) can write but ∑ and the user-defined area
// (checked by glyphs.test.ts). A text of such characters alone — nearly every name and address —
// is answered without reading the 7.5 MB font: each intake is checked, and most never need it.
const plainCp932 = (text: string) =>
  !/[\u2211\ue000-\uf8ff]/.test(text) && iconv.decode(iconv.encode(text, 'cp932'), 'cp932') === text;

// Which characters of a text no bundled font can draw: neither the letter font (IPAex明朝) nor
// its fallback (IPAmj明朝, read only for a character IPAex lacks). pdf-lib would silently draw
// an empty box for them, so names and addresses are checked as they are entered and again
// before a letter is finalized. The fonts are parsed once per process, on first use.
export class FontCoverage {
  constructor(
    private readonly fontPath: string,
    private readonly fallbackPath: string | null = null,
  ) {}

  static inResources(resourcesDir: string): FontCoverage {
    return new FontCoverage(join(resourcesDir, 'fonts', LETTER_FONT), join(resourcesDir, 'fonts', FALLBACK_FONT));
  }

  async missing(text: string): Promise<string[]> {
    if (plainCp932(text)) return [];
    const main = await loadFont(this.fontPath);
    const lacking = unprintable(text, [main.font]);
    if (lacking.length === 0 || !this.fallbackPath) return lacking;
    const fallback = await loadFont(this.fallbackPath);
    return unprintable(lacking.join(''), [fallback.font]);
  }
}
