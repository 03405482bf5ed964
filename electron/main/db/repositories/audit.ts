import { createHash } from 'node:crypto';
import { preparedQuery } from '../prepared-query';
import { engineOf, type Q } from '../store';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = {
  accountId: string | null;
  action: string;
  targetId: string | null;
  // Ids, codes and counts only: never names or free text typed by staff.
  summary: string;
  at: string;
};

export type AuditEntry = AuditInput & { id: number; prevHash: string; hash: string };

type Row = {
  id: number;
  at: string;
  account_id: string | null;
  action: string;
  target_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
};

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  accountId: r.account_id,
  action: r.action,
  targetId: r.target_id,
  summary: r.summary,
  prevHash: r.prev_hash,
  hash: r.hash,
});

// SHA-256 over the previous hash and a canonical serialisation (fixed field order, JSON).
export function entryHash(prevHash: string, e: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  const canonical = JSON.stringify([e.id, e.at, e.accountId, e.action, e.targetId, e.summary]);
  return createHash('sha256').update(prevHash, 'utf8').update('\n').update(canonical, 'utf8').digest('hex');
}

type Head = { last_id: number; last_hash: string };

const head = preparedQuery((q) => q.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1));
const readHead = async (q: Q): Promise<Head | undefined> => (await head(q)).rows[0];

// The head, locked until the caller's transaction ends, so that appends from several
// transactions take turns and each entry's id is the previous one's plus one.
async function lockHead(q: Q): Promise<Head | undefined> {
  // SQLite: the transaction holds the only connection; nothing else can append meanwhile.
  if (engineOf(q) === 'sqlite') return readHead(q);
  // PostgreSQL: several desks may append at once (issue 32). SELECT … FOR UPDATE makes another
  // transaction wait here until this one commits, then read the head it left (READ COMMITTED,
  // the store's level; under REPEATABLE READ the waiting one would fail instead). The lock is held
  // until commit: append late in the transaction, after the change it records.
  const locked = () =>
    q.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1).forUpdate().executeTakeFirst();
  const head = await locked();
  if (head) return head;
  // No entry yet: there is no row to lock. Create the empty head (id 0, the genesis hash, which
  // verifyAudit and auditHead read as no head); a transaction doing the same at once waits on
  // this insert, then finds the row and locks it.
  await q
    .insertInto('audit_head')
    .values({ id: 1, last_id: 0, last_hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return locked();
}

// Appends one entry; call inside the transaction of the change it records (refused otherwise:
// the entry, the head and the change commit together, and on PostgreSQL the head stays locked
// until that commit).
export async function appendAudit(q: Q, input: AuditInput): Promise<number> {
  if (!q.isTransaction) throw new Error('appendAudit runs inside the transaction of the change it records.');
  const head = await lockHead(q);
  const prevHash = head?.last_hash ?? GENESIS_HASH;
  const id = (head?.last_id ?? 0) + 1;
  const hash = entryHash(prevHash, { id, ...input });
  await entryInsert(q, id, input.at, input.accountId, input.action, input.targetId, input.summary, prevHash, hash);
  await headUpsert(q, id, hash);
  return id;
}

// prettier-ignore
const entryInsert = preparedQuery(
  (q, id: number, at: string, account_id: string | null, action: string, target_id: string | null, summary: string,
    prev_hash: string, hash: string) =>
    q.insertInto('audit_log').values({ id, at, account_id, action, target_id, summary, prev_hash, hash }),
);
const headUpsert = preparedQuery((q, last_id: number, last_hash: string) =>
  q
    .insertInto('audit_head')
    .values({ id: 1, last_id, last_hash })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({ last_id: eb.ref('excluded.last_id'), last_hash: eb.ref('excluded.last_hash') })),
    ),
);

export type AuditFilter = {
  // The request's 受付番号: the entries whose target is that request.
  receiptNo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  accountId?: string | undefined;
  action?: string | undefined;
  limit: number;
  offset: number;
};

// Entries newest first, each with the 受付番号 of the request it concerns (null for others, and
// for a request since purged, whose number the entry's summary keeps).
export async function listAudit(
  q: Q,
  f: AuditFilter,
): Promise<{ entries: (AuditEntry & { receiptNo: string | null })[]; total: number }> {
  let filtered = q.selectFrom('audit_log as a');
  const { receiptNo, from, to, accountId, action } = f;
  if (receiptNo) {
    filtered = filtered.where((eb) =>
      eb(
        'a.target_id',
        'in',
        eb.selectFrom('requests').select('requests.id').where('requests.receipt_no', '=', receiptNo),
      ),
    );
  }
  if (from) filtered = filtered.where('a.at', '>=', from);
  if (to) filtered = filtered.where('a.at', '<', to);
  if (accountId) filtered = filtered.where('a.account_id', '=', accountId);
  if (action) filtered = filtered.where('a.action', '=', action);
  const { n: total } = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await filtered
    .leftJoin('requests as r', 'r.id', 'a.target_id')
    .selectAll('a')
    .select('r.receipt_no')
    .orderBy('a.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { entries: rows.map((r) => ({ ...toEntry(r), receiptNo: r.receipt_no })), total };
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; entryId: number; problem: 'modified' | 'missing' | 'head_mismatch' };

// Entries read per query while walking the chain: the log is walked in pages by id (the same
// on both engines; pg streams only with a cursor) so that memory stays flat however long it is.
export const VERIFY_PAGE = 1000;

// Walks the chain from the first entry; reports the first entry whose link is broken. Call
// inside store.read (or a transaction): the pages and the head must be one state, or an entry
// appended meanwhile on PostgreSQL would read as a head mismatch.
export async function verifyAudit(q: Q): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const page = await q
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(VERIFY_PAGE)
      .execute();
    for (const row of page) {
      const e = toEntry(row);
      if (e.id !== expectedId) return { ok: false, checked, entryId: expectedId, problem: 'missing' };
      if (e.prevHash !== prevHash || entryHash(prevHash, e) !== e.hash) {
        return { ok: false, checked, entryId: e.id, problem: 'modified' };
      }
      prevHash = e.hash;
      expectedId += 1;
      checked += 1;
      after = e.id;
    }
    if (page.length < VERIFY_PAGE) break;
  }
  const head = await readHead(q);
  const lastId = expectedId - 1;
  if ((head?.last_id ?? 0) !== lastId || (head?.last_hash ?? GENESIS_HASH) !== prevHash) {
    return { ok: false, checked, entryId: Math.max(lastId + 1, 1), problem: 'head_mismatch' };
  }
  return { ok: true, checked };
}

export type AuditAnchor = { id: number; hash: string };

export async function auditHead(q: Q): Promise<AuditAnchor> {
  const head = await readHead(q);
  return { id: head?.last_id ?? 0, hash: head?.last_hash ?? GENESIS_HASH };
}

// Whether the chain still holds the entry an anchor recorded (same position, same hash).
export async function anchorHolds(q: Q, anchor: AuditAnchor): Promise<boolean> {
  if (anchor.id === 0) return true;
  const row = await q.selectFrom('audit_log').select('hash').where('id', '=', anchor.id).executeTakeFirst();
  return row?.hash === anchor.hash;
}

// The log's first entry's action: a vault's log starts with its setup.
export async function firstAuditAction(q: Q): Promise<string | null> {
  const row = await q.selectFrom('audit_log').select('action').where('id', '=', 1).executeTakeFirst();
  return row?.action ?? null;
}
