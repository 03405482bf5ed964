import { createHash } from 'node:crypto';
import { prepared, type Db } from '../connection';

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

// Appends one entry; call inside the transaction of the change it records.
export function appendAudit(db: Db, input: AuditInput): number {
  const head = prepared(db, 'SELECT last_id, last_hash FROM audit_head WHERE id = 1').get() as
    { last_id: number; last_hash: string } | undefined;
  const prevHash = head?.last_hash ?? GENESIS_HASH;
  const id = (head?.last_id ?? 0) + 1;
  const hash = entryHash(prevHash, { id, ...input });
  prepared(
    db,
    'INSERT INTO audit_log (id, at, account_id, action, target_id, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, input.at, input.accountId, input.action, input.targetId, input.summary, prevHash, hash);
  prepared(
    db,
    'INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash',
  ).run(id, hash);
  return id;
}

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
export function listAudit(
  db: Db,
  f: AuditFilter,
): { entries: (AuditEntry & { receiptNo: string | null })[]; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.receiptNo) {
    where.push('a.target_id IN (SELECT id FROM requests WHERE receipt_no = ?)');
    params.push(f.receiptNo);
  }
  if (f.from) {
    where.push('a.at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('a.at < ?');
    params.push(f.to);
  }
  if (f.accountId) {
    where.push('a.account_id = ?');
    params.push(f.accountId);
  }
  if (f.action) {
    where.push('a.action = ?');
    params.push(f.action);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (prepared(db, `SELECT count(*) AS n FROM audit_log a ${clause}`).get(...params) as { n: number }).n;
  const rows = prepared(
    db,
    `SELECT a.*, r.receipt_no FROM audit_log a LEFT JOIN requests r ON r.id = a.target_id ${clause} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, f.limit, f.offset) as (Row & { receipt_no: string | null })[];
  return { entries: rows.map((r) => ({ ...toEntry(r), receiptNo: r.receipt_no })), total };
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; entryId: number; problem: 'modified' | 'missing' | 'head_mismatch' };

// Walks the chain from the first entry; reports the first entry whose link is broken.
export function verifyAudit(db: Db): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (const row of prepared(db, 'SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<Row>) {
    const e = toEntry(row);
    if (e.id !== expectedId) return { ok: false, checked, entryId: expectedId, problem: 'missing' };
    if (e.prevHash !== prevHash || entryHash(prevHash, e) !== e.hash) {
      return { ok: false, checked, entryId: e.id, problem: 'modified' };
    }
    prevHash = e.hash;
    expectedId += 1;
    checked += 1;
  }
  const head = prepared(db, 'SELECT last_id, last_hash FROM audit_head WHERE id = 1').get() as
    { last_id: number; last_hash: string } | undefined;
  const lastId = expectedId - 1;
  if ((head?.last_id ?? 0) !== lastId || (head?.last_hash ?? GENESIS_HASH) !== prevHash) {
    return { ok: false, checked, entryId: Math.max(lastId + 1, 1), problem: 'head_mismatch' };
  }
  return { ok: true, checked };
}

export type AuditAnchor = { id: number; hash: string };

export function auditHead(db: Db): AuditAnchor {
  const head = prepared(db, 'SELECT last_id, last_hash FROM audit_head WHERE id = 1').get() as
    { last_id: number; last_hash: string } | undefined;
  return { id: head?.last_id ?? 0, hash: head?.last_hash ?? GENESIS_HASH };
}

// Whether the chain still holds the entry an anchor recorded (same position, same hash).
export function anchorHolds(db: Db, anchor: AuditAnchor): boolean {
  if (anchor.id === 0) return true;
  const row = prepared(db, 'SELECT hash FROM audit_log WHERE id = ?').get(anchor.id) as { hash: string } | undefined;
  return row?.hash === anchor.hash;
}

// The log's first entry's action: a vault's log starts with its setup.
export function firstAuditAction(db: Db): string | null {
  const row = prepared(db, 'SELECT action FROM audit_log WHERE id = 1').get() as { action: string } | undefined;
  return row?.action ?? null;
}
