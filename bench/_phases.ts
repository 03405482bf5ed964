const t0 = performance.now();
const lap = (s: string) => process.stderr.write(`${s} ${(performance.now() - t0).toFixed(0)}\n`);
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
async function main() {
  lap('start(after static imports) ' + process.uptime().toFixed(3));
  const { LetterFonts, renderLetter } = await import('../electron/main/pdf/letter');
  lap('letter module');
  const { PadesSigner, readPkcs12 } = await import('../electron/main/pdf/sign');
  lap('sign module');
  const { benchLetter } = await import('./letters-text');
  const id = readPkcs12(readFileSync('/tmp/lp/bench.p12'), 'bench');
  lap('p12');
  const signer = new PadesSigner(id);
  const fonts = LetterFonts.inResources(process.env['BENCH_RESOURCES_DIR'] ?? '');
  await fonts.load();
  lap('fonts');
  mkdirSync('/tmp/lp/out', { recursive: true });
  for (let i = 0; i < 100; i++) {
    const r = await renderLetter(benchLetter(i), fonts, { windowEnvelope: false, seal: null,
      signature: { signer, at: new Date(), name: 'Bench', reason: 'bench', location: 'Tokyo', contactInfo: '' } });
    writeFileSync(join('/tmp/lp/out', `l${i}.pdf`), r.bytes);
    if (i < 3 || i === 99) lap('letter ' + i);
  }
}
void main();
