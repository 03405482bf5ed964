import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { buildLetter } from '../../../core/domain/letters/catalogue';
import { Organisation } from '../../../core/domain/organisation';
import { AppError } from '../errors';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { caseFor } from './fixtures/letter-cases';
import { pdfLines } from './fixtures/pdf-lines';
import { LetterFonts, renderLetter } from './letter';
import { renderReport } from './report';
import { renderTableDocument } from './table-document';

// Characters IPAex lacks (𠮷 and other 外字 of names and record data) are drawn in the bundled
// IPAmj明朝, embedded only when a document has one; what no bundled font draws is refused, naming
// the cell, instead of printing as an empty box.

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const org = Organisation.parse(organisation);
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-fallback-'));
let n = 0;

function save(bytes: Uint8Array): string {
  const file = join(dir, `d${n++}.pdf`);
  writeFileSync(file, bytes);
  return file;
}
const embedded = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

// The share of dark pixels in a square of the first page (points from the top-left corner).
function inkIn(file: string, at: { x: number; y: number; size: number }): number {
  const scale = 4;
  const [x, y, side] = [at.x, at.y, at.size].map((v) => Math.round(v * scale)) as [number, number, number];
  const out = join(dir, `ink${n++}`);
  execFileSync(
    'pdftoppm',
    ['-r', String(72 * scale), '-f', '1', '-l', '1', '-x', String(x), '-y', String(y)].concat([
      '-W',
      String(side),
      '-H',
      String(side),
      '-png',
      '-singlefile',
      file,
      out,
    ]),
  );
  const png = PNG.sync.read(readFileSync(`${out}.png`));
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 128) dark++;
  return dark / (png.width * png.height);
}

const table = (rows: string[][]) => ({
  title: '開示する記録「会員.csv」',
  subtitle: '「会員.csv」、会員管理システム、2026/11/01出力（2026-0042）',
  header: ['会員番号', '氏名', '住所'],
  rows,
});

describe('the fallback font', () => {
  it('draws 𠮷 in a disclosed table and in a letter, with its own widths, and is embedded only then', async () => {
    const file = save(await renderTableDocument(table([['1001', '𠮷田 花子', '東京都港区芝公園4-2-8']]), fonts));
    expect(embedded(file)).toMatch(/\+IPAmjMincho\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(text(file)).toContain('𠮷田花子');
    // The run after 𠮷 starts where 𠮷 ends: 「𠮷田」 is two em wide at the table's 8 pt.
    const line = (pdfLines(file)[0] ?? []).find((l) => l.words.some((w) => w.text === '𠮷田'));
    const word = line?.words.find((w) => w.text === '𠮷田');
    expect(((word?.xMax ?? 0) - (word?.xMin ?? 0)) / 8).toBeCloseTo(2, 0);
    // And it is drawn: ink in 𠮷's square, as much as in 田's.
    const ink = (x: number) => inkIn(file, { x, y: (line?.yMin ?? 0) + 0.5, size: 7 });
    expect(ink(word?.xMin ?? 0)).toBeGreaterThan(ink((word?.xMin ?? 0) + 8) * 0.6);

    const c = caseFor('disclosureDecision');
    const name = '𠮷田 花子';
    const letter = buildLetter(
      'disclosureDecision',
      { ...c, principalName: name, addressee: { ...c.addressee, name } },
      org,
      { documentNo: '個保第9号', date: '2026-11-24', dateStyle: 'wareki' },
    );
    const withName = save((await renderLetter(letter, fonts, { windowEnvelope: true, seal: null })).bytes);
    expect(embedded(withName)).toContain('+IPAmjMincho');
    expect(text(withName)).toContain('𠮷田花子');

    const plain = save(await renderTableDocument(table([['1001', '吉田 花子', '東京都港区芝公園4-2-8']]), fonts));
    expect(embedded(plain)).not.toContain('IPAmj');
  });

  it('refuses a disclosed table with a character no bundled font has, naming the row and the column', async () => {
    const refused = await renderTableDocument(
      table([
        ['1001', '𠮷田 花子', '東京都港区芝公園4-2-8'],
        ['1002', '王 伟', '東京都港区芝公園4-2-8'],
      ]),
      fonts,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe(ErrorCode.BAD_INPUT);
    expect((refused as AppError).message).toContain('開示する記録の2行目の「氏名」欄に、PDFの書体');
    expect((refused as AppError).message).toContain('「伟」');
  });

  it('refuses to draw, rather than print a box, a character no bundled font has in a report', async () => {
    const report = {
      title: '月次報告',
      byline: [],
      sections: [],
      perMonth: [],
      chartTo: '2026-10',
      outcomes: [] as [string, number][],
    };
    const ok = save((await renderReport({ ...report, comment: '𠮷田様の件は完了。' }, fonts)).bytes);
    expect(text(ok)).toContain('𠮷田様の件は完了。');
    const refused = await renderReport({ ...report, comment: '完了しました😀' }, fonts).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toContain('「😀」');
  });
});
