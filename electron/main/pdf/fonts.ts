import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFont } from './fontkit';
import { cacheLayouts, cacheSubsetGlyphs, type SubsettableFont } from './subset-cache';

// The bundled fonts of letters and reports (IPAex明朝 and IPAexゴシック, and IPAmj明朝 for what they
// lack), read and parsed on first use. Kept apart from the layout engine so that main can hold
// them without loading pdf-lib at start-up.

type Parsed = { fontkit: { create: () => unknown } };
// What the layout asks of a parsed font besides subsetting it.
export type CoveringFont = SubsettableFont & { hasGlyphForCodePoint(cp: number): boolean };
export type LoadedFont = Parsed & { font: CoveringFont; bytes: Uint8Array };

// Each font file is read and parsed once per process, whoever asks first (the layout, or the
// check of names as they are entered), and kept: 7.5 MB for IPAex明朝, 46 MB for IPAmj明朝.
const parsedFiles = new Map<string, Promise<LoadedFont>>();
export function loadFont(path: string): Promise<LoadedFont> {
  let loaded = parsedFiles.get(path);
  if (!loaded) {
    loaded = readFile(path).then((bytes) => {
      const font = parseFont(bytes) as unknown as CoveringFont;
      cacheSubsetGlyphs(font);
      cacheLayouts(font);
      return { font, bytes, fontkit: { create: () => font } };
    });
    // A failed read is not kept: the next letter tries again.
    loaded.catch(() => parsedFiles.delete(path));
    parsedFiles.set(path, loaded);
  }
  return loaded;
}

// The fallback font: IPAmj明朝 (JIS X 0213 and the 文字情報基盤's 異体字, 58,000 characters), for
// the characters IPAex lacks (𠮷 and other 外字 in names and record data). Read only when a
// document has such a character.
export const FALLBACK_FONT = 'ipamjm.ttf';

export type LetterFontFiles = { mincho: string; gothic: string; fallback?: string };

export class LetterFonts {
  constructor(private readonly files: LetterFontFiles) {}

  static inResources(resourcesDir: string): LetterFonts {
    return new LetterFonts({
      mincho: join(resourcesDir, 'fonts', 'ipaexm.ttf'),
      gothic: join(resourcesDir, 'fonts', 'ipaexg.ttf'),
      fallback: join(resourcesDir, 'fonts', FALLBACK_FONT),
    });
  }

  // pdf-lib asks its fontkit to parse the font bytes for every document; this hands it the font
  // parsed once, so a letter costs a subset, not a parse of 8 MB of glyph tables.
  async load(): Promise<{ mincho: LoadedFont; gothic: LoadedFont; bytes: { mincho: Uint8Array; gothic: Uint8Array } }> {
    const [mincho, gothic] = await Promise.all([loadFont(this.files.mincho), loadFont(this.files.gothic)]);
    return { mincho, gothic, bytes: { mincho: mincho.bytes, gothic: gothic.bytes } };
  }

  fallback(): Promise<LoadedFont | null> {
    return this.files.fallback ? loadFont(this.files.fallback) : Promise.resolve(null);
  }
}
