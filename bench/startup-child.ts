// One cold start, bundled by bench/groups/startup.ts and run in a fresh Node process: build the
// services, open the encrypted database with a raw key, answer app.info through the dispatcher.
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../electron/main/log';
import { createServices } from '../electron/main/services';

async function main(): Promise<void> {
  const dataDir = process.env['BENCH_DATA_DIR'] ?? '';
  const key = Buffer.from(process.env['BENCH_KEY_HEX'] ?? '', 'hex');
  const logger = createMemoryLogger();
  const services = createServices({
    runtime: { appName: 'Madoguchi', version: 'bench', runtime: 'harness', platform: process.platform, dataDir },
    logger,
  });
  services.database.open(key, false);
  key.fill(0);
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger,
    validateOutput: false,
    context: () => ({ accountId: null }),
  });
  const result = await dispatch('app.info', {}, true);
  if (!result.ok) throw new Error(result.error.code);
  process.stdout.write(
    `${JSON.stringify({ answered: true, state: (result.data as { database: { state: string } }).database.state })}\n`,
  );
  await services.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
