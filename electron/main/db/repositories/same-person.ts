import type { RequestSummary } from '../../../../core/contract';
import type { Q } from '../store';
import { among, summaries, toSummary } from './request-lists';

// The candidates for earlier requests of the same person: those whose principal has the same
// 氏名 or the same フリガナ (search keys, each with its index), newest first, from the period's
// first 到達日 on (open requests whatever their age). The caller compares the rest (生年月日,
// 住所, 電話番号) on the principal's stored data it gets with each. Purged requests are never
// listed.
export async function findSamePersonCandidates(
  q: Q,
  key: { name: string; kana: string },
  d: { since: string; closedStatuses: readonly string[]; excludeId: string | null; limit: number },
): Promise<{ summary: RequestSummary; principal: string }[]> {
  const { name, kana } = key;
  const { excludeId } = d;
  if (!name && !kana) return [];
  const found = await summaries(q)
    .where((eb) =>
      eb.and([
        eb.or([...(name ? [eb('r.search_name', '=', name)] : []), ...(kana ? [eb('r.search_kana', '=', kana)] : [])]),
        eb.or([eb('r.arrival_date', '>=', d.since), among(eb, d.closedStatuses, 'not in')]),
        eb('r.purged_at', 'is', null),
        ...(excludeId ? [eb('r.id', '<>', excludeId)] : []),
      ]),
    )
    .orderBy('r.arrival_date', 'desc')
    .orderBy('r.receipt_no', 'desc')
    .limit(d.limit)
    .execute();
  return found.map((r) => ({ summary: toSummary(r), principal: r.principal ?? '{}' }));
}

// The stored decisions of some requests (a page of them, by primary key).
export async function decisionsOf(
  q: Q,
  ids: readonly string[],
): Promise<{ request_id: string; kind: string; data: string }[]> {
  if (ids.length === 0) return [];
  return await q
    .selectFrom('request_decisions')
    .select(['request_id', 'kind', 'data'])
    .where('request_id', 'in', ids)
    .execute();
}
