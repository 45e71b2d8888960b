import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/ensure-chromium.mjs';

// Playwright cannot download its browser here, so it drives a system Chromium. `npm test` and
// `npm run test:e2e` set CHROME_PATH (installing Debian's chromium when needed); a bare
// `npx playwright test` looks one up itself.
const chromium = findChromium();
if ('error' in chromium) {
  throw new Error(`${chromium.error} (or run \`node scripts/ensure-chromium.mjs\`, which installs it as root on Debian)`);
}

const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  // Reports sit beside this folder in test-results/, which Playwright empties at the start of each run.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  forbidOnly: isCI,
  workers: 2,
  retries: isCI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // scripts/e2e.mjs reads the json report (keep the path in sync with PLAYWRIGHT_REPORT there).
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath: chromium.path,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
