import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLetter, letterKinds, letterLabels } from '../../../core/domain/letters/catalogue';
import { NO_LINE_END, NO_LINE_START } from '../../../core/domain/letters/kinsoku';
import { Organisation } from '../../../core/domain/organisation';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { caseFor } from './fixtures/letter-cases';
import { LetterFonts, renderLetter } from './letter';

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const org = Organisation.parse(organisation);

const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('letters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-letters-'));

  it.each(letterKinds.map((k) => [k, letterLabels[k]]))(
    'renders %s (%s) as a valid A4 PDF with embedded fonts and 禁則',
    async (kind) => {
      const letter = buildLetter(kind, caseFor(kind), org, {
        documentNo: '個保第42号',
        date: '2026-11-22',
        dateStyle: 'wareki',
      });
      const rendered = await renderLetter(letter, fonts, { windowEnvelope: kind === 'receipt', seal: null });
      for (const [i, line] of rendered.lines.entries()) {
        const chars = Array.from(line);
        expect(NO_LINE_START.has(chars[0] ?? ''), `line ${i} starts: ${line}`).toBe(false);
        expect(NO_LINE_END.has(chars.at(-1) ?? ''), `line ${i} ends: ${line}`).toBe(false);
      }
      const file = join(dir, `${kind}.pdf`);
      writeFileSync(file, rendered.bytes);
      expect(tool('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors found/);
      const fontsOut = tool('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      expect(fontsOut.length).toBeGreaterThan(0);
      for (const row of fontsOut) expect(row, row).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
      const text = tool('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' ');
      expect(text).toContain('山田 太郎 様');
      expect(text).toContain('2026-0042');
      expect(text).toContain('以上');
      expect(text).toContain('令和8年11月22日');
      expect(text).toContain(letter.title.slice(0, 10));
    },
  );

  it('states the decision, the article and the reason of a partial disclosure', async () => {
    const letter = buildLetter('disclosureDecision', caseFor('disclosureDecision'), org, {
      documentNo: '個保第43号',
      date: '2026-11-22',
      dateStyle: 'seireki',
    });
    const rendered = await renderLetter(letter, fonts, { windowEnvelope: false, seal: null });
    const file = join(dir, 'partial.pdf');
    writeFileSync(file, rendered.bytes);
    const text = tool('pdftotext', [file, '-']).replace(/\s+/g, '');
    expect(text).toContain('一部開示');
    expect(text).toContain('第33条第2項第1号');
    expect(text).toContain('2026年11月22日');
    expect(text).toContain('【お問い合わせ先】お客様相談室');
  });

  it('moves a long list of defects to a 別紙 page and numbers the pages', async () => {
    const c = caseFor('cure');
    const long = {
      ...c,
      cure: {
        defects: Array.from({ length: 12 }, (_, i) => `不備の内容その${i + 1}。書類の写しをご提出ください。`),
        dueDate: '2026-11-16',
        requestedOn: '2026-11-04',
      },
    };
    const rendered = await renderLetter(
      buildLetter('cure', long, org, { documentNo: '個保第44号', date: '2026-11-22', dateStyle: 'wareki' }),
      fonts,
      {
        windowEnvelope: false,
        seal: null,
      },
    );
    expect(rendered.pages).toBe(2);
    const file = join(dir, 'annex.pdf');
    writeFileSync(file, rendered.bytes);
    const text = tool('pdftotext', [file, '-']);
    expect(text).toContain('別紙');
    expect(text).toMatch(/2\s*\/\s*2/);
    expect(text).toContain('不備の内容その12');
  });
});
