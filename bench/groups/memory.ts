import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { japanToday } from '../../core/domain/dates';
import { BENCH_PASSWORD, BENCH_ROWS, type BenchGroup, median, openBenchVault, round } from '../lib';
import { fillRequests } from './processing';

const RUNS = 3;
const LEDGER_ROWS = 10_000;

// Main's resident memory after open + list + dashboard + monthly report on a BENCH_ROWS vault, in
// a fresh process running the services bundled with their packages outside, as the app does.
export const memory: BenchGroup = {
  name: 'memory',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-memory-'));
    try {
      const dataDir = join(work, 'vault');
      mkdirSync(dataDir);
      const { services } = await openBenchVault(dataDir);
      await fillRequests(services, BENCH_ROWS, japanToday(new Date()));
      await services.close();
      const script = resolve(__dirname, '../../node_modules/.cache/madoguchi-bench/memory-child.cjs');
      await build({
        entryPoints: [resolve(__dirname, '../memory-child.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: script,
        packages: 'external',
        logLevel: 'error',
      });
      const env = {
        ...process.env,
        BENCH_DATA_DIR: dataDir,
        BENCH_RESOURCES_DIR: resolve(__dirname, '../../resources'),
        BENCH_PASSWORD,
      };
      const runs: Record<string, number>[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`memory child failed: ${r.stderr.slice(0, 300)}`);
        runs.push(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>);
      }
      const m = (k: string) => round(median(runs.map((r) => r[k] ?? Number.NaN)));
      // The ledger of 10,000 requests as XLSX: the peak while it is written.
      const small = join(work, 'vault10k');
      mkdirSync(small);
      const ten = await openBenchVault(small);
      await fillRequests(ten.services, LEDGER_ROWS, japanToday(new Date()));
      await ten.services.close();
      const peaks: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const out = join(work, `ledger${i}`);
        mkdirSync(out);
        const r = spawnSync(process.execPath, [script], {
          env: { ...env, BENCH_DATA_DIR: small, BENCH_LEDGER_DIR: out },
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`ledger child failed: ${r.stderr.slice(0, 300)}`);
        const got = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { ledgerPeak: number; rows: number };
        if (got.rows !== LEDGER_ROWS) throw new Error(`ledger rows: ${got.rows}`);
        peaks.push(got.ledgerPeak);
      }
      return [
        { name: 'memory.main_rss_started_mb', value: m('started'), unit: 'MB', rows: BENCH_ROWS },
        { name: 'memory.main_rss_opened_mb', value: m('opened'), unit: 'MB', rows: BENCH_ROWS },
        { name: 'memory.main_rss_listed_mb', value: m('listed'), unit: 'MB', rows: BENCH_ROWS },
        { name: 'memory.main_rss_mb', value: m('reported'), unit: 'MB', rows: BENCH_ROWS },
        { name: 'memory.ledger_10k_peak_mb', value: round(median(peaks)), unit: 'MB', rows: LEDGER_ROWS },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
