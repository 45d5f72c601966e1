// Issue #13's proof: a fresh Vite + React 19 + TypeScript app and a fresh Vue 3 app, each
// installing the packed tarball, type-check and build with two elements and typed event
// handlers. The apps' sources are tests/package/react-app/ and tests/package/vue-app/; each
// also holds lines that must NOT type-check (@ts-expect-error / @vue-expect-error), so
// typings that were too loose (any) fail here as well.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openBuiltApp, reactApp, run, vueApp } from './apps.mjs';

/** The built app's JavaScript files (dist/assets/*.js), by name. */
function builtFiles(dir) {
  const assets = join(dir, 'dist/assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, code: readFileSync(join(assets, name), 'utf8') }));
}

/**
 * The built app in Chromium: the tile shows the typed 4.2 %, the heatmap draws counts
 * computed in the engine the bundler emitted, the typed handlers ran, nothing logged an error.
 */
async function checkInBrowser(dir) {
  const errors = await openBuiltApp(dir, async (page) => {
    const shown = (selector) => page.evaluate((s) => document.querySelector('main > kpi-tile')?.shadowRoot?.querySelector(s)?.textContent?.trim(), selector);
    await page.waitForFunction(() => document.querySelector('main > cohort-heatmap')?.status === 'ready', { timeout: 30_000 });
    assert.equal(await shown('[part~="value"]'), '4.2%');
    const cells = await page.evaluate(() => [...document.querySelector('main > cohort-heatmap').shadowRoot.querySelectorAll('[part="cell-text"]')].map((cell) => cell.textContent));
    // Jan {a, b}: 2, then a; Feb {c}: 1; then the average row.
    assert.deepEqual(cells.slice(0, 3), ['2', '1', '1']);
    // The handlers' typed results, as the component wrote them: churn 0.042, 2 cohorts.
    await page.waitForFunction(() => /0\.042 · 2 cohorts/.test(document.querySelector('main > p')?.textContent ?? ''), { timeout: 10_000 });
    const width = await page.evaluate(() => document.querySelector('main > cohort-heatmap').getBoundingClientRect().width);
    assert.ok(width > 600, `the heatmap is ${width}px wide in the app's shrink-to-fit #root: the width note does not hold`);
  });
  assert.deepEqual(errors, []);
}

/** What a production build of an app using two elements must contain. */
function checkBuild(dir) {
  assert.ok(existsSync(join(dir, 'dist/index.html')), 'no dist/index.html');
  const files = builtFiles(dir);
  // The metrics engine, as the bundler found it: the worker it starts (new Worker(new URL(…))),
  // the same file for a page whose policy refuses workers from its URL, and the page's lazy import.
  const engine = files.filter((file) => /^worker-.*\.js$/.test(file.name));
  assert.ok(engine.length >= 1, 'no engine file (worker-*.js) in dist/assets');
  for (const file of engine) assert.ok(file.code.includes('no job named'), `${file.name} is not the kit's metrics engine`);
  const page = files.filter((file) => !engine.includes(file)).map((file) => file.code).join('\n');
  const defines = (tag) => new RegExp(`["'\`]${tag}["'\`]\\s*,`).test(page);
  for (const tag of ['kpi-tile', 'cohort-heatmap']) assert.ok(defines(tag), `the page's code does not define <${tag}>`);
  // Only the two imported elements: the others are dropped (sideEffects names the define files).
  for (const tag of ['revenue-movements', 'ltv-forecast', 'retention-gauge']) assert.ok(!page.includes(`${tag}`), `the page's code carries <${tag}>, which the app never imports`);
}

describe('a fresh Vite + React 19 + TypeScript app with the packed kit', { timeout: 300_000 }, () => {
  let dir;
  it('installs the tarball', () => {
    dir = reactApp();
  });

  // The App's @ts-expect-error lines make typings that are too loose fail here too ("unused directive").
  it('type-checks (tsc) with the JSX typings of retention-kit/react', () => {
    run(dir, 'typescript/bin/tsc', ['-p', 'tsconfig.json']);
  });

  it('builds (vite build)', () => {
    run(dir, 'vite/bin/vite.js', ['build', '--logLevel', 'warn']);
    checkBuild(dir);
  });

  it('runs the build in Chromium: the tile shows 4.2 %, the heatmap counts, the typed handlers ran', async () => {
    await checkInBrowser(dir);
  });
});

describe('a fresh Vue 3 + TypeScript app with the packed kit', { timeout: 300_000 }, () => {
  let dir;
  it('installs the tarball', () => {
    dir = vueApp();
  });

  it('type-checks (vue-tsc) with the GlobalComponents typings of retention-kit/vue', () => {
    run(dir, 'vue-tsc/bin/vue-tsc.js', ['-p', 'tsconfig.json']);
  });

  it('builds (vite build)', () => {
    run(dir, 'vite/bin/vite.js', ['build', '--logLevel', 'warn']);
    checkBuild(dir);
  });

  it('runs the build in Chromium: the tile shows 4.2 %, the heatmap counts, the typed handlers ran', async () => {
    await checkInBrowser(dir);
  });
});
