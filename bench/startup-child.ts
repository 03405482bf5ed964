// One cold start, bundled by bench/groups/startup.ts and run in a fresh Node process: build the
// services over an existing vault (header read, database locked as at every real start: it can
// only be opened with a password, measured by the vault group) and answer app.info through the
// dispatcher.
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../electron/main/log';
import { createServices } from '../electron/main/composition';

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
  const result = await dispatch('app.info', {}, true);
  if (!result.ok) throw new Error(result.error.code);
  process.stdout.write(
    `${JSON.stringify({ answered: true, state: (result.data as { database: { state: string } }).database.state })}\n`,
  );
  // The memory of a main process that has started and answered (modules loaded, nothing opened).
  global.gc?.();
  process.stdout.write(`${JSON.stringify({ rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`);
  await services.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
