import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildLetter, type LetterKind } from '../../../core/domain/letters/catalogue';
import { sampleLetterCase } from '../../../core/domain/letters/sample';
import { Organisation } from '../../../core/domain/organisation';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { LetterFonts, renderLetter } from './letter';

// Two letters rendered to PNG by poppler and kept, reviewed, in fixtures/: a change to the layout
// that moves or loses text shows up as a failing comparison (UPDATE_LETTER_FIXTURES=1 rewrites
// them after a deliberate change; look at them before committing).
const FIXTURES = join(__dirname, 'fixtures');
const fonts = LetterFonts.inResources(RESOURCES_DIR);

// A 角印-like test seal: a red square frame on a transparent background.
function sealPng(): Buffer {
  const size = 120;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const edge = x < 8 || y < 8 || x >= size - 8 || y >= size - 8 || (x > 40 && x < 80 && y > 40 && y < 80);
      const i = (y * size + x) * 4;
      png.data[i] = 200;
      png.data[i + 1] = 30;
      png.data[i + 2] = 30;
      png.data[i + 3] = edge ? 220 : 0;
    }
  }
  return PNG.sync.write(png);
}

async function pageImage(kind: LetterKind, seal: Buffer | null, windowEnvelope: boolean): Promise<PNG> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-letter-png-'));
  const letter = buildLetter(kind, sampleLetterCase, Organisation.parse(organisation), {
    documentNo: '個保第7号',
    date: '2026-11-22',
    dateStyle: 'wareki',
  });
  const rendered = await renderLetter(letter, fonts, { windowEnvelope, seal });
  writeFileSync(join(dir, 'letter.pdf'), rendered.bytes);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-png',
    '-singlefile',
    join(dir, 'letter.pdf'),
    join(dir, 'page'),
  ]);
  return PNG.sync.read(readFileSync(join(dir, 'page.png')));
}

// The share of pixels that differ noticeably between two images of the same size.
function difference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) + Math.abs((a.data[i + 1] ?? 0) - (b.data[i + 1] ?? 0));
    if (d > 96) differing++;
  }
  return differing / (a.width * a.height);
}

describe('letter images', () => {
  it.each([
    ['disclosureDecision', true, false],
    ['cure', false, true],
  ] as const)('%s matches its reviewed image', async (kind, withSeal, windowEnvelope) => {
    const image = await pageImage(kind, withSeal ? sealPng() : null, windowEnvelope);
    const file = join(FIXTURES, `${kind}.png`);
    if (process.env['UPDATE_LETTER_FIXTURES'] === '1') writeFileSync(file, PNG.sync.write(image));
    expect(existsSync(file), `${file} is missing: run with UPDATE_LETTER_FIXTURES=1 and review it`).toBe(true);
    const reviewed = PNG.sync.read(readFileSync(file));
    expect(difference(image, reviewed)).toBeLessThan(0.002);
    // Not blank: a letter is mostly white with a few percent of ink.
    const ink = difference(
      image,
      Object.assign(new PNG({ width: image.width, height: image.height }), {
        data: Buffer.alloc(image.data.length, 255),
      }),
    );
    expect(ink).toBeGreaterThan(0.01);
  });
});
