import { expect, it } from 'vitest';
import { makeServices, setupVault, tempDataDir } from '../testing/support';

// The service tests run twice (vitest.config.mts): once on the embedded SQLite vault, once with
// the vault's storage on PostgreSQL. This proves the second run really is on PostgreSQL.
it('runs the services on the engine the test project names', async () => {
  const s = makeServices(tempDataDir());
  await setupVault(s);
  const expected = process.env.MADOGUCHI_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
  expect(s.vault.store().engine).toBe(expected);
  expect(await s.vault.schemaVersion()).toBeGreaterThanOrEqual(23);
  await s.close();
});
