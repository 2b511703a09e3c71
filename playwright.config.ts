import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = `.tmp/e2e-data-${port}`;

/**
 * End-to-end tests in Debian's Chromium against a real server with its own embedded PostgreSQL. Every run starts
 * from a fresh data folder (demo district only), so the journeys do not depend on what an earlier run left.
 * E2E_REUSE=1 uses a server already listening on E2E_PORT instead (handy while writing tests).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: '.tmp/e2e-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && node scripts/start.mjs`,
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: process.env.E2E_REUSE === '1',
    env: { PORT: String(port), TONGBAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', TONGBAN_DEMO: '1' },
  },
});
