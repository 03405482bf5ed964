import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, japanToday } from '../../core/domain/dates';
import { markAllReportFactsStale } from '../../electron/main/db/repositories/report-facts';
import { refreshReportFactsInSteps } from '../../electron/main/reports/facts';
import { fillRequests } from './processing';
import { BENCH_ROWS, type BenchGroup, median, openBenchVault, round } from '../lib';

const ROWS = BENCH_ROWS;
const LEDGER_ROWS = 10_000;

export const reports: BenchGroup = {
  name: 'reports',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-reports-'));
    try {
      const dataDir = join(work, 'vault');
      mkdirSync(dataDir);
      const { services, call } = await openBenchVault(dataDir);
      const today = japanToday(new Date());
      await fillRequests(services, ROWS, today);
      // What a vault just migrated to version 17 computes once: every request's report facts
      // (after which each write keeps its own up to date).
      await services.vault.store().transaction((tx) => markAllReportFactsStale(tx));
      const backfillStarted = performance.now();
      const computed = await refreshReportFactsInSteps(() => services.vault.store());
      const backfillMs = performance.now() - backfillStarted;
      if (computed !== ROWS) throw new Error(`report facts computed: ${computed}`);
      // The monthly report of last month over ROWS requests, as the screen asks for it.
      const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        await call('reports.get', { kind: 'month', value: month });
        times.push(performance.now() - started);
      }
      await services.close();

      // The ledger of 10,000 requests as XLSX, written where a save dialog would put it.
      const ledgerDir = join(work, 'ledger');
      mkdirSync(ledgerDir);
      const small = await openBenchVault(join(work, 'vault10k'), {
        dialogs: {
          openFile: () => Promise.resolve(null),
          saveFile: (o) => Promise.resolve(join(ledgerDir, o.defaultName)),
        },
      });
      await fillRequests(small.services, LEDGER_ROWS, today);
      const started = performance.now();
      const saved = (await small.call('reports.ledger', {
        from: '2000-01-01',
        to: today,
        masked: false,
        format: 'xlsx',
      })) as { rows: number };
      const ledgerMs = performance.now() - started;
      if (saved.rows !== LEDGER_ROWS) throw new Error(`ledger rows: ${saved.rows}`);
      await small.services.close();
      return [
        { name: `reports.monthly_${ROWS / 1000}k_ms`, value: round(median(times)), unit: 'ms', rows: ROWS },
        { name: `reports.facts_backfill_${ROWS / 1000}k_ms`, value: round(backfillMs), unit: 'ms', rows: ROWS },
        { name: 'reports.ledger_xlsx_10k_ms', value: round(ledgerMs), unit: 'ms' },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
