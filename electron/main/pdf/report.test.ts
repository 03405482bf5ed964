import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../testing/support';
import { LetterFonts } from './layout';
import { renderReport, type ReportDocument } from './report';

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

// Each page's text (pdftotext ends every page with a form feed), blanks collapsed.
function pageTexts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-report-pages-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, bytes);
  return tool('pdftotext', ['-layout', file, '-'])
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(/[ \t]+/g, ' '));
}
const pageOf = (pages: string[], s: string) => pages.findIndex((p) => p.includes(s));

const base: ReportDocument = {
  title: '保有個人データの開示等請求 月次報告（2026年10月）',
  byline: ['株式会社サンプル商事', '作成日 令和8年11月20日'],
  sections: [
    {
      title: '主な数値',
      header: ['項目', '当期（2026年10月）', '前期（2026年9月）'],
      rows: [
        ['受け付けた請求', '17件', '9件'],
        ['回答までの日数（平均）', '8.5日', '—'],
      ],
    },
    { title: '受付方法別の受付件数', header: ['項目', '当期', '前期'], rows: [['郵送', '15件', '8件']] },
  ],
  perMonth: [
    { month: '2026-01', count: 4 },
    { month: '2026-09', count: 9 },
    { month: '2026-10', count: 17 },
  ],
  chartTo: '2026-10',
  outcomes: [
    ['開示：全部開示', 11],
    ['開示：不開示', 2],
  ],
  comment: '期限内回答率は100%でした。\n来月から FAX の受付を増やします。',
};

// The page content with streams uncompressed, to see what is drawn.
function contentOf(file: string, dir: string): string {
  const qdf = join(dir, 'qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  return readFileSync(qdf, 'latin1');
}

describe('report PDF', () => {
  it('lays out the figures, charts as vector bars and the comment, and passes qpdf', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-report-pdf-'));
    const out = await renderReport(base, fonts);
    const file = join(dir, 'report.pdf');
    writeFileSync(file, out.bytes);
    expect(tool('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors found/);
    const text = tool('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' ');
    for (const s of [
      '月次報告（2026年10月）',
      '株式会社サンプル商事',
      '受け付けた請求 17件 9件',
      '回答までの日数（平均） 8.5日 —',
      '郵送 15件 8件',
      '開示：全部開示',
      '11件',
      '期限内回答率は100%でした。',
      '来月から FAX の受付を増やします。',
      '2025年',
      '2026年',
    ]) {
      expect(text, s).toContain(s);
    }
    // The chart shows 12 months, the ones without requests as 0.
    expect(out.lines.filter((l) => /^\d{4}年\d+月 \d+$/.test(l))).toHaveLength(12);
    expect(out.lines).toContain('2026年10月 17');
    expect(out.lines).toContain('2026年2月 0');
    expect(out.lines).toContain('2025年11月 0');
    // Bars are filled paths in the page content (3 months + 2 outcomes + the shaded table
    // headers; pdf-lib draws a rectangle as m l l l h f), not images.
    const content = contentOf(file, dir);
    const filled = content.match(/^h\nf$/gm) ?? [];
    expect(filled.length).toBeGreaterThanOrEqual(3 + 2 + 2);
    expect(content).not.toMatch(/\/Subtype\s*\/Image/);
    expect(out.pages).toBe(1);
  });

  it('runs onto further pages, numbered, when the figures do not fit on one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-report-pdf-'));
    const outcomes = Array.from({ length: 90 }, (_, i): [string, number] => [`訂正等：区分${i + 1}`, i + 1]);
    const out = await renderReport({ ...base, outcomes, comment: '' }, fonts);
    const file = join(dir, 'long.pdf');
    writeFileSync(file, out.bytes);
    expect(out.pages).toBeGreaterThan(1);
    expect(tool('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors found/);
    const text = tool('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('訂正等：区分90');
    expect(text).toMatch(new RegExp(`1\\s*/\\s*${out.pages}`));
    expect(text).toContain('（コメントはありません）');
  });

  it('repeats a continued table’s header on each page, and prints a section’s note under it', async () => {
    const long = {
      title: '受付方法別の受付件数',
      header: ['項目', '当期（長い表）', '前期'],
      rows: Array.from({ length: 90 }, (_, i) => [`区分${i + 1}`, `${i}件`, '0件']),
      note: '1件の請求で複数の種類を求めることがあります。',
    };
    const out = await renderReport({ ...base, sections: [...base.sections.slice(0, 1), long] }, fonts);
    const pages = pageTexts(out.bytes);
    const spanned = pages.filter((p) => /区分\d+ /.test(p));
    expect(spanned.length).toBeGreaterThan(1);
    for (const p of spanned) expect(p).toContain('項目 当期（長い表） 前期');
    expect(pages.at(-1)).toContain('※1件の請求で複数の種類を求めることがあります。');
  });

  // Longer and shorter decision lists (30 pt apart) move the headings after them down page 2,
  // through the places at its foot: each heading stays on the page of what follows it (its
  // table's header and first two rows, or two lines of the comment).
  it('never leaves a heading alone at a page foot', async () => {
    const others = [
      {
        title: '受付方法別の受付件数',
        header: ['項目', '当期', '前期'],
        rows: [
          ['郵送', '15件', '8件'],
          ['窓口', '2件', '1件'],
        ],
      },
      {
        title: '請求者の種別ごとの受付件数',
        header: ['項目', '当期', '前期'],
        rows: [
          ['本人', '9件', '3件'],
          ['任意代理人', '8件', '6件'],
        ],
      },
    ];
    for (let n = 51; n <= 65; n += 2) {
      const outcomes = Array.from({ length: n }, (_, i): [string, number] => [`開示：区分${i + 1}`, 1]);
      const out = await renderReport(
        { ...base, sections: [...base.sections.slice(0, 1), ...others], outcomes, comment: '一行目\n二行目' },
        fonts,
      );
      const pages = pageTexts(out.bytes);
      for (const [heading, ...after] of [
        ['受付方法別の受付件数', '項目 当期 前期', '郵送 15件', '窓口 2件'],
        ['請求者の種別ごとの受付件数', '本人 9件', '任意代理人 8件'],
        ['個人情報保護管理者のコメント', '一行目', '二行目'],
      ] as const) {
        for (const s of after) expect(pageOf(pages, s), `${n}: ${heading} / ${s}`).toBe(pageOf(pages, heading));
      }
    }
  });
});
