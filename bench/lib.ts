import { createDatabase, type PgServer } from '../electron/main/testing/postgres';
import type { PostgresConnection } from '../electron/main/db/store-engines';
import { mkdirSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Organisation } from '../core/domain/organisation';
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../electron/main/log';
import type { Services, ServiceOptions } from '../electron/main/composition';
import { makeServices, organisation } from '../electron/main/testing/support';
import type { KdfCost } from '../electron/main/vault/kdf';

// A figure, or null with a note saying why it was not measured.
export type Metric = { name: string; value: number | null; unit: string; rows?: number; note?: string };

// Requests in the vaults of the list and report benchmarks: `BENCH_ROWS=10000|100000|300000`.
export const BENCH_ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
export type BenchGroup = { name: string; run: () => Promise<Metric[]> };

export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const BENCH_PASSWORD = 'bench passphrase 2026';

// Creates a vault with one administrator ("admin"), then locks it.
// The PostgreSQL server the "postgres" group runs the same benchmarks on (null: the embedded
// SQLite vault). Each data folder gets an empty database of its own, migrated by the vault.
let benchServer: PgServer | null = null;
const benchDatabases = new Map<string, Promise<PostgresConnection>>();
export function benchOnPostgres(server: PgServer | null): void {
  benchServer = server;
  benchDatabases.clear();
}
function engineOptions(dataDir: string): Partial<ServiceOptions> {
  const server = benchServer;
  if (!server) return {};
  return {
    postgres: () => {
      let database = benchDatabases.get(dataDir);
      if (!database) {
        database = createDatabase(server, 'template0').then((d) => d.connection);
        benchDatabases.set(dataDir, database);
      }
      return database;
    },
  };
}

export async function createVault(dataDir: string, kdfCost?: () => Promise<KdfCost>): Promise<void> {
  // Without a cost given, the KDF is calibrated as in the app (about 0.5 s).
  const services = makeServices(dataDir, { kdfCost, ...engineOptions(dataDir) });
  await services.vault.setup({
    organisation: Organisation.parse(organisation),
    admin: { loginName: 'admin', displayName: 'ベンチ管理者', password: BENCH_PASSWORD },
  });
  await services.close();
}

// A new vault in dataDir, opened as the administrator with the app's KDF, and a way to call its
// channels through the real dispatcher (what a benchmark measures).
export async function openBenchVault(
  dataDir: string,
  options: Partial<ServiceOptions> = {},
): Promise<{ services: Services; call: (channel: string, input: unknown) => Promise<unknown> }> {
  mkdirSync(dataDir, { recursive: true });
  await createVault(dataDir);
  const services = makeServices(dataDir, { kdfCost: undefined, ...engineOptions(dataDir), ...options });
  await services.vault.login('admin', BENCH_PASSWORD);
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger: createMemoryLogger(),
    validateOutput: false,
    context: services.context,
  });
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(channel, input, true);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  return { services, call };
}

// The longest stretch main's event loop was blocked while `work` ran, in ms.
export async function watched<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  delay.disable();
  return { result, ms, stallMs: delay.max / 1e6 };
}
