import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';
import { tiffClaiming } from '../files/hostile-images';
import { zipParts } from './zip-directory';

// The records found for a 開示 (issue 17 §1): attached by content, not by name; tables read from
// CSV (UTF-8 or Shift_JIS) and Excel and paged; bad files refused in Japanese with nothing stored.

const NOW = new Date('2026-11-24T01:00:00Z');
const meta = { kind: 'disclosure' as const, system: '顧客管理システム', exportedOn: '2026-11-23' };

function file(name: string, content: Buffer | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'madoguchi-record-')), name);
  writeFileSync(path, content);
  return path;
}

async function ready(files: string[]) {
  const queue = [...files];
  const s = makeServices(tempDataDir(), {
    clock: () => NOW,
    dialogs: { openFile: () => Promise.resolve(queue.shift() ?? null), saveFile: () => Promise.resolve(null) },
  });
  await setupVault(s);
  const r = await call(s, 'intake.create', intakeInput());
  for (const action of ['startCheck', 'startInvestigation'] as const) {
    await call(s, 'requests.transition', { id: r.id, action, comment: '' });
  }
  return { s, id: r.id };
}

describe('records found for a 開示', () => {
  it('attaches CSV, Shift_JIS CSV, Excel and PDF by content, and pages a table', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('会員');
    sheet.addRow(['会員番号', '氏名', '購入日', '受付日時', '時刻']);
    // Dates as Excel stores them (serial numbers with a date format), a date-time, a time alone.
    for (let i = 1; i <= 30; i++) {
      const row = sheet.addRow([
        i,
        `山田 太郎${i}`,
        new Date(Date.UTC(2026, 9, i)),
        new Date(Date.UTC(2026, 9, i, 14, 5, i % 2 ? 0 : 30)),
        new Date(Date.UTC(1899, 11, 30, 9, 15)),
      ]);
      row.getCell(3).numFmt = 'yyyy/mm/dd';
      row.getCell(4).numFmt = 'yyyy/mm/dd hh:mm';
      row.getCell(5).numFmt = 'hh:mm';
    }
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const { s, id } = await ready([
      file('members.csv', '\uFEFF会員番号,氏名,メモ\n1,山田 太郎,"改行を\n含む"\n2,山田 花子,\n'),
      file('calls.csv', iconv.encode('日付,内容\n2026/10/01,問い合わせ\n', 'Shift_JIS')),
      file('orders.xlsx', xlsx),
      file('note.pdf', Buffer.from(await pdf.save())),
      file('memo.txt', iconv.encode('応対メモ：住所変更の依頼', 'Shift_JIS')),
    ]);
    const added = [];
    for (let i = 0; i < 5; i++) added.push(await call(s, 'records.add', { requestId: id, meta }));
    expect(added.map((r) => r?.format)).toEqual(['csv', 'csv', 'xlsx', 'pdf', 'text']);
    expect(await call(s, 'records.list', { requestId: id })).toHaveLength(5);
    // A Shift_JIS note is shown as the text it is (main hands the window UTF-8).
    const memo = await call(s, 'records.content', { id: added[4]?.id ?? '' });
    expect(Buffer.from(memo.base64, 'base64').toString('utf8')).toBe('応対メモ：住所変更の依頼');

    const csv = await call(s, 'records.table', { id: added[0]?.id ?? '', offset: 0, limit: 10 });
    expect(csv).toEqual({
      header: ['会員番号', '氏名', 'メモ'],
      rows: [
        ['1', '山田 太郎', '改行を\n含む'],
        ['2', '山田 花子', ''],
      ],
      total: 2,
    });
    const sjis = await call(s, 'records.table', { id: added[1]?.id ?? '', offset: 0, limit: 10 });
    expect(sjis.rows).toEqual([['2026/10/01', '問い合わせ']]);
    const page = await call(s, 'records.table', { id: added[2]?.id ?? '', offset: 20, limit: 5 });
    expect(page).toMatchObject({ header: ['会員番号', '氏名', '購入日', '受付日時', '時刻'], total: 30 });
    // Read as the record shows them, not as JavaScript writes a Date (issue 34 §6).
    expect(page.rows[0]).toEqual(['21', '山田 太郎21', '2026/10/21', '2026/10/21 14:05', '09:15']);
    expect(page.rows[1]?.slice(2)).toEqual(['2026/10/22', '2026/10/22 14:05:30', '09:15']);
    expect(page.rows.map((r) => r[1])).toEqual([
      '山田 太郎21',
      '山田 太郎22',
      '山田 太郎23',
      '山田 太郎24',
      '山田 太郎25',
    ]);
    expect((await call(s, 'records.content', { id: added[3]?.id ?? '' })).mime).toBe('application/pdf');

    // The audit log names the record by id and hash, never the file name.
    const summaries = await s.vault
      .q()
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'records.add')
      .execute();
    expect(summaries.length).toBeGreaterThan(0);
    expect(JSON.stringify(summaries)).not.toContain('members');
    // Withholding: a column and a cell, each with its ground and reason; a mark outside the table
    // or on a document is refused and nothing changes.
    const reason = '第三者の個人情報を含むため。';
    const outside = await failure(
      call(s, 'records.setMarks', {
        id: added[0]?.id ?? '',
        marks: [{ target: 'row', row: 2, ground: 'a33-2-1', reason }],
      }),
    );
    expect(outside.message).toBe('3行目はこの表にありません。');
    const onText = await failure(call(s, 'records.setMarks', { id: added[4]?.id ?? '', marks: [] }));
    expect(onText.message).toContain('テキストの記録には不開示の指定はできません');
    const marks = [
      { target: 'column' as const, column: 2, ground: 'a33-2-1' as const, reason },
      { target: 'cell' as const, row: 1, column: 1, ground: 'a33-2-2' as const, reason: '評価情報のため。' },
    ];
    expect((await call(s, 'records.setMarks', { id: added[0]?.id ?? '', marks })).marks).toEqual(marks);
    expect((await call(s, 'records.list', { requestId: id }))[0]?.marks).toEqual(marks);
    await call(s, 'records.remove', { id: added[3]?.id ?? '' });
    expect(await call(s, 'records.list', { requestId: id })).toHaveLength(4);
    await s.close();
  });

  it('refuses a file that is not what its name says, a table over the limit, and a kind the request lacks', async () => {
    const million = `a,b\n${'1,2\n'.repeat(1_000_000)}`;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const { s, id } = await ready([
      file('table.xlsx', 'a,b\n1,2\n'),
      file('scan.pdf', png),
      file('big.csv', million),
      file('broken.csv', 'a,b\n"1,2\n'),
      file('program.csv', Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02])),
    ]);
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const e = await failure(call(s, 'records.add', { requestId: id, meta }));
      expect(e.code).toBe(ErrorCode.BAD_INPUT);
      messages.push(e.message);
    }
    expect(messages[0]).toContain('名前（.xlsx）と内容が一致しません');
    expect(messages[1]).toContain('名前（.pdf）と内容が一致しません');
    expect(messages[2]).toContain('1ファイル100,000行までです');
    expect(messages[3]).toContain('CSV の形式が正しくありません');
    expect(messages[4]).toContain('いずれでもありません');
    const other = await failure(
      call(s, 'records.add', { requestId: id, meta: { ...meta, kind: 'thirdPartyRecords' } }),
    );
    expect(other.message).toBe('この請求にはない種類の記録は添付できません。');
    const future = await failure(
      call(s, 'records.add', { requestId: id, meta: { ...meta, exportedOn: '2026-12-01' } }),
    );
    expect(future.message).toBe('出力日に未来の日付は指定できません。');
    expect(await call(s, 'records.list', { requestId: id })).toEqual([]);
    await s.close();
  });

  it('refuses file names with control, zero-width or bidi characters, storing nothing (issue 30)', async () => {
    // Listed before issue 30's review, then what it found missing: Arabic letter mark, line and
    // paragraph separators, deprecated format characters, Mongolian vowel separator, soft hyphen,
    // interlinear annotation, tags, Hangul fillers.
    const codes = [0x202e, 0x200b, 0x07, 0x2067, 0x061c, 0x2028, 0x2029, 0x206a, 0x206f, 0x180e, 0x00ad];
    codes.push(0xfff9, 0xfffb, 0xe0001, 0xe0041, 0xe007f, 0x115f, 0x1160, 0x3164, 0xffa0);
    const names = codes.map((c) => `mem${String.fromCodePoint(c)}bers.csv`);
    const { s, id } = await ready(names.map((n) => file(n, 'a,b\n1,2\n')));
    for (const code of codes.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`)) {
      const e = await failure(call(s, 'records.add', { requestId: id, meta }));
      expect(e.code).toBe(ErrorCode.BAD_INPUT);
      expect(e.message).toBe(
        `ファイル名に使用できない文字（制御文字・書式制御文字 ${code}）が含まれています。ファイル名からその文字を削除してから添付してください。`,
      );
    }
    expect(await call(s, 'records.list', { requestId: id })).toEqual([]);
    await s.close();
  });

  it('refuses a PDF over the page limit when it is attached, as a TIFF (issue 30 review)', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 301; i++) pdf.addPage([595.28, 841.89]);
    const { s, id } = await ready([file('long.pdf', Buffer.from(await pdf.save()))]);
    const e = await failure(call(s, 'records.add', { requestId: id, meta }));
    expect(e.code).toBe(ErrorCode.BAD_INPUT);
    expect(e.message).toBe(
      'この PDF は301ページあります。1つの記録として扱えるのは300ページまでです。ファイルを分けて出力し直してください。',
    );
    expect(await call(s, 'records.list', { requestId: id })).toEqual([]);
    await s.close();
  });

  it('refuses a TIFF over the page or pixel limits when it is attached, counted before decoding (issue 30)', async () => {
    const pages = (n: number) => Array.from({ length: n }, () => ({ width: 3000, height: 3000 }));
    const { s, id } = await ready([
      file('scan.tif', tiffClaiming(pages(400))),
      file('scan.tif', tiffClaiming(pages(200))),
      file('scan.tif', tiffClaiming(pages(2), true)),
    ]);
    const messages = [];
    for (let i = 0; i < 3; i++) {
      const e = await failure(call(s, 'records.add', { requestId: id, meta }));
      expect(e.code).toBe(ErrorCode.BAD_INPUT);
      messages.push(e.message);
    }
    expect(messages[0]).toContain('この TIFF 画像は400ページあります。1つの記録として扱えるのは300ページまでです');
    expect(messages[1]).toContain('全200ページで合計約1,800メガピクセルあり');
    expect(messages[2]).toContain('読み取れませんでした');
    expect(await call(s, 'records.list', { requestId: id })).toEqual([]);
    await s.close();
  });

  it('refuses an XLSX whose parts inflate hugely in under a second, main never held (issue 30)', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('会員').addRow(['会員番号', '氏名']);
    const bomb = await xlsxBomb(Buffer.from(await book.xlsx.writeBuffer()));
    expect(bomb.honest.length).toBeLessThan(500 * 1024);
    // And a workbook that is simply large: parsed, but not on main's thread.
    const large = new ExcelJS.Workbook();
    const sheet = large.addWorksheet('注文');
    sheet.addRow(Array.from({ length: 10 }, (_, c) => `項目${c}`));
    for (let r = 1; r <= 5_000; r++)
      sheet.addRow(Array.from({ length: 10 }, (_, c) => (c % 2 ? `山田 太郎${r}` : r * c)));
    const { s, id } = await ready([
      file('members.xlsx', bomb.honest),
      file('members.xlsx', bomb.lying),
      file('orders.xlsx', Buffer.from(await large.xlsx.writeBuffer())),
    ]);
    for (const expected of ['展開すると大きすぎるため読み込めません', 'Excel ファイルを読み取れません']) {
      const run = await lagged(() => failure(call(s, 'records.add', { requestId: id, meta })));
      expect(run.result.code).toBe(ErrorCode.BAD_INPUT);
      expect(run.result.message).toContain(expected);
      expect(run.ms).toBeLessThan(1000);
      expect(run.maxGapMs).toBeLessThan(100);
    }
    expect(await call(s, 'records.list', { requestId: id })).toEqual([]);
    const parsed = await lagged(() => call(s, 'records.add', { requestId: id, meta }));
    expect(parsed.result?.format).toBe('xlsx');
    expect(parsed.maxGapMs).toBeLessThan(100);
    const table = await call(s, 'records.table', { id: parsed.result?.id ?? '', offset: 4_998, limit: 5 });
    expect(table.total).toBe(5_000);
    expect(table.rows.map((r) => [r[1], r[2]])).toEqual([
      ['山田 太郎4999', '9998'],
      ['山田 太郎5000', '10000'],
    ]);
    await s.close();
  });
});

// How long the work took and the longest main's thread went without running a 10 ms timer.
async function lagged<T>(work: () => Promise<T>) {
  let last = performance.now();
  let maxGapMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    maxGapMs = Math.max(maxGapMs, performance.now() - last);
    return { result, ms: performance.now() - started, maxGapMs };
  } finally {
    clearInterval(probe);
  }
}

type Part = { name: string; deflated: Buffer; size: number; crc: number };

// A ZIP of deflated parts, written by hand so that a part's declared size can be anything.
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// A real workbook whose xl/sharedStrings.xml is replaced by 400 MB of strings that deflate to
// about 420 KB: once with its true size in the directory, once declaring 1 MB.
async function xlsxBomb(workbook: Buffer): Promise<{ honest: Buffer; lying: Buffer }> {
  const parts: Part[] = zipParts(workbook)
    .filter((p) => p.name !== 'xl/sharedStrings.xml' && !p.name.endsWith('/'))
    .map((p) => {
      const start = p.offset + 30 + workbook.readUInt16LE(p.offset + 26) + workbook.readUInt16LE(p.offset + 28);
      const data = workbook.subarray(start, start + p.compressedSize);
      const raw = p.method === 8 ? inflateRawSync(data) : data;
      return { name: p.name, deflated: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
    });
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  );
  const chunk = Buffer.from(`<si><t>${'A'.repeat(100_000)}</t></si>`.repeat(10));
  const tail = Buffer.from('</sst>');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < 400; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await once(deflate, 'end');
  const strings = { name: 'xl/sharedStrings.xml', deflated: Buffer.concat(out), crc };
  const size = head.length + chunk.length * 400 + tail.length;
  return {
    honest: zipOf([...parts, { ...strings, size }]),
    lying: zipOf([...parts, { ...strings, size: 1024 * 1024 }]),
  };
}
