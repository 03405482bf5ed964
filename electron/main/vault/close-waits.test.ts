import { expect, it } from 'vitest';
import { getSetting, putSetting } from '../db/repositories/settings';
import { ADMIN_PASSWORD, makeServices, setupVault, tempDataDir } from '../testing/support';

// Closing the vault (at a lock or on quitting) closes the SQLite connection: a write then still
// awaiting inside its transaction must commit first, not fail half way (db/store.ts exclusive).
it('closing the vault waits for the write in progress, which commits', async () => {
  const dataDir = tempDataDir();
  const services = makeServices(dataDir);
  await setupVault(services);
  let started: () => void = () => undefined;
  const inside = new Promise<void>((resolve) => (started = resolve));
  let proceed: () => void = () => undefined;
  const mayProceed = new Promise<void>((resolve) => (proceed = resolve));
  const writing = services.vault.write('settings.update', null, 'test', async (tx) => {
    started();
    // A real wait inside the transaction (a file read, a worker's answer).
    await mayProceed;
    await putSetting(tx, 'test.close_waits', 'committed');
  });
  await inside;
  const order: string[] = [];
  const closing = services.vault.close().then(() => order.push('closed'));
  const written = writing.then(() => order.push('written'));
  proceed();
  await Promise.all([written, closing]);
  expect(order).toEqual(['written', 'closed']);
  await services.close();

  const again = makeServices(dataDir);
  await again.vault.login('admin', ADMIN_PASSWORD);
  expect(await getSetting(again.vault.q(), 'test.close_waits')).toBe('committed');
  await again.close();
});
