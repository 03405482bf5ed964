// The type of a scanned enclosure, from its first bytes: the file name is not trusted (a
// renamed .exe stays an .exe). Four formats cover scanners and fax servers.
// (file-type would do this too, but it is ESM-only and main is bundled as CommonJS.)
export type EnclosureMime = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

const signatures: { mime: EnclosureMime; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] }, // II*\0
  { mime: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // MM\0*
];

export function sniffMime(head: Uint8Array): EnclosureMime | null {
  for (const s of signatures) {
    if (s.bytes.every((b, i) => head[i] === b)) return s.mime;
  }
  return null;
}
