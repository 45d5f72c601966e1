// One fresh page load in headless Chromium, measured: the browser the tests
// use (/usr/bin/chromium, puppeteer-core), a new browser context per load (its
// own empty HTTP and code caches, so every load is a first visit), the cache
// disabled on top, and a long-task observer installed before the page's first
// script. The page says when it is drawn with performance.mark('drawn')
// (bench/first-chart/drawn.js); times are ms from navigation start.
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/ensure-chromium.mjs';

export const VIEWPORT = { width: 1280, height: 900 };


export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: run `node scripts/ensure-chromium.mjs` (or set CHROME_PATH)');
  // A copy: puppeteer takes --disable-features out of the array it is given (to merge it with its own),
  // so the shared list would lose the flag for the next launch.
  return puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], protocolTimeout: 10 * 60_000 });
}

/** Pages of the browser's own UI (chrome://…top-chrome): their renderers compete with the page measured. */
function browserUiPages(browser) {
  return browser.targets().filter((target) => target.url().includes('.top-chrome/')).length;
}

/** Runs before any script of the page: every main-thread task over 50 ms, buffered from the start. */
function observeLongTasks() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Resolves with the 'drawn' mark's time, or rejects with the page's own reason for 'failed'. */
function whenDrawn(timeoutMs) {
  return new Promise((resolve, reject) => {
    const settle = () => {
      const drawn = performance.getEntriesByName('drawn')[0];
      if (drawn) return resolve(drawn.startTime), true;
      if (performance.getEntriesByName('failed').length) return reject(new Error(window.benchError || 'the page failed')), true;
      return false;
    };
    if (settle()) return;
    const observer = new PerformanceObserver(() => settle() && observer.disconnect());
    observer.observe({ type: 'mark' });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not drawn within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

/**
 * Sums of the long tasks that started before `until` (ms from navigation start):
 * total blocking time (the part of each beyond 50 ms), the longest, how many.
 */
export function blocking(longTasks, until) {
  const tasks = longTasks.filter((task) => task.start < until);
  return {
    tbtMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    longestMs: tasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
    longTasks: tasks.length,
  };
}

/**
 * Loads `url` once in a fresh context and waits for 'drawn'. Then waits until
 * `settleMs` after it (page time) so long tasks right after drawing are seen,
 * and runs `after(page, drawnMs)` if given. Returns { drawnMs, longTasks, extra,
 * uiPages } (uiPages: the browser's own UI pages open during the load, 0 when all is well).
 */
export async function loadOnce(browser, url, { timeoutMs = 60_000, settleMs = 1000, after, screenshot } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const uiPages = browserUiPages(browser);
    await page.setViewport(VIEWPORT);
    await page.setCacheEnabled(false);
    await page.evaluateOnNewDocument(observeLongTasks);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => {
      // A download the page stops on purpose (the kit aborts a superseded or finished fetch) is no failure.
      const reason = request.failure()?.errorText;
      if (reason !== 'net::ERR_ABORTED') errors.push(`${request.url()}: ${reason}`);
    });
    page.on('response', (response) => response.status() >= 400 && errors.push(`${response.url()}: HTTP ${response.status()}`));
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    let drawnMs;
    try {
      drawnMs = await page.evaluate(whenDrawn, timeoutMs);
    } catch (error) {
      throw new Error(`${url}: ${error.message}${errors.length ? ` (${errors.join('; ')})` : ''}`);
    }
    await page.evaluate(async (until) => {
      // Long-task entries are delivered after their task: a little slack past `until`.
      while (performance.now() < until + 50) await new Promise((resolve) => setTimeout(resolve, until + 50 - performance.now()));
    }, drawnMs + settleMs);
    const longTasks = await page.evaluate(() => window.__benchLongTasks);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    const extra = after ? await after(page, drawnMs) : undefined;
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return { drawnMs, longTasks, extra, uiPages };
  } finally {
    await context.close();
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
