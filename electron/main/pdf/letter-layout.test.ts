import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { defaultWindow } from '../../../core/contract';
import { buildLetter, type LetterCase, type LetterKind } from '../../../core/domain/letters/catalogue';
import { Organisation } from '../../../core/domain/organisation';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { caseFor } from './fixtures/letter-cases';
import { pdfLines, pdfRows, type TextLine } from './fixtures/pdf-lines';
import { LetterFonts, renderLetter } from './letter';

// Geometry read back from the PDF itself (poppler's text boxes and rendered pixels), not from
// what the layout engine meant to do.

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const org = Organisation.parse(organisation);
const MM = 72 / 25.4;
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-layout-'));
let n = 0;

async function render(kind: LetterKind, c: LetterCase, opts: { windowEnvelope?: boolean; seal?: Buffer } = {}) {
  const letter = buildLetter(kind, c, org, { documentNo: '個保第9号', date: '2026-11-24', dateStyle: 'wareki' });
  const rendered = await renderLetter(letter, fonts, {
    windowEnvelope: opts.windowEnvelope ?? false,
    seal: opts.seal ?? null,
  });
  const file = join(dir, `l${n++}.pdf`);
  writeFileSync(file, rendered.bytes);
  return { file, letter };
}

const compact = (s: string) => s.replace(/\s+/g, '');

// A long 札幌 address, an agent with a long firm name: the hardest block to fit in a window.
const agentCase = (kind: LetterKind): LetterCase => ({
  ...caseFor(kind),
  requesterType: 'lawyer',
  answerToAgent: true,
  principalName: '髙﨑 德太郎',
  addressee: {
    postalCode: '060-0001',
    address: '北海道札幌市中央区北1条西2丁目3番地 札幌用賀髙﨑ビルディング（本館）8階 801号室',
    name: '弁護士法人さっぽろ利用者の権利を守る法律事務所 弁護士 﨑山 利用',
  },
});

function sealPng(): Buffer {
  const size = 120;
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    png.data[i * 4] = 220;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

describe('letter layout, read from the PDF', () => {
  it('puts the whole address block (〒, address, name and 様, capacity) inside a 長形3号 window', async () => {
    for (const kind of ['receipt', 'disclosureDecision', 'suspensionDecision'] as const) {
      const c = agentCase(kind);
      const { file, letter } = await render(kind, c, { windowEnvelope: true });
      // Rows, but only the left part: the sender block sits level with nothing of the address.
      const page = (pdfLines(file)[0] ?? []).filter((l) => l.xMin < 120 * MM);
      const block = [
        `〒${c.addressee.postalCode}`,
        c.addressee.address,
        `${c.addressee.name}様`,
        letter.addressee.capacity ?? '',
      ].map(compact);
      const inBlock = (l: TextLine) => block.some((b) => b.includes(compact(l.text)));
      const lines = page.filter(inBlock);
      // 〒, two address lines, the name over two lines, the capacity.
      expect(lines.length, kind).toBeGreaterThanOrEqual(5);
      expect(compact(lines.map((l) => l.text).join(''))).toBe(block.join(''));
      const play = 2 * MM;
      const w = defaultWindow;
      for (const l of lines) {
        expect(l.xMin, l.text).toBeGreaterThanOrEqual(w.left * MM - play);
        expect(l.xMax, l.text).toBeLessThanOrEqual((w.left + w.width) * MM + play);
        expect(l.yMin, l.text).toBeGreaterThanOrEqual(w.top * MM - play);
        expect(l.yMax, l.text).toBeLessThanOrEqual((w.top + w.height) * MM + play);
      }
      // 様 never stands on a line of its own: the row that has it has more.
      const rows = (pdfRows(file)[0] ?? []).filter((r) => r.xMin < 120 * MM);
      const sama = rows.filter((r) => r.yMax < 70 * MM && r.text.includes('様') && !r.text.includes('（'));
      expect(sama).toHaveLength(1);
      expect(compact(sama[0]?.text ?? '').length).toBeGreaterThan(3);
    }
  });

  it('puts the seal beside the officer, over no text', async () => {
    const c = agentCase('disclosureDecision');
    const { file } = await render('disclosureDecision', c, { seal: sealPng() });
    execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-png', '-singlefile', file, join(dir, 'seal')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'seal.png')));
    // The seal's box: the pixels of its red (no text is red).
    let box = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if ((png.data[i] ?? 0) > 180 && (png.data[i + 1] ?? 0) < 80 && (png.data[i + 2] ?? 0) < 80) {
          box = { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) };
        }
      }
    }
    expect(box.x1 - box.x0).toBeGreaterThan(40);
    const page = pdfLines(file)[0] ?? [];
    for (const l of page) {
      const overlaps = l.xMax > box.x0 && l.xMin < box.x1 && l.yMax > box.y0 && l.yMin < box.y1;
      expect(overlaps, `the seal covers 「${l.text}」`).toBe(false);
    }
    // Beside the officer's name: level with it.
    const officer = page.find((l) => l.text.includes(org.officerName));
    expect(officer).toBeDefined();
    const middle = ((officer?.yMin ?? 0) + (officer?.yMax ?? 0)) / 2;
    expect(middle).toBeGreaterThan(box.y0);
    expect(middle).toBeLessThan(box.y1);
  });

  it('leaves no paragraph with a single line alone at the foot or the head of a page, and marks a continued 記', async () => {
    // Paragraphs made of one repeated character each, so every line shows whose it is; the
    // number of short items before them moves the page break through every line position.
    const marks = Array.from('壱弐参肆伍陸漆捌玖拾');
    let breaks = 0;
    for (let before = 0; before < 16; before++) {
      const base = caseFor('extension');
      const c: LetterCase = {
        ...base,
        extension: {
          date: '2026-11-30',
          reason: marks.map((m, i) => m.repeat(40 + 17 * i)).join('\n'),
        },
        cure: { defects: [], dueDate: '2026-11-16', requestedOn: '2026-11-04' },
      };
      const letter = buildLetter('extension', c, org, {
        documentNo: '個保第9号',
        date: '2026-11-24',
        dateStyle: 'wareki',
      });
      letter.items.splice(2, 0, ...Array.from({ length: before }, (_, i) => ({ label: `項目${i}`, text: '短い記載' })));
      const rendered = await renderLetter(letter, fonts, { windowEnvelope: false, seal: null });
      const file = join(dir, `widow${before}.pdf`);
      writeFileSync(file, rendered.bytes);
      const pages = pdfRows(file);
      for (const m of marks) {
        const counts = pages.map((p) => p.filter((l) => l.text.includes(m)).length).filter((k) => k > 0);
        if (counts.length > 1) {
          breaks++;
          for (const k of counts)
            expect(k, `paragraph ${m} with ${before} items before: ${counts.join('+')}`).toBeGreaterThanOrEqual(2);
        }
      }
      // Every page after the first that continues the 記 says so; the contact box keeps company.
      pages.slice(1).forEach((p) => {
        if (p.some((l) => marks.some((m) => l.text.includes(m)))) expect(compact(p[0]?.text ?? '')).toBe('（記続き）');
      });
      const last = pages.at(-1) ?? [];
      const contact = last.findIndex((l) => l.text.includes('【お問い合わせ先】'));
      expect(contact).toBeGreaterThan(0);
      expect(last.some((l) => compact(l.text) === '以上')).toBe(true);
    }
    // The sweep did cross page breaks inside paragraphs.
    expect(breaks).toBeGreaterThan(3);
  });

  it('breaks an address before the building name, and aligns item numbers 10 and above with 1 to 9', async () => {
    const c: LetterCase = {
      ...caseFor('receipt'),
      addressee: {
        postalCode: '100-0005',
        address: '東京都千代田区丸の内1-2-3東京ビルディング12階',
        name: '山田 太郎',
      },
    };
    const { file, letter } = await render('receipt', c);
    const page = pdfRows(file)[0] ?? [];
    expect(page.map((l) => compact(l.text))).toEqual(
      expect.arrayContaining(['東京都千代田区丸の内1-2-3', '東京ビルディング12階']),
    );
    letter.items.push(...Array.from({ length: 9 }, (_, i) => ({ label: `追加${i}`, text: 'x' })));
    const rendered = await renderLetter(letter, fonts, { windowEnvelope: false, seal: null });
    const many = join(dir, 'many.pdf');
    writeFileSync(many, rendered.bytes);
    const rows = pdfRows(many).flat();
    // Item 5 (追加0) and item 13 (追加8): the numbers end at one x, the labels start at one x.
    const item = (i: number) => {
      const row = rows.find((r) => r.words.some((w) => w.text === `追加${i}`));
      const at = row?.words.findIndex((w) => w.text === `追加${i}`) ?? -1;
      return { no: row?.words[at - 1], label: row?.words[at] };
    };
    const five = item(0);
    const thirteen = item(8);
    expect([five.no?.text, thirteen.no?.text]).toEqual(['5', '13']);
    expect(Math.abs((five.label?.xMin ?? 0) - (thirteen.label?.xMin ?? 1))).toBeLessThan(0.5);
    expect(Math.abs((five.no?.xMax ?? 0) - (thirteen.no?.xMax ?? 1))).toBeLessThan(0.5);
  });
});
