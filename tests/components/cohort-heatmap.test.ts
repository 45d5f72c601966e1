import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/cohort-heatmap/define.ts';
import type { CohortHeatmap, CohortSelectEvent } from '../../src/components/cohort-heatmap/cohort-heatmap.ts';
import type { HeatmapModel } from '../../src/engine/jobs/cohort-heatmap.ts';
import type { MetricChangeEvent } from '../../src/components/platform/events.ts';

/*
 * Orders (monthly cohorts, as of 2024-03-31):
 *   a: Jan 5, Feb 10, Mar 15   b: Jan 20, Mar 2   c: Jan 25
 *   d: Feb 3, Mar 20           e: Feb 14          f: Mar 9
 * Jan cohort {a, b, c}: k0 3/3, k1 (Feb) a → 1/3, k2 (Mar) a, b → 2/3.
 * Feb cohort {d, e}: k0 2/2, k1 (Mar) d → 1/2, k2 not reached.
 * Mar cohort {f}: k0 1/1, later periods not reached.
 * Average, weighted by customers who reached k: k0 6/6, k1 (1 + 1) / (3 + 2) = 40 %, k2 2/3.
 */
const ORDERS = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'b', date: '2024-01-20', amount: 12 },
  { customer: 'c', date: '2024-01-25', amount: 8 },
  { customer: 'a', date: '2024-02-10', amount: 10 },
  { customer: 'd', date: '2024-02-03', amount: 20 },
  { customer: 'e', date: '2024-02-14', amount: 5 },
  { customer: 'b', date: '2024-03-02', amount: 12 },
  { customer: 'a', date: '2024-03-15', amount: 10 },
  { customer: 'd', date: '2024-03-20', amount: 20 },
  { customer: 'f', date: '2024-03-09', amount: 7 },
];

const MATRIX = { cohorts: [{ key: '2024-01', size: 100, values: [100, 40, 25] }, { key: '2024-02', size: 50, values: [50, 30] }] };

async function ready(el: CohortHeatmap): Promise<CohortHeatmap> {
  await waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 5000 });
  if (el.status === 'ready' && el.result!.cohorts.length > 0) await waitUntil(() => el.shadowRoot!.querySelector('svg'), 'heatmap was not drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function inBox(template: unknown, width = 640): Promise<CohortHeatmap> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${template}</div>`);
  return box.firstElementChild as CohortHeatmap;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
const grid = (el: CohortHeatmap) => el.result!.cohorts.map((c) => c.cells.map(round));
const tableRows = (el: CohortHeatmap) =>
  [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));
const part = (el: CohortHeatmap, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const key = (el: CohortHeatmap, k: string, options: KeyboardEventInit = {}) =>
  part(el, 'chart')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...options }));
/** The tooltip as one line: its title, notes and "name: value" rows. */
const tooltip = (el: CohortHeatmap) => {
  const tip = part(el, 'tooltip');
  if (!tip) return undefined;
  const rows = [...tip.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
  return [tip.querySelector('strong')?.textContent, ...[...tip.querySelectorAll('.note')].map((note) => note.textContent), ...rows].join('. ');
};

describe('<cohort-heatmap>', () => {
  it('outlines each cohort\'s running period and leaves it out of the average', async () => {
    // As of 25 March, March is still running: Jan's k2, Feb's k1 and Mar's k0 are running cells.
    // Average over complete periods: k0 Jan + Feb (3 + 2) / (3 + 2) = 100 %; k1 Jan only 1/3; k2 none.
    const el = await ready(await inBox(html`<cohort-heatmap .data=${ORDERS} as-of="2024-03-25"></cohort-heatmap>`, 720));
    expect(el.result!.partialLastPeriod).to.equal(true);
    expect(el.result!.cohorts.map((c) => c.running)).to.deep.equal([2, 1, 0]);
    expect(el.result!.average.map(round)).to.deep.equal([1, 0.3333, null]);
    const running = [...el.shadowRoot!.querySelectorAll('[part~="cell-running"]')].map((cell) => [cell.getAttribute('data-row'), cell.getAttribute('data-column')]);
    expect(running).to.deep.equal([['0', '2'], ['1', '1'], ['2', '0']]);
    expect(part(el, 'running-swatch'), 'the legend explains the outline').to.exist;
    expect(el.getAttribute('aria-label') ?? el.shadowRoot!.querySelector('table caption')!.textContent).to.contain('left out of the average');
    // Once March is over nothing is running and every reached cell is averaged.
    el.asOf = '2024-03-31';
    await ready(el);
    await waitUntil(() => el.result!.partialLastPeriod === false, 'recomputed as of 31 March', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part~="cell-running"]')).to.equal(null);
    expect(el.result!.average.map(round)).to.deep.equal([1, 0.4, 0.6667]);
  });

  it('computes the percent triangle from transactions given as a property', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    expect(el.result!.cohorts.map((c) => [c.key, c.size])).to.deep.equal([
      ['2024-01', 3],
      ['2024-02', 2],
      ['2024-03', 1],
    ]);
    expect(grid(el)).to.deep.equal([
      [1, 0.3333, 0.6667],
      [1, 0.5, null],
      [1, null, null],
    ]);
    expect(el.result!.average.map(round)).to.deep.equal([1, 0.4, 0.6667]);
    expect(el.result!.partialLastPeriod).to.equal(false);
  });

  it('computes in the metrics worker with the same result', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap compute="worker" .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    expect(el.ranIn).to.equal('worker');
    expect(el.result!.average.map(round)).to.deep.equal([1, 0.4, 0.6667]);
  });

  it('reads a CSV src with mapped columns and shows counts', async () => {
    const el = await ready(
      await inBox(html`<cohort-heatmap src="/tests/fixtures/components/cohort-heatmap-orders.csv" customer-key="email" date-key="created_at" amount-key="total" as-of="2024-03-31" value="count"></cohort-heatmap>`),
    );
    expect(grid(el)).to.deep.equal([
      [3, 1, 2],
      [2, 1, null],
      [1, null, null],
    ]);
    // Count average: mean over the cohorts that reached k: (3 + 2 + 1) / 3, (1 + 1) / 2, 2 / 1.
    expect(el.result!.average).to.deep.equal([2, 1, 2]);
  });

  it('reads a pre-aggregated matrix from the data attribute', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap data=${JSON.stringify(MATRIX)}></cohort-heatmap>`));
    expect(el.result!.input).to.equal('matrix');
    expect(grid(el)).to.deep.equal([
      [1, 0.4, 0.25],
      [1, 0.6, null],
    ]);
    // k1: (40 + 30) / (100 + 50) = 46.67 %; k2: 25 / 100.
    expect(el.result!.average.map(round)).to.deep.equal([1, 0.4667, 0.25]);
    // 95 % Wilson intervals (formula in tests/components/retention-curve.test.ts; z = 1.96), hand-computed:
    // 40 of 100 → 30.9 – 49.8 %; 25 of 100 → 17.5 – 34.3 %; 30 of 50 → 46.2 – 72.4 %;
    // the average's from the summed counts, 70 of 150 → 38.9 – 54.6 %. Period 0 (100 % by definition) has none.
    expect(tableRows(el)).to.deep.equal([
      ['Jan 2024', '100', '100.0%', '40.0% (95% interval 30.9% – 49.8%)', '25.0% (95% interval 17.5% – 34.3%)'],
      ['Feb 2024', '50', '100.0%', '60.0% (95% interval 46.2% – 72.4%)', ''],
      ['Average', '', '100.0%', '46.7% (95% interval 38.9% – 54.6%)', '25.0% (95% interval 17.5% – 34.3%)'],
    ]);
  });

  it('groups cohorts by a customer property from customers-src', async () => {
    // ads {a, b, e}: k1 reached by all 3, only a active → 1/3; k2 reached by a, b, both active → 2/2.
    // seo {c, d, f}: k1 reached by c, d, only d active → 1/2; k2 reached by c, inactive → 0 (a drawn 0, not a blank).
    const el = await ready(
      await inBox(html`<cohort-heatmap
        src="/tests/fixtures/components/cohort-heatmap-orders.csv"
        customers-src="/tests/fixtures/components/cohort-heatmap-customers.csv"
        cohort-by="channel"
        customer-key="email"
        date-key="created_at"
        amount-key="total"
        as-of="2024-03-31"
      ></cohort-heatmap>`),
    );
    expect(el.result!.cohortBy).to.equal('channel');
    expect(el.result!.cohorts.map((c) => c.key)).to.deep.equal(['ads', 'seo']);
    expect(grid(el)).to.deep.equal([
      [1, 0.3333, 1],
      [1, 0.5, 0],
    ]);
    expect(el.shadowRoot!.querySelectorAll('[part~="cells"] [part~="cell"]')).to.have.length(6);
  });

  it('says when the customers-src file is malformed or missing', async () => {
    for (const [file, says] of [
      ['malformed.json', 'malformed JSON'],
      ['does-not-exist.json', '404'],
    ]) {
      const el = await ready(
        await inBox(html`<cohort-heatmap .data=${ORDERS} customers-src="/tests/fixtures/components/${file}" cohort-by="plan" as-of="2024-03-31"></cohort-heatmap>`),
      );
      expect(el.status, file).to.equal('error');
      const message = el.shadowRoot!.querySelector('[part=message]')!.textContent!;
      expect(message, file).to.contain('customers-src');
      expect(message, file).to.contain(says);
    }
  });

  it('takes customers as a property too', async () => {
    const customers = ['a', 'b', 'c', 'd', 'e', 'f'].map((customer, i) => ({ customer, plan: i % 2 ? 'pro' : 'basic' }));
    const el = await ready(await inBox(html`<cohort-heatmap .data=${ORDERS} .customers=${customers} cohort-by="plan" as-of="2024-03-31"></cohort-heatmap>`));
    expect(el.result!.cohorts.map((c) => [c.key, c.size])).to.deep.equal([
      ['basic', 3],
      ['pro', 3],
    ]);
  });

  it('leaves cells not reached yet blank, in the drawing and in the table', async () => {
    // Bare figures: the intervals of these tiny cohorts have tests of their own (uncertainty, below).
    const el = await ready(await inBox(html`<cohort-heatmap confidence="off" .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    const rectsOfRow = (row: number) => el.shadowRoot!.querySelectorAll(`[part~="cells"] [part~="cell"][data-row="${row}"]`).length;
    expect([rectsOfRow(0), rectsOfRow(1), rectsOfRow(2)]).to.deep.equal([3, 2, 1]);
    expect(tableRows(el)).to.deep.equal([
      ['Jan 2024', '3', '100.0%', '33.3%', '66.7%'],
      ['Feb 2024', '2', '100.0%', '50.0%', ''],
      ['Mar 2024', '1', '100.0%', '', ''],
      ['Average', '', '100.0%', '40.0%', '66.7%'],
    ]);
    // Drawn cell text equals the table's numbers (rounded to whole percent in the cell).
    const texts = [...el.shadowRoot!.querySelectorAll('[part~="cells"] [part="cell-text"]')].map((t) => t.textContent);
    expect(texts).to.deep.equal(['100%', '33%', '67%', '100%', '50%', '100%']);
  });

  it('moves between cells with the keyboard and fires cohort-select on Enter', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    (part(el, 'chart') as HTMLElement).focus();
    await el.updateComplete;
    expect(tooltip(el)).to.include('Cohort Jan 2024').and.include('Period 0: 100.0%');
    expect(part(el, 'cell-focus')).to.exist;
    key(el, 'ArrowRight');
    await el.updateComplete;
    expect(tooltip(el)).to.include('Period 1: 33.3%').and.include('1 of 3 active');
    key(el, 'End');
    await el.updateComplete;
    expect(tooltip(el)).to.include('Period 2: 66.7%');
    // Down from Jan k2: February has reached only k1, so the focus lands there, never on a blank.
    key(el, 'ArrowDown');
    await el.updateComplete;
    expect(tooltip(el)).to.include('Cohort Feb 2024').and.include('Period 1: 50.0%');
    key(el, 'Home');
    await el.updateComplete;
    expect(tooltip(el)).to.include('Period 0');
    const selected = oneEvent(el, 'cohort-select') as Promise<CohortSelectEvent>;
    key(el, 'Enter');
    const event = await selected;
    expect(event.detail).to.deep.equal({ cohort: '2024-02', label: 'Feb 2024', period: 0, value: 1 });
    expect(event.bubbles && event.composed).to.equal(true);
    key(el, 'End', { ctrlKey: true });
    await el.updateComplete;
    expect(tooltip(el)).to.include('Average').and.include('Period 2: 66.7%');
    key(el, 'Home', { ctrlKey: true });
    await el.updateComplete;
    expect(tooltip(el)).to.include('Cohort Jan 2024').and.include('Period 0');
    expect(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent).to.include('Jan 2024');
  });

  it('fires cohort-select on click', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    const cell = el.shadowRoot!.querySelector('[part="cell"][data-row="0"][data-column="1"]') as SVGRectElement;
    const selected = oneEvent(el, 'cohort-select') as Promise<CohortSelectEvent>;
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await selected;
    expect([detail.cohort, detail.period, round(detail.value)]).to.deep.equal(['2024-01', 1, 0.3333]);
  });

  it('updates when the value attribute or the data change', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap data=${JSON.stringify(MATRIX)}></cohort-heatmap>`));
    let changed = oneEvent(el, 'metric-change') as Promise<MetricChangeEvent<HeatmapModel>>;
    el.setAttribute('value', 'count');
    let event = await changed;
    expect(event.detail.result.cohorts.map((c) => c.cells)).to.deep.equal([
      [100, 40, 25],
      [50, 30, null],
    ]);
    changed = oneEvent(el, 'metric-change') as Promise<MetricChangeEvent<HeatmapModel>>;
    el.data = { measure: 'percent', cohorts: [{ key: '2024-05', size: 10, values: [1, 0.5] }] };
    event = await changed;
    expect(event.detail.result.cohorts[0].cells).to.deep.equal([10, 5]);
  });

  it('shows an error and fires error for malformed JSON', async () => {
    const el = await inBox(html`<cohort-heatmap data="{cohorts:"></cohort-heatmap>`);
    if (el.status !== 'error') await oneEvent(el, 'error');
    await el.updateComplete;
    expect(el.error!.kind).to.equal('load-error');
    expect(part(el, 'message')!.textContent).to.include('malformed JSON');
  });

  it('names the cohort and field of a wrong matrix', async () => {
    const el = await inBox(html`<cohort-heatmap></cohort-heatmap>`);
    let failed = oneEvent(el, 'error');
    el.data = { cohorts: [{ key: '2024-01', size: 10, values: [10, 'x'] }] };
    await failed;
    await el.updateComplete;
    let message = part(el, 'message')!.textContent!.replace(/\s+/g, ' ');
    expect(message).to.include('record 1').and.include('values').and.include('position 2');
    // More active customers than the cohort has.
    failed = oneEvent(el, 'error');
    el.data = { cohorts: [{ key: '2024-01', size: 10, values: [10, 12] }] };
    await failed;
    await el.updateComplete;
    message = part(el, 'message')!.textContent!.replace(/\s+/g, ' ');
    expect(message).to.include('cohort size 10').and.include('12');
    // Transactions with a missing field.
    failed = oneEvent(el, 'error');
    el.data = [{ customer: 'a', when: '2024-01-01', amount: 1 }];
    await failed;
    await el.updateComplete;
    expect(part(el, 'message')!.textContent).to.include('date');
  });

  it('stays readable at 36 cohorts × 36 periods: small but legible values, the tooltip and the table', async () => {
    const cohorts = Array.from({ length: 36 }, (_, i) => ({
      key: `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      size: 100,
      values: Array.from({ length: 36 - i }, (_, k) => Math.max(0, 100 - 10 * Math.min(k, 1) - k)),
    }));
    const el = await ready(await inBox(html`<cohort-heatmap .data=${{ cohorts }}></cohort-heatmap>`, 800));
    const widthOf = (selector: string) => Number(el.shadowRoot!.querySelector(selector)!.getAttribute('width'));
    expect(widthOf('svg.labels') + widthOf('svg.grid')).to.be.at.most(800);
    // Whole percents ("89") fit 10 px text in 36 columns of 800 px: the values stay in the cells.
    const texts = el.shadowRoot!.querySelectorAll('[part="cell-text"]');
    expect(texts.length).to.be.at.least(666 - 36);
    expect(parseFloat(getComputedStyle(texts[0]).fontSize)).to.be.at.least(10);
    // 36 + 35 + … + 1 = 666 cohort cells, plus 36 average cells.
    expect(el.shadowRoot!.querySelectorAll('[part~="cell"]')).to.have.length(666 + 36);
    const firstCell = el.shadowRoot!.querySelector('[part~="cell"][data-column="1"]')!.getBoundingClientRect();
    expect(firstCell.width).to.be.at.least(5);
    expect(firstCell.height).to.be.at.least(11);
    expect(tableRows(el)).to.have.length(37);
    (part(el, 'chart') as HTMLElement).focus();
    key(el, 'ArrowRight');
    await el.updateComplete;
    // k1 = 100 − 10 − 1 = 89 of 100.
    expect(tooltip(el)).to.include('Period 1: 89.0%');
  });

  it('shows text from data as text only', async () => {
    const evil = '<img src=x onerror="window.__pwnedHeatmap=1">';
    const el = await ready(await inBox(html`<cohort-heatmap .data=${{ cohorts: [{ key: evil, size: 5, values: [5, 2] }] }}></cohort-heatmap>`));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(tableRows(el)[0][0]).to.equal(evil);
    expect(part(el, 'row-label')!.textContent).to.equal(evil);
    expect((window as unknown as { __pwnedHeatmap?: number }).__pwnedHeatmap).to.equal(undefined);
  });

  it('picks light and dark fills by theme, with readable cell text in both', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap theme="light" data=${JSON.stringify(MATRIX)}></cohort-heatmap>`));
    const cell = el.shadowRoot!.querySelector('[part="cell"]')!;
    const lightFill = getComputedStyle(cell).fill;
    el.theme = 'dark';
    await el.updateComplete;
    const darkFill = getComputedStyle(cell).fill;
    expect(lightFill).to.not.equal(darkFill);
  });

  it('has no accessibility violations in light and dark', async () => {
    const light = await ready(await inBox(html`<cohort-heatmap theme="light" .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    await expect(light).to.be.accessible();
    const dark = await ready(await inBox(html`<cohort-heatmap theme="dark" .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    (part(dark, 'chart') as HTMLElement).focus();
    await dark.updateComplete;
    await expect(dark).to.be.accessible();
  });
});

describe('<cohort-heatmap> uncertainty', () => {
  /*
   * A cohort of 12 (few) and one of 120; hand-computed 95 % Wilson intervals:
   *   5 of 12 → 19.3 – 68.0 %; 3 of 12 → 8.9 – 53.2 %; 54 of 120 → 36.4 – 53.9 %;
   *   average k1 (5 + 54) of (12 + 120) = 44.7 % → 36.5 – 53.2 %; average k2 January's 3 of 12 alone.
   */
  const SMALL = { measure: 'count', cohorts: [{ key: '2024-01', size: 12, values: [12, 5, 3] }, { key: '2024-02', size: 120, values: [120, 54] }] };
  const FEW = (n: number) => `only ${n} customers at the start: an uncertain rate`;

  it('puts each share\'s interval in the table and the tooltip, and says where customers are few', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap .data=${SMALL}></cohort-heatmap>`));
    expect(el.result!.averageCounts).to.deep.equal([{ active: 132, reached: 132 }, { active: 59, reached: 132 }, { active: 3, reached: 12 }]);
    expect(tableRows(el)).to.deep.equal([
      ['Jan 2024', `12 (${FEW(12)})`, '100.0%', '41.7% (95% interval 19.3% – 68.0%)', '25.0% (95% interval 8.9% – 53.2%)'],
      ['Feb 2024', '120', '100.0%', '45.0% (95% interval 36.4% – 53.9%)', ''],
      ['Average', '', '100.0%', '44.7% (95% interval 36.5% – 53.2%)', `25.0% (95% interval 8.9% – 53.2%); ${FEW(12)}`],
    ]);
    (part(el, 'chart') as HTMLElement).focus();
    await el.updateComplete;
    key(el, 'ArrowRight');
    await el.updateComplete;
    expect(tooltip(el)).to.equal(`Cohort Jan 2024. 5 of 12 active. ${FEW(12)}. Customers: 12. Period 1: 41.7%. 95% interval: 19.3% – 68.0%`);
    key(el, 'ArrowDown');
    await el.updateComplete;
    expect(tooltip(el)).to.equal('Cohort Feb 2024. 54 of 120 active. Customers: 120. Period 1: 45.0%. 95% interval: 36.4% – 53.9%');
    key(el, 'ArrowDown');
    await el.updateComplete;
    expect(tooltip(el)).to.equal('Average. Period 1: 44.7%. 95% interval: 36.5% – 53.2%');
    // The summary (the host's label) gives the average's interval too.
    expect(el.getAttribute('aria-label')).to.include('Average in period 1: 44.7% (95% interval 36.5% – 53.2%).');
  });

  it('counts say their share with the interval', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap value="count" .data=${SMALL}></cohort-heatmap>`));
    expect(tableRows(el)[1]).to.deep.equal(['Feb 2024', '120', '120', '54 (45.0%; 95% interval 36.4% – 53.9%)', '']);
    (part(el, 'chart') as HTMLElement).focus();
    await el.updateComplete;
    key(el, 'ArrowDown');
    key(el, 'ArrowRight');
    await el.updateComplete;
    expect(tooltip(el)).to.equal('Cohort Feb 2024. Customers: 120. Period 1: 54. % of cohort active: 45.0%. 95% interval: 36.4% – 53.9%');
  });

  it('gives revenue no interval (no share), but hatches its few customers', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap value="revenue" .data=${ORDERS} as-of="2024-03-31"></cohort-heatmap>`));
    expect(tableRows(el).flat().join(' ')).to.not.include('interval');
    expect(el.shadowRoot!.querySelectorAll('[part~="cell-few"]').length).to.be.above(0);
  });

  it('hatches the cells of few customers (period 0 too), keys the hatching once in the legend, and hides it with confidence="off"', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap theme="light" .data=${SMALL}></cohort-heatmap>`));
    const hatched = () => [...el.shadowRoot!.querySelectorAll('svg.grid [part~="cell-few"]')].map((rect) => rect.previousElementSibling!.getAttribute('data-row') + ':' + rect.previousElementSibling!.getAttribute('data-column'));
    // January's three cells, and the average's k2 (January's 12 alone); February and the other average cells are not.
    expect(hatched()).to.deep.equal(['0:0', '0:1', '0:2', '2:2']);
    const hatch = el.shadowRoot!.querySelector('[part~="cell-few"]')!;
    expect(hatch.getAttribute('mask')).to.equal('url(#few-customers)');
    expect(el.shadowRoot!.querySelector('mask#few-customers')).to.exist;
    // Stripes in the cell's text colour (its contrast with the fill is checked), at a faint opacity.
    const style = getComputedStyle(hatch);
    expect(Number(style.fillOpacity)).to.be.within(0.2, 0.6);
    expect(style.pointerEvents).to.equal('none');
    const legend = part(el, 'legend')!.textContent!.replace(/\s+/g, ' ');
    expect(legend.match(/fewer than 30 customers: few to judge by/g)).to.have.length(1);

    el.confidence = 'off';
    await el.updateComplete;
    expect(hatched()).to.deep.equal([]);
    expect(part(el, 'legend')!.textContent).to.not.include('few to judge by');
    expect(tableRows(el)[0]).to.deep.equal(['Jan 2024', '12', '100.0%', '41.7%', '25.0%']);
    // A drawing change only: no recompute.
    expect(el.result!.cohorts).to.have.length(2);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`draws the hatching in each cell's own text colour, so it shows on pale and deep cells alike (${theme}, 390 px)`, async () => {
      const el = await ready(await inBox(html`<cohort-heatmap theme=${theme} .data=${SMALL}></cohort-heatmap>`, 390));
      const hatches = [...el.shadowRoot!.querySelectorAll('svg.grid [part~="cell-few"]')];
      expect(hatches.length).to.equal(4);
      let checked = 0;
      for (const hatch of hatches) {
        const text = hatch.nextElementSibling;
        if (!text?.matches('[part~="cell-text"]') || hatch.previousElementSibling!.matches('[part~="cell-start"]')) continue;
        expect(getComputedStyle(hatch).fill, text.textContent!).to.equal(getComputedStyle(text).fill);
        checked++;
      }
      expect(checked).to.equal(3); // January's k1 and k2, the average's k2
    });
  }

  it('takes the interval of a percent matrix from its shares and sizes, the only counts it has', async () => {
    // 45 % of 120 is 54 customers: the same interval as the count matrix's 54 of 120.
    const percent = { measure: 'percent', cohorts: [{ key: '2024-02', size: 120, values: [1, 0.45] }] };
    const el = await ready(await inBox(html`<cohort-heatmap .data=${percent}></cohort-heatmap>`));
    expect(tableRows(el)[0]).to.deep.equal(['Feb 2024', '120', '100.0%', '45.0% (95% interval 36.4% – 53.9%)']);
  });
});

describe('<cohort-heatmap> uncertainty on the real shop export', () => {
  it('gives the UK export\'s cohorts their intervals, and hatches none: every cohort has 46 customers or more', async function () {
    this.timeout(60_000);
    const el = await fixture<CohortHeatmap>(html`<cohort-heatmap
      src="/tests/fixtures/online-retail/online-retail-ii-2009-2010.csv.gz"
      customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"
    ></cohort-heatmap>`);
    await waitUntil(() => el.status === 'ready' || el.status === 'error', 'the export was not read', { timeout: 50_000 });
    await waitUntil(() => el.shadowRoot!.querySelector('svg.grid'), 'heatmap was not drawn', { timeout: 5000 });
    await el.updateComplete;
    // December 2009: 955 customers, 337 back in January 2010 → 35.3 %. Wilson by hand: 1 + z²/n = 1.004023,
    // centre = (0.352880 + 0.002011) / 1.004023 = 0.353469, half = 0.030253 → 32.3 % – 38.4 %.
    const [dec] = el.result!.cohorts;
    expect([dec.key, dec.size, dec.counts[1]]).to.deep.equal(['2009-12', 955, 337]);
    const rows = tableRows(el);
    expect(rows[0].slice(0, 4)).to.deep.equal(['Dec 2009', '955', '100.0%', '35.3% (95% interval 32.3% – 38.4%)']);
    // The average's period 1 from the summed counts of the complete cohorts: 947 of 3,943 → 24.0 %, 22.7 % – 25.4 %.
    expect(el.result!.averageCounts[1]).to.deep.equal({ active: 947, reached: 3943 });
    expect(rows[rows.length - 1][3]).to.equal('24.0% (95% interval 22.7% – 25.4%)');
    expect(Math.min(...el.result!.cohorts.map((c) => c.size))).to.equal(46);
    expect(el.shadowRoot!.querySelectorAll('[part~="cell-few"]')).to.have.length(0);
    expect(part(el, 'legend')!.textContent).to.not.include('few to judge by');
  });
});

describe('<cohort-heatmap> with more cohorts than a chart can show', () => {
  // 40 monthly cohorts from 2021-01, each a 100-customer triangle: 40 periods for the oldest.
  const many = {
    cohorts: Array.from({ length: 40 }, (_, i) => {
      const month = new Date(Date.UTC(2021, i, 1)).toISOString().slice(0, 7);
      return { key: month, size: 100, values: Array.from({ length: 40 - i }, (_, k) => (k === 0 ? 100 : 50 - (k % 5))) };
    }),
  };

  it('draws the latest max-cohorts (default 36) with the columns they reach, and says how many are left out', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap value="count" .data=${many}></cohort-heatmap>`));
    expect(el.result!.cohorts.length).to.equal(36);
    expect(el.result!.cohorts[0].key).to.equal('2021-05');
    expect(el.result!.periods).to.equal(36);
    const note = el.warnings.find((w) => w.code === 'cohorts-left-out')!;
    expect(note.count).to.equal(4);
    expect(part(el, 'notice')!.textContent).to.include('The 4 oldest cohorts are not drawn: the latest 36 are (max-cohorts)');
    expect(tableRows(el).length).to.equal(36 + 1); // the shown cohorts and the average row
  });

  it('takes max-cohorts, and keeps every cohort when they fit', async () => {
    const el = await ready(await inBox(html`<cohort-heatmap value="count" max-cohorts="40" .data=${many}></cohort-heatmap>`));
    expect(el.result!.cohorts.length).to.equal(40);
    expect(el.warnings.some((w) => w.code === 'cohorts-left-out')).to.equal(false);
  });
});
