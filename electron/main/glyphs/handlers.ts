import type { Slice } from '../ipc/handlers-type';
import type { FontCoverage } from '../pdf/glyphs';

export function glyphsHandlers(coverage: FontCoverage) {
  return {
    // Which characters of each text the letter font cannot print.
    'glyphs.check': async (input) => {
      const checked = await Promise.all(
        Object.entries(input.texts).map(async ([k, v]) => [k, await coverage.missing(v)] as const),
      );
      return Object.fromEntries(checked);
    },
  } satisfies Slice<'glyphs'>;
}
