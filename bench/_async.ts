import { createHook } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { LetterFonts, renderLetter } from '../electron/main/pdf/letter';
import { PadesSigner, readPkcs12 } from '../electron/main/pdf/sign';
import { benchLetter } from './letters-text';
async function main() {
  const signer = new PadesSigner(readPkcs12(readFileSync('/tmp/lp/bench.p12'), 'bench'));
  const fonts = LetterFonts.inResources(process.env['BENCH_RESOURCES_DIR'] ?? '');
  const sign = (i: number) => renderLetter(benchLetter(i), fonts, { windowEnvelope: false, seal: null,
      signature: { signer, at: new Date(), name: 'Bench', reason: 'bench', location: 'Tokyo', contactInfo: '' } });
  for (let i = 0; i < 10; i++) await sign(i);
  const types = new Map<string, number>(); const stacks = new Map<string, number>();
  const h = createHook({ init(_id, type) { if (type === 'PROMISE') return; types.set(type, (types.get(type) ?? 0) + 1);
    const s = (new Error().stack ?? '').split('\n').slice(2, 9).join(' | '); stacks.set(s, (stacks.get(s) ?? 0) + 1); } });
  h.enable();
  const t = performance.now();
  for (let i = 0; i < 20; i++) await sign(i);
  h.disable();
  console.log('ms/letter', ((performance.now() - t) / 20).toFixed(1), [...types]);
  for (const [s, n] of stacks) console.log(n, s.replace(/\s+/g, ' ').slice(0, 600));
}
void main();
