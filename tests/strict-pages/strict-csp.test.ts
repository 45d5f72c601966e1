/**
 * Every element of the kit on a page served with a strict Content-Security-Policy
 * (tests/strict-pages/csp-middleware.mjs): no 'unsafe-inline', no 'unsafe-eval',
 * Trusted Types required for script sinks with only Lit's 'lit-html' policy allowed.
 *
 * The page is loaded in a same-origin iframe (the runner's own page runs inline scripts,
 * so it cannot carry the policy). The page records `securitypolicyviolation` events from
 * its first script on; the test asserts there are none, that every element settles with a
 * result, and that the hand-computed numbers are on screen.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { tableColumn } from '../components/table-column.ts';

const PAGE = '/tests/strict-pages/all-elements.html';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
}

interface StrictWindow extends Window {
  cspViolations: Violation[];
  pageErrors: string[];
  eval(code: string): unknown;
}

interface KitElement extends HTMLElement {
  status: string;
  result?: unknown;
  error?: { kind: string; message?: string; issues?: unknown[] };
  ranIn?: string;
  updateComplete: Promise<boolean>;
}

const shadowText = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('strict Content-Security-Policy page', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  let win: StrictWindow;
  let doc: Document;
  let elements: KitElement[];

  before(async () => {
    frame = document.createElement('iframe');
    frame.width = '1000';
    frame.height = '1400';
    const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
    frame.src = PAGE;
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as StrictWindow;
    doc = frame.contentDocument!;
    await waitUntil(() => doc.documentElement.dataset.kitTags, 'the page script did not run', { timeout: 10_000 });
    elements = [...doc.querySelectorAll<KitElement>('main *')].filter((el) => el.localName.includes('-'));
    // A stuck element is reported by its own test below, with the states of all.
    await waitUntil(settledAll, 'elements did not settle', { timeout: 30_000 }).catch(() => undefined);
    await Promise.all(elements.map((el) => el.updateComplete));
  });

  after(() => frame.remove());

  const settledAll = () => elements.every((el) => el.status === 'ready' || el.status === 'error');
  const states = () => elements.map((el) => `${el.id}: ${el.status}${el.error ? ` ${JSON.stringify(el.error)}` : ''}`).join('\n');
  const violations = (test: (v: Violation) => boolean) => win.cspViolations.filter(test);
  const describeAll = (list: Violation[]) => list.map((v) => `${v.directive} ${v.blocked} at ${v.source}:${v.line} ${v.sample}`).join('\n');

  it('is served with the strict policy', async () => {
    const response = await fetch(PAGE);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).to.include("script-src 'self'").and.include("style-src 'self'").and.include("require-trusted-types-for 'script'");
    expect(policy).not.to.include('unsafe-inline');
    expect(policy).not.to.include('unsafe-eval');
  });

  it('shows every element the kit defines', () => {
    const defined = doc.documentElement.dataset.kitTags!.split(' ').filter((tag) => tag !== 'retention-source');
    expect(defined).to.include.members(['retention-gauge', 'churn-trend', 'cohort-heatmap']);
    const shown = new Set(elements.map((el) => el.localName));
    expect(defined.filter((tag) => !shown.has(tag))).to.deep.equal([]);
    for (const tag of defined) expect(win.customElements.get(tag), tag).to.exist;
  });

  it('every element settles with a drawn result or a rendered input error, never a load or compute error', () => {
    expect(settledAll(), states()).to.equal(true);
    for (const el of elements) {
      const state = JSON.stringify({ id: el.id, status: el.status, error: el.error });
      expect(el.error?.kind ?? 'none', state).not.to.be.oneOf(['load-error', 'compute-error']);
      if (el.status === 'error') expect(shadowText(el, '[part~="message"]'), state).not.to.equal('');
      else expect(el.shadowRoot!.querySelector('[part~="base"]'), state).to.exist;
    }
    // Orders fit every element that reads transactions: at least the three main ones are ready.
    expect(elements.filter((el) => el.status === 'ready').length, states()).to.be.at.least(4);
  });

  it('shows the hand-computed numbers', () => {
    const plain = doc.getElementById('gauge-plain') as KitElement;
    expect(shadowText(plain, '[part~="value"]')).to.equal('95.0%'); // (520 − 45) / 500
    // Shared CSV, window 30 days: February S = 5, E = 4, N = 1 → (4 − 1) / 5 = 60 %.
    const csv = doc.getElementById('gauge-csv') as KitElement;
    expect(csv.status, JSON.stringify(csv.error)).to.equal('ready');
    expect(shadowText(csv, '[part~="value"]')).to.equal('60.0%');
    const trend = doc.getElementById('trend-json') as KitElement;
    expect(tableColumn(trend, 'Churn rate')).to.deep.equal(['5.0%', '10.0%', '5.0%']); // 25 / 500, 52 / 520, 24 / 480
    const heatmap = doc.getElementById('heatmap-inline') as KitElement;
    // Computed in the worker where it can start; under Trusted Types it cannot yet (see below), and the page computes.
    expect(heatmap.ranIn).to.be.oneOf(['worker', 'inline']);
    const cells = [...heatmap.shadowRoot!.querySelectorAll('[part~="cells"] [part="cell-text"]')].map((t) => t.textContent);
    expect(cells).to.deep.equal(['100%', '33%', '67%', '100%', '50%', '100%']);
  });

  it('draws the charts (SVG) and positions tooltips without inline-style violations', async () => {
    for (const id of ['gauge-plain', 'gauge-csv', 'trend-json', 'heatmap-inline']) {
      const el = doc.getElementById(id) as KitElement;
      await waitUntil(() => el.shadowRoot!.querySelector('svg'), `${id} not drawn`, { timeout: 10_000 });
    }
    // Focusing the heatmap shows its tooltip, which is positioned with a style binding.
    const heatmap = doc.getElementById('heatmap-inline') as KitElement;
    const chart = heatmap.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
    chart.focus();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await heatmap.updateComplete;
    expect(shadowText(heatmap, '[part~="tooltip"]')).to.include('33.3%');
    // The positioned tooltip and the coloured cells really got their styles (through the CSSOM).
    const tooltip = heatmap.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
    expect(tooltip.style.top).to.match(/^\d+(\.\d+)?px$/);
    // A period-1 cell: period 0 is neutral and has no colour of its own.
    const cell = heatmap.shadowRoot!.querySelector<SVGRectElement>('[part="cell"][data-column="1"]')!;
    expect(cell.parentElement!.style.getPropertyValue('--l')).not.to.equal('');
    // The churn trend's tooltip, left then right of its point.
    const trend = doc.getElementById('trend-json') as KitElement;
    const trendChart = trend.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
    trendChart.focus();
    await trend.updateComplete;
    trendChart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await trend.updateComplete;
    trendChart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await trend.updateComplete;
    expect(shadowText(trend, '[part~="tooltip"]')).to.include('10.0%'); // February: 52 / 520
  });

  // One test per kind of violation, so a failure names its cause.
  it('parses CSV without eval (no unsafe-eval, no Function sink)', async () => {
    await new Promise((done) => setTimeout(done, 200)); // violation events are queued as tasks
    const found = violations((v) => v.sample.startsWith('Function|') || v.sample.startsWith('eval|') || v.blocked === 'eval');
    expect(found, describeAll(found)).to.deep.equal([]);
  });

  it('sets styles through the CSSOM, never through style attributes (no style-src-attr)', () => {
    const found = violations((v) => v.directive === 'style-src-attr' || v.directive === 'style-src-elem' || v.directive === 'style-src');
    expect(found, describeAll(found)).to.deep.equal([]);
  });

  // The kit's Trusted Types policy ('retention-kit', platform/trusted-worker-url.ts) vouches for
  // its worker URL, so the worker starts under require-trusted-types-for with no violation.
  it('starts the metrics worker with a Trusted Types script URL', () => {
    expect((doc.getElementById('heatmap-inline') as KitElement).ranIn).to.equal('worker');
    const found = violations((v) => v.sample.startsWith('Worker constructor|') || v.directive === 'worker-src' || v.directive === 'trusted-types');
    expect(found, describeAll(found)).to.deep.equal([]);
  });

  it('reports no Content-Security-Policy violation at all, and no page error', () => {
    expect(win.cspViolations, describeAll(win.cspViolations)).to.deep.equal([]);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('really enforces the policy: eval on the page is refused and reported', async () => {
    const before = win.cspViolations.length;
    expect(() => win.eval('1 + 1')).to.throw();
    await waitUntil(() => win.cspViolations.length > before, 'no violation reported for eval');
    // Trusted Types checks the string before script-src does; either one refusing it is the policy at work.
    expect(win.cspViolations.slice(before).map((v) => v.directive)).to.satisfy((directives: string[]) =>
      directives.some((directive) => directive === 'script-src' || directive === 'require-trusted-types-for'),
    );
  });
});
