import { join } from 'node:path';
import { FALLBACK_FONT, loadFont } from './fonts';
import { unprintable } from './runs';

export const LETTER_FONT = 'ipaexm.ttf';

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
    const main = await loadFont(this.fontPath);
    const lacking = unprintable(text, [main.font]);
    if (lacking.length === 0 || !this.fallbackPath) return lacking;
    const fallback = await loadFont(this.fallbackPath);
    return unprintable(lacking.join(''), [fallback.font]);
  }
}
