// Runs the benchmark in headless Chromium (Debian's /usr/bin/chromium, driven
// by puppeteer-core): the bundle is served from a loopback-only HTTP server,
// the page imports it, and every step is a page.evaluate. Memory comes from
// the DevTools protocol: V8 heap in use plus ArrayBuffer backing stores.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/ensure-chromium.mjs';
import { measureSize } from './driver.mjs';

const CHROMIUM = findChromium() || '/usr/bin/chromium';
const ARGS = ['--headless=new', ...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];

const PAGE = `<!doctype html><meta charset="utf-8"><title>retention-kit bench</title>
<script type="module">
  import * as bench from './harness.mjs';
  globalThis.benchModule = bench;
  globalThis.benchReady = true;
</script>`;

function serve(bundlePath) {
  const server = createServer(async (request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (request.url === '/harness.mjs') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(await readFile(bundlePath));
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function runChromium(bundlePath, sizes, cases, log) {
  const server = await serve(bundlePath);
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, protocolTimeout: 15 * 60_000 });
  try {
    const version = await browser.version();
    const results = [];
    for (const size of sizes) {
      // A fresh page per size: no heap left over from the previous size.
      const page = await browser.newPage();
      page.on('pageerror', (error) => log(`  page error: ${error.message}`));
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction('globalThis.benchReady === true');
      const cdp = await page.createCDPSession();
      const engine = {
        name: 'chromium',
        create: (n, seed) =>
          page.evaluate((n, seed) => {
            globalThis.benchSession = new globalThis.benchModule.BenchSession(n, seed);
            return globalThis.benchSession.inputBytes;
          }, n, seed),
        call: (method, ...args) => page.evaluate((method, args) => globalThis.benchSession[method](...args), method, args),
        async gc() {
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
        },
        async heap() {
          const usage = await cdp.send('Runtime.getHeapUsage');
          return usage.usedSize + (usage.backingStorageSize ?? 0);
        },
        async dispose() {
          await page.close();
        },
      };
      results.push(await measureSize(engine, size, cases, log));
    }
    return { version, results };
  } finally {
    await browser.close();
    server.close();
  }
}
