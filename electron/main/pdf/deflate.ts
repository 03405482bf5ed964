import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

// pdf-lib compresses every stream (the subset fonts above all) with pako, zlib written in
// JavaScript, which took most of a letter's time. Node's native zlib does the same deflate
// several times faster, in the same format. pdf-lib reaches pako only through `pako.deflate`,
// so that one function of pdf-lib's own copy of pako is routed to zlib, once per process.
let installed = false;
export function useNativeDeflate(): void {
  if (installed) return;
  installed = true;
  const fromPdfLib = createRequire(require.resolve('pdf-lib'));
  const pako = fromPdfLib('pako') as { deflate: (data: Uint8Array) => Uint8Array };
  pako.deflate = (data: Uint8Array) => deflateSync(data);
}
