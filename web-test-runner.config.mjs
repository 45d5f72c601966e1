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
  // One test file at a time: headless Chromium stops rendering updates (and so
  // ResizeObserver callbacks) for pages that are not in front, and our charts
  // rightly wait for a size before they draw.
  concurrency: 1,
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
          // Timers of a page that is not in front must not be slowed down.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
