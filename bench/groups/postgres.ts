import { startPostgres } from '../../electron/main/testing/postgres';
import { benchOnPostgres, type BenchGroup, type Metric } from '../lib';
import { intake } from './intake';
import { processing } from './processing';
import { reports } from './reports';

// The same figures as the processing, reports and intake groups, with the vault's storage on a
// PostgreSQL server over loopback TCP (a fresh cluster from Debian's package, with its normal
// durability: fsync and synchronous commit on), beside the embedded vault's.
export const postgres: BenchGroup = {
  name: 'postgres',
  run: async () => {
    const cluster = await startPostgres({ loopback: true, durable: true });
    benchOnPostgres(cluster.server);
    try {
      const out: Metric[] = [];
      for (const group of [processing, reports, intake]) {
        for (const m of await group.run()) out.push({ ...m, name: `postgres.${m.name}` });
      }
      return out;
    } finally {
      benchOnPostgres(null);
      await cluster.stop();
    }
  },
};
