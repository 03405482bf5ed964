import { expect, it } from 'vitest';
import { forEachEngine } from '../../testing/stores';
import type { Q, Store } from '../store';
import {
  anchorHolds,
  appendAudit,
  auditHead,
  entryHash,
  firstAuditAction,
  GENESIS_HASH,
  listAudit,
  VERIFY_PAGE,
  verifyAudit,
  type AuditInput,
} from './audit';

const input = (action: string, over: Partial<AuditInput> = {}): AuditInput => ({
  accountId: 'acc-admin',
  action,
  targetId: null,
  summary: '',
  at: '2026-05-01T09:00:00.000Z',
  ...over,
});

// Runs fn in a transaction that is then rolled back: a test may tamper with the log and leave
// it as it was for the next one.
async function rolledBack(store: Store, fn: (tx: Q) => Promise<void>): Promise<void> {
  const undo = new Error('rolled back');
  await expect(
    store.transaction(async (tx) => {
      await fn(tx);
      throw undo;
    }),
  ).rejects.toBe(undo);
}

// The vault's first entries, as setup, a login, a lock and two changes write them.
const HISTORY: AuditInput[] = [
  input('vault.setup', { at: '2026-05-01T09:00:00.000Z' }),
  input('session.login', { at: '2026-05-01T09:01:00.000Z' }),
  input('settings.update', { at: '2026-05-02T10:00:00.000Z', summary: 'idleLockMinutes=15' }),
  input('accounts.create', { at: '2026-05-03T11:00:00.000Z', accountId: 'acc-other', targetId: 'acc-sato' }),
  input('requests.update', { at: '2026-05-04T12:00:00.000Z', targetId: 'req-1', summary: 'receipt=2026-0001' }),
  input('session.lock', { at: '2026-05-05T13:00:00.000Z' }),
];

forEachEngine('audit repository', (store, engine) => {
  it('starts empty: the genesis head, a chain that verifies, no first action', async () => {
    expect(await auditHead(store().q)).toEqual({ id: 0, hash: GENESIS_HASH });
    expect(await store().read(verifyAudit)).toEqual({ ok: true, checked: 0 });
    expect(await firstAuditAction(store().q)).toBeNull();
    expect(await anchorHolds(store().q, { id: 0, hash: GENESIS_HASH })).toBe(true);
  });

  it('refuses an append outside a transaction', async () => {
    await expect(appendAudit(store().q, input('vault.setup'))).rejects.toThrow('inside the transaction');
    expect(await auditHead(store().q)).toEqual({ id: 0, hash: GENESIS_HASH });
  });

  it('leaves no entry when the transaction of the change is rolled back', async () => {
    await rolledBack(store(), async (tx) => {
      expect(await appendAudit(tx, input('vault.setup'))).toBe(1);
    });
    expect(await auditHead(store().q)).toEqual({ id: 0, hash: GENESIS_HASH });
  });

  it('appends a chain of consecutive entries, each linked to the previous hash', async () => {
    const ids: number[] = [];
    for (const e of HISTORY) ids.push(await store().transaction((tx) => appendAudit(tx, e)));
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    const rows = await store().q.selectFrom('audit_log').selectAll().orderBy('id').execute();
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const e = HISTORY[i] as AuditInput;
      expect(row).toMatchObject({ id: i + 1, action: e.action, account_id: e.accountId, target_id: e.targetId });
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(entryHash(prev, { id: i + 1, ...e }));
      prev = row.hash;
    }
    expect(await auditHead(store().q)).toEqual({ id: 6, hash: prev });
    expect(await store().read(verifyAudit)).toEqual({ ok: true, checked: 6 });
    expect(await firstAuditAction(store().q)).toBe('vault.setup');
  });

  it('tells whether an anchor still holds', async () => {
    const head = await auditHead(store().q);
    expect(await anchorHolds(store().q, head)).toBe(true);
    expect(await anchorHolds(store().q, { id: head.id, hash: GENESIS_HASH })).toBe(false);
    expect(await anchorHolds(store().q, { id: head.id + 1, hash: head.hash })).toBe(false);
    await rolledBack(store(), async (tx) => {
      await tx.deleteFrom('audit_log').execute();
      expect(await anchorHolds(tx, head)).toBe(false);
      expect(await anchorHolds(tx, { id: 0, hash: GENESIS_HASH })).toBe(true);
    });
  });

  it('names the entry changed behind its back', async () => {
    await rolledBack(store(), async (tx) => {
      await tx.updateTable('audit_log').set({ summary: 'idleLockMinutes=240' }).where('id', '=', 3).execute();
      expect(await verifyAudit(tx)).toEqual({ ok: false, checked: 2, entryId: 3, problem: 'modified' });
    });
  });

  it('detects a re-hashed entry through the next link', async () => {
    await rolledBack(store(), async (tx) => {
      // A forged action with a forged hash that matches it: the next entry's link no longer does.
      const forged = { id: 2, ...(HISTORY[1] as AuditInput), action: 'accounts.create' };
      const row = await tx.selectFrom('audit_log').select('prev_hash').where('id', '=', 2).executeTakeFirstOrThrow();
      await tx
        .updateTable('audit_log')
        .set({ action: forged.action, hash: entryHash(row.prev_hash, forged) })
        .where('id', '=', 2)
        .execute();
      expect(await verifyAudit(tx)).toEqual({ ok: false, checked: 2, entryId: 3, problem: 'modified' });
    });
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    await rolledBack(store(), async (tx) => {
      await tx.deleteFrom('audit_log').where('id', '=', 3).execute();
      expect(await verifyAudit(tx)).toEqual({ ok: false, checked: 2, entryId: 3, problem: 'missing' });
    });
    await rolledBack(store(), async (tx) => {
      await tx.deleteFrom('audit_log').where('id', '=', 6).execute();
      expect(await verifyAudit(tx)).toEqual({ ok: false, checked: 5, entryId: 6, problem: 'head_mismatch' });
    });
    await rolledBack(store(), async (tx) => {
      await tx.updateTable('audit_head').set({ last_hash: GENESIS_HASH }).execute();
      expect(await verifyAudit(tx)).toMatchObject({ ok: false, problem: 'head_mismatch' });
    });
    await rolledBack(store(), async (tx) => {
      // The right hash at the wrong position.
      await tx.updateTable('audit_head').set({ last_id: 5 }).execute();
      expect(await verifyAudit(tx)).toMatchObject({ ok: false, problem: 'head_mismatch' });
    });
    expect(await store().read(verifyAudit)).toEqual({ ok: true, checked: 6 });
  });

  it('walks a chain longer than one page, and finds a break on a later page', async () => {
    const count = 2 * VERIFY_PAGE + 17;
    await rolledBack(store(), async (tx) => {
      let { id, hash } = await auditHead(tx);
      const rows = [];
      for (let n = 0; n < count; n++) {
        const e = { id: id + 1, ...input('screen.print', { summary: `n=${n}` }) };
        const next = entryHash(hash, e);
        rows.push({
          id: e.id,
          at: e.at,
          account_id: e.accountId,
          action: e.action,
          target_id: null,
          summary: e.summary,
          prev_hash: hash,
          hash: next,
        });
        [id, hash] = [e.id, next];
      }
      for (let i = 0; i < rows.length; i += 500)
        await tx
          .insertInto('audit_log')
          .values(rows.slice(i, i + 500))
          .execute();
      await tx.updateTable('audit_head').set({ last_id: id, last_hash: hash }).execute();
      expect(await verifyAudit(tx)).toEqual({ ok: true, checked: 6 + count });
      await tx
        .deleteFrom('audit_log')
        .where('id', '=', VERIFY_PAGE + 500)
        .execute();
      expect(await verifyAudit(tx)).toMatchObject({ ok: false, entryId: VERIFY_PAGE + 500, problem: 'missing' });
    });
  });

  it('lists newest first with a total, filtered by period, account, action and 受付番号', async () => {
    const q = store().q;
    await q
      .insertInto('accounts')
      .values({ id: 'acc-admin', login_name: 'admin', display_name: '管理者', created_at: 'x', updated_at: 'x' })
      .execute();
    await q
      .insertInto('requests')
      .values({
        id: 'req-1',
        receipt_no: '2026-0001',
        channel: 'mail',
        arrival_date: '2026-05-01',
        received_by: 'acc-admin',
        requester_type: 'principal',
        answer_to: 'principal',
        delivery: 'mail',
        status: 'received',
        search_kana: '',
        search_name: '',
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
    const all = await listAudit(q, { limit: 10, offset: 0 });
    expect(all.total).toBe(6);
    expect(all.entries.map((e) => e.id)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(all.entries[1]).toMatchObject({ action: 'requests.update', receiptNo: '2026-0001', targetId: 'req-1' });
    expect(all.entries[2]).toMatchObject({ action: 'accounts.create', receiptNo: null });
    expect(all.entries[5]).toMatchObject({ id: 1, prevHash: GENESIS_HASH, summary: '', accountId: 'acc-admin' });

    const page = await listAudit(q, { limit: 2, offset: 3 });
    expect([page.total, page.entries.map((e) => e.id)]).toEqual([6, [3, 2]]);
    const ids = async (f: Parameters<typeof listAudit>[1]) => {
      const r = await listAudit(q, f);
      return [r.total, r.entries.map((e) => e.id)];
    };
    const base = { limit: 10, offset: 0 };
    expect(await ids({ ...base, action: 'session.login' })).toEqual([1, [2]]);
    expect(await ids({ ...base, accountId: 'acc-other' })).toEqual([1, [4]]);
    // From is inclusive, to exclusive.
    expect(await ids({ ...base, from: '2026-05-02T10:00:00.000Z', to: '2026-05-04T12:00:00.000Z' })).toEqual([
      2,
      [4, 3],
    ]);
    expect(await ids({ ...base, receiptNo: '2026-0001' })).toEqual([1, [5]]);
    expect(await ids({ ...base, receiptNo: '2026-9999' })).toEqual([0, []]);
    expect(await ids({ ...base, accountId: 'acc-admin', action: 'session.lock', from: '2026-05-05' })).toEqual([
      1,
      [6],
    ]);
    expect(await ids({ ...base, from: '2999-01-01T00:00:00Z' })).toEqual([0, []]);
  });

  it(`appends from two transactions at once without breaking the chain (${engine})`, async () => {
    // On PostgreSQL the two transactions run on two pool connections: both are open before
    // either appends, so the second append meets the head the first one locked. On SQLite the
    // second transaction starts only when the first has committed.
    const before = await auditHead(store().q);
    const bothOpen = barrier(engine === 'postgres' ? 2 : 1);
    const desk = (name: string) =>
      store().transaction(async (tx) => {
        await tx.selectFrom('settings').select('key').execute();
        await bothOpen();
        const first = await appendAudit(tx, input('requests.update', { summary: `${name}=1` }));
        const second = await appendAudit(tx, input('requests.update', { summary: `${name}=2` }));
        return { first, second };
      });
    const [a, b] = await Promise.all([desk('a'), desk('b')]);
    expect([a.first, a.second, b.first, b.second].sort((x, y) => x - y)).toEqual(
      [1, 2, 3, 4].map((n) => before.id + n),
    );
    // Each transaction's entries are consecutive: the head stays locked until its commit.
    expect([a.second - a.first, b.second - b.first]).toEqual([1, 1]);
    expect(await store().read(verifyAudit)).toEqual({ ok: true, checked: before.id + 4 });
  });
});

forEachEngine('audit repository, first entries at once', (store, engine) => {
  it('two transactions appending the very first entries at once both land in one chain', async () => {
    // No head row yet: on PostgreSQL there is nothing to lock, so the first append creates it.
    const bothOpen = barrier(engine === 'postgres' ? 2 : 1);
    const desk = (action: string) =>
      store().transaction(async (tx) => {
        await bothOpen();
        return appendAudit(tx, input(action));
      });
    const ids = await Promise.all([desk('vault.setup'), desk('session.login')]);
    expect(ids.sort()).toEqual([1, 2]);
    expect(await store().read(verifyAudit)).toEqual({ ok: true, checked: 2 });
  });
});

// Resolves once `n` callers are waiting (n = 1: at once).
function barrier(n: number): () => Promise<void> {
  let waiting = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    waiting += 1;
    if (waiting >= n) open();
    return opened;
  };
}
