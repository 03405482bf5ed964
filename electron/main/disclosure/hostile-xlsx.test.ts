import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from './xlsx-table';
import { zipParts } from './zip-directory';

// Workbooks built to get past the ZIP directory check (issue 30 §5, security review): JSZip, under
// ExcelJS, reads a second directory where the checked one is followed by other bytes, and takes
// the last of two parts of one name.

type Part = { name: string; deflated: Buffer; size: number; crc: number };

const limits = { maxRows: 100, maxColumns: 20 };
const part = (name: string, raw: Buffer): Part => ({
  name,
  deflated: deflateRawSync(raw),
  size: raw.length,
  crc: crc32(raw),
});

async function workbookParts(): Promise<Part[]> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('会員').addRow(['会員番号', '氏名']);
  const b = Buffer.from(await book.xlsx.writeBuffer());
  return zipParts(b)
    .filter((p) => !p.name.endsWith('/'))
    .map((p) => {
      const data = b.subarray(p.dataAt, p.dataAt + p.compressedSize);
      return part(p.name, p.method === 8 ? inflateRawSync(data) : data);
    });
}

// Local headers and data from `base` on, and the directory that lists them (a comment of `pad`
// bytes on the last entry).
function locals(parts: Part[], base: number): { body: Buffer; offsets: number[] } {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let at = base;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, p.deflated);
    offsets.push(at);
    at += 30 + name.length + p.deflated.length;
  }
  return { body: Buffer.concat(chunks), offsets };
}

function directory(parts: Part[], offsets: number[], pad = 0): Buffer {
  return Buffer.concat(
    parts.flatMap((p, i) => {
      const name = Buffer.from(p.name);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(p.crc, 16);
      central.writeUInt32LE(p.deflated.length, 20);
      central.writeUInt32LE(p.size, 24);
      central.writeUInt16LE(name.length, 28);
      const comment = i === parts.length - 1 ? pad : 0;
      central.writeUInt16LE(comment, 32);
      central.writeUInt32LE(offsets[i] ?? 0, 42);
      return [central, name, Buffer.alloc(comment, 0x20)];
    }),
  );
}

function endRecord(count: number, dirSize: number, dirAt: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(dirAt, 16);
  return end;
}

describe('XLSX directory tricks', () => {
  it('refuses a decoy directory followed by the one JSZip reads', async () => {
    const parts = await workbookParts();
    // 16 MB of zeros (16 KB deflated) that only the second directory lists: the review's 1 GB
    // went past the directory check this way.
    const all = [...parts, part('xl/media/x.bin', Buffer.alloc(16 * 1024 * 1024))];
    const realDir = directory(all, locals(all, 0).offsets);
    // [S bytes][parts][decoy directory of S bytes][real directory][end record → decoy]: JSZip
    // takes the S bytes after the decoy for prepended data, and reads everything S further on.
    const S = realDir.length;
    const { body, offsets } = locals(all, S);
    const plain = directory(parts, offsets);
    const decoy = directory(parts, offsets, S - plain.length);
    expect(decoy.length).toBe(S);
    const file = Buffer.concat([Buffer.alloc(S), body, decoy, realDir, endRecord(parts.length, S, S + body.length)]);
    await expect(readXlsxRows(file, limits)).rejects.toThrow('Excel ファイルを読み取れません');
  });

  it('refuses two parts of one name, and parts that share bytes', async () => {
    const parts = await workbookParts();
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml') as Part;
    const twice = [...parts, sheet];
    const { body, offsets } = locals(twice, 0);
    const dir = directory(twice, offsets);
    const duplicated = Buffer.concat([body, dir, endRecord(twice.length, dir.length, body.length)]);
    await expect(readXlsxRows(duplicated, limits)).rejects.toThrow('Excel ファイルを読み取れません');

    // A second name over the bytes of the first part.
    const own = locals(parts, 0);
    const aliased = [...parts, { ...(parts[0] as Part), name: 'xl/other.xml' }];
    const aliasDir = directory(aliased, [...own.offsets, own.offsets[0] as number]);
    const overlap = Buffer.concat([own.body, aliasDir, endRecord(aliased.length, aliasDir.length, own.body.length)]);
    await expect(readXlsxRows(overlap, limits)).rejects.toThrow('Excel ファイルを読み取れません');
  });

  it('still reads a workbook as written', async () => {
    const parts = await workbookParts();
    const { body, offsets } = locals(parts, 0);
    const dir = directory(parts, offsets);
    const file = Buffer.concat([body, dir, endRecord(parts.length, dir.length, body.length)]);
    expect(await readXlsxRows(file, limits)).toEqual({ header: ['会員番号', '氏名'], rows: [] });
  });
});
