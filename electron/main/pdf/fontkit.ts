import type Fontkit from '@pdf-lib/fontkit';
import { createRequire } from 'node:module';

// fontkit, loaded on first use. Through `require`, not `import()`: fontkit is one 1.7 MB
// CommonJS file, which Node's ES module loader would first scan whole for its exports
// (cjs-module-lexer) before loading it as require does anyway.
let loaded: typeof Fontkit | null = null;
function fontkit(): typeof Fontkit {
  loaded ??= createRequire(require.resolve('@pdf-lib/fontkit'))('@pdf-lib/fontkit') as typeof Fontkit;
  return loaded;
}

// Parses a font file. The bytes go to fontkit as their ArrayBuffer: its Buffer shim copies a
// typed array byte by byte (~40 ms for an 8 MB font) but wraps an ArrayBuffer as it is. fontkit
// only reads them.
export function parseFont(bytes: Uint8Array): Fontkit.Font {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = whole ? bytes.buffer : bytes.slice().buffer;
  return fontkit().create(buffer as unknown as Uint8Array);
}
