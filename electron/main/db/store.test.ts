import { expect, it } from 'vitest';
import { forEachEngine } from '../testing/stores';
import { getSetting, putSetting } from './repositories/settings';
import { NestedQueryError, scopeCheckWanted } from './store';

// The unit of work on both engines: what commits together, what is refused, what waits.
forEachEngine('store', (store, engine) => {
  it('a transaction commits all of its writes or none', async () => {
    await expect(
      store().transaction(async (tx) => {
        await putSetting(tx, 't.a', 1);
        await putSetting(tx, 't.b', 2);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await getSetting(store().q, 't.a')).toBeUndefined();
    await store().transaction(async (tx) => {
      await putSetting(tx, 't.a', 1);
      await putSetting(tx, 't.b', 2);
    });
    expect([await getSetting(store().q, 't.a'), await getSetting(store().q, 't.b')]).toEqual([1, 2]);
  });

  // SQLite has one connection: the second transaction waits for the first. PostgreSQL runs them
  // side by side on two connections (a stale save is the next issue's versions' job).
  it('two transactions started together do not interleave across an await (SQLite)', async () => {
    if (engine !== 'sqlite') return;
    const order: string[] = [];
    const work = (name: string) =>
      store().transaction(async (tx) => {
        order.push(`${name} begins`);
        const n = ((await getSetting(tx, 't.counter')) as number | undefined) ?? 0;
        // A real wait (a timer, as file I/O would be) inside the transaction.
        await new Promise((resolve) => setImmediate(resolve));
        await putSetting(tx, 't.counter', n + 1);
        order.push(`${name} ends`);
      });
    await Promise.all([work('first'), work('second')]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins', 'second ends']);
    expect(await getSetting(store().q, 't.counter')).toBe(2);
  });

  it('a query on the store itself inside a transaction is refused instead of waiting for itself', async () => {
    await expect(
      store().transaction(async () => {
        await getSetting(store().q, 't.a');
      }),
    ).rejects.toThrow(NestedQueryError);
    await expect(store().read(() => getSetting(store().q, 't.a'))).rejects.toThrow(NestedQueryError);
  });

  it('a transaction or read opened inside another is refused, and the outer one rolls back', async () => {
    expect(store().checksScope).toBe(true);
    await expect(
      store().transaction(async (tx) => {
        await putSetting(tx, 't.outer', true);
        await store().transaction((inner) => putSetting(inner, 't.inner', true));
      }),
    ).rejects.toThrow('A transaction was opened inside a transaction or read');
    await expect(store().read(() => store().read((q) => getSetting(q, 't.outer')))).rejects.toThrow(NestedQueryError);
    expect(await getSetting(store().q, 't.outer')).toBeUndefined();
    expect(await getSetting(store().q, 't.inner')).toBeUndefined();
  });

  it('a read sees one state: a write committed meanwhile is not half seen', async () => {
    await putSetting(store().q, 't.read', 'before');
    const seen: unknown[] = [];
    let midway: () => void = () => undefined;
    const atMidway = new Promise<void>((resolve) => (midway = resolve));
    let proceed: () => void = () => undefined;
    const mayProceed = new Promise<void>((resolve) => (proceed = resolve));
    const reading = store().read(async (q) => {
      seen.push(await getSetting(q, 't.read'));
      midway();
      await mayProceed;
      seen.push(await getSetting(q, 't.read'));
    });
    await atMidway;
    // A write starts between the two reads: SQLite holds it until the read ends; PostgreSQL
    // commits it at once, and the read's snapshot does not see it.
    const writing = store().transaction((tx) => putSetting(tx, 't.read', 'after'));
    if (engine === 'postgres') await writing;
    proceed();
    await Promise.all([reading, writing]);
    expect(seen).toEqual(['before', 'before']);
    expect(await getSetting(store().q, 't.read')).toBe('after');
  });

  it('a write inside a read is refused', async () => {
    await expect(store().read(() => store().transaction((tx) => putSetting(tx, 't.x', 1)))).rejects.toThrow(
      NestedQueryError,
    );
    expect(await getSetting(store().q, 't.x')).toBeUndefined();
  });
});

// The scope check costs every promise of the process (AsyncLocalStorage's hooks on Node 20): the
// test runs have it, the app does not.
it('the scope check is on in test runs and off in the app', () => {
  const saved = { vitest: process.env['VITEST'], guard: process.env['MADOGUCHI_STORE_GUARD'] };
  try {
    delete process.env['VITEST'];
    delete process.env['MADOGUCHI_STORE_GUARD'];
    expect(scopeCheckWanted()).toBe(false);
    process.env['MADOGUCHI_STORE_GUARD'] = '1';
    expect(scopeCheckWanted()).toBe(true);
  } finally {
    process.env['VITEST'] = saved.vitest;
    if (saved.guard === undefined) delete process.env['MADOGUCHI_STORE_GUARD'];
    else process.env['MADOGUCHI_STORE_GUARD'] = saved.guard;
  }
  expect(scopeCheckWanted()).toBe(true);
});
