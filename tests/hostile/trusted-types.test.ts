/**
 * Pages whose Content-Security-Policy leaves the kit less than it needs
 * (tests/server/hostile-responses.mjs, PAGE_POLICIES): Trusted Types required, and
 *
 * - `no-kit-policy`: the kit's own policy ('retention-kit') not allowed, so its worker URL
 *   cannot be vouched for: the kit computes in the page, and every element shows its result;
 * - `no-workers`: `worker-src 'none'`: the same, from the worker side;
 * - `no-lit-policy`: Lit's policy ('lit-html') not allowed: every element is still defined
 *   and says, in its place, that the page's policy keeps it from drawing (issue #16: "one
 *   clear message in each element, not an undefined element"), with no uncaught page error.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ELEMENTS } from './specs.ts';
import { nonFiniteIn, type KitElement } from './harness.ts';

interface PolicyWindow extends Window {
  pageErrors: string[];
  cspViolations: { directive: string; blocked: string; sample: string }[];
}

async function openPage(name: string) {
  const frame = document.createElement('iframe');
  frame.width = '900';
  frame.height = '1200';
  const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
  frame.src = `/__hostile/pages/${name}.html`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PolicyWindow;
  const doc = frame.contentDocument!;
  await waitUntil(() => doc.documentElement.dataset.pageReady, `the page script of ${name} did not run`, { timeout: 10_000 });
  const elements = ELEMENTS.map((spec) => doc.getElementById(spec.tag) as KitElement);
  const settled = () => elements.every((el) => el.status === 'ready' || el.status === 'error');
  await waitUntil(settled, 'not settled', { timeout: 15_000 }).catch(() => undefined);
  await Promise.all(elements.map((el) => el.updateComplete?.catch(() => false)));
  return { frame, win, doc, elements };
}

const states = (elements: KitElement[]) =>
  elements.map((el) => `<${el.localName}> ${el.status ?? '(not upgraded)'}${el.error ? ` ${el.error.kind}: ${el.error.message}` : ''}${el.ranIn ? ` in ${el.ranIn}` : ''}`).join('\n');

describe('pages whose Trusted Types or worker policy leaves the kit less than it needs', function () {
  this.timeout(60_000);

  for (const name of ['no-kit-policy', 'no-workers']) {
    it(`${name}: every element computes in the page and shows its result, with no page error`, async () => {
      const { frame, win, elements } = await openPage(name);
      try {
        const defined = ELEMENTS.filter((spec) => !win.customElements.get(spec.tag)).map((spec) => spec.tag);
        expect(defined, 'elements never defined').to.deep.equal([]);
        expect(win.pageErrors, 'page errors').to.deep.equal([]);
        expect(elements.filter((el) => el.status !== 'ready').length, states(elements)).to.equal(0);
        for (const el of elements) expect(nonFiniteIn(el), el.localName).to.deep.equal([]);
        expect(elements.map((el) => el.ranIn).filter((where) => where !== 'inline'), 'computed elsewhere than the page').to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }

  it('no-lit-policy: every element is defined and shows one message, with no page error', async () => {
    const { frame, win, elements } = await openPage('no-lit-policy');
    try {
      const undefinedTags = ELEMENTS.filter((spec) => !win.customElements.get(spec.tag)).map((spec) => spec.tag);
      expect(undefinedTags, `elements never defined; page errors: ${win.pageErrors.join(' | ').slice(0, 400)}`).to.deep.equal([]);
      expect(win.pageErrors, 'page errors').to.deep.equal([]);
      for (const el of elements) {
        const shown = (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
        expect(shown, `<${el.localName}> shows nothing`).not.to.equal('');
      }
    } finally {
      frame.remove();
    }
  });
});
