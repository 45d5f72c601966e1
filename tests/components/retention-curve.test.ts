import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/retention-curve/define.ts';
import '../../src/components/retention-source/define.ts';
import type { RetentionCurve } from '../../src/components/retention-curve/retention-curve.ts';
import type { RetentionCurveModel } from '../../src/engine/jobs/retention-curve.ts';
import { curveGeometry } from '../../src/components/retention-curve/curve-geometry.ts';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { MetricChangeEvent } from '../../src/components/platform/events.ts';
import '../../src/translations/da.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * Monthly, data up to 15 March 2024: March is still running.
 * Jan cohort {a, b, c, g}: a Jan + Mar, b Jan (+ a return in March, no visit), c Jan + Feb, g Jan + Mar.
 * Feb cohort {d, e, h}: d Feb, e Feb + Mar, h Feb (+ a return in March). Mar cohort {f}.
 * mode="on": Jan 4/4, Feb c = 1/4 = 25 %, Mar a, g = 2/4 = 50 % (running);
 *            Feb 3/3, Mar e = 1/3 (running); Mar 1/1 (running).
 *   Average of complete periods: k0 (4 + 3) / (4 + 3) = 100 % (March's k0 is running);
 *   k1 January only: 1 / 4 = 25 % (February's k1 is running); k2 only January, running → none.
 * mode="on-or-after": Jan k1 = a, c, g (a and g come back in March) = 3/4 = 75 %; k2 a, g = 50 %;
 *   Feb k1 = e = 1/3; average [100 %, 75 %, none].
 */
const ORDERS = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'g', date: '2024-01-08', amount: 10 },
  { customer: 'b', date: '2024-01-20', amount: 10 },
  { customer: 'c', date: '2024-01-25', amount: 10 },
  { customer: 'd', date: '2024-02-01', amount: 10 },
  { customer: 'c', date: '2024-02-03', amount: 10 },
  { customer: 'h', date: '2024-02-10', amount: 10 },
  { customer: 'e', date: '2024-02-14', amount: 10 },
  { customer: 'd', date: '2024-02-20', amount: 10 },
  { customer: 'e', date: '2024-03-01', amount: 10 },
  { customer: 'f', date: '2024-03-02', amount: 10 },
  { customer: 'h', date: '2024-03-03', amount: -10 },
  { customer: 'g', date: '2024-03-05', amount: 10 },
  { customer: 'a', date: '2024-03-10', amount: 10 },
  { customer: 'b', date: '2024-03-15', amount: -3 },
];

/*
 * With each share its 95 % Wilson interval, computed by hand from
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²),  z = 1.96:
 *   1 of 4: p = 0.25, 1 + z²/n = 1.9604, centre = (0.25 + 0.4802) / 1.9604 = 0.3725,
 *           half = 0.9998 · √(0.046875 + 0.060023) = 0.3269 → 4.6 % – 69.9 %;
 *   2 of 4 → 15.0 % – 85.0 %;  1 of 3 → 6.1 % – 79.2 %.
 * Period 0 is 100 % by definition: no interval. Every cohort has under 30 customers: said once, in its size
 * cell; the average's 7 and 4 customers in its own cells.
 */
const FEW = (n: number) => `only ${n} ${n === 1 ? 'customer' : 'customers'} at the start: an uncertain rate`;
const ON_TABLE = [
  ['Jan 2024', `4 (${FEW(4)})`, '100.0%', '25.0% (95% interval 4.6% – 69.9%)', '50.0% (95% interval 15.0% – 85.0%) (period still running)'],
  ['Feb 2024', `3 (${FEW(3)})`, '100.0%', '33.3% (95% interval 6.1% – 79.2%) (period still running)', ''],
  ['Mar 2024', `1 (${FEW(1)})`, '100.0% (period still running)', '', ''],
  ['Average', '', `100.0%; ${FEW(7)}`, `25.0% (95% interval 4.6% – 69.9%); ${FEW(4)}`, ''],
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tableRows = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));
const round = (values: (number | null)[]) => values.map((v) => (v === null ? null : Math.round(v * 10_000) / 10_000));

async function ready(el: RetentionCurve, { chart = true } = {}): Promise<RetentionCurve> {
  await waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 20_000 });
  if (chart && el.status === 'ready') await waitUntil(() => el.shadowRoot!.querySelector('.chart > svg'), 'chart was not drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function inBox(template: unknown, width = 640): Promise<RetentionCurve> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${template}</div>`);
  return box.querySelector('retention-curve')!;
}

function expectOn(el: RetentionCurve) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  const v = el.result!;
  expect(v.cohorts.map((c) => [c.key, c.size, c.partialPeriod])).to.deep.equal([
    ['2024-01', 4, 2],
    ['2024-02', 3, 1],
    ['2024-03', 1, 0],
  ]);
  expect(round(v.cohorts[0].values)).to.deep.equal([1, 0.25, 0.5]);
  expect(round(v.cohorts[1].values)).to.deep.equal([1, 0.3333, null]);
  expect(v.average).to.deep.equal([1, 0.25, null]);
  expect(tableRows(el)).to.deep.equal(ON_TABLE);
}

describe('retention-curve: geometry', () => {
  it('draws complete periods solid and the segment into a running period dashed', () => {
    const g = curveGeometry(
      [
        { values: [1, 0.5, 0.25], partialPeriod: 2 },
        { values: [1, null, null], partialPeriod: -1 },
      ],
      { width: 300, height: 200, periods: 3 },
    );
    expect(g.series[0].solid).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/); // k0 → k1
    expect(g.series[0].partial).to.equal(`M${g.xOf(1)},${g.yOf(0.5)}L${g.xOf(2)},${g.yOf(0.25)}`);
    expect(g.series[1].solid).to.equal(''); // a single point is a marker, not a line
    expect(g.yOf(1)).to.equal(0);
    expect(g.yOf(0)).to.equal(g.plotHeight);
  });
});

describe('<retention-curve> input routes', () => {
  it('data property, mode="on": hand-computed curves, running periods and average', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${ORDERS}></retention-curve>`));
    expectOn(el);
    expect(el.getAttribute('aria-label')).to.equal(
      'Retention curves (active in period): 3 cohorts shown (Jan 2024 to Mar 2024), and the average of all cohorts. Average in period 1: 25.0% (95% interval 4.6% – 69.9%).',
    );
  });

  it('mode="on-or-after": unbounded retention, never below "on"', async () => {
    const el = await ready(await inBox(html`<retention-curve mode="on-or-after" .data=${ORDERS}></retention-curve>`));
    const v = el.result!;
    expect(round(v.cohorts[0].values)).to.deep.equal([1, 0.75, 0.5]);
    expect(round(v.cohorts[1].values)).to.deep.equal([1, 0.3333, null]);
    expect(v.average).to.deep.equal([1, 0.75, null]);
    expect(el.getAttribute('aria-label')).to.include('active in or after period').and.include('Average in period 1: 75.0%');
  });

  it('JSON data attribute', async () => {
    expectOn(await ready(await inBox(html`<retention-curve data=${JSON.stringify(ORDERS)}></retention-curve>`)));
  });

  it('src JSON', async () => {
    expectOn(await ready(await inBox(html`<retention-curve src="${FIXTURES}/retention-curve-orders.json"></retention-curve>`)));
  });

  it('src CSV with field mapping', async () => {
    expectOn(
      await ready(await inBox(html`<retention-curve customer-key="email" date-key="created_at" amount-key="total" src="${FIXTURES}/retention-curve-orders.csv"></retention-curve>`)),
    );
  });

  it('inline JSON script', async () => {
    expectOn(await ready(await inBox(html`<retention-curve><script type="application/json">${JSON.stringify(ORDERS)}</script></retention-curve>`)));
  });

  it('a shared retention-source', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width:640px">
      <retention-source id="curve-shop" src="${FIXTURES}/retention-curve-orders.json"></retention-source>
      <retention-curve source="curve-shop"></retention-curve>
    </div>`);
    expectOn(await ready(box.querySelector('retention-curve')!));
  });

  it('computes in the worker with the same result', async () => {
    const el = await ready(await inBox(html`<retention-curve compute="worker" .data=${ORDERS}></retention-curve>`));
    expect(el.ranIn).to.equal('worker');
    expectOn(el);
  });

  it('a pre-aggregated matrix (the heatmap shape), with its running period', async () => {
    // Jan: 100, 40, 30 (running) → 100 %, 40 %, 30 %; Feb: 50, 30 (running) → 100 %, 60 %.
    // Average: k0 150 / 150 = 100 %; k1 January only 40 / 100 = 40 %; k2 only running → none.
    const matrix = {
      measure: 'count',
      partialLastPeriod: true,
      cohorts: [
        { key: '2024-02', size: 50, values: [50, 30] },
        { key: '2024-01', size: 100, values: [100, 40, 30] },
      ],
    };
    const el = await ready(await inBox(html`<retention-curve .data=${matrix}></retention-curve>`));
    expect(el.result!.input).to.equal('matrix');
    expect(el.result!.cohorts.map((c) => [c.key, c.partialPeriod])).to.deep.equal([
      ['2024-01', 2],
      ['2024-02', 1],
    ]);
    expect(el.result!.average).to.deep.equal([1, 0.4, null]);
    // Without a running period every value counts: k1 (40 + 30) / 150; k2 30 / 100.
    el.data = { ...matrix, partialLastPeriod: false };
    await waitUntil(() => el.result!.average[2] !== null);
    expect(round(el.result!.average)).to.deep.equal([1, 0.4667, 0.3]);
  });
});

describe('<retention-curve> options', () => {
  it('max-cohorts shows the most recent cohorts; the average stays over all', async () => {
    const el = await ready(await inBox(html`<retention-curve max-cohorts="2" .data=${ORDERS}></retention-curve>`));
    expect(el.result!.cohorts.map((c) => c.key)).to.deep.equal(['2024-02', '2024-03']);
    expect(el.result!.cohortCount).to.equal(3);
    expect(el.result!.average).to.deep.equal([1, 0.25, null]);
    expect(el.shadowRoot!.querySelectorAll('[part~="curve"]')).to.have.length(2);
    expect(el.getAttribute('aria-label')).to.include('2 cohorts shown (Feb 2024 to Mar 2024) of 3');
  });

  it('max-periods and granularity recompute, firing metric-change', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${ORDERS}></retention-curve>`));
    const changed = oneEvent(el, 'metric-change') as Promise<MetricChangeEvent<RetentionCurveModel>>;
    el.maxPeriods = 2;
    const event = await changed;
    expect(event.detail.result.periods).to.equal(2);
    const quarterly = oneEvent(el, 'metric-change') as Promise<MetricChangeEvent<RetentionCurveModel>>;
    el.granularity = 'quarter';
    // One quarter: all 8 customers in the 2024-Q1 cohort, which is still running.
    const q = (await quarterly).detail.result;
    expect(q.cohorts.map((c) => [c.key, c.size, c.partialPeriod])).to.deep.equal([['2024-Q1', 8, 0]]);
    expect(q.average).to.deep.equal([null]);
  });

  it('colours curves from the series palette', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${ORDERS}></retention-curve>`));
    // The colour comes from the stylesheet (no style attribute: strict CSP pages refuse those).
    const curves = [...el.shadowRoot!.querySelectorAll<SVGGElement>('[part~="curve"]')];
    const colour = (node: Element, name: string) => getComputedStyle(node).getPropertyValue(name).trim();
    expect(curves.map((g) => g.getAttribute('style'))).to.deep.equal([null, null, null]);
    expect(curves.map((g) => colour(g, '--c'))).to.deep.equal(['--_series-1', '--_series-2', '--_series-3'].map((token) => colour(el, token)));
    expect(colour(curves[0], '--c')).not.to.equal(colour(curves[1], '--c'));
    const average = el.shadowRoot!.querySelector('[part~="average"]')!;
    expect(colour(average, '--c')).to.equal(colour(el, '--_average'));
    const swatches = [...el.shadowRoot!.querySelectorAll('[part~="legend-item"]')].map((item) => colour(item, '--c'));
    expect(swatches).to.deep.equal([colour(el, '--_average'), ...curves.map((g) => colour(g, '--c'))]); // legend: average first
  });
});

describe('<retention-curve> errors', () => {
  const failing = async (src: string) => {
    const el = document.createElement('retention-curve');
    const failed = oneEvent(el, 'error');
    el.src = src;
    document.body.append(el);
    const event = (await failed) as CustomEvent<ElementError>;
    await el.updateComplete;
    return { el, event };
  };

  it('malformed JSON', async () => {
    const { el, event } = await failing(`${FIXTURES}/malformed.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'parse' });
    expect(text(el, 'message')).to.contain('malformed JSON');
    el.remove();
  });

  it('wrong fields', async () => {
    const { el, event } = await failing(`${FIXTURES}/wrong-fields.json`);
    expect(event.detail.kind).to.equal('invalid-input');
    expect(text(el, 'message')).to.contain('record 1, field “date”');
    el.remove();
  });

  it('a 404', async () => {
    const { el, event } = await failing(`${FIXTURES}/no-such-cohorts.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'http', status: 404 });
    el.remove();
  });

  it('a matrix of another mode, and a bad matrix row', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${{ mode: 'on-or-after', cohorts: [{ key: '2024-01', size: 2, values: [2, 1] }] }}></retention-curve>`));
    expect(el.status).to.equal('error');
    expect(text(el, 'message')).to.contain('setting “mode”');
    const failed = oneEvent(el, 'error');
    el.data = { cohorts: [{ key: '2024-01', size: 2, values: [2, 5] }] };
    await failed;
    await el.updateComplete;
    expect(text(el, 'message')).to.contain('record 1, field “values”');
  });
});

describe('<retention-curve> drawing, keyboard and accessibility', () => {
  it('draws what the hidden table says: running periods dashed and hollow', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${ORDERS}></retention-curve>`));
    expect(tableRows(el)).to.deep.equal(ON_TABLE);
    const curves = [...el.shadowRoot!.querySelectorAll('[part~="curve"]')];
    expect(curves).to.have.length(3);
    // January: solid k0 → k1, dashed k1 → k2; its markers at 100 %, 25 %, 50 %.
    const [jan, feb, mar] = curves;
    expect(jan.querySelector('path.curve:not(.partial)')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(jan.querySelector('path.partial')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    const cy = [...jan.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy')));
    const top = cy[0];
    const plotHeight = Number(el.shadowRoot!.querySelector('[part~="grid-line"]')!.getAttribute('y1'));
    expect(cy[1] - top).to.be.closeTo(0.75 * (plotHeight - top), 1e-6); // 25 %: three quarters down
    expect(cy[2] - top).to.be.closeTo(0.5 * (plotHeight - top), 1e-6);
    expect(feb.querySelector('path.curve:not(.partial)')!.getAttribute('d')).to.equal('');
    expect(mar.querySelectorAll('circle.partial')).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('circle.partial')).to.have.length(3); // one per cohort, none on the average
    expect(part(el, 'average')!.querySelector('path.partial')!.getAttribute('d')).to.equal('');
    expect(el.shadowRoot!.querySelector('.chart > svg')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('keyboard: the chart starts on the average, ← → move along a curve, ↑ ↓ between curves, with a tooltip and the live region', async () => {
    // Bare figures (confidence="off"): the words of uncertainty have a test of their own below.
    const el = await ready(await inBox(html`<retention-curve confidence="off" .data=${ORDERS}></retention-curve>`));
    const chart = part(el, 'chart') as HTMLElement;
    const press = async (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      chart.dispatchEvent(event);
      await el.updateComplete;
      return event;
    };
    const live = () => el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent!.trim();
    expect(chart.getAttribute('tabindex')).to.equal('0');
    expect(chart.getAttribute('aria-label')).to.include('arrow keys');
    expect([...el.shadowRoot!.querySelectorAll('[part~="legend-item"]')].map((li) => li.textContent!.trim())).to.deep.equal(['Average', 'Jan 2024', 'Feb 2024', 'Mar 2024']);
    chart.focus();
    await el.updateComplete;
    // The average's latest point: period 1 (its period 2 has only a running value).
    expect(live()).to.equal('Average: Period 1 25.0%');
    expect(part(el, 'tooltip')!.querySelector('strong')!.textContent).to.equal('Average');
    expect([...part(el, 'tooltip')!.querySelectorAll('dt, dd')].map((cell) => cell.textContent)).to.deep.equal(['Period 1', '25.0%']);
    expect((await press('ArrowDown')).defaultPrevented).to.equal(true); // next in legend order: January, at the same period
    expect(live()).to.equal('Jan 2024, 4 customers: Period 1 25.0%, Average 25.0%');
    await press('ArrowRight');
    expect(live()).to.equal('Jan 2024, 4 customers: Period 2 50.0%, period still running');
    expect(part(el, 'tooltip')!.querySelector('.note')!.textContent).to.equal('period still running');
    // The highlighted curve comes on top, the others dim; the legend marks it.
    const plot = el.shadowRoot!.querySelector('.chart > svg > g')!;
    const curves = [...plot.querySelectorAll('g[data-index]')];
    expect(curves[curves.length - 1].getAttribute('part')).to.equal('curve curve-highlighted');
    expect(curves[curves.length - 1].getAttribute('data-index')).to.equal('0');
    expect(el.shadowRoot!.querySelectorAll('.dimmed')).to.have.length(3); // two cohorts and the average
    expect(el.shadowRoot!.querySelector('[part~="legend-item"].highlighted')!.textContent!.trim()).to.equal('Jan 2024');
    // The ring sits on the point.
    const ring = part(el, 'active-point')!;
    const marker = curves[curves.length - 1].querySelectorAll('circle')[2];
    expect([ring.getAttribute('cx'), ring.getAttribute('cy')]).to.deep.equal([marker.getAttribute('cx'), marker.getAttribute('cy')]);
    await press('ArrowDown'); // February has no period 2: its nearest, period 1
    expect(live()).to.equal('Feb 2024, 3 customers: Period 1 33.3%, Average 25.0%, period still running');
    await press('Home');
    expect(live()).to.match(/^Feb 2024, 3 customers: Period 0 100.0%/);
    await press('ArrowUp');
    await press('ArrowUp');
    await press('ArrowUp'); // past the first curve: stays on the average
    expect(live()).to.equal('Average: Period 0 100.0%');
    await press('Escape');
    expect(part(el, 'tooltip')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('.dimmed')).to.have.length(0);
    chart.blur();
    await el.updateComplete;
    expect(live()).to.equal('');
  });

  it('hovering a curve or its legend entry highlights it and shows its point', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${ORDERS}></retention-curve>`));
    // Only January reaches period 2: its point there is January's alone.
    const point = el.shadowRoot!.querySelectorAll('[part~="curve"]')[0].querySelectorAll('circle')[2].getBoundingClientRect();
    part(el, 'chart')!.dispatchEvent(new PointerEvent('pointermove', { clientX: point.x + point.width / 2, clientY: point.y + point.height / 2, bubbles: true }));
    await el.updateComplete;
    expect(text(el, 'tooltip')).to.include('Jan 2024, 4 customers').and.include('Period 2');
    // Not while the keyboard is elsewhere: the live region speaks only for keyboard focus.
    expect(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent!.trim()).to.equal('');
    part(el, 'chart')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
    const february = el.shadowRoot!.querySelector('[part~="legend-item"][data-index="1"]')!;
    february.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(el, 'tooltip')).to.include('Feb 2024, 3 customers').and.include('Period 1');
    expect(february.classList.contains('highlighted')).to.equal(true);
  });

  it('a hover along one curve rebuilds no curve, and the geometry is kept while nothing it depends on changes', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${ORDERS}></retention-curve>`));
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })); // January, period 1
    await el.updateComplete;
    const curves = el.shadowRoot!.querySelector('.chart > svg > g')!;
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(curves, { subtree: true, childList: true, attributes: true });
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    observer.disconnect();
    // Only the ring moved: its two coordinates.
    expect(changes.every((r) => r.target === part(el, 'active-point'))).to.equal(true, changes.map((r) => `${(r.target as Element).tagName} ${r.attributeName}`).join(', '));
    expect(changes.length).to.be.within(1, 2);
  });

  it('keeps the tooltip inside the element at both ends of the chart', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${ORDERS}></retention-curve>`, 390));
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    const host = el.getBoundingClientRect();
    for (const key of ['Home', 'End']) {
      chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await el.updateComplete;
      const tip = part(el, 'tooltip')!.getBoundingClientRect();
      expect(tip.left, key).to.be.at.least(host.left);
      expect(tip.right, key).to.be.at.most(host.right + 0.5);
    }
  });

  it('draws the first 60 of thousands of periods unless max-periods says more, and says so', async () => {
    const periods = 5000;
    const values = (size: number, from: number) => Array.from({ length: periods - from }, (_, k) => (k === 0 ? size : Math.round(size * (0.3 + 0.7 * Math.exp(-k / 300)))));
    const matrix = { partialLastPeriod: true, cohorts: [{ key: '2010-01-01', size: 400, values: values(400, 0) }, { key: '2010-01-02', size: 300, values: values(300, 1) }] };
    const el = await ready(await inBox(html`<retention-curve granularity="day" .data=${matrix}></retention-curve>`, 1280));
    expect(el.result!.periods).to.equal(60);
    expect(el.warnings.map((w) => w.code)).to.include('periods-left-out');
    expect(part(el, 'notice')!.textContent).to.include('Periods after the first 60 are not drawn');
    const drawing = el.shadowRoot!.querySelector('.chart > svg')!;
    expect(drawing.outerHTML).to.not.match(/NaN|Infinity/);
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    await el.updateComplete;
    // From the last complete period (58), a tenth of the way back.
    expect(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent).to.match(/^Average: Period 52 /);
    el.setAttribute('max-periods', '120');
    await waitUntil(() => el.result?.periods === 120, 'max-periods=120 did not draw 120 periods', { timeout: 5000 });
    expect(el.warnings.map((w) => w.code)).to.not.include('periods-left-out');
  });

  it('does not draw at zero width, and draws once it gets a size', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:none"><retention-curve .data=${ORDERS}></retention-curve></div>`);
    const el = box.querySelector('retention-curve')!;
    await ready(el, { chart: false });
    expect(el.shadowRoot!.querySelector('.chart > svg')).to.equal(null);
    expect(tableRows(el)).to.have.length(4);
    box.style.display = 'block';
    await waitUntil(() => el.shadowRoot!.querySelector('.chart > svg'), 'drawn after showing');
    expect(Number(el.shadowRoot!.querySelector('.chart > svg')!.getAttribute('width'))).to.be.greaterThan(0);
  });

  it('shows markup in data as text only', async () => {
    const payload = '<img src=x onerror="window.__rkCurve=1">';
    const matrix = { cohorts: [{ key: payload, size: 2, values: [2, 1] }] };
    const el = await ready(await inBox(html`<retention-curve .data=${matrix}></retention-curve>`));
    expect(tableRows(el)[0][0]).to.equal(payload);
    expect(el.shadowRoot!.querySelectorAll('[part~="legend-item"]')[1].textContent!.trim()).to.equal(payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkCurve?: number }).__rkCurve).to.equal(undefined);
  });

  it('speaks Danish', async () => {
    const el = await ready(await inBox(html`<retention-curve lang="da" .data=${ORDERS}></retention-curve>`));
    expect(tableRows(el)[3][0]).to.equal('Gennemsnit');
    expect(tableRows(el)[0][2]).to.match(/^100,0\s?%$/);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme, highlighted or not`, async () => {
      const el = await ready(await inBox(html`<retention-curve theme=${theme} .data=${ORDERS}></retention-curve>`));
      await expect(el).to.be.accessible();
      (part(el, 'chart') as HTMLElement).focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});

describe('<retention-curve> uncertainty', () => {
  /*
   * A cohort of 12 (few) and one of 120. Wilson 95 % by hand (see ON_TABLE's formula):
   *   Jan k1 5 of 12 → 19.3 % – 68.0 %; Jan k2 3 of 12 → 8.9 % – 53.2 %; Feb k1 54 of 120 → 36.4 % – 53.9 %;
   *   average k1 from the summed counts, (5 + 54) of (12 + 120) = 44.7 % → 36.5 % – 53.2 %
   *   (not an average of the two intervals); average k2 is January's alone, 3 of 12.
   */
  const MATRIX = {
    measure: 'count',
    cohorts: [
      { key: '2024-01', size: 12, values: [12, 5, 3] },
      { key: '2024-02', size: 120, values: [120, 54] },
    ],
  };

  it('gives every point its interval in the table and the tooltip, the average from summed counts', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${MATRIX}></retention-curve>`));
    expect(el.result!.averageCounts).to.deep.equal([{ active: 132, reached: 132 }, { active: 59, reached: 132 }, { active: 3, reached: 12 }]);
    expect(tableRows(el)).to.deep.equal([
      ['Jan 2024', `12 (${FEW(12)})`, '100.0%', '41.7% (95% interval 19.3% – 68.0%)', '25.0% (95% interval 8.9% – 53.2%)'],
      ['Feb 2024', '120', '100.0%', '45.0% (95% interval 36.4% – 53.9%)', ''],
      ['Average', '', '100.0%', '44.7% (95% interval 36.5% – 53.2%)', `25.0% (95% interval 8.9% – 53.2%); ${FEW(12)}`],
    ]);
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    // Focus starts on the average's latest point (k2): January's 3 of 12.
    const tip = () => [...part(el, 'tooltip')!.querySelectorAll('dt, dd')].map((cell) => cell.textContent);
    expect(tip()).to.deep.equal(['Period 2', '25.0%', '95% interval', '8.9% – 53.2%']);
    expect(part(el, 'tooltip')!.querySelector('.note')!.textContent).to.equal(FEW(12));
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await el.updateComplete;
    expect(tip()).to.deep.equal(['Period 1', '44.7%', '95% interval', '36.5% – 53.2%']);
    expect(part(el, 'tooltip')!.querySelector('.note')).to.equal(null); // 132 customers are not few
    // The highlighted curve's band spans its intervals: at k1 from 53.2 % down to 36.5 %.
    const band = part(el, 'interval-band')!;
    expect(band.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L/);
    expect(el.shadowRoot!.querySelectorAll('[part~="interval-band"]')).to.have.length(1);
  });

  it('draws points of few customers hollow and says why once; confidence="off" hides all of it', async () => {
    const el = await ready(await inBox(html`<retention-curve .data=${MATRIX}></retention-curve>`));
    const [jan, feb] = [...el.shadowRoot!.querySelectorAll('[part~="curve"]')];
    expect(jan.querySelectorAll('[part~="point-few"]')).to.have.length(3);
    expect(feb.querySelectorAll('[part~="point-few"]')).to.have.length(0);
    // The average's k2 rests on January's 12 alone: hollow too.
    expect(part(el, 'average')!.querySelectorAll('[part~="point-few"]')).to.have.length(1);
    // Hollow: filled with the background and ringed in the curve's colour, where a full point is the reverse.
    const hollow = getComputedStyle(jan.querySelector('[part~="point-few"]')!);
    const full = getComputedStyle(feb.querySelector('circle.marker')!);
    expect(hollow.fill).to.equal(full.stroke);
    expect(hollow.stroke).to.not.equal(hollow.fill);
    expect(text(el, 'few-note')).to.equal('Hollow points: fewer than 30 customers, few to judge by.');
    expect([...el.shadowRoot!.querySelectorAll('[part~="legend-item"].few')].map((li) => li.textContent!.trim())).to.deep.equal(['Jan 2024']);

    el.confidence = 'off';
    await el.updateComplete;
    expect(el.getAttribute('confidence')).to.equal('off');
    expect(el.shadowRoot!.querySelectorAll('[part~="point-few"], [part~="few-note"], [part~="legend-item"].few')).to.have.length(0);
    expect(tableRows(el)[0]).to.deep.equal(['Jan 2024', '12', '100.0%', '41.7%', '25.0%']);
    (part(el, 'chart') as HTMLElement).focus();
    await el.updateComplete;
    expect(part(el, 'interval-band')).to.equal(null);
    expect([...part(el, 'tooltip')!.querySelectorAll('dt')].map((cell) => cell.textContent)).to.deep.equal(['Period 2']);
  });

  it('refuses a confidence it does not know, and keeps the intervals', async () => {
    const el = await ready(await inBox(html`<retention-curve confidence="maybe" .data=${MATRIX}></retention-curve>`));
    expect(el.confidence).to.equal('on');
    expect(el.warnings.map((w) => w.code)).to.include('invalid-attribute');
    expect(tableRows(el)[1][3]).to.equal('45.0% (95% interval 36.4% – 53.9%)');
  });
});

describe('<retention-curve> on the real shop export', () => {
  it('computes monthly curves from 525,461 order lines of the gzipped export given by src', async () => {
    // The export as it is stored, gzipped: the engine downloads, gunzips and reads it as it arrives.
    const box = await fixture<HTMLDivElement>(html`<div style="width:700px">
      <retention-curve src="/tests/fixtures/online-retail/online-retail-ii-2009-2010.csv.gz" mode="on-or-after" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></retention-curve>
    </div>`);
    const el = box.querySelector('retention-curve')!;
    await ready(el);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    const v = el.result!;
    // December 2009 to December 2010: 13 monthly cohorts, 12 shown.
    expect(v.cohortCount).to.equal(13);
    expect(v.cohorts).to.have.length(12);
    expect(v.cohorts[v.cohorts.length - 1].key).to.equal('2010-12');
    expect(v.average[0]).to.equal(1);
    // Unbounded retention never rises within a cohort (the average mixes different cohorts per period, so it may).
    for (const cohort of v.cohorts) {
      for (let k = 1; k < cohort.values.length; k++) if (cohort.values[k] !== null) expect(cohort.values[k]!).to.be.at.most(cohort.values[k - 1]!);
    }
    expect(tableRows(el)).to.have.length(13);
  });
});
