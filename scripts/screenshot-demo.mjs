#!/usr/bin/env node
// Screenshots of every demo page in headless Chromium, and a smoke test of the gallery:
// the run fails (exit 1) on a page error, a console error, a failed request, or an
// element that ends in its error state.
//
//   node scripts/screenshot-demo.mjs                 # Vite dev server, like `npm run demo`
//   node scripts/screenshot-demo.mjs --build         # `vite build`, then serve demo-dist with `vite preview`
//   node scripts/screenshot-demo.mjs --out /tmp/x --pages index,portal --no-mobile
//   node scripts/screenshot-demo.mjs --pages index --elements ltv-forecast,purchase-cycle   # one PNG per element too
//
// Chromium is the system one (Debian's /usr/bin/chromium, or CHROME_PATH); nothing is downloaded.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build, createServer, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const configFile = join(repoRoot, 'vite.config.ts');
const ALL_PAGES = ['index', 'cms', 'real-data', 'portal', 'dark', 'builder'];

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const outDir = resolve(option('out', '/tmp/rk-shots'));
const pages = option('pages', ALL_PAGES.join(',')).split(',');
const useBuild = flag('build');
const viewports = [{ name: 'desktop', width: 1280, height: 900 }];
if (!flag('no-mobile')) viewports.push({ name: 'mobile', width: 390, height: 844, isMobile: true, deviceScaleFactor: Number(option('mobile-scale', '2')) });
/** The real-data page parses half a million rows: give it time. */
const READY_TIMEOUT_MS = Number(option('timeout', '180000'));

mkdirSync(outDir, { recursive: true });

async function startServer() {
  if (useBuild) {
    await build({ configFile, logLevel: 'warn' });
    const server = await preview({ configFile, logLevel: 'warn', preview: { port: 0, strictPort: false } });
    return { url: server.resolvedUrls.local[0], close: () => server.close() };
  }
  const server = await createServer({ configFile, logLevel: 'warn', server: { port: 0, strictPort: false } });
  await server.listen();
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}

/** Resolves when every kit element on the page has settled (ready or error), with their states. */
async function waitForElements(page) {
  await page.waitForFunction(
    () => {
      const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.includes('-') && 'status' in el);
      return elements.length > 0 && elements.every((el) => el.status === 'ready' || el.status === 'error');
    },
    { timeout: READY_TIMEOUT_MS, polling: 250 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((el) => el.localName.includes('-') && 'status' in el)
      .map((el) => ({
        tag: el.localName,
        id: el.id || undefined,
        status: el.status,
        ranIn: el.ranIn,
        error: el.error ? el.error.message ?? JSON.stringify(el.error) : undefined,
        label: el.getAttribute('aria-label'),
      })),
  );
}

/**
 * `--parts`: the page again in slices of PART_HEIGHT CSS pixels, so a tall phone page can be
 * looked at piece by piece. The viewport grows to the whole page first (no capture beyond it).
 */
const PART_HEIGHT = 1400;
async function saveParts(page, viewport, stem) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewport({ ...viewport, height });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))));
  for (let y = 0, part = 1; y < height; y += PART_HEIGHT, part++) {
    const clip = { x: 0, y, width: viewport.width, height: Math.min(PART_HEIGHT, height - y) };
    await page.screenshot({ path: `${stem}-part${part}.png`, clip, captureBeyondViewport: false });
  }
  await page.setViewport(viewport);
}

/** `--elements a,b`: each element with one of these tags on its own, numbered in page order. */
async function saveElements(page, tags, stem) {
  for (const tag of tags) {
    const handles = await page.$$(tag);
    for (const [index, handle] of handles.entries()) {
      await handle.screenshot({ path: `${stem}-${tag}-${index + 1}.png`, captureBeyondViewport: false });
    }
  }
}

const problems = [];
const server = await startServer();
console.log(`Serving the demo at ${server.url}${useBuild ? ' (built)' : ''}`);
const executablePath = process.env.CHROME_PATH || findChromium() || '/usr/bin/chromium';
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--headless=new', ...CHROMIUM_ARGS],
});

try {
  for (const name of pages) {
    for (const viewport of viewports) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      const where = `${name} (${viewport.name})`;
      page.on('pageerror', (error) => problems.push(`${where}: page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${where}: console error: ${message.text()}`);
      });
      page.on('requestfailed', (request) => problems.push(`${where}: request failed: ${request.url()} (${request.failure()?.errorText})`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${where}: HTTP ${response.status()} for ${response.url()}`);
      });

      const started = Date.now();
      await page.goto(new URL(`${name}.html`, server.url).href, { waitUntil: 'load' });
      let states = [];
      try {
        states = await waitForElements(page);
      } catch (error) {
        problems.push(`${where}: elements did not settle within ${READY_TIMEOUT_MS} ms (${error.message})`);
      }
      for (const state of states) {
        if (state.status === 'error') problems.push(`${where}: <${state.tag}${state.id ? `#${state.id}` : ''}> shows an error: ${state.error}`);
      }
      // Let transitions finish and the last frame paint.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 700)))));
      const file = join(outDir, `${name}-${viewport.name}.png`);
      // captureBeyondViewport (puppeteer's default) paints some SVGs shrunk in headless Chromium;
      // growing the viewport to the page instead gives what a reader sees.
      await page.screenshot({ path: file, fullPage: true, captureBeyondViewport: false });
      if (flag('parts')) await saveParts(page, viewport, join(outDir, `${name}-${viewport.name}`));
      if (option('elements')) await saveElements(page, option('elements').split(','), join(outDir, `${name}-${viewport.name}`));
      const notes = await page.evaluate(() => document.querySelector('[data-screenshot-note]')?.textContent?.trim().replace(/\s+/g, ' '));
      console.log(`${file}  ${states.length} elements, ${Date.now() - started} ms${notes ? `  | ${notes}` : ''}`);
      if (flag('verbose')) for (const state of states) console.log(`   <${state.tag}> ${state.status} ${state.ranIn ?? ''} ${state.label ?? ''}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log('\nNo page errors, console errors, failed requests or element errors.');
