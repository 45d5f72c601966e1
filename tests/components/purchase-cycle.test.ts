import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/purchase-cycle/define.ts';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/retention-source/define.ts';
import type { PurchaseCycle } from '../../src/components/purchase-cycle/purchase-cycle.ts';
import type { PurchaseCycleModel } from '../../src/engine/jobs/purchase-cycle.ts';
import { binsPerBar, histogramGeometry, joinBins } from '../../src/components/purchase-cycle/cycle-geometry.ts';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { MetricChangeEvent } from '../../src/components/platform/events.ts';
import '../../src/translations/nb.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * Purchase days per customer (a return is no purchase; two orders on one day are one purchase day):
 *   a: Jan 1, Jan 4, Jan 11 → gaps 3, 7
 *   b: Jan 2 (two orders), Jan 12 → gap 10
 *   c: Jan 5, Feb 4 → gap 30
 *   d: Jan 3 → no gap
 *   e: Jan 6, Jan 8, (return Jan 9), Jan 10 → gaps 2, 2
 * Gaps sorted: 2, 2, 3, 7, 10, 30 → 6 gaps of 4 customers; median (3 + 7) / 2 = 5; mean 54 / 6 = 9;
 * suggested window ⌈3 × 5⌉ = 15 days.
 * Bars of 7 days, up to the 95th percentile (30 → 5 bars, 35 days): 1–7: 2, 2, 3, 7 → 4; 8–14: 10 → 1;
 * 15–21: 0; 22–28: 0; 29–35: 30 → 1.
 * Bought again on another day: a, b, c, e (b's two orders of Jan 2 are one day), d not → 4 of 5 = 80 %; its 95 % Wilson interval by
 * hand (z = 1.96, 1 + z²/n = 1.7683): centre = (0.8 + 0.3842) / 1.7683 = 0.6697,
 * half = 1.1084 · √(0.032 + 0.0384) = 0.2941 → 37.6 % – 96.4 %. The median rests on 4 customers: few.
 */
const ORDERS = [
  { customer: 'a', date: '2024-01-01', amount: 10 },
  { customer: 'a', date: '2024-01-04', amount: 10 },
  { customer: 'a', date: '2024-01-11', amount: 10 },
  { customer: 'b', date: '2024-01-02', amount: 10 },
  { customer: 'b', date: '2024-01-02', amount: 25 },
  { customer: 'b', date: '2024-01-12', amount: 10 },
  { customer: 'c', date: '2024-01-05', amount: 10 },
  { customer: 'c', date: '2024-02-04', amount: 10 },
  { customer: 'd', date: '2024-01-03', amount: 10 },
  { customer: 'e', date: '2024-01-06', amount: 10 },
  { customer: 'e', date: '2024-01-08', amount: 10 },
  { customer: 'e', date: '2024-01-09', amount: -5 },
  { customer: 'e', date: '2024-01-10', amount: 10 },
];

/** The gauge's own shop (its test fixture): active customers at every month start from January 2024. */
const GAUGE_ORDERS = [
  { customer: 'f', date: '2023-12-15', amount: 20 },
  { customer: 'a', date: '2024-01-10', amount: 10 },
  { customer: 'c', date: '2024-01-05', amount: 15 },
  { customer: 'b', date: '2024-01-20', amount: 30 },
  { customer: 'd', date: '2024-01-25', amount: 12 },
  { customer: 'f', date: '2024-01-28', amount: 22 },
  { customer: 'e', date: '2024-02-10', amount: 40 },
  { customer: 'a', date: '2024-02-15', amount: 11 },
  { customer: 'g', date: '2024-03-05', amount: 50 },
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tableRows = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));

async function ready(el: PurchaseCycle, { chart = true } = {}): Promise<PurchaseCycle> {
  await waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 20_000 });
  if (chart && el.status === 'ready') await waitUntil(() => el.shadowRoot!.querySelector('.chart > svg'), 'chart was not drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function inBox(template: unknown, width = 600): Promise<PurchaseCycle> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${template}</div>`);
  return box.querySelector('purchase-cycle')!;
}

function expectHandComputed(el: PurchaseCycle) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  const v = el.result!;
  expect([v.median, v.mean, v.min, v.max, v.gapCount, v.customersWithRepeat]).to.deep.equal([5, 9, 2, 30, 6, 4]);
  expect(v.histogram.map((b) => b.count)).to.deep.equal([4, 1, 0, 0, 1]);
  expect(v.suggestedWindowDays).to.equal(15);
  expect(el.suggestedWindowDays).to.equal(15);
  expect(text(el, 'median')).to.equal('5 days');
  expect(text(el, 'mean')).to.equal('9 days');
  expect(text(el, 'window')).to.equal('15 days');
  expect([v.customersWithRepeat, v.customersWithPurchase]).to.deep.equal([4, 5]);
  expect(text(el, 'repeat-rate')).to.equal('Bought again on another day 80.0% (95% interval 37.6% – 96.4%), 4 of 5 customers');
}

describe('purchase-cycle: geometry', () => {
  it('lays bars side by side and places days inside their bar', () => {
    const bins = [
      { fromDays: 1, toDays: 8, count: 4 },
      { fromDays: 8, toDays: 15, count: 1 },
      { fromDays: 15, toDays: 31, count: 1 },
    ];
    const g = histogramGeometry(bins, { width: 336, height: 200 });
    const step = g.plotWidth / 3;
    expect(g.bars.map((b) => Math.round(b.x + b.width / 2 - step / 2))).to.deep.equal([0, Math.round(step), Math.round(2 * step)]);
    // The tallest bar reaches the top of the (nice) domain or close; a count of 1 is a quarter of 4.
    expect(g.bars[1].height * 4).to.be.closeTo(g.bars[0].height, 1e-9);
    // Day 4 is the middle of 1–7 ((4.5 − 1) / 7 = 0.5); day 40 is beyond the last bar.
    expect(g.xOfDay(4).x).to.be.closeTo(step / 2, 1e-9);
    expect(g.xOfDay(40)).to.deep.equal({ x: g.plotWidth, beyond: true });
    expect(histogramGeometry(bins, { width: 0, height: 0 }).plotWidth).to.equal(0);
  });

  it('joins bins too narrow to draw, keeping the overflow bin apart and every count', () => {
    expect(binsPerBar(100, 400)).to.equal(1);
    expect(binsPerBar(3650, 340)).to.equal(22);
    const bins = [
      { fromDays: 1, toDays: 2, count: 1 },
      { fromDays: 2, toDays: 3, count: 2 },
      { fromDays: 3, toDays: 4, count: 3 },
      { fromDays: 4, toDays: 5, count: 4 },
      { fromDays: 5, toDays: 6, count: 5 },
      { fromDays: 6, toDays: 40, count: 6 },
    ];
    expect(joinBins(bins, 2, true)).to.deep.equal([
      { fromDays: 1, toDays: 3, count: 3 },
      { fromDays: 3, toDays: 5, count: 7 },
      { fromDays: 5, toDays: 6, count: 5 },
      { fromDays: 6, toDays: 40, count: 6 },
    ]);
    expect(joinBins(bins, 4).map((b) => [b.fromDays, b.toDays, b.count])).to.deep.equal([
      [1, 5, 10],
      [5, 40, 11],
    ]);
  });
});

describe('<purchase-cycle> input routes', () => {
  it('data property: hand-computed median, mean, window and bars', async () => {
    const el = await ready(await inBox(html`<purchase-cycle .data=${ORDERS}></purchase-cycle>`));
    expectHandComputed(el);
    expect(el.getAttribute('aria-label')).to.equal(
      'Days between purchases: median 5 days, mean 9 days, over 6 repeat purchases of 4 customers. Suggested retention window: 15 days. ' +
        'Bought again on another day: 80.0% (95% interval 37.6% – 96.4%), 4 of 5 customers. Only 4 customers bought again: few to judge the median by.',
    );
    expect(text(el, 'few-note')).to.equal('Only 4 customers bought again: few to judge the median by.');
    // The hidden table's caption is the summary: the rate and its interval are there too.
    expect(el.shadowRoot!.querySelector('table caption')!.textContent).to.include('80.0% (95% interval 37.6% – 96.4%)');
  });

  it('confidence="off": the bare share, no few-customers note', async () => {
    const el = await ready(await inBox(html`<purchase-cycle confidence="off" .data=${ORDERS}></purchase-cycle>`));
    expect(text(el, 'repeat-rate')).to.equal('Bought again on another day 80.0%, 4 of 5 customers');
    expect(part(el, 'few-note')).to.equal(null);
    expect(el.getAttribute('aria-label')).to.not.include('interval');
  });

  it('JSON data attribute', async () => {
    expectHandComputed(await ready(await inBox(html`<purchase-cycle data=${JSON.stringify(ORDERS)}></purchase-cycle>`)));
  });

  it('src JSON', async () => {
    expectHandComputed(await ready(await inBox(html`<purchase-cycle src="${FIXTURES}/purchase-cycle-orders.json"></purchase-cycle>`)));
  });

  it('src CSV with field mapping', async () => {
    expectHandComputed(
      await ready(await inBox(html`<purchase-cycle customer-key="email" date-key="created_at" amount-key="total" src="${FIXTURES}/purchase-cycle-orders.csv"></purchase-cycle>`)),
    );
  });

  it('inline JSON script', async () => {
    expectHandComputed(await ready(await inBox(html`<purchase-cycle><script type="application/json">${JSON.stringify(ORDERS)}</script></purchase-cycle>`)));
  });

  it('a shared retention-source', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width:600px">
      <purchase-cycle source="cycle-shop"></purchase-cycle>
      <retention-source id="cycle-shop" src="${FIXTURES}/purchase-cycle-orders.json"></retention-source>
    </div>`);
    expectHandComputed(await ready(box.querySelector('purchase-cycle')!));
  });

  it('computes in the worker with the same result', async () => {
    const el = await ready(await inBox(html`<purchase-cycle compute="worker" .data=${ORDERS}></purchase-cycle>`));
    expect(el.ranIn).to.equal('worker');
    expectHandComputed(el);
  });
});

describe('<purchase-cycle> options and events', () => {
  it('bin-width and max-days change the bars, not the median', async () => {
    const el = await ready(await inBox(html`<purchase-cycle bin-width="10" .data=${ORDERS}></purchase-cycle>`));
    // 1–10: 2, 2, 3, 7, 10 → 5; 11–20: 0; 21–30: 30 → 1.
    expect(el.result!.histogram.map((b) => [b.fromDays, b.toDays, b.count])).to.deep.equal([
      [1, 11, 5],
      [11, 21, 0],
      [21, 31, 1],
    ]);
    expect(el.result!.median).to.equal(5);
    el.binWidth = 7;
    el.maxDays = 14;
    await waitUntil(() => el.result!.histogram.length === 3 && el.result!.binWidth === 7);
    await el.updateComplete;
    // 1–7: 4; 8–14: 1; one overflow bar 15–30 for the 30-day gap.
    expect(tableRows(el)).to.deep.equal([
      ['1–7', '4', '66.7%'],
      ['8–14', '1', '16.7%'],
      ['15–30', '1', '16.7%'],
    ]);
    expect(part(el, 'bar-overflow')).to.exist;
  });

  it('a time frame counts only purchases inside it', async () => {
    // Up to Jan 10 (exclusive): a 1, 4 → 3; e 6, 8 → 2 → median 2.5, window ⌈7.5⌉ = 8.
    const el = await ready(await inBox(html`<purchase-cycle to="2024-01-10" .data=${ORDERS}></purchase-cycle>`));
    expect([el.result!.median, el.result!.suggestedWindowDays]).to.deep.equal([2.5, 8]);
  });

  it('fires metric-change with the window, and a page script hands it to a retention-gauge', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width:600px">
      <purchase-cycle id="cycle"></purchase-cycle>
      <retention-gauge id="gauge" .data=${GAUGE_ORDERS}></retention-gauge>
    </div>`);
    const cycle = box.querySelector('purchase-cycle')!;
    const gauge = box.querySelector('retention-gauge')!;
    // The page script of the docs:
    cycle.addEventListener('metric-change', (event) => {
      const days = (event as MetricChangeEvent<PurchaseCycleModel>).detail.result.suggestedWindowDays;
      if (days !== null) gauge.setAttribute('window-days', String(days));
    });
    const changed = oneEvent(cycle, 'metric-change') as Promise<MetricChangeEvent<PurchaseCycleModel>>;
    cycle.data = ORDERS;
    const event = await changed;
    expect(event.detail.result.suggestedWindowDays).to.equal(15);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(gauge.getAttribute('window-days')).to.equal('15');
    await waitUntil(() => (gauge.status === 'ready' && gauge.result?.windowDays === 15) || gauge.status === 'error', 'gauge uses the window', { timeout: 5000 });
    expect(gauge.status, JSON.stringify(gauge.error)).to.equal('ready');
    expect(gauge.result!.windowSource).to.equal('attribute');
    // Same data again: no new event.
    let again = 0;
    cycle.addEventListener('metric-change', () => again++);
    cycle.data = [...ORDERS];
    await ready(cycle);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(again).to.equal(0);
  });

  it('says so when nobody bought twice', async () => {
    const el = await ready(await inBox(html`<purchase-cycle .data=${[{ customer: 'x', date: '2024-01-01', amount: 1 }]}></purchase-cycle>`), { chart: false });
    expect(el.suggestedWindowDays).to.equal(null);
    expect(text(el, 'status')).to.include('No customer bought on two different days');
  });
});

describe('<purchase-cycle> errors', () => {
  const failing = async (src: string) => {
    const el = document.createElement('purchase-cycle');
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
    expect(el.suggestedWindowDays).to.equal(null);
    el.remove();
  });

  it('wrong fields name the record and field', async () => {
    const { el, event } = await failing(`${FIXTURES}/wrong-fields.json`);
    expect(event.detail.kind).to.equal('invalid-input');
    // The fixture has client/day/sum: date and amount are missing (customer maps nowhere either, reported after).
    expect(text(el, 'message')).to.contain('record 1, field “date”: expected a date');
    el.remove();
  });

  it('a 404', async () => {
    const { el, event } = await failing(`${FIXTURES}/no-such-orders.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'http', status: 404 });
    el.remove();
  });

  it('a refused bin width falls back to weeks and says so; a bad date is an option error named after the attribute', async () => {
    const el = await ready(await inBox(html`<purchase-cycle bin-width="0" .data=${ORDERS}></purchase-cycle>`));
    expect(el.status).to.equal('ready');
    expect(el.result!.binWidth).to.equal(7);
    expect(el.warnings.filter((w) => w.code === 'invalid-attribute').map((w) => w.params.attribute)).to.deep.equal(['bin-width']);
    expect(text(el, 'notice')).to.contain('bin-width="0" is not used');
    const late = await ready(await inBox(html`<purchase-cycle from="yesterday" .data=${ORDERS}></purchase-cycle>`));
    expect(text(late, 'message')).to.contain('setting “from”');
  });
});

describe('<purchase-cycle> drawing, keyboard and accessibility', () => {
  it('keeps the hidden table equal to the drawn bars', async () => {
    const el = await ready(await inBox(html`<purchase-cycle .data=${ORDERS}></purchase-cycle>`));
    const bars = [...el.shadowRoot!.querySelectorAll('[part~="bar"]')];
    const rows = tableRows(el);
    expect(rows).to.deep.equal([
      ['1–7', '4', '66.7%'],
      ['8–14', '1', '16.7%'],
      ['15–21', '0', '0.0%'],
      ['22–28', '0', '0.0%'],
      ['29–35', '1', '16.7%'],
    ]);
    expect(bars).to.have.length(rows.length);
    const heights = bars.map((bar) => Number(bar.getAttribute('height')));
    expect(heights[0]).to.be.closeTo(4 * heights[1], 1e-6);
    expect(heights[2]).to.equal(0);
    expect(heights[4]).to.be.closeTo(heights[1], 1e-6);
    // Median (5) inside the first bar, window (15) at the start of the third: in that order left to right.
    const x = (name: string) => Number(part(el, name)!.getAttribute('x1'));
    expect(x('median-line')).to.be.lessThan(Number(bars[1].getAttribute('x')));
    expect(x('mean-line')).to.be.greaterThan(Number(bars[1].getAttribute('x')));
    expect(x('window-line')).to.be.greaterThan(Number(bars[2].getAttribute('x')));
    expect(el.shadowRoot!.querySelector('.chart > svg')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('moves between bars with the arrow keys and shows a tooltip', async () => {
    const el = await ready(await inBox(html`<purchase-cycle .data=${ORDERS}></purchase-cycle>`));
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.querySelector('strong')!.textContent).to.equal('1–7 days');
    expect([...tooltip.querySelectorAll('dt, dd')].map((cell) => cell.textContent)).to.deep.equal(['Repeat purchases', '4', 'Share', '66.7%']);
    expect(el.shadowRoot!.querySelectorAll('[part~="bar-active"]')).to.have.length(1);
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(text(el, 'tooltip')).to.include('8–14 days');
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent).to.include('29–35 days');
    chart.blur();
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });

  it('shows a tooltip on hover', async () => {
    const el = await ready(await inBox(html`<purchase-cycle .data=${ORDERS}></purchase-cycle>`));
    const bar = el.shadowRoot!.querySelectorAll('[part~="bar"]')[1].getBoundingClientRect();
    part(el, 'chart')!.dispatchEvent(new PointerEvent('pointermove', { clientX: bar.x + bar.width / 2, clientY: bar.y + 2, bubbles: true }));
    await el.updateComplete;
    expect(text(el, 'tooltip')).to.include('8–14 days');
  });

  it('a hover or a key redraws no bar, axis or table: only the outline and the tooltip', async () => {
    const el = await ready(await inBox(html`<purchase-cycle .data=${ORDERS}></purchase-cycle>`));
    const chart = part(el, 'chart') as HTMLElement;
    const still = [...el.shadowRoot!.querySelectorAll('[part~="bar"], [part~="axis"] text, [part~="grid-line"], [part~="median-line"], table, [part~="legend"]')];
    const changed: Node[] = [];
    const observer = new MutationObserver((records) => changed.push(...records.map((r) => r.target)));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    const bar = el.shadowRoot!.querySelectorAll('[part~="bar"]')[2].getBoundingClientRect();
    chart.dispatchEvent(new PointerEvent('pointermove', { clientX: bar.x + bar.width / 2, clientY: bar.y - 5, bubbles: true }));
    await el.updateComplete;
    chart.focus();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await el.updateComplete;
    expect(text(el, 'tooltip')).to.include('29–35 days');
    observer.disconnect();
    expect(changed.length).to.be.greaterThan(0);
    expect(changed.filter((node) => still.some((kept) => kept === node || kept.contains(node)))).to.deep.equal([]);
  });

  for (const width of [390, 1280]) {
    it(`keeps the tooltip inside the element at both ends of the chart at ${width} px`, async () => {
      const el = await ready(await inBox(html`<purchase-cycle .data=${ORDERS}></purchase-cycle>`, width));
      const chart = part(el, 'chart') as HTMLElement;
      chart.focus();
      const host = el.getBoundingClientRect();
      for (const end of ['Home', 'End']) {
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: end, bubbles: true }));
        await el.updateComplete;
        const tip = part(el, 'tooltip')!.getBoundingClientRect();
        expect(tip.left).to.be.at.least(host.left - 0.5);
        expect(tip.right).to.be.at.most(host.right + 0.5);
        expect(tip.top).to.be.at.least(host.top - 0.5);
      }
    });
  }

  it('joins 1-day bins over ten years into bars of at least 2 px, says so, and keeps every bin in the table', async () => {
    // 3,650 customers, each with one gap of 1 to 3,650 days.
    const rows = Array.from({ length: 3650 }, (_, i) => {
      const later = new Date(Date.UTC(2010, 0, 1) + (1 + ((i * 37) % 3650)) * 86_400_000).toISOString().slice(0, 10);
      return [{ customer: `c${i}`, date: '2010-01-01', amount: 1 }, { customer: `c${i}`, date: later, amount: 1 }];
    }).flat();
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => Math.round(entry.duration))));
    observer.observe({ type: 'longtask' });
    const el = await ready(await inBox(html`<purchase-cycle bin-width="1" max-days="3650" .data=${rows}></purchase-cycle>`, 390));
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    console.log(`purchase-cycle, ${el.result!.histogram.length} one-day bins at 390 px: long tasks [${tasks.join(', ')}] ms`);
    const bars = [...el.shadowRoot!.querySelectorAll('[part~="bar"]')];
    const widths = bars.map((bar) => Number(bar.getAttribute('width')));
    expect(bars.length).to.be.below(200);
    expect(Math.min(...widths)).to.be.at.least(1.9);
    expect(text(el, 'bar-note')).to.match(/^Each bar covers \d+ days: bars of 1 day would be under 2 px wide/);
    // A long table is added a few hundred rows per task (platform/data-table.ts).
    await waitUntil(() => tableRows(el).length === el.result!.histogram.length, `table rows ${tableRows(el).length} of ${el.result!.histogram.length}`, { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('.chart > svg')!.outerHTML).to.not.match(/NaN|Infinity/);
    // The tooltip names the joined range.
    (part(el, 'chart') as HTMLElement).focus();
    await el.updateComplete;
    expect(text(el, 'tooltip')).to.match(/^1–\d+ days/);
  });

  it('does not draw at zero width, and draws once it gets a size', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:none"><purchase-cycle .data=${ORDERS}></purchase-cycle></div>`);
    const el = box.querySelector('purchase-cycle')!;
    await ready(el, { chart: false });
    expect(el.shadowRoot!.querySelector('.chart > svg')).to.equal(null);
    expect(tableRows(el)).to.have.length(5);
    box.style.display = 'block';
    await waitUntil(() => el.shadowRoot!.querySelector('.chart > svg'), 'drawn after showing');
    expect(Number(el.shadowRoot!.querySelector('.chart > svg')!.getAttribute('width'))).to.be.greaterThan(0);
  });

  it('shows markup in data as text only', async () => {
    const payload = '<img src=x onerror="window.__rkCycle=1">';
    const el = await ready(await inBox(html`<purchase-cycle .data=${[{ customer: payload, date: payload, amount: 1 }]}></purchase-cycle>`));
    expect(text(el, 'message')).to.contain('"<img src=x onerror=');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkCycle?: number }).__rkCycle).to.equal(undefined);
  });

  it('speaks Norwegian', async () => {
    const el = await ready(await inBox(html`<purchase-cycle lang="nb" .data=${ORDERS}></purchase-cycle>`));
    expect(text(el, 'median')).to.equal('5 dager');
    expect(el.getAttribute('aria-label')).to.include('Foreslått lojalitetsvindu: 15 dager');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme, focused or not`, async () => {
      const el = await ready(await inBox(html`<purchase-cycle theme=${theme} .data=${ORDERS}></purchase-cycle>`));
      await expect(el).to.be.accessible();
      (part(el, 'chart') as HTMLElement).focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});

describe('<purchase-cycle> on the real shop export', () => {
  it('computes from 525,461 order lines of the gzipped export given by src', async () => {
    // The export as it is stored, gzipped: the engine downloads, gunzips and reads it as it arrives.
    const box = await fixture<HTMLDivElement>(html`<div style="width:700px">
      <purchase-cycle src="/tests/fixtures/online-retail/online-retail-ii-2009-2010.csv.gz" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></purchase-cycle>
    </div>`);
    const el = box.querySelector('purchase-cycle')!;
    await ready(el);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.ranIn).to.equal('worker');
    const v = el.result!;
    expect(v.gapCount).to.be.greaterThan(10_000);
    expect(v.suggestedWindowDays).to.equal(Math.ceil(3 * v.median!));
    expect(v.histogram.reduce((sum, b) => sum + b.count, 0)).to.equal(v.gapCount);
    expect(tableRows(el)).to.have.length(v.histogram.length);
    // 2,818 of the 4,314 customers bought again on another day: 65.3 % (the repeat purchase rate, counting
    // invoices, is 67.1 %: some bought twice on one day). Wilson by hand: 1 + z²/n = 1.000890,
    // centre = (0.653222 + 0.000445) / 1.000890 = 0.653086, half = 0.014197 → 63.9 % – 66.7 %.
    expect([v.customersWithRepeat, v.customersWithPurchase]).to.deep.equal([2818, 4314]);
    expect(text(el, 'repeat-rate')).to.equal('Bought again on another day 65.3% (95% interval 63.9% – 66.7%), 2,818 of 4,314 customers');
    expect(part(el, 'few-note')).to.equal(null);
  });
});
