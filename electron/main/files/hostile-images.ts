import { crc32 } from 'node:zlib';

// Tests only: tiny files that claim huge pixel sizes, as an attacker (or a misconfigured scanner)
// would send them. None of them holds real pixel data; a decoder would still allocate for the
// size the header states.

// A little-endian TIFF whose pages have the given sizes (uncompressed, 8-bit grey), each with
// a strip of a few bytes; `loop` makes the last IFD point back to the first.
export function tiffClaiming(pages: { width: number; height: number }[], loop = false): Buffer {
  const entries = 9;
  const ifdSize = 2 + entries * 12 + 4;
  const strip = 8 + pages.length * ifdSize;
  const out = Buffer.alloc(strip + 16);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  pages.forEach((p, i) => {
    const at = 8 + i * ifdSize;
    out.writeUInt16LE(entries, at);
    const tags: [number, number, number][] = [
      [256, 4, p.width],
      [257, 4, p.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, strip],
      [277, 3, 1],
      [278, 4, p.height],
      [279, 4, 16],
    ];
    tags.forEach(([tag, type, value], j) => {
      const e = at + 2 + j * 12;
      out.writeUInt16LE(tag, e);
      out.writeUInt16LE(type, e + 2);
      out.writeUInt32LE(1, e + 4);
      if (type === 3) out.writeUInt16LE(value, e + 8);
      else out.writeUInt32LE(value, e + 8);
    });
    const next = i < pages.length - 1 ? at + ifdSize : loop ? 8 : 0;
    out.writeUInt32LE(next, at + 2 + entries * 12);
  });
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A baseline JFIF header (SOI, APP0, SOF0) that states the size, then EOI.
export function jpegClaiming(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}
