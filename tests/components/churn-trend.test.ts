import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/churn-trend/define.ts';
import type { ChurnTrend } from '../../src/components/churn-trend/churn-trend.ts';
import type { ChurnTrendModel } from '../../src/engine/jobs/churn-trend.ts';
import type { MetricChangeEvent } from '../../src/components/platform/events.ts';
import '../../src/translations/nb.ts';
import { perPixelColumn } from '../../src/components/churn-trend/trend-geometry.ts';

const PERIODS = JSON.stringify([
  { period: '2024-01', start: 500, lost: 25 },
  { period: '2024-02', start: 520, lost: 52 },
  { period: '2024-03', start: 480, lost: 24, complete: false },
]);

async function ready(el: ChurnTrend, { chart = true } = {}): Promise<ChurnTrend> {
  await waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 5000 });
  if (chart && el.status === 'ready') await waitUntil(() => el.shadowRoot!.querySelector('svg'), 'chart was not drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function inBox(template: unknown, width = 600): Promise<ChurnTrend> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${template}</div>`);
  return box.firstElementChild as ChurnTrend;
}

const rates = (el: ChurnTrend) => el.result!.points.map((p) => (p.rate === null ? null : Math.round(p.rate * 10_000) / 10_000));
const tableRows = (el: ChurnTrend) =>
  [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));
const part = (el: ChurnTrend, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

/** Long main-thread tasks while `run` runs, in ms (reported, not asserted: timings depend on the machine). */
async function longTasksDuring(run: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((entry) => Math.round(entry.duration))));
  observer.observe({ type: 'longtask' });
  await run();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return durations;
}

/** `count` daily periods from 2010-01-01 with churn between 2 % and 8 %. */
function dailyPeriods(count: number) {
  const day = Date.UTC(2010, 0, 1);
  return Array.from({ length: count }, (_, i) => ({ period: new Date(day + i * 86_400_000).toISOString().slice(0, 10), start: 1000, lost: 20 + ((i * 37) % 60) }));
}

const key = (name: string) => new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });

function expectInside(inner: Element, outer: Element) {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  expect(a.left, 'left edge').to.be.at.least(b.left - 0.5);
  expect(a.right, 'right edge').to.be.at.most(b.right + 0.5);
  expect(a.top, 'top edge').to.be.at.least(b.top - 0.5);
  expect(a.bottom, 'bottom edge').to.be.at.most(b.bottom + 0.5);
}

describe('<churn-trend>', () => {
  it('reads pre-aggregated periods from the data attribute and draws the hand-computed rates', async () => {
    const el = await ready(await inBox(html`<churn-trend data=${PERIODS}></churn-trend>`));
    // 25 / 500 = 5 %, 52 / 520 = 10 %, 24 / 480 = 5 %.
    expect(rates(el)).to.deep.equal([0.05, 0.1, 0.05]);
    expect(el.result!.input).to.equal('periods');
    expect(el.result!.granularity).to.equal('month');
    // The job returns keys; the element labels them in its language (axis and table).
    expect(el.result!.points.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02', '2024-03']);
    expect(tableRows(el).map((row) => row[0])).to.deep.equal(['Jan 2024', 'Feb 2024', 'Mar 2024 (period not over yet)']);
    // Default threshold 7 %: only February (10 %) is above it.
    expect(el.getAttribute('aria-label')).to.include('1 of 3 periods above the threshold of 7.0%');
    expect(part(el, 'threshold')).to.exist;
    // March is running: the segment Feb → Mar is the dashed one, and March's marker is hollow.
    expect(part(el, 'line-partial')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(el.shadowRoot!.querySelectorAll('[part~="point-partial"]')).to.have.length(1);
  });

  it('computes customer churn from transactions given as a property', async () => {
    // Window 45 days. a: Jan 10, Feb 5, Mar 1; b: Jan 15; c: Jan 20, Mar 10.
    // Feb 1: a, b, c active (S of February = 3). Mar 1: b lapsed (Jan 15 + 45 = Feb 29) → lost 1 → 1/3.
    // Apr 1: a (Mar 1 + 45 = Apr 15) and c (Mar 10) still active → 0 lost of S = 2 → 0 %. January starts with nobody: no rate.
    const rows = [
      { customer: 'a', date: '2024-01-10', amount: 10 },
      { customer: 'a', date: '2024-02-05', amount: 10 },
      { customer: 'a', date: '2024-03-01', amount: 10 },
      { customer: 'b', date: '2024-01-15', amount: 10 },
      { customer: 'c', date: '2024-01-20', amount: 10 },
      { customer: 'c', date: '2024-03-10', amount: 10 },
    ];
    const el = await ready(await inBox(html`<churn-trend .data=${rows} window-days="45" as-of="2024-03-31"></churn-trend>`));
    expect(el.result!.input).to.equal('transactions');
    expect(el.result!.points.map((p) => [p.start, p.lost])).to.deep.equal([
      [0, 0],
      [3, 1],
      [2, 0],
    ]);
    // Feb 1 − 45 days = Dec 18, before the first order (Jan 10): customers who bought before the export began
    // are not seen, so February's S is undercounted. January and February are warming up: no rate, not drawn.
    // Mar 1 − 45 days = Jan 15 is inside the data: March's 0 % is a measured figure.
    expect(el.result!.points.map((p) => p.censored)).to.deep.equal([true, true, false]);
    expect(rates(el)).to.deep.equal([null, null, 0]);
    expect(el.result!.points.every((p) => p.complete)).to.equal(true);
    expect(el.getAttribute('aria-label')).to.include('45 days');
    expect(el.getAttribute('aria-label')).to.include('The first 2 periods have not enough history to measure churn: not drawn.');
    expect(el.shadowRoot!.querySelectorAll('[part~="point"]')).to.have.length(1);
    // The warm-up span is shaded across January and February, and the rows say why.
    const shade = part(el, 'warm-up')!;
    const marker = part(el, 'point')!;
    expect(Number(shade.getAttribute('x')) + Number(shade.getAttribute('width'))).to.be.lessThan(Number(marker.getAttribute('cx')));
    const warmUp = 'not enough history: the 45-day activity window reaches back before the first purchase in the data, so the customers active at the start are undercounted';
    // March rests on 2 customers at its start: the interval is wide and the row says so.
    expect(tableRows(el)).to.deep.equal([
      [`Jan 2024 (${warmUp})`, '0', '0', 'not enough history', '–', 'No verdict'],
      [`Feb 2024 (${warmUp})`, '3', '1', 'not enough history', '–', 'No verdict'],
      ['Mar 2024 (only 2 customers at the start: an uncertain rate)', '2', '0', '0.0%', '0.0% – 65.8%', 'Healthy'],
    ]);
    expect(marker.getAttribute('part')).to.equal('point point-small');
  });

  it('draws the benchmark for the period length: 19.6 % a quarter, not the monthly 7 %', async () => {
    const quarters = [
      { period: '2024-Q1', start: 400, lost: 60 },
      { period: '2024-Q2', start: 380, lost: 90 },
    ];
    const el = await ready(await inBox(html`<churn-trend granularity="quarter" .data=${quarters}></churn-trend>`));
    expect(el.effectiveThreshold).to.be.closeTo(1 - 0.93 ** 3, 1e-12);
    expect(part(el, 'threshold-label')!.textContent).to.equal('Threshold 19.6%');
    // 60 / 400 = 15 % is healthy for a quarter; 90 / 380 = 23.7 % needs action.
    expect(tableRows(el).map((row) => row[row.length - 1])).to.deep.equal(['Healthy', 'Needs action']);
    expect(el.getAttribute('aria-label')).to.include('1 of 2 periods above the threshold of 19.6%');
  });

  it('marks periods resting on few customers, with the reason in the tooltip; confidence="off" hides intervals and marks', async () => {
    const periods = [
      { period: '2024-01', start: 400, lost: 20 },
      { period: '2024-02', start: 12, lost: 3 },
    ];
    const el = await ready(await inBox(html`<churn-trend .data=${periods}></churn-trend>`));
    const markers = [...el.shadowRoot!.querySelectorAll('[part~="point"]')];
    expect(markers.map((m) => m.getAttribute('part'))).to.deep.equal(['point', 'point point-small']);
    expect(part(el, 'interval')!.getAttribute('d')).to.match(/^M/);
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    // Focus starts on the newest period: February, 3 of 12 (Wilson by hand: 8.9 % – 53.2 %).
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.querySelector('.note')!.textContent).to.equal('only 12 customers at the start: an uncertain rate');
    expect([...tooltip.querySelectorAll('dd')].map((dd) => dd.textContent)).to.deep.equal(['12', '3', '25.0%', '8.9% – 53.2%', 'Needs action']);
    el.confidence = 'off';
    await el.updateComplete;
    expect(part(el, 'interval')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part~="point-small"]')).to.have.length(0);
    expect(tableRows(el)[1]).to.deep.equal(['Feb 2024', '12', '3', '25.0%', 'Needs action']);
  });

  it('computes in the metrics worker with the same result', async () => {
    const el = await ready(await inBox(html`<churn-trend compute="worker" data=${PERIODS}></churn-trend>`));
    expect(el.ranIn).to.equal('worker');
    expect(rates(el)).to.deep.equal([0.05, 0.1, 0.05]);
  });

  it('reads periods from a CSV src', async () => {
    const el = await ready(await inBox(html`<churn-trend src="/tests/fixtures/components/churn-trend-periods.csv"></churn-trend>`));
    // 10 / 200 = 5 %, 19 / 190 = 10 %.
    expect(rates(el)).to.deep.equal([0.05, 0.1]);
    // Wilson 95 % intervals, computed by hand: 10 of 200 → 2.74 % – 8.96 %; 19 of 190 → 6.50 % – 15.09 %.
    expect(tableRows(el)).to.deep.equal([
      ['Jan 2024', '200', '10', '5.0%', '2.7% – 9.0%', 'Healthy'],
      ['Feb 2024', '190', '19', '10.0%', '6.5% – 15.1%', 'Needs action'],
    ]);
  });

  it('updates when the data or an attribute changes, firing metric-change with the new series', async () => {
    const el = await ready(await inBox(html`<churn-trend data=${PERIODS}></churn-trend>`));
    const changed = oneEvent(el, 'metric-change') as Promise<MetricChangeEvent<ChurnTrendModel>>;
    el.data = [{ period: '2024-05', start: 100, lost: 3 }];
    const event = await changed;
    expect(event.detail.result.points.map((p) => p.rate)).to.deep.equal([0.03]);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    el.setAttribute('threshold', 'none');
    await el.updateComplete;
    expect(part(el, 'threshold')).to.equal(null);
    el.setAttribute('threshold', '0.02');
    await el.updateComplete;
    expect(part(el, 'threshold-label')!.textContent).to.equal('Threshold 2.0%');
  });

  it('shows a tooltip with S, lost and the rate on keyboard focus, moved by arrow keys', async () => {
    const el = await ready(await inBox(html`<churn-trend data=${PERIODS}></churn-trend>`));
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    const tooltip = () => part(el, 'tooltip')!.textContent!.replace(/\s+/g, ' ');
    // Focus starts on the newest period.
    expect(tooltip()).to.include('Mar 2024').and.include('480').and.include('24').and.include('5.0%').and.include('not over yet');
    expect(part(el, 'focus-ring')).to.exist;
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await el.updateComplete;
    expect(tooltip()).to.include('Feb 2024').and.include('520').and.include('52').and.include('10.0%');
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await el.updateComplete;
    expect(tooltip()).to.include('Jan 2024');
    expect(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent).to.include('Jan 2024');
    chart.blur();
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });

  it('shows a tooltip on hover', async () => {
    const el = await ready(await inBox(html`<churn-trend data=${PERIODS}></churn-trend>`));
    const svgBox = el.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    const first = el.shadowRoot!.querySelector('[part~="point"]')!.getBoundingClientRect();
    part(el, 'chart')!.dispatchEvent(new PointerEvent('pointermove', { clientX: first.x + first.width / 2, clientY: svgBox.y + 20, bubbles: true }));
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.include('Jan 2024');
  });

  it('a hover or a key redraws only the active period: axes, line, markers and table stay as they were', async () => {
    const el = await ready(await inBox(html`<churn-trend data=${PERIODS}></churn-trend>`));
    const chart = part(el, 'chart') as HTMLElement;
    const still = [...el.shadowRoot!.querySelectorAll('[part~="line"], [part~="point"], [part~="axis"] text, [part~="grid-line"], [part~="threshold"], table')];
    const changed: Node[] = [];
    const observer = new MutationObserver((records) => changed.push(...records.map((r) => r.target)));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    const point = el.shadowRoot!.querySelectorAll('[part~="point"]')[1].getBoundingClientRect();
    chart.dispatchEvent(new PointerEvent('pointermove', { clientX: point.x + 2, clientY: point.y, bubbles: true }));
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.include('Feb 2024');
    chart.focus();
    chart.dispatchEvent(key('PageDown'));
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.include('Jan 2024');
    await new Promise((resolve) => setTimeout(resolve));
    observer.disconnect();
    expect(changed.length).to.be.greaterThan(0);
    expect(changed.filter((node) => still.some((kept) => kept === node || kept.contains(node)))).to.deep.equal([]);
    expect(still.every((node) => node.isConnected)).to.equal(true);
  });

  for (const width of [390, 1280]) {
    it(`keeps the tooltip inside the element at both ends of the chart at ${width} px`, async () => {
      const el = await ready(await inBox(html`<churn-trend metric="revenue" currency="EUR" .data=${dailyPeriods(40).map((p) => ({ ...p, expansion: 5 }))}></churn-trend>`, width));
      const chart = part(el, 'chart') as HTMLElement;
      chart.focus();
      for (const end of ['Home', 'End']) {
        chart.dispatchEvent(key(end));
        await el.updateComplete;
        expectInside(part(el, 'tooltip')!, el);
      }
    });
  }

  it('draws the latest 366 of 5,000 daily periods, saying so, without a marker or label per period, and nothing that is not a number', async () => {
    const periods = dailyPeriods(5000);
    let el!: ChurnTrend;
    const longTasks = await longTasksDuring(async () => {
      el = await ready(await inBox(html`<churn-trend granularity="day" .data=${periods}></churn-trend>`, 1280));
    });
    expect(el.result!.points).to.have.length(366);
    expect(el.warnings.find((w) => w.code === 'earlier-periods-left-out')?.count).to.equal(5000 - 366);
    const drawing = el.shadowRoot!.querySelector('.chart > svg')!;
    expect(drawing.querySelectorAll('[part~="point"]')).to.have.length(0);
    expect(drawing.querySelectorAll('[part~="x-axis"] text').length).to.be.within(2, 1280 / 40);
    expect(drawing.outerHTML).to.not.match(/NaN|Infinity/);
    // The line has at most four vertices per pixel column (first, lowest, highest, last), not one per day.
    const vertices = (part(el, 'line')!.getAttribute('d')!.match(/[ML]/g) ?? []).length;
    expect(vertices).to.be.within(100, 4 * 1280);
    // The keyboard still reaches every period, the last one first.
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.include('2023');
    const hoverTasks = await longTasksDuring(async () => {
      for (let x = 100; x < 1200; x += 50) {
        chart.dispatchEvent(new PointerEvent('pointermove', { clientX: drawing.getBoundingClientRect().left + x, clientY: 100, bubbles: true }));
        await el.updateComplete;
      }
    });
    console.log(`churn-trend, 5,000 daily periods at 1280 px: long tasks while drawing [${longTasks.join(', ')}] ms, while hovering [${hoverTasks.join(', ')}] ms`);
  });

  it('keeps the first, lowest, highest and last point of each pixel column, and every gap', () => {
    // Ten points in column 0, a gap, then five in column 1 — more points than pixels.
    const ys = [5, 3, 9, 1, 4, 8, 2, 7, 6, 5];
    const points = [
      ...ys.map((y, i) => ({ index: i, x: i * 0.1, y })),
      { index: 10, x: 1.0, y: null },
      ...[4, 4, 4, 4, 4].map((y, i) => ({ index: 11 + i, x: 1.05 + i * 0.1, y })),
    ];
    expect(perPixelColumn(points).map((p) => p.index)).to.deep.equal([0, 2, 3, 9, 10, 11, 15]);
    // Fewer points than pixels: unchanged.
    const sparse = [0, 1, 2].map((i) => ({ index: i, x: i * 50, y: i }));
    expect(perPixelColumn(sparse)).to.deep.equal(sparse);
  });

  it('keeps the hidden table equal to the drawn points', async () => {
    const el = await ready(await inBox(html`<churn-trend data=${PERIODS}></churn-trend>`));
    const markers = el.shadowRoot!.querySelectorAll('[part~="point"]');
    const rows = tableRows(el);
    expect(rows).to.have.length(markers.length);
    // Wilson 95 % intervals by hand: 25/500 → 3.41 – 7.28 %, 52/520 → 7.71 – 12.88 %, 24/480 → 3.38 – 7.33 %.
    expect(rows).to.deep.equal([
      ['Jan 2024', '500', '25', '5.0%', '3.4% – 7.3%', 'Healthy'],
      ['Feb 2024', '520', '52', '10.0%', '7.7% – 12.9%', 'Needs action'],
      // March is running: churn so far is no whole month's, so it gets no verdict.
      ['Mar 2024 (period not over yet)', '480', '24', '5.0%', '3.4% – 7.3%', 'No verdict'],
    ]);
    // Equal rates are drawn at equal heights.
    const cy = [...markers].map((m) => Number(m.getAttribute('cy')));
    expect(cy[0]).to.equal(cy[2]);
    expect(cy[1]).to.be.lessThan(cy[0]);
  });

  it('draws net negative revenue churn below a zero line', async () => {
    // January: (500 lost − 800 expansion) / 10,000 = −3 %; February: 1,030 / 10,300 = 10 %.
    const data = [
      { period: '2024-01', start: 10_000, lost: 500, expansion: 800 },
      { period: '2024-02', start: 10_300, lost: 1030, expansion: 0 },
    ];
    const el = await ready(await inBox(html`<churn-trend metric="revenue" currency="EUR" .data=${data}></churn-trend>`));
    expect(rates(el)).to.deep.equal([-0.03, 0.1]);
    const zeroY = Number(part(el, 'zero-line')!.getAttribute('y1'));
    const [jan, feb] = [...el.shadowRoot!.querySelectorAll('[part~="point"]')].map((m) => Number(m.getAttribute('cy')));
    expect(jan).to.be.greaterThan(zeroY);
    expect(feb).to.be.lessThan(zeroY);
    // The y axis labels a negative tick, and revenue churn has no default threshold.
    expect([...el.shadowRoot!.querySelectorAll('[part~="y-axis"] text')].some((t) => t.textContent!.startsWith('-'))).to.equal(true);
    expect(part(el, 'threshold')).to.equal(null);
    expect(tableRows(el)[0]).to.deep.equal(['Jan 2024', '€10,000', '€500', '€800', '-3.0%']);
    expect(el.getAttribute('aria-label')).to.include('1 period with net negative churn');
  });

  it('computes revenue churn from subscriptions', async () => {
    // MRR snapshots at month ends. Jan end: x 100 + y 100 = 200. Feb end: x 100 (y cancelled Feb 10) + z 50 (new) → churned 100 of 200 = 50 %.
    const subs = [
      { customer: 'x', start: '2024-01-01', mrr: 100 },
      { customer: 'y', start: '2024-01-01', end: '2024-02-10', mrr: 100 },
      { customer: 'z', start: '2024-02-05', mrr: 50 },
    ];
    const el = await ready(await inBox(html`<churn-trend metric="revenue" .data=${subs}></churn-trend>`));
    expect(el.result!.input).to.equal('subscriptions');
    const feb = el.result!.points.find((p) => p.key === '2024-02')!;
    expect([feb.start, feb.lost, feb.rate]).to.deep.equal([200, 100, 0.5]);
  });

  it('shows an error and fires error for malformed JSON', async () => {
    const el = await inBox(html`<churn-trend data="[{"></churn-trend>`);
    if (el.status !== 'error') await oneEvent(el, 'error');
    await el.updateComplete;
    expect(el.error!.kind).to.equal('load-error');
    expect(part(el, 'message')!.textContent).to.include('malformed JSON');
  });

  it('names the record and field of wrong values', async () => {
    const el = await inBox(html`<churn-trend></churn-trend>`);
    const failed = oneEvent(el, 'error');
    el.data = [
      { period: '2024-01', start: 500, lost: 25 },
      { period: '2024-02', start: 500, lost: 'many' },
    ];
    await failed;
    await el.updateComplete;
    const message = part(el, 'message')!.textContent!.replace(/\s+/g, ' ');
    expect(message).to.include('record 2').and.include('lost').and.include('"many"');
    // Losing more customers than there were is inconsistent, whatever the rate would be.
    el.data = [{ period: '2024-01', start: 5, lost: 9 }];
    await oneEvent(el, 'error');
    await el.updateComplete;
    expect(part(el, 'message')!.textContent).to.include('at most the customers at period start');
  });

  it('does not draw at zero width, and draws once it gets a size', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:none"><churn-trend data=${PERIODS}></churn-trend></div>`);
    const el = box.firstElementChild as ChurnTrend;
    await ready(el, { chart: false });
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(tableRows(el)).to.have.length(3);
    box.style.display = 'block';
    await waitUntil(() => el.shadowRoot!.querySelector('svg'), 'chart drawn after showing');
    expect(Number(el.shadowRoot!.querySelector('svg')!.getAttribute('width'))).to.be.greaterThan(0);
  });

  it('shows text from data as text only', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const el = await ready(await inBox(html`<churn-trend .data=${[{ period: evil, start: 100, lost: 1 }]}></churn-trend>`));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(tableRows(el)[0][0]).to.equal(evil);
    expect(el.shadowRoot!.querySelector('[part~="x-axis"] text')!.textContent).to.equal(evil);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('uses the language of the page for labels and numbers', async () => {
    const el = await ready(await inBox(html`<churn-trend lang="nb" data=${PERIODS}></churn-trend>`));
    expect(tableRows(el)[1][3]).to.match(/10,0\s?%/);
    expect(el.shadowRoot!.querySelector('table th')!.textContent).to.equal('Periode');
  });

  it('has no accessibility violations in light and dark, focused or not', async () => {
    const light = await ready(await inBox(html`<churn-trend theme="light" variant="area" data=${PERIODS}></churn-trend>`));
    await expect(light).to.be.accessible();
    const dark = await ready(await inBox(html`<churn-trend theme="dark" data=${PERIODS}></churn-trend>`));
    (part(dark, 'chart') as HTMLElement).focus();
    await dark.updateComplete;
    await expect(dark).to.be.accessible();
  });
});
