import { sql } from 'kysely';
import { preparedQuery } from '../prepared-query';
import type { Q } from '../store';
import { kindsOf } from './request-lists';
import { among, idsValue, type IdsValue, type ReportSourceRow } from './reports';

// The requests whose report facts must be recomputed (marked by triggers, migration 0017).
const stale = preparedQuery((q, limit: number) => q.selectFrom('report_facts_stale').select('request_id').limit(limit));
export async function staleReportFactIds(q: Q, limit: number): Promise<string[]> {
  return (await stale(q, limit)).rows.map((r) => r.request_id);
}

// Marks every request stale (the whole history is computed again when next needed).
export async function markAllReportFactsStale(q: Q): Promise<void> {
  await q
    .insertInto('report_facts_stale')
    .columns(['request_id'])
    // SQLite reads `ON CONFLICT` after `FROM requests` as a join's ON unless a WHERE comes between
    // (its documented parsing ambiguity of INSERT … SELECT with an upsert).
    .expression((eb) =>
      eb
        .selectFrom('requests')
        .select('id')
        .where(sql<boolean>`true`),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

// The stored columns of those requests (the ones that no longer exist are absent).
const sources = preparedQuery((q, ids: IdsValue) =>
  q
    .selectFrom('requests as r')
    .select((eb) => [
      'r.id',
      'r.arrival_date',
      'r.channel',
      'r.requester_type',
      'r.status',
      'r.closed_on',
      'r.sla_date',
      'r.article39_date',
      'r.outside_law_json',
      'r.split_from',
      'r.extension_json',
      kindsOf(q)(eb),
    ])
    .where(among(q, 'r.id', ids)),
);
export async function reportSourcesByIds(q: Q, ids: readonly string[]): Promise<ReportSourceRow[]> {
  if (ids.length === 0) return [];
  return (await sources(q, idsValue(q, ids))).rows;
}

// Replaces the facts of `ids` with `rows` (a request absent from rows has none) and clears them
// from the stale list. Its writes belong together: call it inside the caller's transaction (as
// refreshing the facts does, with the reads they are computed from).
export async function replaceReportFacts(
  q: Q,
  ids: readonly string[],
  rows: readonly { requestId: string; bucket: string; arrivalDate: string; data: string }[],
): Promise<void> {
  if (ids.length > 0) {
    const value = idsValue(q, ids);
    await factsDelete(q, value);
    await staleDelete(q, value);
  }
  // A few hundred rows per statement (4 parameters each: far below either engine's limit).
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    await q
      .insertInto('report_facts')
      .values(
        rows.slice(i, i + INSERT_ROWS).map((r) => ({
          bucket: r.bucket,
          request_id: r.requestId,
          arrival_date: r.arrivalDate,
          data: r.data,
        })),
      )
      .execute();
  }
}

const INSERT_ROWS = 500;
const factsDelete = preparedQuery((q, ids: IdsValue) =>
  q.deleteFrom('report_facts').where(among(q, 'request_id', ids)),
);
const staleDelete = preparedQuery((q, ids: IdsValue) =>
  q.deleteFrom('report_facts_stale').where(among(q, 'request_id', ids)),
);

// The facts of every request that can count in a report reaching back to `since`: every open one
// that had arrived by `until`, and every one closed since `since`. Two range reads of the
// clustered table.
export async function readReportFacts(q: Q, until: string, since: string): Promise<string[]> {
  const open = await q
    .selectFrom('report_facts')
    .select('data')
    .where('bucket', '=', '')
    .where('arrival_date', '<=', until)
    .execute();
  const closed = await q
    .selectFrom('report_facts')
    .select('data')
    .where('bucket', '>=', since)
    .where('arrival_date', '<=', until)
    .execute();
  return [...open, ...closed].map((r) => r.data);
}
