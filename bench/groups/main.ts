import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, japanToday } from '../../core/domain/dates';
import { fillRequests } from './processing';
import { BENCH_PASSWORD, BENCH_ROWS, type BenchGroup, type Metric, openBenchVault, round, watched } from '../lib';

const LEDGER_ROWS = 10_000;

// How long main's event loop is held while the long vault operations run on a BENCH_ROWS vault:
// a verified backup, a restore of it, a key rotation, and a 10,000-request ledger export.
export const mainThread: BenchGroup = {
  name: 'main',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-main-'));
    try {
      const out = join(work, 'out');
      mkdirSync(out);
      let open: string | null = null;
      const { services, call } = await openBenchVault(join(work, 'vault'), {
        dialogs: {
          openFile: () => Promise.resolve(open),
          saveFile: (o) => Promise.resolve(join(out, o.defaultName)),
        },
      });
      const today = japanToday(new Date());
      await fillRequests(services, BENCH_ROWS, today);
      const metrics: Metric[] = [];
      const stalls: number[] = [];
      const measure = async (name: string, op: () => Promise<unknown>) => {
        const r = await watched(op);
        stalls.push(r.stallMs);
        metrics.push(
          { name: `main.${name}_ms`, value: round(r.ms), unit: 'ms', rows: BENCH_ROWS },
          { name: `main.${name}_stall_ms`, value: round(r.stallMs), unit: 'ms', rows: BENCH_ROWS },
        );
      };
      await measure('backup', () => call('backup.create', { password: null }));
      open = join(out, readdirSync(out).find((f) => f.endsWith('.mdgbak')) ?? '');
      await call('backup.choose', {});
      await measure('restore', () => call('backup.restore', { password: null }));
      await services.vault.login('admin', BENCH_PASSWORD);
      await measure('rotation', () => call('backup.rotateKey', {}));
      // The fixture spreads arrivals over five years: the last ~10,000 of them.
      const from = addDays(today, -Math.round((1825 * LEDGER_ROWS) / BENCH_ROWS));
      await measure('ledger_10k', () => call('reports.ledger', { from, to: today, masked: false, format: 'xlsx' }));
      await services.close();
      metrics.push({
        name: 'main.max_stall_ms',
        value: round(Math.max(...stalls)),
        unit: 'ms',
        rows: BENCH_ROWS,
        note: 'the longest of backup, restore, rotation and ledger export',
      });
      return metrics;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
