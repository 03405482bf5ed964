import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createVault, median, round, type BenchGroup } from '../lib';

const RUNS = 7;

// Time from spawning a cold Node process to the line that says app.info was answered.
function coldStart(script: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; rssMb: number }> {
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let answeredAt: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (answeredAt === null && out.includes('"answered":true')) answeredAt = performance.now();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || answeredAt === null) reject(new Error(`startup child failed (exit ${String(code)})`));
      else {
        const rss = /"rssMb":([\d.]+)/.exec(out);
        resolveRun({ ms: answeredAt - started, rssMb: rss ? Number(rss[1]) : Number.NaN });
      }
    });
  });
}

export const startup: BenchGroup = {
  name: 'startup',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-startup-'));
    try {
      // The child runs the same code as the app, bundled as the app is, not through a TS loader.
      const script = join(work, 'startup-child.cjs');
      await build({
        entryPoints: [resolve(__dirname, '../startup-child.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: script,
        external: ['better-sqlite3-multiple-ciphers'],
        nodePaths: [resolve(__dirname, '../../node_modules')],
      });
      const dataDir = join(work, 'data');
      mkdirSync(dataDir);
      await createVault(dataDir);
      const env = {
        ...process.env,
        BENCH_DATA_DIR: dataDir,
        BENCH_RESOURCES_DIR: resolve(__dirname, '../../resources'),
        NODE_PATH: resolve(__dirname, '../../node_modules'),
      };
      const samples: { ms: number; rssMb: number }[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await coldStart(script, env));
      return [
        { name: 'startup.first_call_ms', value: round(median(samples.map((s) => s.ms))), unit: 'ms' },
        { name: 'memory.main_rss_after_start_mb', value: round(median(samples.map((s) => s.rssMb))), unit: 'MB' },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
