// TEST-ONLY: `npm run harness -- --data-dir DIR [--port N]` serves the app for a person to look
// at in a browser, with the real services, on 127.0.0.1 only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
  });
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'madoguchi-harness-'));
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0–65535');
  const harness = await startHarness({ dataDir, port });
  process.stdout.write(`Madoguchi harness (test only)\n  data folder: ${dataDir}\n  open: ${harness.url}\n`);
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
