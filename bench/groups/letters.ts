import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LetterFonts, renderLetter } from '../../electron/main/pdf/letter';
import { deflateSpent } from '../../electron/main/pdf/deflate';
import { PadesSigner, readPkcs12 } from '../../electron/main/pdf/sign';
import { makeP12 } from '../../electron/main/pdf/test-certificate';
import { RESOURCES_DIR } from '../../electron/main/testing/support';
import { benchLetter as letterFor, benchLetterHtml as html } from '../letters-text';
import { median, round, type BenchGroup, type Metric } from '../lib';

const BATCH = 100;
// Warm letters measured after WARM_UP letters, for the median.
const WARM_UP = 20;
const WARM = 200;
// Whole-process runs of ours and LibreOffice's, alternately.
const WHOLE_RUNS = 3;

function timedRun(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (r.status !== 0)
    throw new Error(`${cmd} failed (exit ${String(r.status)}): ${r.stderr.toString('utf8').slice(0, 300)}`);
  return ms;
}

// Whether this LibreOffice converts HTML to PDF at all: Calc alone (libreoffice-calc-nogui, as CI
// installs for the ledger test) runs and exits 0 but writes nothing.
function writerConverts(soffice: string, work: string): boolean {
  const probe = join(work, 'probe');
  mkdirSync(probe, { recursive: true });
  const html = join(probe, 'probe.html');
  writeFileSync(html, '<p>probe</p>');
  const args = ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export'];
  spawnSync(soffice, [...args, '--outdir', probe, html], { stdio: 'ignore' });
  return existsSync(join(probe, 'probe.pdf'));
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
      // Warm: one signed letter with the fonts already loaded and the signer prepared: the median
      // of WARM letters after WARM_UP.
      for (let i = 1; i <= WARM_UP; i++) await sign(i);
      const warm: number[] = [];
      // Where a warm letter's time goes: deflate (native zlib) and the RSA signature (OpenSSL)
      // are timed apart from the rest (layout, subsetting and writing the PDF: JavaScript).
      deflateSpent.ms = 0;
      deflateSpent.bytes = 0;
      let signMs = 0;
      const signOnce = signer.sign.bind(signer);
      signer.sign = async (pdf: Buffer) => {
        const at = performance.now();
        const out = await signOnce(pdf);
        signMs += performance.now() - at;
        return out;
      };
      const cpu = process.cpuUsage();
      for (let i = 0; i < WARM; i++) {
        started = performance.now();
        await sign(i);
        warm.push(performance.now() - started);
      }
      const used = process.cpuUsage(cpu);
      // CPU time beside the wall-clock median: a machine that waits (for a core, for the disk)
      // shows a wall time above its CPU time.
      const warmCpu = (used.user + used.system) / 1000 / WARM;
      const warmDeflate = deflateSpent.ms / WARM;
      const warmDeflateKb = deflateSpent.bytes / 1024 / WARM;
      const warmSign = signMs / WARM;
      started = performance.now();
      for (let i = 0; i < BATCH; i++) await sign(i);
      const ours = performance.now() - started;
      const metrics: Metric[] = [
        { name: 'letters.signed_ms_cold', value: round(cold), unit: 'ms' },
        { name: 'letters.signed_ms_warm', value: round(median(warm)), unit: 'ms' },
        { name: 'letters.signed_cpu_ms_warm', value: round(warmCpu), unit: 'ms' },
        { name: 'letters.warm_deflate_ms', value: round(warmDeflate), unit: 'ms', note: `${round(warmDeflateKb)} KB` },
        { name: 'letters.warm_sign_ms', value: round(warmSign), unit: 'ms' },
        { name: 'letters.batch100_ms', value: round(ours), unit: 'ms' },
      ];
      // Whole processes: BATCH signed letters as one cold Node process (the app's code bundled as
      // the app bundles it, its packages outside) against LibreOffice converting the same BATCH
      // letters as HTML in one soffice process, each writing its PDFs to a folder, alternately.
      const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version']).status === 0);
      if (!soffice || !writerConverts(soffice, work)) {
        const note = soffice
          ? 'not measured: LibreOffice has no Writer here (install libreoffice-writer-nogui)'
          : 'not measured: soffice is absent (install libreoffice-writer-nogui)';
        metrics.push(
          { name: 'letters.whole_100_ms', value: null, unit: 'ms', note },
          { name: 'letters.libreoffice_whole_100_ms', value: null, unit: 'ms', note },
          { name: 'letters.whole_100_vs_libreoffice', value: null, unit: 'x', note },
        );
        return metrics;
      }
      const p12 = join(work, 'bench.p12');
      writeFileSync(p12, makeP12(work, 'bench'));
      // Inside the project, where its packages resolve as they do for the app (the font parser
      // is imported dynamically, which NODE_PATH does not reach).
      const script = resolve(__dirname, '../../node_modules/.cache/madoguchi-bench/letters-child.cjs');
      await build({
        entryPoints: [resolve(__dirname, '../letters-child.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: script,
        packages: 'external',
        logLevel: 'error',
      });
      const files = Array.from({ length: BATCH }, (_, i) => {
        const f = join(work, `letter${i}.html`);
        writeFileSync(f, html(letterFor(i)));
        return f;
      });
      const env = {
        ...process.env,
        BENCH_P12: p12,
        BENCH_RESOURCES_DIR: RESOURCES_DIR,
        BENCH_COUNT: String(BATCH),
      };
      const oursWhole: number[] = [];
      const theirsWhole: number[] = [];
      for (let run = 0; run < WHOLE_RUNS; run++) {
        const outOurs = join(work, `ours${run}`);
        oursWhole.push(timedRun(process.execPath, [script], { ...env, BENCH_OUT: outOurs }));
        const outTheirs = join(work, `theirs${run}`);
        // Imported as a Writer document (not Writer/Web, which puts a blank page first).
        const args = ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export'];
        theirsWhole.push(timedRun(soffice, [...args, '--outdir', outTheirs, ...files], process.env));
        for (const dir of [outOurs, outTheirs]) {
          const made = readdirSync(dir).filter((f) => f.endsWith('.pdf')).length;
          if (made !== BATCH) throw new Error(`${dir}: ${made} of ${BATCH} letters written`);
        }
      }
      metrics.push(
        { name: 'letters.whole_100_ms', value: round(median(oursWhole)), unit: 'ms' },
        { name: 'letters.libreoffice_whole_100_ms', value: round(median(theirsWhole)), unit: 'ms' },
        { name: 'letters.whole_100_vs_libreoffice', value: round(median(theirsWhole) / median(oursWhole)), unit: 'x' },
      );
      return metrics;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
