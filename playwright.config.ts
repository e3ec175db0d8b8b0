import { defineConfig, devices } from '@playwright/test';

// Set by scripts/e2e.ts (npm run test:e2e), which creates a fresh database per run.
// Refuse to run without it rather than test against a developer's own database.
if (!process.env.E2E_DATABASE_URL) {
  throw new Error('Run Playwright through `npm run test:e2e` (it creates a fresh database for the run).');
}
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium; Playwright never downloads a browser of its own here. The
// flags keep Chromium from calling home on a machine with no outside network.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  // scripts/test.ts reads the JSON report for its closing summary line.
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: 'npm start',
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      REDIS_KEY_PREFIX: process.env.E2E_REDIS_KEY_PREFIX ?? 'e2e:',
      PORT: String(port),
      APP_URL: baseURL,
      // As if behind one reverse proxy: a test can name the client's address
      // in X-Forwarded-For (the checkout's per-IP limits); browsers send none.
      TRUSTED_PROXY_HOPS: '1',
    },
  },
});
