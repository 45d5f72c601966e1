/**
 * The kit served from another origin than the page, as a CDN serves it (the README's
 * install lines): the page is on the test server (`localhost`), the built files on a
 * second server on 127.0.0.2 (tests/server/cdn-origin.mjs) that answers with a CDN's
 * CORS headers under `/npm/retention-kit@<version>/dist/`.
 *
 * A worker cannot start from another origin's URL, so the kit starts it from a
 * same-origin blob: that imports the engine file beside the bundle. These tests check
 * that the engine file is found there, that the worker (not the page) computes, for the
 * module and the classic build, on a strict page and on a CMS post; and what a page
 * shows when the engine file was not uploaded.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { manyOrders, requireBuilt } from '../distribution/fixtures/orders.ts';

interface KitElement extends HTMLElement {
  status: string;
  ranIn?: string;
  result?: { retention?: number; period?: string };
  error?: { message?: string };
  data: unknown;
}

interface CdnRequest {
  path: string;
  status: number;
  dest: string;
  mode: string;
  origin: string;
}

interface TestWindow extends Window {
  cspViolations?: unknown[];
  pageErrors?: string[];
}

let runs = 0;

async function openPage(page: string): Promise<{ frame: HTMLIFrameElement; win: TestWindow & typeof globalThis; run: string }> {
  const run = `${Date.now().toString(36)}-${runs++}`;
  const frame = document.createElement('iframe');
  // Visible and wide: charts draw once they have a size.
  frame.style.cssText = 'width:900px;height:1600px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/tests/cross-origin/${page}${page.includes('?') ? '&' : '?'}run=${run}`;
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as TestWindow & typeof globalThis, run };
}

async function cdnLog(run: string): Promise<{ origin: string; folder: string; requests: CdnRequest[] }> {
  return (await fetch(`/__cdn-requests?run=${run}`)).json();
}

const settled = (el: KitElement, what: string) =>
  waitUntil(() => el.status === 'ready' || el.status === 'error', `${what} did not settle`, { timeout: 30_000 });

/** The element's rendered text, hidden table included. */
const shown = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function waitForKit(win: Window & typeof globalThis, what: string): Promise<void> {
  await waitUntil(() => win.customElements.get('retention-gauge'), `${what}: the kit did not load from the second origin`, { timeout: 15_000 });
}

/** A gauge over more rows than the worker threshold, so it computes in the engine's worker when one starts. */
async function bigGauge(win: Window & typeof globalThis): Promise<KitElement> {
  const el = win.document.createElement('retention-gauge') as KitElement;
  el.setAttribute('window-days', '30');
  el.data = win.JSON.parse(JSON.stringify(manyOrders()));
  win.document.body.append(el);
  await settled(el, 'big gauge');
  return el;
}

before(async () => {
  await requireBuilt('/dist/retention-kit.js');
  await requireBuilt('/dist/retention-kit.iife.js');
  await requireBuilt('/dist/elements/retention-gauge.js');
  await requireBuilt('/dist/retention-kit.autoloader.js');
});

for (const { name, page, bundle } of [
  { name: 'the ES module bundle', page: 'module.html', bundle: 'dist/retention-kit.js' },
  { name: 'the classic script', page: 'classic.html', bundle: 'dist/retention-kit.iife.js' },
  { name: 'the per-element modules', page: 'elements.html', bundle: 'dist/elements/retention-gauge.js' },
  { name: 'the autoloader', page: 'autoloader.html', bundle: 'dist/retention-kit.autoloader.js' },
]) {
  describe(`cross-origin: ${name} from a CDN`, function () {
    this.timeout(60_000);
    let frame: HTMLIFrameElement;
    let win: TestWindow & typeof globalThis;
    let run: string;

    before(async () => {
      ({ frame, win, run } = await openPage(page));
      await waitForKit(win, page);
    });
    after(() => frame?.remove());

    it('is loaded from the second origin', async () => {
      const { origin, requests } = await cdnLog(run);
      expect(origin).to.match(/^http:\/\/127\.0\.0\.[12]:\d+$/);
      expect(new URL(origin).origin).not.to.equal(win.location.origin);
      expect(requests.find((request) => request.path === bundle), `${bundle} requested from the CDN`).to.include({ status: 200 });
    });

    it('renders the elements of the page from their attributes and inline data', async () => {
      const typed = win.document.getElementById('typed') as KitElement;
      await settled(typed, 'typed gauge');
      expect(typed.status).to.equal('ready');
      // (E − N) / S = (520 − 45) / 500 = 95 %.
      expect(typed.result).to.include({ retention: 0.95 });
      expect(shown(typed)).to.include('95.0%');

      const gauge = win.document.getElementById('gauge') as KitElement;
      await settled(gauge, 'gauge');
      expect(gauge.result).to.include({ period: '2024-02', retention: 0.6 });

      const heatmap = win.document.getElementById('heatmap') as KitElement;
      await settled(heatmap, 'heatmap');
      expect(heatmap.status).to.equal('ready');
      await waitUntil(() => heatmap.shadowRoot!.querySelector('svg'), 'the heatmap drew no chart');
    });

    it('computes in the worker, started from the engine file beside the bundle on the CDN', async () => {
      const el = await bigGauge(win);
      expect(el.status).to.equal('ready');
      expect(el.ranIn, 'where the big gauge computed').to.equal('worker');
      expect(el.result).to.include({ period: '2024-02', retention: 0.6 });
      const { requests } = await cdnLog(run);
      const engine = requests.filter((request) => request.path === 'dist/retention-kit.worker.js');
      // The worker's own script graph fetched it (not the page), with CORS: the page's origin asked.
      expect(engine.map((request) => request.dest), 'who fetched the engine file').to.include('worker');
      expect(engine.every((request) => request.status === 200 && request.mode === 'cors' && request.origin === win.location.origin)).to.equal(true);
      el.remove();
    });
  });
}

describe('cross-origin: a page downloads only the elements it shows', function () {
  this.timeout(60_000);

  /** The element modules a page fetched from the CDN (not the chunks they share). */
  async function elementModules(run: string): Promise<string[]> {
    const paths = (await cdnLog(run)).requests.map((request) => request.path);
    expect(paths, 'the single-file bundle').not.to.include.members(['dist/retention-kit.js']);
    return paths.filter((path) => path.startsWith('dist/elements/') && !/\/shared-[\w-]+\.js$/.test(path)).sort();
  }

  for (const page of ['elements.html', 'autoloader.html']) {
    it(`${page}: a gauge and a heatmap fetch their modules and the chunks they share, not the other elements`, async () => {
      const { frame, win, run } = await openPage(page);
      try {
        await waitForKit(win, page);
        await settled(win.document.getElementById('heatmap') as KitElement, 'heatmap');
        expect(await elementModules(run)).to.deep.equal(['dist/elements/cohort-heatmap.js', 'dist/elements/retention-gauge.js']);
        expect(win.customElements.get('churn-trend'), 'an element the page does not show').to.equal(undefined);
      } finally {
        frame.remove();
      }
    });
  }

  it('the autoloader loads an element the page adds later, once, and draws it', async () => {
    const { frame, win, run } = await openPage('autoloader.html');
    try {
      await waitForKit(win, 'autoloader.html');
      const trends = [0, 1].map(() => {
        const trend = win.document.createElement('churn-trend') as KitElement;
        trend.setAttribute('window-days', '30');
        trend.data = win.JSON.parse(JSON.stringify(manyOrders()));
        return trend;
      });
      win.document.body.append(...trends);
      for (const trend of trends) {
        await settled(trend, 'a churn trend added after the page loaded');
        expect(trend.status).to.equal('ready');
      }
      const modules = await elementModules(run);
      expect(modules.filter((path) => path === 'dist/elements/churn-trend.js'), 'fetched once').to.have.length(1);
    } finally {
      frame.remove();
    }
  });
});

for (const { name, query } of [
  { name: 'the ES module bundle', query: '' },
  { name: 'the autoloader', query: '?kit=autoloader' },
]) {
  describe(`cross-origin: a strict page (CSP and Trusted Types) that allows the CDN, with ${name}`, function () {
    this.timeout(60_000);
    let frame: HTMLIFrameElement;
    let win: TestWindow & typeof globalThis;

    before(async () => {
      ({ frame, win } = await openPage(`strict.html${query}`));
      await waitForKit(win, 'strict.html');
    });
    after(() => frame?.remove());

    it('starts the worker through the kit policy with no violation', async () => {
      const typed = win.document.getElementById('typed') as KitElement;
      await settled(typed, 'typed gauge');
      expect(typed.result).to.include({ retention: 0.95 });
      const el = await bigGauge(win);
      expect(win.cspViolations, 'CSP violations').to.deep.equal([]);
      expect(win.pageErrors, 'page errors').to.deep.equal([]);
      expect(el.ranIn).to.equal('worker');
      expect(el.result).to.include({ retention: 0.6 });
    });
  });
}

describe('cross-origin: a CMS post with the classic script from the CDN', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  let win: TestWindow & typeof globalThis;
  let run: string;

  before(async () => {
    ({ frame, win, run } = await openPage('cms-page.html'));
    await waitForKit(win, 'cms-page.html');
  });
  after(() => frame?.remove());

  it('draws every element of the pasted snippet, computed in the worker', async () => {
    const elements = [...win.document.querySelectorAll<KitElement>('#snippet *')].filter((el) => el.localName.includes('-'));
    expect(elements.map((el) => el.localName)).to.deep.equal(['retention-gauge', 'churn-trend', 'cohort-heatmap']);
    for (const el of elements) {
      await settled(el, el.localName);
      expect(el.status, `<${el.localName}>`).to.equal('ready');
      expect(el.ranIn, `<${el.localName}> computed in`).to.equal('worker');
      await waitUntil(() => el.shadowRoot!.querySelector('svg'), `<${el.localName}> drew no chart`);
    }
    expect(shown(elements[0])).to.include('95.0%');
    const { requests } = await cdnLog(run);
    expect(requests.map((request) => `${request.status} ${request.path}`)).to.include.members(['200 dist/retention-kit.iife.js', '200 dist/retention-kit.worker.js']);
  });
});

describe('cross-origin: the bundle uploaded without its engine file', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  let win: TestWindow & typeof globalThis;

  before(async () => {
    ({ frame, win } = await openPage('without-engine.html'));
    await waitForKit(win, 'without-engine.html');
  });
  after(() => frame?.remove());

  it('shows, in each element, that the metrics module could not be loaded', async () => {
    for (const id of ['typed', 'gauge', 'heatmap']) {
      const el = win.document.getElementById(id) as KitElement;
      await settled(el, `#${id}`);
      expect(el.status, `#${id}`).to.equal('error');
      expect(el.error?.message, `#${id}`).to.match(/metrics module could not be loaded .*retention-kit\.worker\.js/);
      expect(shown(el), `#${id} says so`).to.match(/could not be computed: the metrics module could not be loaded/);
    }
  });
});
