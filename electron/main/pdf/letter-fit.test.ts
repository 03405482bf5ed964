import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWindow, ErrorCode } from '../../../core/contract';
import type { RequesterType } from '../../../core/domain/intake/kinds';
import { buildLetter, type LetterCase, type LetterKind } from '../../../core/domain/letters/catalogue';
import { Organisation } from '../../../core/domain/organisation';
import { AppError } from '../errors';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { caseFor } from './fixtures/letter-cases';
import { pdfLines, pdfRows } from './fixtures/pdf-lines';
import { LetterFonts, renderLetter, type RenderOptions } from './letter';

// What a privacy officer sent back (issue 33 §5), read from the PDF: the address block inside the
// window with the longest firm names, names and addresses broken only between their parts, and
// short letters that end on their first page.

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const org = Organisation.parse({ ...organisation, address: '東京都世田谷区用賀1-2-3 利用ビル（本館）' });
const MM = 72 / 25.4;
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-fit-'));
let n = 0;
const compact = (s: string) => s.replace(/\s+/g, '');

const principal = '髙﨑 德太郎';
const longAddress =
  '北海道札幌市中央区北一条西二丁目三番地四十五 札幌用賀髙﨑ビルディング（本館・北ウイング）8階 801号室';
// Firm names as long as real ones get (弁護士法人 with a branch and a partner's title).
const agents: [RequesterType, string][] = [
  ['lawyer', `弁護士法人さっぽろ北海道市民の権利と暮らしを守る総合法律事務所 札幌中央事務所 弁護士 ${principal}`],
  ['lawyer', `弁護士法人東京丸の内国際総合法律特許事務所・外国法共同事業 札幌オフィス パートナー弁護士 ${principal}`],
  ['appointed', `司法書士法人北海道くらしと財産の相談センター 札幌駅前事務所 司法書士 ${principal}`],
  ['parent', '髙﨑 恵美子'],
];

function caseOf(kind: LetterKind, requester: RequesterType, name: string, address: string): LetterCase {
  return {
    ...caseFor(kind),
    requesterType: requester,
    answerToAgent: requester !== 'self',
    principalName: principal,
    addressee: { postalCode: '060-0001', address, name },
  };
}

async function render(kind: LetterKind, c: LetterCase, opts: Partial<RenderOptions> = {}) {
  const letter = buildLetter(kind, c, org, { documentNo: '個保第9号', date: '2026-11-24', dateStyle: 'wareki' });
  const rendered = await renderLetter(letter, fonts, { windowEnvelope: false, seal: null, ...opts });
  const file = join(dir, `f${n++}.pdf`);
  writeFileSync(file, rendered.bytes);
  return { file, letter, rendered };
}

// The rows of page 1 above the title, with only their words left of the 文書番号 and the sender.
function addressRows(file: string): string[] {
  return (pdfRows(file)[0] ?? [])
    .filter((r) => r.yMin < 90 * MM)
    .map((r) =>
      compact(
        r.words
          .filter((w) => w.xMax < 118 * MM)
          .map((w) => w.text)
          .join(''),
      ),
    )
    .filter(Boolean);
}

describe('the address block in a 長3 window', () => {
  it('shows 〒, address, the whole name with 様 and the capacity line inside the window, for the longest firm names', async () => {
    const w = defaultWindow;
    for (const [requester, name] of [...agents, ['self', principal] as [RequesterType, string]]) {
      for (const address of [
        longAddress,
        '北海道札幌市中央区北1条西2丁目3番地 札幌用賀髙﨑ビルディング（本館）8階 801号室',
      ]) {
        const { file, letter } = await render('nonexistent', caseOf('nonexistent', requester, name, address), {
          windowEnvelope: true,
        });
        const where = `${name} / ${address}`;
        // What is printed left of the 文書番号 down to 5 mm below the window: the block, all of it.
        const lines = (pdfLines(file)[0] ?? []).filter(
          (l) => l.xMin < 118 * MM && l.yMin < (w.top + w.height + 5) * MM,
        );
        const block = [`〒060-0001`, address, `${name}様`, letter.addressee.capacity ?? ''].map(compact).join('');
        expect(compact(lines.map((l) => l.text).join('')), where).toBe(block);
        for (const l of lines) {
          expect(l.yMin, `${where}: ${l.text}`).toBeGreaterThanOrEqual(w.top * MM);
          expect(l.yMax, `${where}: ${l.text}`).toBeLessThanOrEqual((w.top + w.height) * MM);
          expect(l.xMax, `${where}: ${l.text}`).toBeLessThanOrEqual((w.left + w.width) * MM);
        }
      }
    }
  }, 60_000);

  it('refuses, in Japanese, a block no type size fits, and still draws it for a preview', async () => {
    const name = `${'弁護士法人'.repeat(6)}総合法律事務所 ${'札幌中央'.repeat(5)}事務所 弁護士 ${principal}`;
    const c = caseOf('receipt', 'lawyer', name, `${longAddress} ${longAddress}`);
    const refused = await render('receipt', c, { windowEnvelope: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe(ErrorCode.BAD_INPUT);
    expect((refused as AppError).message).toMatch(/^宛名が封筒の窓に収まりません。.*約\d+mm.*「回答書用の氏名」/);
    const preview = await render('receipt', c, { windowEnvelope: true, showWindow: true });
    expect(addressRows(preview.file).join('')).toContain(compact(`${principal}様`));
    // Without a window there is nothing to fit.
    expect((await render('receipt', c)).rendered.pages).toBeGreaterThanOrEqual(1);
  });
});

describe('names and addresses break between their parts', () => {
  it('never inside the title or the name of an agent, with or without a window', async () => {
    const name = `弁護士法人利用者の権利を守る法律事務所（札幌事務所） 弁護士 ${principal}`;
    for (const windowEnvelope of [false, true]) {
      const { file } = await render('receipt', caseOf('receipt', 'lawyer', name, longAddress), { windowEnvelope });
      const rows = addressRows(file);
      // The person's name and 様 on one row; 弁護士 whole on a row.
      expect(
        rows.some((r) => r.includes('髙﨑德太郎様') && !r.includes('代理人')),
        rows.join(' / '),
      ).toBe(true);
      expect(
        rows.some((r) => r.includes('弁護士髙﨑德太郎様') || r.endsWith('弁護士')),
        rows.join(' / '),
      ).toBe(true);
      // The building on a row of its own, whole.
      expect(
        rows.some((r) => r.startsWith('札幌用賀髙﨑ビルディング（本館・北ウイング）')),
        rows.join(' / '),
      ).toBe(true);
    }
  });

  it('never inside a word of the sender address, beside the seal', async () => {
    const { file } = await render('receipt', caseFor('receipt'), { seal: sealPng() });
    const rows = (pdfRows(file)[0] ?? []).filter((r) => r.xMin > 80 * MM).map((r) => compact(r.text));
    expect(rows, rows.join(' / ')).toContain('利用ビル（本館）');
    expect(
      rows.some((r) => r.startsWith('〒100-0001') && r.endsWith('用賀1-2-3')),
      rows.join(' / '),
    ).toBe(true);
  });
});

describe('short letters', () => {
  const short = ['nonDisclosure', 'nonexistent', 'thirdPartyRecordsNonDisclosure', 'thirdPartyRecordsNonexistent'];
  it('end on their first page: refusal and 不存在 letters, to the 本人 or an agent, plain or windowed', async () => {
    for (const kind of short as LetterKind[]) {
      for (const [requester, name] of [['self', principal] as [RequesterType, string], ...agents.slice(0, 1)]) {
        for (const windowEnvelope of [false, true]) {
          const c = caseOf(kind, requester, name, longAddress);
          const { file, rendered } = await render(kind, c, { windowEnvelope });
          const where = `${kind} / ${requester} / ${String(windowEnvelope)}`;
          expect(rendered.pages, where).toBe(1);
          const page = pdfRows(file)[0] ?? [];
          expect(
            page.some((r) => compact(r.text) === '以上'),
            where,
          ).toBe(true);
          expect(
            page.some((r) => r.text.includes('【お問い合わせ先】')),
            where,
          ).toBe(true);
        }
      }
    }
  }, 60_000);

  it('a long letter keeps its line pitch and takes the last item, 以上 and the contact box to page 2 together', async () => {
    const c = caseFor('disclosureDecision');
    const letter = buildLetter('disclosureDecision', c, org, {
      documentNo: '個保第9号',
      date: '2026-11-24',
      dateStyle: 'wareki',
    });
    letter.items.push(...Array.from({ length: 14 }, (_, i) => ({ label: `追加${i}`, text: '短い記載' })));
    const rendered = await renderLetter(letter, fonts, { windowEnvelope: false, seal: null });
    const file = join(dir, 'long.pdf');
    writeFileSync(file, rendered.bytes);
    const pages = pdfRows(file);
    expect(pages.length).toBe(2);
    const item = (i: number) => (pages[0] ?? []).find((r) => r.text.includes(`追加${i}`));
    expect(((item(1)?.yMin ?? 0) - (item(0)?.yMin ?? 0)) / 1.25).toBeCloseTo(18, 0);
    const second = pages[1] ?? [];
    expect(compact(second[0]?.text ?? '')).toBe('（記続き）');
    expect(second.some((r) => r.text.includes('追加13'))).toBe(true);
    expect(second.some((r) => r.text.includes('【お問い合わせ先】'))).toBe(true);
  });
});

function sealPng(): Buffer {
  // A 1×1 red PNG: the seal's column is what matters here, not its picture.
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
}
