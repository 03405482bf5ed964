import { sql, type RawBuilder } from 'kysely';
import { engineOf, type Q } from '../store';

// `IN ()` is not SQL: an empty list matches nothing, as `IN ('')` did.
const listOrNone = (values: readonly string[]): readonly string[] => (values.length ? values : ['']);

export type PurgeCandidate = {
  id: string;
  receipt_no: string;
  kinds: string | null;
  arrival_date: string;
  closed_on: string;
};

// A request's kinds joined with commas (NULL for none), in kind order.
function kindsOf(q: Q): RawBuilder<string | null> {
  const kind = sql.ref('i.kind');
  return engineOf(q) === 'sqlite'
    ? // SQLite: group_concat, which follows request_items' primary key (request_id, kind).
      sql<string | null>`group_concat(${kind})`
    : // PostgreSQL: string_agg, ordered explicitly.
      sql<string | null>`string_agg(${kind}, ',' ORDER BY ${kind})`;
}

// Closed requests whose keeping period ended on or before `closedBefore`, not yet purged.
export async function requestsToPurge(
  q: Q,
  closedStatuses: readonly string[],
  closedBefore: string,
): Promise<PurgeCandidate[]> {
  const rows = await q
    .selectFrom('requests as r')
    .select((eb) => [
      'r.id',
      'r.receipt_no',
      'r.arrival_date',
      'r.closed_on',
      eb
        .selectFrom('request_items as i')
        .select(kindsOf(q).as('kinds'))
        .whereRef('i.request_id', '=', 'r.id')
        .as('kinds'),
    ])
    .where('r.status', 'in', listOrNone(closedStatuses))
    .where('r.closed_on', 'is not', null)
    .where('r.closed_on', '<=', closedBefore)
    .where('r.purged_at', 'is', null)
    .orderBy('r.closed_on')
    .orderBy('r.receipt_no')
    .execute();
  return rows.map((r) => ({ ...r, closed_on: r.closed_on as string }));
}

export type IdCopyCandidate = { id: string; request_id: string; receipt_no: string; type: string; closed_on: string };

// Enclosures of the given types whose content is still stored, of requests closed on or before
// `closedBefore`.
export async function idCopiesToDelete(
  q: Q,
  closedStatuses: readonly string[],
  types: readonly string[],
  closedBefore: string,
): Promise<IdCopyCandidate[]> {
  const rows = await q
    .selectFrom('enclosures as e')
    .innerJoin('requests as r', 'r.id', 'e.request_id')
    .select(['e.id', 'e.request_id', 'r.receipt_no', 'e.type', 'r.closed_on'])
    .where('r.status', 'in', listOrNone(closedStatuses))
    .where('r.closed_on', 'is not', null)
    .where('r.closed_on', '<=', closedBefore)
    .where('e.type', 'in', listOrNone(types))
    .where('e.content', 'is not', null)
    .orderBy('r.closed_on')
    .orderBy('r.receipt_no')
    .execute();
  return rows.map((r) => ({ ...r, closed_on: r.closed_on as string }));
}

export async function deleteEnclosureContent(q: Q, id: string, at: string): Promise<void> {
  await q.updateTable('enclosures').set({ content: null, purged_at: at }).where('id', '=', id).execute();
}

// The JSON text of a TEXT column holding a JSON object, keeping only `keys` (each null when
// absent). The keys are our own constants, written into the SQL as literals.
function jsonPick(q: Q, column: string, keys: readonly string[]): RawBuilder<string> {
  const col = sql.ref(column);
  if (engineOf(q) === 'sqlite') {
    // SQLite: json_object over json_extract.
    return sql<string>`json_object(${sql.join(keys.map((k) => sql`${sql.lit(k)}, json_extract(${col}, ${sql.lit(`$.${k}`)})`))})`;
  }
  // PostgreSQL: the text read as json; json_build_object keeps the keys in the order given.
  return sql<string>`json_build_object(${sql.join(keys.map((k) => sql`${sql.lit(k)}, ${col}::json -> ${sql.lit(k)}`))})::text`;
}

// Removes a request's personal data and keeps what the reports count: its row (受付番号, kinds,
// channel, requester type, dates, status), the outcome of each decision, the day each answer
// was sent, the fees, and the workflow steps without their comments. Several statements: call
// inside a transaction (the purge's), so that a request is never left half purged.
export async function tombstone(q: Q, id: string, at: string): Promise<void> {
  await q.deleteFrom('request_parties').where('request_id', '=', id).execute();
  await q.deleteFrom('identity_documents').where('request_id', '=', id).execute();
  await q.deleteFrom('enclosures').where('request_id', '=', id).execute();
  await q.deleteFrom('letters').where('request_id', '=', id).execute();
  // The 送付依頼 that led to this request goes with it (it names the person).
  await q.deleteFrom('form_requests').where('request_id', '=', id).execute();
  await q
    .deleteFrom('redacted_documents')
    .where('record_id', 'in', (eb) => eb.selectFrom('disclosure_records').select('id').where('request_id', '=', id))
    .execute();
  await q.deleteFrom('disclosure_records').where('request_id', '=', id).execute();
  await q.deleteFrom('disclosure_packages').where('request_id', '=', id).execute();
  await q.updateTable('request_items').set({ details: '{}' }).where('request_id', '=', id).execute();
  await q.updateTable('request_events').set({ comment: '' }).where('request_id', '=', id).execute();
  await q
    .updateTable('request_decisions')
    .set({ data: jsonPick(q, 'data', ['outcome']) })
    .where('request_id', '=', id)
    .execute();
  await q
    .updateTable('request_dispatches')
    .set({ data: jsonPick(q, 'data', ['sentOn', 'method']) })
    .where('request_id', '=', id)
    .execute();
  await q
    .updateTable('requests')
    .set({
      tracking_no: '',
      reply_address: '',
      disclosure_method: null,
      notes: '',
      identity_json: '{}',
      search_kana: '',
      search_name: '',
      search_birth: null,
      search_phone: null,
      cure_json: null,
      extension_json: sql<
        string | null
      >`CASE WHEN extension_json IS NULL THEN NULL ELSE ${jsonPick(q, 'extension_json', ['date'])} END`,
      purged_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

// The decisions a purged request carried, as kind:outcome (for its audit entry).
export async function decisionOutcomes(q: Q, requestId: string): Promise<string[]> {
  const outcome =
    engineOf(q) === 'sqlite'
      ? // SQLite: json_extract on the TEXT column.
        sql<string>`kind || ':' || coalesce(json_extract(data, '$.outcome'), '')`
      : // PostgreSQL: the TEXT column read as json.
        sql<string>`kind || ':' || coalesce(data::json ->> 'outcome', '')`;
  const rows = await q
    .selectFrom('request_decisions')
    .select(outcome.as('outcome'))
    .where('request_id', '=', requestId)
    .orderBy('kind')
    .execute();
  return rows.map((r) => r.outcome);
}
