import type { Migration } from './types';

// The bit of each kind in requests.kind_mask, as this migration wrote its triggers. Frozen: the
// app's table (tied to RequestKind) is repositories/request-lists-kinds.ts; a new kind takes the
// next bit there and a later migration recreates the triggers.
const KIND_BITS: Readonly<Record<string, number>> = {
  purpose: 1,
  disclosure: 2,
  thirdPartyRecords: 4,
  correction: 8,
  addition: 16,
  deletion: 32,
  suspension: 64,
  erasure: 128,
  stopThirdParty: 256,
};

const bitOf = (column: string) =>
  `CASE ${column} ${Object.entries(KIND_BITS)
    .map(([kind, bit]) => `WHEN '${kind}' THEN ${bit}`)
    .join(' ')} ELSE 0 END`;
const maskOf = (requestId: string) =>
  `(SELECT coalesce(sum(${bitOf('kind')}), 0) FROM request_items WHERE request_id = ${requestId})`;

// The request list filters by step, channel, period and kind and sorts by date and 受付番号,
// always without purged tombstones. Its indexes held only the filtered column and the date: every
// candidate row was then read from the table for its channel, its 受付番号, whether it was purged
// and its id (to probe request_items for the kind) — thousands of scattered page reads and
// probes for a broad filter once the vault outgrows the page cache (~140 ms at 300,000
// requests). The kinds asked for are now also kept on the request as a bit mask (triggers on
// request_items keep it, whatever writes them), and the list's indexes hold what the list
// reads, so counting and choosing a page touch only them. Each replaces the narrower index it
// starts like.
export const m0020ListIndexes: Migration = {
  version: 20,
  name: 'list-indexes',
  up: (db) => {
    db.exec(`
      ALTER TABLE requests ADD COLUMN kind_mask INTEGER NOT NULL DEFAULT 0;
      UPDATE requests SET kind_mask = ${maskOf('requests.id')};
      CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = ${maskOf('NEW.request_id')} WHERE id = NEW.request_id;
      END;
      CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = ${maskOf('OLD.request_id')} WHERE id = OLD.request_id;
      END;
      CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = ${maskOf('OLD.request_id')} WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = ${maskOf('NEW.request_id')} WHERE id = NEW.request_id;
      END;
      DROP INDEX requests_arrival;
      DROP INDEX requests_channel;
      DROP INDEX requests_status;
      CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
      CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
      CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
    `);
  },
};
