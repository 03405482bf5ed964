import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFont } from './fontkit';

export const LETTER_FONT = 'ipaexm.ttf';

type Font = { hasGlyphForCodePoint: (cp: number) => boolean };

// Which characters of a text the letter font cannot draw. pdf-lib would silently draw an empty
// box for them, so names and addresses are checked as they are entered and again before a letter
// is finalized. The font is parsed once per process, on first use (not at start-up).
export class FontCoverage {
  private font: Promise<Font> | null = null;

  constructor(private readonly fontPath: string) {}

  static inResources(resourcesDir: string): FontCoverage {
    return new FontCoverage(join(resourcesDir, 'fonts', LETTER_FONT));
  }

  private load(): Promise<Font> {
    this.font ??= readFile(this.fontPath).then((bytes) => parseFont(bytes) as unknown as Font);
    return this.font;
  }

  async missing(text: string): Promise<string[]> {
    const font = await this.load();
    const out = new Set<string>();
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0) ?? 0;
      // Spaces, controls and variation selectors are not drawn as glyphs of their own.
      if (/\s/u.test(ch) || cp < 0x20 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) continue;
      if (!font.hasGlyphForCodePoint(cp)) out.add(ch);
    }
    return [...out];
  }
}
