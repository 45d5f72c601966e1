/**
 * The opt-in language files (dist/translations/<lang>.js) in plain static pages:
 * each is a separate self-contained script that must reach the kit's bundle
 * through the registry on globalThis, as a classic script and as a module, and
 * also when it arrives after the elements have drawn.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { requireBuilt } from './fixtures/orders.ts';

interface KitElement extends HTMLElement {
  status: string;
}

async function openPage(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:900px;height:900px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

const part = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const caption = (el: Element) => el.shadowRoot?.querySelector('table caption')?.textContent?.trim() ?? '';
const settled = (el: KitElement) => waitUntil(() => el.status === 'ready', 'gauge not ready', { timeout: 30_000 });

describe('distribution: opt-in language files', () => {
  before(async () => {
    await requireBuilt('/dist/retention-kit.iife.js');
    await requireBuilt('/dist/retention-kit.js');
    await requireBuilt('/dist/translations/nb.js');
  });

  it('dist/translations/nb.js is one self-contained script (no imports, no exports)', async () => {
    // (The test server passes .js through esbuild; its source map comment is dropped before looking.)
    const code = (await (await fetch('/dist/translations/nb.js')).text()).replace(/\/\/# sourceMappingURL=.*$/m, '');
    expect(/\bimport\s*[{*'"(]|\bfrom\s*['"]|\bexport\b/.test(code.replace(/`[^`]*`/g, '')), 'nb.js imports or exports').to.equal(false);
    expect(code.includes('retention-kit.translations'), 'nb.js does not use the shared registry').to.equal(true);
  });

  it('classic scripts: the IIFE kit and nb.js show Norwegian on a lang="nb" page', async () => {
    const frame = await openPage('/tests/distribution/fixtures/classic-nb.html');
    try {
      const win = frame.contentWindow as Window & typeof globalThis;
      const gauge = win.document.getElementById('gauge') as KitElement;
      await settled(gauge);
      // Churn 25 / 500 = 5 %.
      await waitUntil(() => text(gauge, 'churn').startsWith('Frafall'), `still "${text(gauge, 'churn')}"`);
      expect(text(gauge, 'churn')).to.match(/^Frafall 5,0\s?%$/);
      expect(caption(gauge)).to.equal('Tall for kundelojalitet');
      expect(gauge.getAttribute('aria-label')).to.match(/^Kundelojalitet/);
      // English stays English on the same page.
      const english = win.document.getElementById('english') as KitElement;
      await settled(english);
      expect(text(english, 'churn')).to.equal('Churn 5.0%');
    } finally {
      frame.remove();
    }
  });

  it('module bundle: nb.js added after the elements drew switches them to Norwegian', async () => {
    const frame = await openPage('/tests/distribution/fixtures/module-late.html');
    try {
      const win = frame.contentWindow as Window & typeof globalThis;
      await waitUntil(() => win.customElements.get('retention-gauge'), 'kit not defined', { timeout: 30_000 });
      const gauge = win.document.getElementById('gauge') as KitElement;
      await settled(gauge);
      await waitUntil(() => text(gauge, 'churn'), 'gauge drew nothing');
      // English words, Norwegian numbers.
      expect(text(gauge, 'churn')).to.match(/^Churn 5,0\s?%$/);
      expect(caption(gauge)).to.equal('Customer retention figures');

      const script = win.document.createElement('script');
      script.type = 'module';
      script.src = '/dist/translations/nb.js';
      const loaded = new Promise((resolve, reject) => {
        script.addEventListener('load', resolve, { once: true });
        script.addEventListener('error', reject, { once: true });
      });
      win.document.head.append(script);
      await loaded;
      await waitUntil(() => text(gauge, 'churn').startsWith('Frafall'), `still "${text(gauge, 'churn')}"`);
      expect(text(gauge, 'churn')).to.match(/^Frafall 5,0\s?%$/);
      expect(caption(gauge)).to.equal('Tall for kundelojalitet');
      expect(gauge.getAttribute('aria-label')).to.match(/^Kundelojalitet/);
    } finally {
      frame.remove();
    }
  });
});
