import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, japanToday } from '../../core/domain/dates';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../../electron/main/log';
import { makeServices } from '../../electron/main/services/test-support';
import { fillRequests } from './processing';
import { BENCH_PASSWORD, createVault, median, round, type BenchGroup } from '../lib';

const ROWS = 100_000;

export const reports: BenchGroup = {
  name: 'reports',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-reports-'));
    try {
      const dataDir = join(work, 'vault');
      mkdirSync(dataDir);
      await createVault(dataDir);
      const services = makeServices(dataDir, { kdfCost: undefined });
      await services.vault.login('admin', BENCH_PASSWORD);
      const today = japanToday(new Date());
      fillRequests(services, ROWS, today);
      const dispatch = createDispatcher({
        handlers: services.handlers,
        logger: createMemoryLogger(),
        validateOutput: false,
        context: services.context,
      });
      // The monthly report of last month over 100,000 requests, as the screen asks for it.
      const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        const r = await dispatch('reports.get', { kind: 'month', value: month }, true);
        if (!r.ok) throw new Error(r.error.message);
        times.push(performance.now() - started);
      }
      await services.close();
      return [{ name: 'reports.monthly_100k_ms', value: round(median(times)), unit: 'ms' }];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
