import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLetter, type Letter } from '../../core/domain/letters/catalogue';
import { sampleLetterCase } from '../../core/domain/letters/sample';
import { Organisation } from '../../core/domain/organisation';
import { LetterFonts, renderLetter } from '../../electron/main/pdf/letter';
import { PadesSigner, readPkcs12 } from '../../electron/main/pdf/sign';
import { makeP12 } from '../../electron/main/pdf/test-certificate';
import { organisation, RESOURCES_DIR } from '../../electron/main/testing/support';
import { median, round, type BenchGroup, type Metric } from '../lib';

const BATCH = 100;
const SP = '\u3000';

function letterFor(i: number): Letter {
  return buildLetter(
    'disclosureDecision',
    { ...sampleLetterCase, receiptNo: `2026-${String(i + 1).padStart(4, '0')}` },
    Organisation.parse(organisation),
    { documentNo: `個保第${i + 1}号`, date: '2026-11-22', dateStyle: 'wareki' },
  );
}

// The same letter as HTML, for LibreOffice's converter (unsigned: it cannot sign PAdES).
function html(letter: Letter): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="ja"><meta charset="utf-8"><style>@page{size:A4;margin:20mm 20mm 22mm 25mm}
body{font-family:"IPAexMincho";font-size:10.5pt;line-height:1.7}h1{font-family:"IPAexGothic";font-size:13pt;text-align:center}
.r{text-align:right}</style><body><p class="r">${esc(letter.documentNo)}<br>${esc(letter.date)}</p>
<p>〒${esc(letter.addressee.postalCode)}<br>${esc(letter.addressee.address)}<br>${esc(letter.addressee.name)}${SP}様</p>
<p class="r">${esc(letter.sender.company)}<br>${esc(letter.sender.officer)}</p><h1>${esc(letter.title)}</h1>
${letter.body.map((b) => `<p>${SP}${esc(b)}</p>`).join('')}<p style="text-align:center">記</p>
<ol>${letter.items.map((it) => `<li><b>${esc(it.label)}</b>${SP}${esc(it.text)}</li>`).join('')}</ol><p class="r">以上</p></body></html>`;
}

export const letters: BenchGroup = {
  name: 'letters',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-letters-'));
    try {
      const identity = readPkcs12(makeP12(work, 'bench'), 'bench');
      const fonts = LetterFonts.inResources(RESOURCES_DIR);
      // One signer per certificate, as the app keeps it.
      const signer = new PadesSigner(identity);
      const sign = (i: number) =>
        renderLetter(letterFor(i), fonts, {
          windowEnvelope: false,
          seal: null,
          signature: {
            signer,
            at: new Date(),
            name: 'Bench',
            reason: 'bench',
            location: 'Tokyo',
            contactInfo: '',
          },
        });
      // Cold: the first letter of a process, with the font read and parsed.
      let started = performance.now();
      await sign(0);
      const cold = performance.now() - started;
      // Warm: one signed letter with the fonts already loaded (median of 30).
      const warm: number[] = [];
      for (let i = 1; i <= 30; i++) {
        started = performance.now();
        await sign(i);
        warm.push(performance.now() - started);
      }
      started = performance.now();
      for (let i = 0; i < BATCH; i++) await sign(i);
      const ours = performance.now() - started;
      const metrics: Metric[] = [
        { name: 'letters.signed_ms_cold', value: round(cold), unit: 'ms' },
        { name: 'letters.signed_ms_warm', value: round(median(warm)), unit: 'ms' },
        { name: 'letters.batch100_ms', value: round(ours), unit: 'ms' },
      ];
      // LibreOffice headless converting 100 equivalent HTML letters, when it is installed.
      const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version']).status === 0);
      if (soffice) {
        const dir = join(work, 'html');
        const files = Array.from({ length: BATCH }, (_, i) => {
          const f = join(work, `letter${i}.html`);
          writeFileSync(f, html(letterFor(i)));
          return f;
        });
        started = performance.now();
        const r = spawnSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
          stdio: 'ignore',
        });
        const theirs = performance.now() - started;
        if (r.status === 0) {
          metrics.push(
            { name: 'letters.libreoffice_batch100_ms', value: round(theirs), unit: 'ms' },
            { name: 'letters.vs_libreoffice_ratio', value: round(theirs / ours), unit: 'x' },
          );
        }
      }
      return metrics;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
