import type { Role } from '../../../../core/domain/roles';
import { prepared, type Db } from '../connection';

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

const SELECT = `
  SELECT a.*, (SELECT group_concat(role) FROM account_roles r WHERE r.account_id = a.id) AS roles
  FROM accounts a`;

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

export function insertAccount(db: Db, a: AccountRecord): void {
  prepared(
    db,
    'INSERT INTO accounts (id, login_name, display_name, disabled, must_change_password, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(a.id, a.loginName, a.displayName, a.disabled ? 1 : 0, a.mustChangePassword ? 1 : 0, a.createdAt, a.updatedAt);
  setRoles(db, a.id, a.roles);
}

export function setRoles(db: Db, accountId: string, roles: readonly Role[]): void {
  prepared(db, 'DELETE FROM account_roles WHERE account_id = ?').run(accountId);
  const insert = prepared(db, 'INSERT INTO account_roles (account_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(accountId, role);
}

export function updateAccount(
  db: Db,
  id: string,
  patch: { displayName?: string; disabled?: boolean; mustChangePassword?: boolean },
  updatedAt: string,
): void {
  const current = getAccount(db, id);
  if (!current) return;
  prepared(
    db,
    'UPDATE accounts SET display_name = ?, disabled = ?, must_change_password = ?, updated_at = ? WHERE id = ?',
  ).run(
    patch.displayName ?? current.displayName,
    (patch.disabled ?? current.disabled) ? 1 : 0,
    (patch.mustChangePassword ?? current.mustChangePassword) ? 1 : 0,
    updatedAt,
    id,
  );
}

export function renameAccountLogin(db: Db, id: string, loginName: string, updatedAt: string): void {
  prepared(db, 'UPDATE accounts SET login_name = ?, updated_at = ? WHERE id = ?').run(loginName, updatedAt, id);
}

export function getAccount(db: Db, id: string): AccountRecord | null {
  const row = prepared(db, `${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function findAccountByLogin(db: Db, loginName: string): AccountRecord | null {
  const row = prepared(db, `${SELECT} WHERE a.login_name = ?`).get(loginName) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function listAccounts(db: Db): AccountRecord[] {
  return (prepared(db, `${SELECT} ORDER BY a.created_at, a.login_name`).all() as Row[]).map(toRecord);
}

export function countActiveAdmins(db: Db): number {
  return (
    prepared(
      db,
      "SELECT count(*) AS n FROM accounts a JOIN account_roles r ON r.account_id = a.id AND r.role = 'admin' WHERE a.disabled = 0",
    ).get() as { n: number }
  ).n;
}

// The keys side of accounts (issue 30 §1, §2): what a master key replacement may box to.
export type AccountKey = {
  id: string;
  loginName: string;
  disabled: boolean;
  publicKey: string | null;
  revocationPending: boolean;
};

export function listAccountKeys(db: Db): AccountKey[] {
  return (
    prepared(db, 'SELECT id, login_name, disabled, public_key, revocation_pending FROM accounts ORDER BY id').all() as {
      id: string;
      login_name: string;
      disabled: number;
      public_key: string | null;
      revocation_pending: number;
    }[]
  ).map((r) => ({
    id: r.id,
    loginName: r.login_name,
    disabled: r.disabled === 1,
    publicKey: r.public_key,
    revocationPending: r.revocation_pending === 1,
  }));
}

export function setAccountPublicKey(db: Db, id: string, publicKey: string | null): void {
  prepared(db, 'UPDATE accounts SET public_key = ? WHERE id = ?').run(publicKey, id);
}

export function setRevocationPending(db: Db, id: string, pending: boolean): void {
  prepared(db, 'UPDATE accounts SET revocation_pending = ? WHERE id = ?').run(pending ? 1 : 0, id);
}

// After a master key replacement every disabled account is revoked: none is pending any more.
export function clearRevocationsPending(db: Db): void {
  prepared(db, 'UPDATE accounts SET revocation_pending = 0 WHERE revocation_pending = 1').run();
}
