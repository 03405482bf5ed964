import type { Migration } from './types';

// A request split off another at intake (issue 33 §4): one envelope asked for kinds with a fee
// and kinds without one (訂正・利用停止等, 法38条), and the fee was short. The fee-free kinds go
// ahead as a request of their own, with the same 到達日 and a branch number (2026-0123-2);
// split_from names the request they came from, so each request's page and letters name the
// other. A request's own rows never go while another names it (purging keeps tombstones); the
// link is cleared, not the request, should one ever be deleted.
export const m0025SplitRequests: Migration = {
  version: 25,
  name: 'split-requests',
  up: (db) => {
    db.exec(`
      ALTER TABLE requests ADD COLUMN split_from TEXT REFERENCES requests(id) ON DELETE SET NULL;
      CREATE INDEX requests_split_from ON requests (split_from) WHERE split_from IS NOT NULL;
    `);
  },
  postgres: `
    ALTER TABLE requests ADD COLUMN split_from text COLLATE "C" REFERENCES requests(id) ON DELETE SET NULL;
    CREATE INDEX requests_split_from ON requests (split_from) WHERE split_from IS NOT NULL;
  `,
};
