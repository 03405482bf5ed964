// The memory of main after a working session on a large vault, bundled by bench/groups/memory.ts
// and run in a fresh Node process: build the services as the app does, log in, open the list and
// the dashboard, make last month's report, and print the resident memory after each step.
import { join } from 'node:path';
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../electron/main/log';
import { createServices } from '../electron/main/composition';
import { listFilter } from '../core/contract';
import { addDays, japanToday } from '../core/domain/dates';

const rss = () => Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;

async function main(): Promise<void> {
  const dataDir = process.env['BENCH_DATA_DIR'] ?? '';
  const logger = createMemoryLogger();
  // BENCH_LEDGER_DIR: instead, export the ledger of the whole vault as XLSX into that folder and
  // print the peak resident memory while it is written (sampled every 10 ms).
  const ledgerDir = process.env['BENCH_LEDGER_DIR'];
  const services = createServices({
    runtime: { appName: 'Madoguchi', version: 'bench', runtime: 'harness', platform: process.platform, dataDir },
    logger,
    resourcesDir: process.env['BENCH_RESOURCES_DIR'] ?? '',
    dialogs: {
      openFile: () => Promise.resolve(null),
      saveFile: (o) => Promise.resolve(ledgerDir ? join(ledgerDir, o.defaultName) : null),
    },
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
  if (ledgerDir) {
    let peak = rss();
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss());
    }, 10);
    const saved = (await call('reports.ledger', {
      from: '2000-01-01',
      to: japanToday(new Date()),
      masked: false,
      format: 'xlsx',
    })) as { rows: number };
    clearInterval(sampler);
    process.stdout.write(`${JSON.stringify({ ledgerPeak: Math.max(peak, rss()), rows: saved.rows })}\n`);
    await services.close();
    return;
  }
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
