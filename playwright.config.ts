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

export default defineConfig<PlaywrightTestOptions, Options>({
  testDir: 'e2e/specs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: [['list']],
  use: { locale: 'ja-JP', trace: 'retain-on-failure' },
  projects,
});
