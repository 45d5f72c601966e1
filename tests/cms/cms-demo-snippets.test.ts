/**
 * The CMS demo page (demo/cms.html) as a CMS user uses it: every snippet it shows, copied
 * in order into a blank page, with the CDN it names standing on a second origin
 * (tests/server/cdn-origin.mjs serves dist/ there under the same `/npm/retention-kit@…/dist/`
 * path). The snippets load the classic script, not a module, and no placeholder host; the
 * elements they hold draw, computed in the worker started from the CDN's engine file.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { dedent, serializeMarkup } from '../../demo/lib/snippets.ts';
import { CDN_PACKAGE, pointScriptsAtCdn } from '../../demo/lib/cdn.ts';
import { requireBuilt } from '../distribution/fixtures/orders.ts';

interface KitElement extends HTMLElement {
  status: string;
  ranIn?: string;
}

/** The snippets of the demo's CMS page, as its copy buttons give them. */
async function cmsSnippets(): Promise<string[]> {
  const page = new DOMParser().parseFromString(await (await fetch('/demo/cms.html')).text(), 'text/html');
  pointScriptsAtCdn(page);
  return [...page.querySelectorAll<HTMLTemplateElement>('template[data-example]')].map((template) => dedent(serializeMarkup(template.content)));
}

describe('CMS demo page: its snippets with the autoloader from a CDN', function () {
  this.timeout(60_000);
  let snippets: string[];

  before(async () => {
    await requireBuilt('/dist/retention-kit.autoloader.js');
    snippets = await cmsSnippets();
  });

  it('names the autoloader (a classic script) on the CDN, never a module or a placeholder host', () => {
    const scripts = snippets.join('\n').match(/<script[^>]*src=[^>]*>/g) ?? [];
    expect(scripts.length).to.be.at.least(2);
    expect(scripts[0]).to.equal(`<script src="${CDN_PACKAGE}/dist/retention-kit.autoloader.js">`);
    expect(CDN_PACKAGE).to.match(/^https:\/\/cdn\.jsdelivr\.net\/npm\/retention-kit(@\d+\.\d+\.\d+.*)?$/);
    for (const script of scripts) {
      expect(script).not.to.include('type="module"');
      expect(script).not.to.include('cdn.example');
    }
  });

  it('draws every element when pasted into a page, the kit served from a second origin', async () => {
    const run = `cms-demo-${Date.now().toString(36)}`;
    const { origin, folder } = (await (await fetch(`/__cdn-requests?run=${run}`)).json()) as { origin: string; folder: string };
    const body = snippets.join('\n').replaceAll(CDN_PACKAGE, `${origin}/t/${run}${folder}`);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:900px;height:1600px;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A CMS post</title></head><body>${body}</body></html>`;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & typeof globalThis;
    try {
      await waitUntil(() => win.customElements.get('retention-gauge'), 'the autoloader did not load the gauge from the second origin', { timeout: 15_000 });
      const elements = [...win.document.body.querySelectorAll<KitElement>('*')].filter((el) => el.localName.includes('-'));
      expect(elements.length).to.be.at.least(3);
      for (const el of elements) {
        await waitUntil(() => el.status === 'ready' || el.status === 'error', `<${el.localName}> did not settle`, { timeout: 30_000 });
        expect(el.status, `<${el.localName}>`).to.equal('ready');
        expect(el.ranIn, `<${el.localName}> computed in`).to.equal('worker');
        await waitUntil(() => el.shadowRoot!.querySelector('svg'), `<${el.localName}> drew nothing`);
      }
      // The Norwegian gauge got its words from translations/nb.js on the CDN.
      const norwegian = elements.find((el) => el.getAttribute('lang') === 'nb');
      expect(norwegian, 'the Norwegian example').to.exist;
      expect(norwegian!.shadowRoot!.textContent).to.include('Kundelojalitet');
      const { requests } = (await (await fetch(`/__cdn-requests?run=${run}`)).json()) as { requests: { path: string; status: number }[] };
      const fetched = requests.map((request) => `${request.status} ${request.path}`);
      expect(fetched).to.include.members(['200 dist/retention-kit.autoloader.js', '200 dist/translations/nb.js', '200 dist/retention-kit.worker.js']);
      // Only the elements of the snippets, each once; never the bundle of all of them.
      const tags = [...new Set(elements.map((el) => el.localName))].sort();
      expect(fetched.filter((line) => /^200 dist\/elements\/[a-z-]+\.js$/.test(line) && !line.includes('/shared-')).sort()).to.deep.equal(tags.map((tag) => `200 dist/elements/${tag}.js`));
      expect(fetched).not.to.include('200 dist/retention-kit.iife.js');
    } finally {
      frame.remove();
    }
  });
});
