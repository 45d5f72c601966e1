// Loads the demo's real-data page (525,461 order lines through one
// <retention-source>) in headless Chromium and reports every main-thread task
// longer than 50 ms while the file downloads, parses and computes, plus when
// each element had its result. A report, not a test: timings on a shared
// machine are noisy, so nothing here passes or fails on a number.
//   node scripts/main-thread-report.mjs
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
// The production build, as a site would serve it: dev-mode transforms and
// Lit's dev checks would be measured otherwise.
const configFile = join(root, 'vite.config.ts');
await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, logLevel: 'warn', preview: { port: 0, strictPort: false } });
const url = `${server.resolvedUrls.local[0]}real-data.html`;
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  // A copy: puppeteer takes --disable-features out of the array it is given (to merge it with its own).
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.evaluateOnNewDocument(() => {
    window.__longTasks = [];
    window.__ready = [];
    document.addEventListener('metric-change', (event) => window.__ready.push([event.target.localName, Math.round(performance.now())]), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
  // The first visit fills the HTTP cache with the code; the second is measured.
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => [...document.querySelectorAll('churn-trend, retention-gauge, cohort-heatmap')].every((el) => el.status === 'ready' || el.status === 'error'),
    { timeout: 120_000 },
  );
  const { longTasks, ready } = await page.evaluate(() => ({ longTasks: window.__longTasks, ready: window.__ready }));
  for (const [element, at] of ready) console.log(`${element} ready after ${at} ms`);
  console.log(longTasks.length ? `main-thread tasks over 50 ms (start, duration): ${longTasks.map(([s, d]) => `${s} ms, ${d} ms`).join('; ')}` : 'no main-thread task over 50 ms');
} finally {
  await browser.close();
  await server.close();
  server.httpServer.close?.();
}
