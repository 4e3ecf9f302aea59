// Playwright drives the built page (vite preview) in Chromium (toolchain.md §9): the one named by
// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own. scripts/test-all.sh asks
// scripts/ensure-deps.mjs --chromium for one (it downloads Playwright's only where no system
// Chromium exists and the network allows) and passes it in CHROMIUM_PATH.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const CI = !!process.env.CI

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  retries: CI ? 2 : 0,
  workers: 1,
  timeout: 60_000,
  // npm test must end well inside 15 minutes on two cores, even when every test fails slowly
  // and is retried: the run stops here and the summary counts the timeout as a failure.
  globalTimeout: 9 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: 'http://127.0.0.1:4173', // 127.0.0.1, not localhost
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
})
