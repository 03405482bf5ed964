import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

// pdf-lib compresses every stream (the subset fonts above all) with pako, zlib written in
// JavaScript, which took most of a letter's time. Node's native zlib does the same deflate
// several times faster, in the same format. pdf-lib reaches pako only through `pako.deflate`,
// so that one function of pdf-lib's own copy of pako is routed to zlib, once per process.
let installed = false;
// Time spent deflating, for the bench's breakdown of a letter (a machine where this share is
// larger has a slower zlib, not slower layout code).
export const deflateSpent = { ms: 0, bytes: 0 };
export function useNativeDeflate(): void {
  if (installed) return;
  installed = true;
  const fromPdfLib = createRequire(require.resolve('pdf-lib'));
  const pako = fromPdfLib('pako') as { deflate: (data: Uint8Array) => Uint8Array };
  pako.deflate = (data: Uint8Array) => {
    const started = performance.now();
    const out = deflateSync(data);
    deflateSpent.ms += performance.now() - started;
    deflateSpent.bytes += data.length;
    return out;
  };
}
