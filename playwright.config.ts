import { availableParallelism } from 'node:os';
import { defineConfig, type PlaywrightTestOptions, type PlaywrightWorkerOptions, type Project } from '@playwright/test';
import { chromiumArgs, chromiumPath, electronBinary, type Target } from './e2e/fixtures/targets';

// Two targets share the same specs: the harness (default, Chromium against the real services in
// Node) and the built Electron app, where its binary exists.
type Options = PlaywrightWorkerOptions & { target: Target };
const projects: Project<PlaywrightTestOptions, Options>[] = [
  {
    name: 'harness',
    use: {
      target: 'harness',
      browserName: 'chromium',
      launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    },
  },
];
if (electronBinary()) {
  projects.push({ name: 'electron', use: { target: 'electron' }, testIgnore: /(bundle|harness)\.spec\.ts/ });
}

// Each test runs a harness (the services, Argon2 included) and a Chromium beside it: on a 2-core
// machine two at a time starve each other and time out under load, so one worker per two cores.
// Timeouts fit a loaded 2-core machine; the specs wait on state, never on time.
const workers = Number(process.env['E2E_WORKERS'] ?? Math.max(1, Math.floor(availableParallelism() / 2)));

export default defineConfig<PlaywrightTestOptions, Options>({
  testDir: 'e2e/specs',
  fullyParallel: true,
  workers,
  retries: 0,
  forbidOnly: true,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: { locale: 'ja-JP', trace: 'retain-on-failure' },
  projects,
});
