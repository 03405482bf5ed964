import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { ADMIN_PASSWORD, call, makeServices, setupVault, tempDataDir, failure } from '../testing/support';

const TEMP = 'temporary passphrase';

describe('accounts', () => {
  it('a new account logs in with its temporary password and must change it before anything else', async () => {
    const services = makeServices(tempDataDir());
    await setupVault(services);
    const created = await call(services, 'accounts.create', {
      loginName: 'Sato',
      displayName: '佐藤 花子',
      roles: ['staff', 'approver'],
      temporaryPassword: TEMP,
    });
    expect(created).toMatchObject({ loginName: 'sato', mustChangePassword: true, roles: ['staff', 'approver'] });
    await services.vault.lock('logout');

    const session = await call(services, 'session.login', { loginName: 'SATO', password: TEMP });
    expect(session.mustChangePassword).toBe(true);
    expect((await failure(call(services, 'settings.get', {}))).code).toBe(ErrorCode.PASSWORD_CHANGE_REQUIRED);
    const changed = await call(services, 'session.changePassword', {
      currentPassword: TEMP,
      newPassword: 'my own passphrase',
    });
    expect(changed.mustChangePassword).toBe(false);
    await expect(call(services, 'settings.get', {})).resolves.toBeTruthy();
    expect((await failure(call(services, 'accounts.list', {}))).code).toBe(ErrorCode.FORBIDDEN);
    await services.close();
  });

  it('refuses a duplicate login name and a weak temporary password', async () => {
    const services = makeServices(tempDataDir());
    await setupVault(services);
    const dup = await failure(
      call(services, 'accounts.create', {
        loginName: 'ADMIN',
        displayName: 'x',
        roles: ['staff'],
        temporaryPassword: TEMP,
      }),
    );
    expect(dup.code).toBe(ErrorCode.CONFLICT);
    const weak = await failure(
      call(services, 'accounts.create', {
        loginName: 'b',
        displayName: 'x',
        roles: ['staff'],
        temporaryPassword: 'short',
      }),
    );
    expect(weak.code).toBe(ErrorCode.BAD_INPUT);
    expect(await call(services, 'accounts.list', {})).toHaveLength(1);
    await services.close();
  });

  it('a disabled account can no longer log in, and the last administrator cannot be removed', async () => {
    const services = makeServices(tempDataDir());
    const { session } = await setupVault(services);
    const sato = await call(services, 'accounts.create', {
      loginName: 'sato',
      displayName: '佐藤',
      roles: ['staff'],
      temporaryPassword: TEMP,
    });
    await call(services, 'accounts.update', { id: sato.id, disabled: true });
    expect((await failure(call(services, 'accounts.update', { id: session.accountId, roles: ['staff'] }))).code).toBe(
      ErrorCode.CONFLICT,
    );
    expect((await failure(call(services, 'accounts.update', { id: session.accountId, disabled: true }))).code).toBe(
      ErrorCode.CONFLICT,
    );
    await services.vault.lock('logout');
    const err = await failure(call(services, 'session.login', { loginName: 'sato', password: TEMP }));
    expect(err.code).toBe(ErrorCode.AUTH_FAILED);

    await call(services, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    await call(services, 'accounts.update', { id: sato.id, disabled: false });
    await call(services, 'accounts.resetPassword', { id: sato.id, temporaryPassword: 'another temporary one' });
    await services.vault.lock('logout');
    const back = await call(services, 'session.login', { loginName: 'sato', password: 'another temporary one' });
    expect(back.mustChangePassword).toBe(true);
    await services.close();
  });
});
