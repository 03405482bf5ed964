import { randomUUID } from 'node:crypto';
import { ErrorCode, type Account, type KeysReplaced } from '../../../core/contract';
import type { Role } from '../../../core/domain/roles';
import {
  countActiveAdmins,
  findAccountByLogin,
  getAccount,
  insertAccount,
  listAccountKeys,
  listAccounts,
  setAccountPublicKey,
  setRevocationPending,
  setRoles,
  updateAccount,
  type AccountRecord,
} from '../db/repositories/accounts';
import { normaliseLoginName } from '../vault/header';
import { AppError } from '../errors';
import { deleteDrafts } from '../drafts/service';
import type { Vault } from '../vault/vault';

// The account is disabled, but its keys were not replaced yet: said as it is.
function revocationUnfinished(err: unknown): AppError {
  const keyset = err instanceof AppError && err.issues?.some((i) => i.path[0] === 'keyset');
  return new AppError(
    ErrorCode.CONFLICT,
    keyset
      ? 'アカウントは無効にしました。ただし、鍵情報ファイル（vault.json）がアプリの外で変更されているため、鍵の更新を中止しました。このアカウントの古いパスワードで開ける鍵が残っています。［設定］→［バックアップ］の「データベース鍵の更新」から鍵情報を作り直してください。'
      : 'アカウントは無効にしました。ただし、鍵の更新に失敗したため、このアカウントの古いパスワードで開ける鍵がまだ残っています。鍵の更新は次回のログイン時に、ほかの操作より先に自動でやり直します（ディスクの空き容量などをご確認ください）。',
    keyset && err instanceof AppError ? err.issues : undefined,
  );
}

function notFound(): AppError {
  return new AppError(ErrorCode.NOT_FOUND, 'アカウントが見つかりません。');
}

export class AccountsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
  ) {}

  async list(): Promise<Account[]> {
    return await listAccounts(this.vault.q());
  }

  async create(input: {
    loginName: string;
    displayName: string;
    roles: Role[];
    temporaryPassword: string;
  }): Promise<Account> {
    const db = this.vault.q();
    const loginName = normaliseLoginName(input.loginName);
    if (await findAccountByLogin(db, loginName)) {
      throw new AppError(ErrorCode.CONFLICT, 'このログイン名は既に使われています。', [
        { path: ['loginName'], message: 'このログイン名は既に使われています。' },
      ]);
    }
    const now = this.clock().toISOString();
    const account: AccountRecord = {
      id: randomUUID(),
      loginName,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      disabled: false,
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    };
    // The wrap is written first: if the insert then failed, an orphan wrap opens nothing
    // that the account table would let anyone use.
    const publicKey = await this.vault.setAccountPassword(account, input.temporaryPassword);
    await this.vault.write('accounts.create', account.id, `roles=${account.roles.join(',')}`, async (tx) => {
      await insertAccount(tx, account);
      await setAccountPublicKey(tx, account.id, publicKey);
    });
    return account;
  }

  async update(input: {
    id: string;
    displayName?: string | undefined;
    roles?: Role[] | undefined;
    disabled?: boolean | undefined;
  }): Promise<Account & { keys?: KeysReplaced }> {
    const db = this.vault.q();
    const current = await getAccount(db, input.id);
    if (!current) throw notFound();
    const self = this.vault.session()?.accountId === input.id;
    if (self && input.disabled === true)
      throw new AppError(ErrorCode.CONFLICT, '自分自身のアカウントは無効にできません。');
    const losesAdmin =
      current.roles.includes('admin') &&
      !current.disabled &&
      (input.disabled === true || (input.roles !== undefined && !input.roles.includes('admin')));
    if (losesAdmin && (await countActiveAdmins(db)) <= 1) {
      throw new AppError(ErrorCode.CONFLICT, '有効な管理者が1人もいなくなるため、この変更はできません。');
    }
    const changes = [
      input.displayName !== undefined ? 'displayName' : null,
      input.roles !== undefined ? `roles=${[...new Set(input.roles)].join(',')}` : null,
      input.disabled !== undefined ? `disabled=${String(input.disabled)}` : null,
    ].filter(Boolean);
    // Disabling and revoking are one outcome (issue 30 §2): the account is marked
    // revocation_pending in the transaction that disables it, and the mark goes only with the key
    // replacement. If the replacement fails, it is finished at the next login before anything
    // else; disabling the account again retries it now.
    const pendingBefore = (await listAccountKeys(db)).find((a) => a.id === input.id)?.revocationPending === true;
    const revoke = input.disabled === true && (!current.disabled || pendingBefore);
    await this.vault.write('accounts.update', input.id, changes.join(' '), async (tx) => {
      await updateAccount(
        tx,
        input.id,
        { displayName: input.displayName, disabled: input.disabled },
        this.clock().toISOString(),
      );
      if (input.roles) await setRoles(tx, input.id, [...new Set(input.roles)]);
      // A disabled account's unsaved drafts go with it.
      if (input.disabled === true) await deleteDrafts(tx, input.id);
      if (revoke) await setRevocationPending(tx, input.id, true);
    });
    // Disabling replaces the master and database keys, so that nothing the account could have
    // copied opens what comes next.
    let replaced: Awaited<ReturnType<Vault['revokeAccount']>> | null = null;
    if (revoke) {
      try {
        replaced = await this.vault.revokeAccount(current.id);
      } catch (err) {
        await this.vault.refreshSession();
        throw revocationUnfinished(err);
      }
    }
    await this.vault.refreshSession();
    const updated = await getAccount(this.vault.q(), input.id);
    if (!updated) throw notFound();
    return replaced
      ? {
          ...updated,
          keys: { newRecoveryKey: replaced.newRecoveryKey, accountsNeedingPassword: replaced.droppedAccounts.length },
        }
      : updated;
  }

  async resetPassword(input: { id: string; temporaryPassword: string }): Promise<Account> {
    const db = this.vault.q();
    const current = await getAccount(db, input.id);
    if (!current) throw notFound();
    if (current.disabled) throw new AppError(ErrorCode.CONFLICT, '無効なアカウントです。先に有効にしてください。');
    await this.vault.setAccountPassword(current, input.temporaryPassword);
    await this.vault.write('accounts.reset_password', input.id, 'temporary', async (tx) => {
      await updateAccount(tx, input.id, { mustChangePassword: true }, this.clock().toISOString());
    });
    await this.vault.refreshSession();
    const updated = await getAccount(db, input.id);
    if (!updated) throw notFound();
    return updated;
  }
}
