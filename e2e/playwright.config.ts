import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/*
 * Browser tests run the real product: the built API serving the built console, on a throwaway
 * embedded PostgreSQL seeded with the demo data, driven by the system Chromium (no browser download).
 */
// Chosen once in the main process and inherited by the workers, so parallel runs on one machine don't collide.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
process.env.E2E_PG_PORT ??= String(Number(process.env.E2E_PORT) + 1);
process.env.E2E_PG_DATA_DIR ??= join(mkdtempSync(join(tmpdir(), 'sbo-e2e-')), 'pg');
const port = Number(process.env.E2E_PORT);
const pgPort = Number(process.env.E2E_PG_PORT);
const dataDir = process.env.E2E_PG_DATA_DIR;

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: resolve(__dirname, '../.test-results/e2e.json') }]],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node ../api/dist/main.js',
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      PG_PORT: String(pgPort),
      PG_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
  },
});
