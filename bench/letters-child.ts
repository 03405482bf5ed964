// 100 signed letters as one cold process, bundled by bench/groups/letters.ts and run in a fresh
// Node process, against LibreOffice converting the same letters in one soffice process: read the
// certificate and fonts, render and sign each letter, write it to the output folder, exit.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LetterFonts, renderLetter } from '../electron/main/pdf/letter';
import { PadesSigner, readPkcs12 } from '../electron/main/pdf/sign';
import { benchLetter } from './letters-text';

async function main(): Promise<void> {
  const out = process.env['BENCH_OUT'] ?? '';
  const count = Number(process.env['BENCH_COUNT'] ?? '100');
  mkdirSync(out, { recursive: true });
  const signer = new PadesSigner(readPkcs12(readFileSync(process.env['BENCH_P12'] ?? ''), 'bench'));
  const fonts = LetterFonts.inResources(process.env['BENCH_RESOURCES_DIR'] ?? '');
  for (let i = 0; i < count; i++) {
    const rendered = await renderLetter(benchLetter(i), fonts, {
      windowEnvelope: false,
      seal: null,
      signature: { signer, at: new Date(), name: 'Bench', reason: 'bench', location: 'Tokyo', contactInfo: '' },
    });
    writeFileSync(join(out, `letter${i}.pdf`), rendered.bytes);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
