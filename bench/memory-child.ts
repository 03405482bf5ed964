// The memory of main after a working session on a large vault, bundled by bench/groups/memory.ts
// and run in a fresh Node process: build the services as the app does, log in, open the list and
// the dashboard, make last month's report, and print the resident memory after each step.
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../electron/main/log';
import { createServices } from '../electron/main/composition';
import { listFilter } from '../core/contract';
import { addDays, japanToday } from '../core/domain/dates';

const rss = () => Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;

async function main(): Promise<void> {
  const dataDir = process.env['BENCH_DATA_DIR'] ?? '';
  const logger = createMemoryLogger();
  const services = createServices({
    runtime: { appName: 'Madoguchi', version: 'bench', runtime: 'harness', platform: process.platform, dataDir },
    logger,
    resourcesDir: process.env['BENCH_RESOURCES_DIR'] ?? '',
  });
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger,
    validateOutput: false,
    context: services.context,
  });
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(channel, input, true);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  const out: Record<string, number> = { started: rss() };
  await services.vault.login('admin', process.env['BENCH_PASSWORD'] ?? '');
  out['opened'] = rss();
  await call('requests.list', listFilter());
  await call('requests.dashboard', {});
  out['listed'] = rss();
  const today = japanToday(new Date());
  await call('reports.get', { kind: 'month', value: addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7) });
  out['reported'] = rss();
  process.stdout.write(`${JSON.stringify(out)}\n`);
  await services.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
