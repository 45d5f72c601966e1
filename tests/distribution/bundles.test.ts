/**
 * The single files a CDN or CMS user loads with one tag, in plain static pages
 * (tests/distribution/fixtures/*.html, no build step) shown in an iframe.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { manifestTags, manyOrders, requireBuilt } from './fixtures/orders.ts';

interface KitElement extends HTMLElement {
  status: string;
  ranIn?: string;
  result?: { retention?: number; period?: string };
  data: unknown;
}

const PAGES = [
  { name: 'ES module bundle (dist/retention-kit.js)', page: '/tests/distribution/fixtures/module.html', file: '/dist/retention-kit.js' },
  { name: 'classic script (dist/retention-kit.iife.js)', page: '/tests/distribution/fixtures/classic.html', file: '/dist/retention-kit.iife.js' },
];

async function openPage(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  // Visible and wide: charts draw once they have a size.
  frame.style.cssText = 'width:900px;height:1600px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

const settled = (el: KitElement, what: string) =>
  waitUntil(() => el.status === 'ready' || el.status === 'error', `${what} did not settle`, { timeout: 30_000 });

/** The element's rendered text, hidden table included. */
const shown = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

for (const { name, page, file } of PAGES) {
  describe(`distribution: ${name}`, () => {
    let frame: HTMLIFrameElement;
    let win: Window & typeof globalThis;

    before(async () => {
      await requireBuilt(file);
      frame = await openPage(page);
      win = frame.contentWindow as Window & typeof globalThis;
    });
    after(() => frame?.remove());

    it('defines every element of the manifest', async () => {
      const tags = await manifestTags();
      expect(tags.length).to.be.above(3);
      for (const tag of tags) {
        const ctor = win.customElements.get(tag);
        expect(ctor, `<${tag}>`).to.be.a('function');
        // A fresh instance upgrades and renders into its shadow root.
        const el = win.document.createElement(tag);
        win.document.body.append(el);
        await waitUntil(() => el.shadowRoot, `<${tag}> has no shadow root`);
        el.remove();
      }
    });

    it('upgrades the elements written in the page and renders their numbers', async () => {
      const typed = win.document.getElementById('typed') as KitElement;
      await settled(typed, 'typed gauge');
      // (E − N) / S = (520 − 45) / 500 = 95 %.
      expect(typed.result).to.include({ retention: 0.95 });
      expect(shown(typed)).to.include('95.0%');

      const gauge = win.document.getElementById('gauge') as KitElement;
      await settled(gauge, 'gauge');
      expect(gauge.result).to.include({ period: '2024-02', retention: 0.6 });
      expect(shown(gauge)).to.include('60.0%');

      for (const id of ['trend', 'heatmap']) {
        const el = win.document.getElementById(id) as KitElement;
        await settled(el, id);
        expect(el.status, `#${id}`).to.equal('ready');
        await waitUntil(() => el.shadowRoot!.querySelector('svg'), `#${id} drew no chart`);
        expect(shown(el), `#${id}`).to.match(/\d+(\.\d+)?\s?%/);
      }
    });

    it('computes more than 20 000 rows in the worker file beside the bundle', async () => {
      const el = win.document.createElement('retention-gauge') as KitElement;
      el.setAttribute('window-days', '30');
      // Rows made in the page's own realm, as the page's script would make them.
      el.data = win.JSON.parse(JSON.stringify(manyOrders()));
      win.document.body.append(el);
      await settled(el, 'worker gauge');
      expect(el.status).to.equal('ready');
      expect(el.ranIn).to.equal('worker');
      expect(el.result).to.include({ period: '2024-02', retention: 0.6 });
      el.remove();
    });
  });
}
