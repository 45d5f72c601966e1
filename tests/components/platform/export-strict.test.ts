/**
 * Export on a page with a strict Content-Security-Policy and Trusted Types
 * (tests/strict-pages/all-elements.html, served with csp-middleware.mjs's policy:
 * `img-src 'self'`, `style-src 'self'`, `require-trusted-types-for 'script'`).
 *
 * CSV and SVG are made without a policy violation (no HTML parsing, no style
 * attribute); the PNG needs a blob: image, which `img-src 'self'` refuses: toPNG
 * says so by name instead of failing without a word.
 */
import { expect, waitUntil } from '@open-wc/testing';

interface StrictWindow extends Window {
  cspViolations: { directive: string; blocked: string; sample: string }[];
  pageErrors: string[];
}

interface KitElement extends HTMLElement {
  status: string;
  toCSV(): string;
  toSVG(): Promise<string>;
  toPNG(): Promise<Blob>;
  updateComplete: Promise<boolean>;
}

describe('export on a strict page', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  let win: StrictWindow;
  let doc: Document;

  before(async () => {
    frame = document.createElement('iframe');
    frame.width = '1000';
    frame.height = '1400';
    const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
    frame.src = '/tests/strict-pages/all-elements.html';
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as StrictWindow;
    doc = frame.contentDocument!;
    await waitUntil(() => doc.documentElement.dataset['kitTags'], 'the page script did not run', { timeout: 10_000 });
    const elements = [...doc.querySelectorAll<KitElement>('main *')].filter((el) => el.localName.includes('-'));
    await waitUntil(() => elements.every((el) => el.status === 'ready' || el.status === 'error'), 'elements did not settle', { timeout: 30_000 });
  });

  after(() => frame.remove());

  const element = (id: string) => doc.getElementById(id) as KitElement;

  it('makes CSV and SVG of every ready element without a policy violation', async () => {
    const before = win.cspViolations.length;
    const ready = [...doc.querySelectorAll<KitElement>('main *')].filter((el) => el.localName.includes('-') && el.status === 'ready');
    expect(ready.length).to.be.greaterThan(5);
    for (const el of ready) {
      expect(el.toCSV().length, `${el.id} CSV`).to.be.greaterThan(10);
      expect(await el.toSVG(), `${el.id} SVG`).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.cspViolations.slice(before), JSON.stringify(win.cspViolations.slice(before))).to.deep.equal([]);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it("toPNG names the missing blob: in img-src when the policy refuses it", async () => {
    const error = await element('trend-json')
      .toPNG()
      .then(
        () => undefined,
        (reason: unknown) => reason as Error & { reason?: string },
      );
    expect(error, 'toPNG rejected').to.not.equal(undefined);
    expect(error!.reason).to.equal('image-blocked');
    expect(error!.message).to.contain('img-src').and.contain('blob:');
  });

  it('the menu says why the PNG could not be made', async () => {
    const el = element('trend-json');
    el.setAttribute('export', 'png csv');
    await el.updateComplete;
    const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
    part('export-menu-button')!.click();
    await el.updateComplete;
    part('export-menu-item')!.click();
    await waitUntil(() => part('export-menu-error'), 'no failure shown', { timeout: 5000 });
    expect(part('export-menu-error')!.getAttribute('role')).to.equal('alert');
    expect(part('export-menu-error')!.textContent).to.contain('blob:').and.contain('img-src').and.contain('does not allow');
    // Opening the menu again clears it.
    part('export-menu-button')!.click();
    await el.updateComplete;
    expect(part('export-menu-error')).to.equal(null);
  });
});
