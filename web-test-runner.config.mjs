import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupReplace from '@rollup/plugin-replace';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/ensure-chromium.mjs';
import { plainSummaryReporter } from './scripts/plain-summary-reporter.mjs';
import { reactEsmPlugin } from './tests/frameworks/react-esm-plugin.mjs';
import { strictPagesMiddleware } from './tests/strict-pages/csp-middleware.mjs';
import { viteGlobPlugin } from './tests/demo/vite-glob-plugin.mjs';
import { requestLogMiddleware } from './tests/server/request-log.mjs';
import { hostileResponsesMiddleware } from './tests/server/hostile-responses.mjs';
import { LOGIC_TEST_FOLDERS, logicSuitePlugin } from './tests/server/logic-suite.mjs';
import { bundledWorkerPlugin } from './tests/server/bundled-worker.mjs';
import { cdnOriginPlugin } from './tests/server/cdn-origin.mjs';
import { referenceDataPlugin } from './tests/server/reference-data.mjs';
import { visualTestsPlugin } from './tests/visual/visual-plugin.mjs';

// The framework proofs (tests/frameworks/) import React 19, which ships CommonJS only
// (reactEsmPlugin serves it as ES modules, as a bundler would), and Vue 3's bundler build,
// which reads process.env.NODE_ENV and its feature flags (replaced only inside Vue's own
// files, so the kit's code is served exactly as written).
const replace = fromRollup(rollupReplace);

// Chromium from the system, never a downloaded one; the flags keep it from
// reaching for the network, which this kind of machine does not have.
const chromium = findChromium();
if (!chromium) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` first.');

export default {
  // The pure-logic files run together in one page, through tests/logic.test.ts.
  // The hostile corpus times main-thread tasks, so it runs on its own, one page at a time
  // (`npm run test:hostile`): beside another test page on two cores its timings were the load's.
  files: ['tests/**/*.test.ts', ...LOGIC_TEST_FOLDERS.map((folder) => `!${folder}/**`), '!tests/hostile/**'],
  nodeResolve: true,
  rootDir: '.',
  // Two test files at a time, each page in a window of its own (createPage below):
  // headless Chromium stops rendering updates (and so ResizeObserver callbacks) for a
  // tab that is not in front, and our charts rightly wait for a size before they draw;
  // a page alone in its window is always in front.
  concurrency: 2,
  reporters: [defaultReporter(), plainSummaryReporter()],
  testsFinishTimeout: 10 * 60_000,
  // Seconds, not a minute: a test that hangs fails fast and says where.
  testFramework: { config: { timeout: 15_000 } },
  plugins: [
    logicSuitePlugin(),
    bundledWorkerPlugin(),
    // A second origin standing in for a CDN, serving dist/ (tests/cross-origin/).
    cdnOriginPlugin(),
    // The element reference's content, as the demo server makes it (demo/reference.html).
    referenceDataPlugin(),
    // Screenshots and baseline files of the visual tests (tests/visual/).
    visualTestsPlugin(),
    // The demo pages register the elements with Vite's `import.meta.glob` (tests/demo/ drives the builder).
    viteGlobPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    replace({
      include: ['**/node_modules/vue/**', '**/node_modules/@vue/**'],
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify('development'),
        // Vue's compile-time feature flags, as a bundler would define them.
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    }),
    reactEsmPlugin(),
  ],
  // The strict pages (tests/strict-pages/) are served with a Content-Security-Policy header;
  // tests/server/request-log.mjs counts requests wherever the engine makes them (page or worker);
  // tests/server/hostile-responses.mjs answers as broken servers do (tests/hostile/).
  middleware: [requestLogMiddleware, hostileResponsesMiddleware, strictPagesMiddleware],
  browsers: [
    chromeLauncher({
      createPage: ({ context }) => context.newPage({ type: 'window' }),
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
          // No omnibox WebUI renderer per window (scripts/ensure-chromium.mjs says why).
          '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
          // Timers of a page that is not in front must not be slowed down.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
