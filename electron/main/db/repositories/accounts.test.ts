import { beforeEach, expect, it } from 'vitest';
import { forEachEngine } from '../../testing/stores';
import {
  clearRevocationsPending,
  countActiveAdmins,
  findAccountByLogin,
  getAccount,
  insertAccount,
  listAccountKeys,
  listAccounts,
  renameAccountLogin,
  setAccountPublicKey,
  setRevocationPending,
  setRoles,
  updateAccount,
  type AccountRecord,
} from './accounts';

const account = (id: string, over: Partial<AccountRecord> = {}): AccountRecord => ({
  id,
  loginName: id,
  displayName: `名前 ${id}`,
  roles: ['staff'],
  disabled: false,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

forEachEngine('accounts repository', (store) => {
  beforeEach(async () => {
    await store().q.deleteFrom('account_roles').execute();
    await store().q.deleteFrom('accounts').execute();
  });

  it('stores an account with its roles and finds it by id and by login name', async () => {
    const a = account('a1', { loginName: 'sato', roles: ['admin', 'staff'], mustChangePassword: true });
    await store().transaction((tx) => insertAccount(tx, a));
    // Roles come back in the fixed order staff, approver, admin whatever order they were given.
    const expected = { ...a, roles: ['staff', 'admin'] };
    expect(await getAccount(store().q, 'a1')).toEqual(expected);
    expect(await findAccountByLogin(store().q, 'sato')).toEqual(expected);
    // Login names match exactly.
    expect(await findAccountByLogin(store().q, 'Sato')).toBeNull();
    expect(await findAccountByLogin(store().q, 'nobody')).toBeNull();
    expect(await getAccount(store().q, 'missing')).toBeNull();
  });

  it('keeps an account without roles, and refuses a login name already taken', async () => {
    await insertAccount(store().q, account('a1', { roles: [], disabled: true }));
    expect(await getAccount(store().q, 'a1')).toMatchObject({ roles: [], disabled: true });
    await expect(insertAccount(store().q, account('a2', { loginName: 'a1' }))).rejects.toThrow();
    expect(await getAccount(store().q, 'a2')).toBeNull();
  });

  it('replaces the roles', async () => {
    await insertAccount(store().q, account('a1', { roles: ['staff'] }));
    await setRoles(store().q, 'a1', ['approver', 'admin']);
    expect((await getAccount(store().q, 'a1'))?.roles).toEqual(['approver', 'admin']);
    await setRoles(store().q, 'a1', []);
    expect((await getAccount(store().q, 'a1'))?.roles).toEqual([]);
  });

  it('updates only the fields given, and nothing for an unknown account', async () => {
    await insertAccount(store().q, account('a1', { mustChangePassword: true }));
    await updateAccount(store().q, 'a1', { displayName: '新しい名前' }, '2026-02-01T00:00:00.000Z');
    expect(await getAccount(store().q, 'a1')).toMatchObject({
      displayName: '新しい名前',
      disabled: false,
      mustChangePassword: true,
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    await updateAccount(store().q, 'a1', { disabled: true, mustChangePassword: false }, '2026-03-01T00:00:00.000Z');
    expect(await getAccount(store().q, 'a1')).toMatchObject({
      displayName: '新しい名前',
      disabled: true,
      mustChangePassword: false,
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    await updateAccount(store().q, 'missing', { disabled: true }, '2026-03-01T00:00:00.000Z');
    expect(await getAccount(store().q, 'missing')).toBeNull();
  });

  it('renames the login, still refusing a name already taken', async () => {
    await insertAccount(store().q, account('a1'));
    await insertAccount(store().q, account('a2'));
    await renameAccountLogin(store().q, 'a1', 'suzuki', '2026-04-01T00:00:00.000Z');
    expect(await findAccountByLogin(store().q, 'suzuki')).toMatchObject({
      id: 'a1',
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    expect(await findAccountByLogin(store().q, 'a1')).toBeNull();
    await expect(renameAccountLogin(store().q, 'a2', 'suzuki', '2026-04-01T00:00:00.000Z')).rejects.toThrow();
  });

  it('lists by creation time, then login name', async () => {
    await insertAccount(store().q, account('a1', { loginName: 'tanaka', createdAt: '2026-01-02T00:00:00.000Z' }));
    await insertAccount(store().q, account('a2', { loginName: 'yamada', createdAt: '2026-01-01T00:00:00.000Z' }));
    await insertAccount(store().q, account('a3', { loginName: 'ito', createdAt: '2026-01-02T00:00:00.000Z' }));
    expect((await listAccounts(store().q)).map((a) => a.loginName)).toEqual(['yamada', 'ito', 'tanaka']);
  });

  it('counts the administrators that are not disabled', async () => {
    expect(await countActiveAdmins(store().q)).toBe(0);
    await insertAccount(store().q, account('a1', { roles: ['staff', 'admin'] }));
    await insertAccount(store().q, account('a2', { roles: ['admin'], disabled: true }));
    await insertAccount(store().q, account('a3', { roles: ['approver'] }));
    await insertAccount(store().q, account('a4', { roles: ['admin'] }));
    expect(await countActiveAdmins(store().q)).toBe(2);
  });

  it('keeps the public keys and the pending revocations', async () => {
    await insertAccount(store().q, account('b', { disabled: true }));
    await insertAccount(store().q, account('a'));
    expect(await listAccountKeys(store().q)).toEqual([
      { id: 'a', loginName: 'a', disabled: false, publicKey: null, revocationPending: false },
      { id: 'b', loginName: 'b', disabled: true, publicKey: null, revocationPending: false },
    ]);
    await setAccountPublicKey(store().q, 'a', 'PUBLIC-A');
    await setAccountPublicKey(store().q, 'b', 'PUBLIC-B');
    await setRevocationPending(store().q, 'b', true);
    expect(await listAccountKeys(store().q)).toEqual([
      { id: 'a', loginName: 'a', disabled: false, publicKey: 'PUBLIC-A', revocationPending: false },
      { id: 'b', loginName: 'b', disabled: true, publicKey: 'PUBLIC-B', revocationPending: true },
    ]);
    await setRevocationPending(store().q, 'a', true);
    await setRevocationPending(store().q, 'a', false);
    await setAccountPublicKey(store().q, 'a', null);
    expect((await listAccountKeys(store().q))[0]).toMatchObject({ publicKey: null, revocationPending: false });
    await clearRevocationsPending(store().q);
    expect((await listAccountKeys(store().q)).map((k) => k.revocationPending)).toEqual([false, false]);
  });
});
