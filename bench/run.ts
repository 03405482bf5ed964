// `npm run bench [-- FILTER…]`: runs the groups whose name starts with a FILTER and prints one JSON
// object per metric and line: {"name": …, "value": …, "unit": …}.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchGroup, Metric } from './lib';
import { intake } from './groups/intake';
import { letters } from './groups/letters';
import { memory } from './groups/memory';
import { processing } from './groups/processing';
import { reports } from './groups/reports';
import { startup } from './groups/startup';
import { vault } from './groups/vault';
import { disclosure } from './groups/disclosure';
import { mainThread } from './groups/main';
import { postgres } from './groups/postgres';

const groups: BenchGroup[] = [
  startup,
  vault,
  intake,
  processing,
  letters,
  reports,
  memory,
  disclosure,
  mainThread,
  postgres,
];

function machine(): Metric {
  const cpus = os.cpus();
  let flags: string[] = [];
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('flags'));
    const all = new Set((line ?? '').split(':')[1]?.trim().split(/\s+/) ?? []);
    flags = ['sse4_2', 'pclmulqdq', 'aes', 'sha_ni', 'avx2', 'avx512f', 'avx512ifma', 'vaes'].filter((f) => all.has(f));
  } catch {
    // Not Linux: the model and count say enough.
  }
  const note = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(2) ?? '?'}${flags.length ? `, flags: ${flags.join(' ')}` : ''}`;
  return { name: 'bench.machine', value: null, unit: '', note };
}

async function main(): Promise<void> {
  const filters = process.argv.length > 2 ? process.argv.slice(2) : [''];
  const matches = (g: BenchGroup, filter: string) => g.name.startsWith(filter) || filter.startsWith(`${g.name}.`);
  const unknown = filters.filter((f) => !groups.some((g) => matches(g, f)));
  if (unknown.length > 0) {
    process.stderr.write(
      `No benchmark group matches "${unknown.join('", "')}". Groups: ${groups.map((g) => g.name).join(', ')}\n`,
    );
    process.exit(2);
  }
  const chosen = groups.filter((g) => filters.some((f) => matches(g, f)));
  // The machine the figures were taken on: a figure from another machine is compared with this
  // in mind (a slower core, a CPU without SHA or AES instructions, fewer cores).
  process.stdout.write(`${JSON.stringify(machine())}\n`);
  for (const group of chosen) {
    for (const metric of await group.run()) process.stdout.write(`${JSON.stringify(metric)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
