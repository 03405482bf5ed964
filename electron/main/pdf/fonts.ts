import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFont } from './fontkit';
import { cacheLayouts, cacheSubsetGlyphs, type SubsettableFont } from './subset-cache';

// The bundled IPAex fonts of letters and reports, read and parsed on first use. Kept apart from
// the layout engine so that main can hold them without loading pdf-lib at start-up.

type Parsed = { fontkit: { create: () => unknown } };

export type LetterFontFiles = { mincho: string; gothic: string };

export class LetterFonts {
  private loaded: Promise<{
    mincho: Parsed;
    gothic: Parsed;
    bytes: { mincho: Uint8Array; gothic: Uint8Array };
  }> | null = null;

  constructor(private readonly files: LetterFontFiles) {}

  static inResources(resourcesDir: string): LetterFonts {
    return new LetterFonts({
      mincho: join(resourcesDir, 'fonts', 'ipaexm.ttf'),
      gothic: join(resourcesDir, 'fonts', 'ipaexg.ttf'),
    });
  }

  // pdf-lib asks its fontkit to parse the font bytes for every document; this hands it the font
  // parsed once, so a letter costs a subset, not a parse of 8 MB of glyph tables.
  load() {
    this.loaded ??= (async () => {
      const [m, g] = await Promise.all([readFile(this.files.mincho), readFile(this.files.gothic)]);
      const parsed = (bytes: Uint8Array): Parsed => {
        const font = parseFont(bytes) as unknown as SubsettableFont;
        cacheSubsetGlyphs(font);
        cacheLayouts(font);
        return { fontkit: { create: () => font } };
      };
      return { mincho: parsed(m), gothic: parsed(g), bytes: { mincho: m, gothic: g } };
    })();
    return this.loaded;
  }
}
