import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, call, makeServices, setupVault, tempDataDir } from '../testing/support';

async function auditedVault() {
  const services = makeServices(tempDataDir());
  await setupVault(services);
  await services.vault.lock('logout');
  await services.vault.login('admin', ADMIN_PASSWORD);
  await call(services, 'settings.updateSecurity', { idleLockMinutes: 15 });
  await call(services, 'accounts.create', {
    loginName: 'sato',
    displayName: '佐藤',
    roles: ['staff'],
    temporaryPassword: 'temporary passphrase',
  });
  return services;
}

// What the services record; the chain itself (appends, verification, tampering, filters) is
// tested on both engines in db/repositories/audit.test.ts.
describe('audit trail', () => {
  it('records setup, logins, locks and every change, and verifies', async () => {
    const services = await auditedVault();
    const { entries, total } = await call(services, 'audit.list', { limit: 50, offset: 0 });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'vault.setup',
      'session.lock',
      'session.login',
      'settings.update',
      'accounts.create',
    ]);
    expect(total).toBe(5);
    expect(await call(services, 'audit.verify', {})).toMatchObject({ ok: true, checked: 5 });
    // The verification itself is audited.
    expect((await call(services, 'audit.list', { limit: 1, offset: 0 })).entries[0]?.action).toBe('audit.verify');
    await services.close();
  });

  it('records a screen print from the menu only while someone is logged in', async () => {
    const services = await auditedVault();
    await services.recordScreenPrint();
    expect((await call(services, 'audit.list', { action: 'screen.print', limit: 5, offset: 0 })).total).toBe(1);
    await services.vault.lock('manual');
    await services.recordScreenPrint();
    await services.vault.login('admin', ADMIN_PASSWORD);
    expect((await call(services, 'audit.list', { action: 'screen.print', limit: 5, offset: 0 })).total).toBe(1);
    await services.close();
  });
});
