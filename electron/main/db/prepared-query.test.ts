import { expect, it } from 'vitest';
import { forEachEngine } from '../testing/stores';
import { preparedQuery, preparedShapes } from './prepared-query';
import { putSetting } from './repositories/settings';
import { directRunnerOf, type Q } from './store';

// A prepared query runs what Kysely would have built with the same values, on both engines.
forEachEngine('prepared queries', (store, engine) => {
  const between = preparedQuery((q, from: string, to: string, limit: number) =>
    q
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', '>=', from)
      .where('key', '<', to)
      .where('value', '<>', '"skip"')
      .orderBy('key')
      .limit(limit),
  );
  const built = (from: string, to: string, limit: number) =>
    store()
      .q.selectFrom('settings')
      .select(['key', 'value'])
      .where('key', '>=', from)
      .where('key', '<', to)
      .where('value', '<>', '"skip"')
      .orderBy('key')
      .limit(limit);

  it('binds each run its own values, as the query built with them would', async () => {
    for (const [key, value] of [
      ['p.a', 1],
      ['p.b', 'skip'],
      ['p.c', 3],
      ['q.a', 4],
    ] as const) {
      await putSetting(store().q, key, value);
    }
    const cases: [string, string, number][] = [
      ['p.', 'p.\uffff', 10],
      ['q.', 'q.\uffff', 10],
      ['p.', 'q.\uffff', 2],
    ];
    for (const [from, to, limit] of cases) {
      const expected = await built(from, to, limit).execute();
      expect(expected.length).toBeGreaterThan(0);
      expect((await between(store().q, from, to, limit)).rows).toEqual(expected);
    }
    expect((await between(store().q, 'q.', 'q.\uffff', 10)).rows.map((r) => r.key)).toEqual(['q.a']);
    // Inside a transaction too.
    await store().transaction(async (tx) => {
      await putSetting(tx, 'q.b', 5);
      expect((await between(tx, 'q.', 'q.\uffff', 10)).rows.map((r) => r.key)).toEqual(['q.a', 'q.b']);
    });
  });

  it('refuses a build that uses an argument other than as a value of the query', async () => {
    const misuse = preparedQuery((q, key: string) =>
      q
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key.length > 3 ? 'long' : 'short'),
    );
    await expect(misuse(store().q, 'p.a')).rejects.toThrow('value 0 is not used as a value');
  });

  it('prepares each form of a query once and binds its values, as built with them', async () => {
    // The form: which bounds are set; the values: the bounds set, in order.
    const keys = preparedShapes((q, s: { from: boolean; to: boolean }, slot) => {
      let query = q.selectFrom('settings').select('key').orderBy('key');
      if (s.from) query = query.where('key', '>=', slot(0));
      if (s.to) query = query.where('key', '<', slot(s.from ? 1 : 0));
      return query;
    });
    const run = async (from: string | null, to: string | null) =>
      (
        await keys(
          store().q,
          { from: from !== null, to: to !== null },
          [from, to].filter((v) => v !== null),
        )
      ).rows
        .map((r) => r.key)
        .filter((k) => k.startsWith('s.'));
    await putSetting(store().q, 's.a', 1);
    await putSetting(store().q, 's.b', 2);
    await putSetting(store().q, 's.c', 3);
    expect(await run('s.b', null)).toEqual(['s.b', 's.c']);
    expect(await run('s.a', 's.c')).toEqual(['s.a', 's.b']);
    expect(await run('s.b', 's.c')).toEqual(['s.b']);
    expect(await run(null, 's.b')).toEqual(['s.a']);
    await expect(keys(store().q, { from: false, to: false }, ['unused'])).rejects.toThrow('value 0 is not used');
  });

  // On SQLite, a prepared statement inside a transaction or read runs at once on the connection
  // it holds; outside one (or on PostgreSQL) it goes through Kysely, which waits its turn.
  it('runs directly only inside a transaction or read that holds the SQLite connection', async () => {
    const value = preparedQuery((q, key: string) => q.selectFrom('settings').select('value').where('key', '=', key));
    const insert = preparedQuery((q, key: string, v: string) => q.insertInto('settings').values({ key, value: v }));
    await putSetting(store().q, 'd.a', 1);
    expect(directRunnerOf(store().q)).toBeUndefined();
    const held: Q[] = [];
    await store()
      .transaction(async (tx) => {
        held.push(tx);
        expect(directRunnerOf(tx) !== undefined).toBe(engine === 'sqlite');
        await insert(tx, 'd.b', '2');
        expect((await value(tx, 'd.b')).rows).toEqual([{ value: '2' }]);
        // A statement that fails directly rejects, and the transaction it ends rolls back.
        await insert(tx, 'd.a', '9');
      })
      .then(
        () => expect.fail('the duplicate key was accepted'),
        (e: unknown) => expect(String(e)).toMatch(/UNIQUE|unique|duplicate/),
      );
    // The failed insert rolled the transaction back, d.b with it; d.a kept its value.
    expect((await value(store().q, 'd.b')).rows).toEqual([]);
    expect((await value(store().q, 'd.a')).rows).toEqual([{ value: '1' }]);
    expect(held).toHaveLength(1);
    expect(held.map((tx) => directRunnerOf(tx))).toEqual([undefined]);
    await store().read(async (q) => {
      expect(directRunnerOf(q) !== undefined).toBe(engine === 'sqlite');
      expect((await value(q, 'd.a')).rows).toEqual([{ value: '1' }]);
    });
  });
});
