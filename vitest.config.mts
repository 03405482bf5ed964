import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    // One PostgreSQL cluster per run for the tests on both engines (testing/postgres.ts).
    globalSetup: ['electron/main/testing/postgres-global.ts'],
  },
});
