import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/ensure-chromium.mjs';
import { plainSummaryReporter } from './scripts/plain-summary-reporter.mjs';

// Chromium from the system, never a downloaded one; the flags keep it from
// reaching for the network, which this kind of machine does not have.
const chromium = findChromium();
if (!chromium) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` first.');

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 2,
  reporters: [defaultReporter(), plainSummaryReporter()],
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 60_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
