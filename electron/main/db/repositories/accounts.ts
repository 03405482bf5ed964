import { sql } from 'kysely';
import type { Role } from '../../../../core/domain/roles';
import { engineOf, type Q } from '../store';

export type AccountRecord = {
  id: string;
  loginName: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
};

type Row = {
  id: string;
  login_name: string;
  display_name: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  roles: string | null;
};

// An account's roles joined with commas (NULL for none), in no particular order: toRecord sorts.
function rolesOf(q: Q) {
  const role = sql.ref('r.role');
  return engineOf(q) === 'sqlite'
    ? // SQLite: group_concat (comma by default).
      sql<string | null>`group_concat(${role})`
    : // PostgreSQL: string_agg.
      sql<string | null>`string_agg(${role}, ',')`;
}

function selectAccounts(q: Q) {
  return q
    .selectFrom('accounts as a')
    .select((eb) => [
      'a.id',
      'a.login_name',
      'a.display_name',
      'a.disabled',
      'a.must_change_password',
      'a.created_at',
      'a.updated_at',
      eb
        .selectFrom('account_roles as r')
        .select(rolesOf(q).as('roles'))
        .whereRef('r.account_id', '=', 'a.id')
        .as('roles'),
    ]);
}

const ROLE_ORDER: Role[] = ['staff', 'approver', 'admin'];

function toRecord(r: Row): AccountRecord {
  const held = new Set((r.roles ?? '').split(',').filter(Boolean));
  return {
    id: r.id,
    loginName: r.login_name,
    displayName: r.display_name,
    roles: ROLE_ORDER.filter((role) => held.has(role)),
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertAccount(q: Q, a: AccountRecord): Promise<void> {
  await q
    .insertInto('accounts')
    .values({
      id: a.id,
      login_name: a.loginName,
      display_name: a.displayName,
      disabled: a.disabled ? 1 : 0,
      must_change_password: a.mustChangePassword ? 1 : 0,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
  await setRoles(q, a.id, a.roles);
}

export async function setRoles(q: Q, accountId: string, roles: readonly Role[]): Promise<void> {
  await q.deleteFrom('account_roles').where('account_id', '=', accountId).execute();
  // One statement per role, as before: the SQL text stays the same whatever the number of roles.
  for (const role of roles) {
    await q.insertInto('account_roles').values({ account_id: accountId, role }).execute();
  }
}

export async function updateAccount(
  q: Q,
  id: string,
  patch: { displayName?: string; disabled?: boolean; mustChangePassword?: boolean },
  updatedAt: string,
): Promise<void> {
  const current = await getAccount(q, id);
  if (!current) return;
  await q
    .updateTable('accounts')
    .set({
      display_name: patch.displayName ?? current.displayName,
      disabled: (patch.disabled ?? current.disabled) ? 1 : 0,
      must_change_password: (patch.mustChangePassword ?? current.mustChangePassword) ? 1 : 0,
      updated_at: updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

export async function renameAccountLogin(q: Q, id: string, loginName: string, updatedAt: string): Promise<void> {
  await q.updateTable('accounts').set({ login_name: loginName, updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function getAccount(q: Q, id: string): Promise<AccountRecord | null> {
  const row = await selectAccounts(q).where('a.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findAccountByLogin(q: Q, loginName: string): Promise<AccountRecord | null> {
  const row = await selectAccounts(q).where('a.login_name', '=', loginName).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listAccounts(q: Q): Promise<AccountRecord[]> {
  const rows = await selectAccounts(q).orderBy('a.created_at').orderBy('a.login_name').execute();
  return rows.map(toRecord);
}

export async function countActiveAdmins(q: Q): Promise<number> {
  const row = await q
    .selectFrom('accounts as a')
    .innerJoin('account_roles as r', (join) => join.onRef('r.account_id', '=', 'a.id').on('r.role', '=', 'admin'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return row.n;
}

// The keys side of accounts (issue 30 §1, §2): what a master key replacement may box to.
export type AccountKey = {
  id: string;
  loginName: string;
  disabled: boolean;
  publicKey: string | null;
  revocationPending: boolean;
};

export async function listAccountKeys(q: Q): Promise<AccountKey[]> {
  const rows = await q
    .selectFrom('accounts')
    .select(['id', 'login_name', 'disabled', 'public_key', 'revocation_pending'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    loginName: r.login_name,
    disabled: r.disabled === 1,
    publicKey: r.public_key,
    revocationPending: r.revocation_pending === 1,
  }));
}

export async function setAccountPublicKey(q: Q, id: string, publicKey: string | null): Promise<void> {
  await q.updateTable('accounts').set({ public_key: publicKey }).where('id', '=', id).execute();
}

export async function setRevocationPending(q: Q, id: string, pending: boolean): Promise<void> {
  await q
    .updateTable('accounts')
    .set({ revocation_pending: pending ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

// After a master key replacement every disabled account is revoked: none is pending any more.
export async function clearRevocationsPending(q: Q): Promise<void> {
  await q.updateTable('accounts').set({ revocation_pending: 0 }).where('revocation_pending', '=', 1).execute();
}
