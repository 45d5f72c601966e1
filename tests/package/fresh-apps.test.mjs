// Issue #13's proof: a fresh Vite + React 19 + TypeScript app and a fresh Vue 3 app, each
// installing the packed tarball, type-check and build with two elements and typed event
// handlers. The apps' sources are tests/package/react-app/ and tests/package/vue-app/; each
// also holds lines that must NOT type-check (@ts-expect-error / @vue-expect-error), so
// typings that were too loose (any) fail here as well.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { reactApp, run, vueApp } from './apps.mjs';

/** The built app's JavaScript files (dist/assets/*.js), by name. */
function builtFiles(dir) {
  const assets = join(dir, 'dist/assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, code: readFileSync(join(assets, name), 'utf8') }));
}

/** What a production build of an app using two elements must contain. */
function checkBuild(dir) {
  assert.ok(existsSync(join(dir, 'dist/index.html')), 'no dist/index.html');
  const files = builtFiles(dir);
  // The metrics engine, as the bundler found it through new URL('../../engine/worker.js', import.meta.url).
  const engine = files.filter((file) => /^worker-.*\.js$/.test(file.name));
  assert.equal(engine.length, 1, `expected one engine file in dist/assets, found ${engine.map((file) => file.name).join(', ') || 'none'}`);
  assert.ok(engine[0].code.includes('no job named'), `${engine[0].name} is not the kit's metrics engine`);
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
});
