import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, call, makeServices, setupVault, tempDataDir } from '../../testing/support';
import { verifyAudit } from './audit';

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
    services.recordScreenPrint();
    expect((await call(services, 'audit.list', { action: 'screen.print', limit: 5, offset: 0 })).total).toBe(1);
    await services.vault.lock('manual');
    services.recordScreenPrint();
    await services.vault.login('admin', ADMIN_PASSWORD);
    expect((await call(services, 'audit.list', { action: 'screen.print', limit: 5, offset: 0 })).total).toBe(1);
    await services.close();
  });

  it('names the entry changed with raw SQL', async () => {
    const services = await auditedVault();
    const db = services.vault.connection();
    db.prepare("UPDATE audit_log SET summary = 'idleLockMinutes=240' WHERE id = 4").run();
    expect(await call(services, 'audit.verify', {})).toMatchObject({ ok: false, entryId: 4, problem: 'modified' });
    await services.close();
  });

  it('detects a re-hashed entry through the next link', async () => {
    const services = await auditedVault();
    const db = services.vault.connection();
    // A forged action with a forged hash: the next entry's link no longer matches.
    db.prepare(
      "UPDATE audit_log SET action = 'accounts.create', hash = (CASE WHEN substr(hash, 1, 1) = '0' THEN '1' ELSE '0' END) || substr(hash, 2) WHERE id = 2",
    ).run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, entryId: 2 });
    await services.close();
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    const services = await auditedVault();
    const db = services.vault.connection();
    db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, entryId: 3, problem: 'missing' });
    await services.close();

    const other = await auditedVault();
    const db2 = other.vault.connection();
    db2.prepare('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)').run();
    expect(verifyAudit(db2)).toMatchObject({ ok: false, problem: 'head_mismatch' });
    await other.close();
  });

  it('filters by action, account and period', async () => {
    const services = await auditedVault();
    const session = services.vault.session();
    const byAction = await call(services, 'audit.list', { action: 'session.login', limit: 10, offset: 0 });
    expect(byAction.entries).toHaveLength(1);
    const byAccount = await call(services, 'audit.list', { accountId: session?.accountId, limit: 10, offset: 0 });
    expect(byAccount.total).toBe(5);
    const future = await call(services, 'audit.list', { from: '2999-01-01T00:00:00Z', limit: 10, offset: 0 });
    expect(future.total).toBe(0);
    await services.close();
  });
});
