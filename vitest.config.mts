import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The service tests that run on both engines: every service test that does not reach below the
// store into the SQLite file (backups, rotation, raw SQL on the file). Repository tests choose
// their engines themselves (testing/stores.ts, forEachEngine).
const BOTH_ENGINES = [
  'electron/main/accounts/accounts.test.ts',
  'electron/main/audit/export.test.ts',
  'electron/main/audit/trail.test.ts',
  'electron/main/disclosure/packages.test.ts',
  'electron/main/disclosure/record-gates.test.ts',
  'electron/main/disclosure/records.test.ts',
  'electron/main/drafts/drafts.test.ts',
  'electron/main/enclosures/hostile-files.test.ts',
  'electron/main/forms/forms.test.ts',
  'electron/main/intake/cure-documents.test.ts',
  'electron/main/intake/hostile-text.test.ts',
  'electron/main/intake/identity-rules.test.ts',
  'electron/main/intake/intake.test.ts',
  'electron/main/intake/same-person.test.ts',
  'electron/main/intake/split.test.ts',
  'electron/main/letters/approval-gates.test.ts',
  'electron/main/letters/letters.test.ts',
  'electron/main/letters/record-annexes.test.ts',
  'electron/main/letters/reply-address.test.ts',
  'electron/main/reports/overdue.test.ts',
  'electron/main/reports/reports.test.ts',
  'electron/main/reports/spreadsheets.test.ts',
  'electron/main/requests/approval.test.ts',
  'electron/main/requests/carried-out.test.ts',
  'electron/main/requests/coming-of-age.test.ts',
  'electron/main/requests/fee-return.test.ts',
  'electron/main/requests/joint-use.test.ts',
  'electron/main/requests/not-ours.test.ts',
  'electron/main/requests/outside-law.test.ts',
  'electron/main/requests/requests.test.ts',
  'electron/main/requests/searches.test.ts',
  'electron/main/requests/suspicion.test.ts',
  'electron/main/session/idle.test.ts',
  'electron/main/vault/engine.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // At least two test files at a time (vitest's default is one fewer than the cores: one on a
    // 2-core machine). Much of a file's time is waiting (fsync, the PostgreSQL server, workers), so the unit
    // run took 316 s instead of 505 s here, all passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // One PostgreSQL cluster per run for the tests on both engines (testing/postgres.ts).
    globalSetup: ['electron/main/testing/postgres-global.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [
            'core/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'postgres', include: BOTH_ENGINES, env: { MADOGUCHI_TEST_ENGINE: 'postgres' } },
      },
    ],
  },
});
