import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { computeStats } from '../../src/components/platform/compute.ts';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { KpiTile } from '../../src/components/kpi-tile/define.ts';
import '../../src/components/kpi-tile/define.ts';
import '../../src/components/retention-source/define.ts';
import { benchmarkFor, churnOverPeriod, deltaTone } from '../../src/metrics/benchmarks.ts';
import { computeKpi, kpiFromNumbers, type KpiJobOptions } from '../../src/engine/jobs/kpi-tile.ts';
import { sparklineGeometry } from '../../src/components/kpi-tile/sparkline-geometry.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/ru.ts';
import '../../src/translations/zh.ts';
import { settled } from './settled.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * Shop transactions (kpi-tile-shop.csv), one unit per row, negative = return:
 *   a Jan 5 +10, Jan 20 +20, Feb 10 +30; b Jan 10 +40, Feb 12 −40, Mar 3 +50;
 *   c Feb 5 +15, Feb 25 +25, Mar 28 +35; d Mar 15 +60. Data ends Mar 28: March is running.
 * Return rate: Jan 0 / 3 = 0 %, Feb 1 returned / 3 sold = 33.3 %, (Mar 0 %, running).
 * The tile shows February: 33.3 %, +33.3 pp vs January, coloured bad (returns up).
 */
const SHOP = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'b', date: '2024-01-10', amount: 40 },
  { customer: 'a', date: '2024-01-20', amount: 20 },
  { customer: 'c', date: '2024-02-05', amount: 15 },
  { customer: 'a', date: '2024-02-10', amount: 30 },
  { customer: 'b', date: '2024-02-12', amount: -40 },
  { customer: 'c', date: '2024-02-25', amount: 25 },
  { customer: 'b', date: '2024-03-03', amount: 50 },
  { customer: 'd', date: '2024-03-15', amount: 60 },
  { customer: 'c', date: '2024-03-28', amount: 35 },
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ready = (el: KpiTile) => waitUntil(() => el.status === 'ready' || el.status === 'error', 'tile did not settle', { timeout: 10_000 });
const drawn = (el: Element) => waitUntil(() => el.shadowRoot!.querySelector('svg'), 'sparkline not drawn');

function tableRows(el: Element): [string, string][] {
  return [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((row) => {
    const cells = [...row.children].map((cell) => cell.textContent!.trim());
    return [cells[0], cells[1]];
  });
}

function expectReturnRate(el: KpiTile) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expect(el.result).to.include({ metric: 'return-rate', period: '2024-02', previous: 0, complete: true });
  expect(el.result!.value).to.be.closeTo(1 / 3, 1e-12);
  expect(text(el, 'title')).to.equal('Product return rate');
  expect(text(el, 'subtitle')).to.equal('Feb 2024');
  expect(text(el, 'value')).to.equal('33.3%');
  expect(text(el, 'delta')).to.equal('+33.3 pp vs previous period');
  expect(part(el, 'delta')!.classList.contains('bad')).to.equal(true);
}

const options = (over: Partial<KpiJobOptions>): KpiJobOptions => ({
  metric: 'return-rate',
  input: 'auto',
  granularity: 'month',
  periods: 12,
  windowDays: null,
  ...over,
});

describe('kpi-tile: pure parts', () => {
  it('benchmarks: 7 % churn a month, compounded for other periods; SaaS annual retention; NPS', () => {
    expect(benchmarkFor('customer-churn', 0.08, 'month')).to.include({ tone: 'bad', threshold: 0.07 });
    expect(benchmarkFor('customer-churn', 0.05, 'month')!.tone).to.equal('good');
    // 1 − 0.93³ = 1 − 0.804357 = 0.195643 a quarter.
    expect(churnOverPeriod(0.07, 'quarter')).to.be.closeTo(0.195643, 1e-6);
    // Retention is judged on churn: typed CRR alone on its complement, with the period's churn on that.
    expect(benchmarkFor('crr', 0.9, 'month')).to.include({ kind: 'churn-action', tone: 'bad' }); // churn 10 % > 7 %
    expect(benchmarkFor('crr', 0.95, 'month', { churn: 0.12 })!.tone).to.equal('bad'); // returning customers lift CRR, not the verdict
    expect(benchmarkFor('crr', 0.45, 'year')).to.include({ kind: 'churn-action', tone: 'good' }); // churn 55 % ≤ 58.2 % a year
    expect(benchmarkFor('crr', 0.4, 'year')!.saasRetention).to.equal(0.35);
    expect(benchmarkFor('crr', 0.9, 'month', { threshold: 0.85 })!.tone).to.equal('good'); // the page's retention floor
    expect(benchmarkFor('nps', 60, null)).to.include({ tone: 'good', excellent: true });
    expect(benchmarkFor('nps', -5, null)!.tone).to.equal('bad');
    expect(benchmarkFor('customer-churn', 0.08, 'month', { threshold: 0.1 })!.tone).to.equal('good');
    expect(benchmarkFor('customer-churn', 0.08, 'month', { threshold: null })).to.equal(null);
    expect(benchmarkFor('ltv', 120, 'month')).to.equal(null);
    expect(benchmarkFor('dso', 40, 'month', { threshold: 45 })).to.include({ kind: 'target', tone: 'good' }); // lower is better
  });

  it('change tones follow the metric: churn down is good, retention down is bad', () => {
    expect(deltaTone('customer-churn', -0.01)).to.equal('good');
    expect(deltaTone('crr', -0.01)).to.equal('bad');
    expect(deltaTone('time-between-purchases', 2)).to.equal('bad');
    expect(deltaTone('nps', 0)).to.equal('');
  });

  it('sparkline: gaps for undefined values, flat series centred, nothing at zero size', () => {
    const g = sparklineGeometry([1, null, 3], { width: 106, height: 40 })!;
    expect(g.points.map((p) => p.x)).to.deep.equal([3, 53, 103]);
    expect(g.points[0].y).to.equal(37);
    expect(g.points[2].y).to.equal(3);
    expect(g.points[1].y).to.equal(null);
    expect(g.path.match(/M/g)!.length).to.equal(2); // two pieces: the gap breaks the line
    expect(g.last).to.deep.equal({ x: 103, y: 3 });
    expect(sparklineGeometry([5, 5], { width: 100, height: 40 })!.points[0].y).to.equal(20);
    expect(sparklineGeometry([1, 2], { width: 0, height: 40 })).to.equal(null);
    expect(sparklineGeometry([-1, 1], { width: 100, height: 40, reference: 0 })!.referenceY).to.equal(20);
  });

  it('computes each source by hand', () => {
    const returns = computeKpi(SHOP, options({}));
    expect(returns.ok && returns.value.points.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02']);
    // LTV as of month ends: Jan 70 / 2 = 35; Feb (30 + 30) + (40 − 40) + 40 = 100 / 3 → −1.67 vs January.
    const ltv = computeKpi(SHOP, options({ metric: 'ltv' }));
    expect(ltv.ok && ltv.value.delta).to.be.closeTo(100 / 3 - 35, 1e-12);
    expect(kpiFromNumbers({ metric: 'nps', value: 'lots' }).ok).to.equal(false);
    expect(computeKpi(SHOP, options({ metric: 'nrr', input: 'transactions' })).ok).to.equal(false);
    expect(computeKpi({ not: 'rows' }, options({})).ok).to.equal(false);
  });
});

describe('<kpi-tile> input routes', () => {
  it('JSON data attribute', async () => {
    const el = await fixture<KpiTile>(html`<kpi-tile metric="return-rate" data=${JSON.stringify(SHOP)}></kpi-tile>`);
    await ready(el);
    expectReturnRate(el);
  });

  it('data property', async () => {
    const el = await fixture<KpiTile>(html`<kpi-tile metric="return-rate" .data=${SHOP}></kpi-tile>`);
    await ready(el);
    expectReturnRate(el);
  });

  it('src CSV', async () => {
    const el = await fixture<KpiTile>(html`<kpi-tile metric="return-rate" src="${FIXTURES}/kpi-tile-shop.csv"></kpi-tile>`);
    await ready(el);
    expectReturnRate(el);
  });

  it('src JSON with field mapping: customer churn from the shared orders fixture', async () => {
    /*
     * orders.json with a 30-day window (see retention-gauge.test.ts): February S = 5, lost 2 → churn 40 %.
     * January's window reaches before the data (censored) and December starts empty: no previous value.
     */
    const el = await fixture<KpiTile>(html`<kpi-tile metric="customer-churn" window-days="30" src="${FIXTURES}/orders.json"></kpi-tile>`);
    await ready(el);
    expect(el.result).to.include({ period: '2024-02', value: 0.4, previous: null, windowDays: 30 });
    expect(text(el, 'value')).to.equal('40.0%');
    expect(text(el, 'delta')).to.equal('No previous period to compare');
    // 5 customers at February's start: the verdict stands, with the caution; Wilson 2 of 5 → 11.8 % – 76.9 %.
    expect(text(el, 'benchmark')).to.equal('Needs action: above 7.0% · only 5 customers: uncertain');
    expect(text(el, 'interval')).to.equal('11.8% – 76.9%');
    const csv = await fixture<KpiTile>(
      html`<kpi-tile metric="customer-churn" window-days="30" customer-key="email" date-key="created_at" amount-key="total" src="${FIXTURES}/orders.csv"></kpi-tile>`,
    );
    await ready(csv);
    expect(csv.result!.value).to.equal(0.4);
  });

  it('inline JSON script', async () => {
    const el = await fixture<KpiTile>(html`<kpi-tile metric="return-rate"><script type="application/json">${JSON.stringify(SHOP)}</script></kpi-tile>`);
    await ready(el);
    expectReturnRate(el);
  });

  it('a shared retention-source feeds several tiles with one download', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <retention-source id="kpi-shop" src="${FIXTURES}/kpi-tile-shop.csv"></retention-source>
      <kpi-tile id="returns" metric="return-rate" source="kpi-shop"></kpi-tile>
      <kpi-tile id="ltv" metric="ltv" source="kpi-shop"></kpi-tile>
    </div>`);
    const returns = wrapper.querySelector<KpiTile>('#returns')!;
    const ltv = wrapper.querySelector<KpiTile>('#ltv')!;
    await ready(returns);
    await ready(ltv);
    expectReturnRate(returns);
    expect(text(ltv, 'value')).to.equal('$33.33');
    expect(text(ltv, 'delta')).to.equal('-$1.67 vs previous period');
    expect(part(ltv, 'delta')!.classList.contains('bad')).to.equal(true);
  });

  it('subscriptions: NRR, ARPA and net negative revenue churn', async () => {
    /*
     * MRR at month ends: Jan a 100 + b 50 + c 100 = 250; Feb a 100 + b 50 + c 150 = 300 (c expanded by 50);
     * Mar a 100 + c 150 + d 80 = 330 (b churned 50, d new).
     * NRR Feb = (250 + 50) / 250 = 120 %; Mar = (300 − 50) / 300 = 83.3 % → −36.7 pp, bad.
     * ARPA Mar = 330 / 3 = 110, Feb = 300 / 3 = 100 → +$10. Net revenue churn Feb = −50 / 250 = −20 %.
     */
    const nrr = await fixture<KpiTile>(html`<kpi-tile metric="nrr" src="${FIXTURES}/kpi-tile-subscriptions.json"></kpi-tile>`);
    await ready(nrr);
    expect(nrr.result).to.include({ period: '2024-03', input: 'subscriptions' });
    expect(text(nrr, 'value')).to.equal('83.3%');
    expect(text(nrr, 'delta')).to.equal('-36.7 pp vs previous period');
    expect(part(nrr, 'delta')!.classList.contains('bad')).to.equal(true);
    expect(tableRows(nrr)).to.deep.equal([
      ['Jan 2024', 'no value'],
      ['Feb 2024', '120.0%'],
      ['Mar 2024', '83.3%'],
    ]);
    const arpa = await fixture<KpiTile>(html`<kpi-tile metric="arpa" src="${FIXTURES}/kpi-tile-subscriptions.json"></kpi-tile>`);
    await ready(arpa);
    expect(text(arpa, 'value')).to.equal('$110.00');
    expect(text(arpa, 'delta')).to.equal('+$10.00 vs previous period');
    const churn = await fixture<KpiTile>(html`<kpi-tile metric="revenue-churn" periods="2" src="${FIXTURES}/kpi-tile-subscriptions.json"></kpi-tile>`);
    await ready(churn);
    expect(churn.result!.points.map((p) => p.value)).to.deep.equal([-0.2, 50 / 300]);
  });

  it('survey responses (CSV with mapped columns): NPS', async () => {
    // Jan: 10, 9, 7, 3 → (2 − 1) / 4 = 25. Feb: 10, 10, 9, 8, 6 → (3 − 1) / 5 = 40 → +15, good.
    const el = await fixture<KpiTile>(html`<kpi-tile metric="nps" customer-key="respondent" date-key="answered" score-key="rating" src="${FIXTURES}/kpi-tile-responses.csv"></kpi-tile>`);
    await ready(el);
    expect(el.result).to.include({ value: 40, previous: 25, delta: 15 });
    expect(text(el, 'value')).to.equal('40');
    expect(text(el, 'delta')).to.equal('+15 vs previous period');
    // 5 answers: P 3, D 1 → var = (0.8 − 0.4²) / 5 = 0.128, 40 ± 1.96 × 35.8 = −30 … 110, clipped to 100.
    expect(text(el, 'interval')).to.equal('-30 – 100');
    expect(text(el, 'benchmark')).to.equal('Good (above 0) · only 5 customers: uncertain');
    expect(part(el, 'benchmark')!.classList.contains('good')).to.equal(true);
  });

  it('invoices: DSO in days', async () => {
    // Jan: 200 / 300 × 31 = 20.67 days; Feb: 300 / 300 × 29 = 29 days → +8.3 days, bad (slower payment).
    const el = await fixture<KpiTile>(html`<kpi-tile metric="dso" src="${FIXTURES}/kpi-tile-invoices.json"></kpi-tile>`);
    await ready(el);
    expect(text(el, 'value')).to.equal('29 days');
    expect(text(el, 'delta')).to.equal('+8.3 days vs previous period');
    expect(part(el, 'delta')!.classList.contains('bad')).to.equal(true);
  });

  it('pre-aggregated periods, sorted by calendar', async () => {
    const periods = [
      { month: '2024-02', churn: 0.04 },
      { month: '2024-01', churn: 0.05 },
    ];
    const el = await fixture<KpiTile>(html`<kpi-tile metric="customer-churn" period-key="month" value-key="churn" input="periods" .data=${periods}></kpi-tile>`);
    await ready(el);
    expect(text(el, 'value')).to.equal('4.0%');
    expect(text(el, 'delta')).to.equal('-1.0 pp vs previous period');
    expect(part(el, 'delta')!.classList.contains('good')).to.equal(true);
    expect(text(el, 'benchmark')).to.equal('Below the 7.0% alarm level');
  });

  it('leaves a change too small to show uncoloured', async () => {
    // DSO 30.01 vs 30 days: +0.01 rounds to "0 days" at one decimal, so it is neither good nor bad.
    const tiny = await settled(await fixture<KpiTile>(html`<kpi-tile metric="dso" value="30.01" previous="30"></kpi-tile>`));
    expect(text(tiny, 'delta')).to.match(/^0 days/);
    expect(part(tiny, 'delta')!.classList.contains('bad')).to.equal(false);
    expect(part(tiny, 'delta')!.classList.contains('good')).to.equal(false);
    // 32 vs 30 days is a real rise in DSO: bad.
    const rise = await settled(await fixture<KpiTile>(html`<kpi-tile metric="dso" value="32" previous="30"></kpi-tile>`));
    expect(part(rise, 'delta')!.classList.contains('bad')).to.equal(true);
  });

  it('says whether a change in a rate of customers is beyond noise, and marks a small sample', async () => {
    // January: a, b buy twice, c, d once → 2 of 4 repeat. February: a twice; b, c, d once → 1 of 4.
    // Change −25 pp; pooled 3/8: z = −0.25 / √(0.375 · 0.625 · (1/4 + 1/4)) = −0.73, within noise.
    const day = (d: string, customer: string) => ({ customer, date: d, amount: 10 });
    const rows = [
      day('2024-01-03', 'a'), day('2024-01-20', 'a'), day('2024-01-05', 'b'), day('2024-01-25', 'b'), day('2024-01-10', 'c'), day('2024-01-12', 'd'),
      day('2024-02-03', 'a'), day('2024-02-20', 'a'), day('2024-02-05', 'b'), day('2024-02-10', 'c'), day('2024-02-12', 'd'), day('2024-03-01', 'a'),
    ];
    const el = await settled(await fixture<KpiTile>(html`<kpi-tile metric="repeat-purchase-rate" as-of="2024-02-29" .data=${rows}></kpi-tile>`));
    expect(el.result).to.include({ period: '2024-02', value: 0.25, previous: 0.5, smallSample: true });
    expect(el.result!.change!.z).to.be.closeTo(-0.7303, 1e-4);
    expect(text(el, 'delta')).to.equal('-25.0 pp (within noise) vs previous period');
    expect(part(el, 'delta')!.classList.contains('bad')).to.equal(false); // within noise: no colour
    // Wilson 1 of 4 by hand: 4.6 % – 69.9 %.
    expect(text(el, 'interval')).to.equal('4.6% – 69.9%');
    expect(text(el, 'caution')).to.equal('only 4 customers: uncertain');
    el.confidence = 'off';
    await el.updateComplete;
    expect(text(el, 'delta')).to.equal('-25.0 pp vs previous period');
    expect(part(el, 'interval')).to.equal(null);
    expect(part(el, 'caution')).to.equal(null);
  });

  it('a tile whose periods are all warming up shows no value and no verdict, and says why', async () => {
    // Two weeks of data and a 90-day window: every month's window reaches back before the first purchase.
    const rows = [
      { customer: 'a', date: '2024-01-02', amount: 10 },
      { customer: 'b', date: '2024-01-09', amount: 10 },
      { customer: 'a', date: '2024-02-10', amount: 10 },
    ];
    const el = await settled(await fixture<KpiTile>(html`<kpi-tile metric="customer-churn" window-days="90" .data=${rows}></kpi-tile>`));
    expect(el.result).to.include({ value: null, censored: true });
    expect(el.activeBenchmark).to.equal(null);
    expect(text(el, 'value')).to.equal('—');
    expect(text(el, 'benchmark')).to.equal('No verdict: not enough history');
    expect(el.getAttribute('aria-label')).to.include('No verdict: not enough history: the 90-day activity window reaches back before the first purchase in the data');
  });

  it('plain numbers from a portal, with configurable benchmarks', async () => {
    const el = await settled(await fixture<KpiTile>(html`<kpi-tile metric="customer-churn" value="0.08" previous="0.06" period="October"></kpi-tile>`));
    expect(el.ranIn).to.equal('worker'); // plain numbers are a job in the metrics engine too
    expect(text(el, 'value')).to.equal('8.0%');
    // Typed figures: the period as typed, no calendar to name.
    expect(text(el, 'subtitle')).to.equal('October');
    expect(text(el, 'delta')).to.equal('+2.0 pp vs previous period');
    expect(text(el, 'benchmark')).to.equal('Needs action: above 7.0%');
    el.benchmark = 0.1;
    await settled(el);
    expect(text(el, 'benchmark')).to.equal('Below the 10.0% alarm level');
    el.setAttribute('benchmark', 'none');
    await settled(el);
    expect(text(el, 'benchmark')).to.equal('');

    // One verdict: a typed yearly retention of 40 % is churn of 60 %, above the 58.1 % a year that 7 % a month compounds to.
    const crr = await settled(await fixture<KpiTile>(html`<kpi-tile metric="crr" granularity="year" value="0.4"></kpi-tile>`));
    expect(text(crr, 'benchmark')).to.equal('Needs action: churn above 58.1% (7.0% a month)');
    expect(crr.getAttribute('aria-label')).to.include('For SaaS, 35.0% or more retained is usual.');
    const quarter = await settled(await fixture<KpiTile>(html`<kpi-tile metric="customer-churn" granularity="quarter" value="0.15"></kpi-tile>`));
    expect(text(quarter, 'benchmark')).to.equal('Below the 19.6% alarm level (7.0% a month)');
    const nps = await settled(await fixture<KpiTile>(html`<kpi-tile metric="nps" value="62" benchmark-high="60"></kpi-tile>`));
    expect(text(nps, 'benchmark')).to.equal('Excellent (above 60)');
  });
});

describe('<kpi-tile> errors', () => {
  for (const [name, file, check] of [
    ['malformed JSON', 'malformed.json', { kind: 'load-error', reason: 'parse' }],
    ['wrong fields', 'wrong-fields.json', { kind: 'invalid-input' }],
    ['a 404', 'does-not-exist.json', { kind: 'load-error', reason: 'http', status: 404 }],
  ] as const) {
    it(`${name} fires error and shows a message`, async () => {
      const el = document.createElement('kpi-tile');
      el.metric = 'return-rate';
      const failed = oneEvent(el, 'error');
      el.src = `${FIXTURES}/${file}`;
      document.body.append(el);
      try {
        const event = (await failed) as CustomEvent<ElementError>;
        expect(event.detail).to.include(check);
        await el.updateComplete;
        expect(text(el, 'message')).to.not.equal('');
        if (name === 'wrong fields') expect(text(el, 'message')).to.contain('record 1, field “date”');
      } finally {
        el.remove();
      }
    });
  }

  it('a metric its records cannot give is an option error', async () => {
    const el = await fixture<KpiTile>(html`<kpi-tile metric="nrr" input="transactions" .data=${SHOP}></kpi-tile>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(text(el, 'message')).to.contain('setting “input”: expected subscriptions or periods for nrr');
  });
});

describe('<kpi-tile> accessibility, layout and safety', () => {
  it('is focusable and its summary is its name; the hidden table matches the drawing', async () => {
    const el = await fixture<KpiTile>(html`<div style="width: 260px"><kpi-tile metric="return-rate" .data=${SHOP}></kpi-tile></div>`).then(
      (w) => w.querySelector('kpi-tile')!,
    );
    await ready(el);
    await drawn(el);
    expect(el.tabIndex).to.equal(0);
    el.focus();
    expect(document.activeElement).to.equal(el);
    expect(el.getAttribute('aria-label')).to.equal('Product return rate: 33.3% in Feb 2024. Change: +33.3 pp vs previous period.');
    const rows = tableRows(el);
    expect(rows).to.deep.equal([
      ['Jan 2024', '0.0%'],
      ['Feb 2024', '33.3%'],
    ]);
    expect(rows[rows.length - 1][1]).to.equal(text(el, 'value'));
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect(svg.querySelector('path.spark-line')!.getAttribute('d')!.match(/L/g)!.length).to.equal(1); // two points, one segment
  });

  it('tiles of different metrics keep their rows aligned at any width', async () => {
    for (const width of [150, 260, 420]) {
      const grid = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(3, ${width}px); gap: 8px">
        <kpi-tile metric="return-rate" .data=${SHOP}></kpi-tile>
        <kpi-tile metric="customer-churn" value="0.08" previous="0.06"></kpi-tile>
        <kpi-tile metric="ltv" .data=${SHOP} heading="A rather long heading for a lifetime value tile"></kpi-tile>
      </div>`);
      const tiles = [...grid.querySelectorAll('kpi-tile')];
      await Promise.all(tiles.map((tile) => ready(tile)));
      await waitUntil(() => tiles.every((tile) => tile.shadowRoot!.querySelector('[part~="value"]')));
      for (const name of ['value', 'delta', 'benchmark']) {
        const tops = tiles.map((tile) => Math.round(part(tile, name)!.getBoundingClientRect().top));
        expect(new Set(tops).size, `${name} rows at ${width}px: ${tops}`).to.equal(1);
      }
      const heights = tiles.map((tile) => Math.round(tile.getBoundingClientRect().height));
      expect(new Set(heights).size, `tile heights at ${width}px: ${heights}`).to.equal(1);
    }
  });

  it('data text with markup stays text and runs nothing', async () => {
    const payload = '<img src=x onerror=window.__rkKpiXss=1>';
    const el = await settled(await fixture<KpiTile>(html`<kpi-tile metric="nps" value="10" heading=${payload} period=${payload}></kpi-tile>`));
    expect(text(el, 'title')).to.equal(payload);
    const periods = await fixture<KpiTile>(html`<kpi-tile metric="nps" input="periods" .data=${[{ period: payload, value: 5 }]}></kpi-tile>`);
    await ready(periods);
    expect(text(periods, 'subtitle')).to.equal(payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(periods.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkKpiXss?: number }).__rkKpiXss).to.equal(undefined);
  });

  it('translates (nb-NO, ru, zh)', async () => {
    const nb = await fixture<HTMLElement>(html`<div lang="nb-NO"><kpi-tile metric="customer-churn" value="0.08" previous="0.06"></kpi-tile></div>`);
    const tile = nb.querySelector('kpi-tile')!;
    await settled(tile);
    expect(text(tile, 'title')).to.equal('Kundefrafall');
    expect(text(tile, 'value')).to.match(/^8,0\s?%$/);
    const ru = await settled(await fixture<KpiTile>(html`<kpi-tile lang="ru" metric="dso" value="5"></kpi-tile>`));
    expect(text(ru, 'value')).to.equal('5 дней');
    const zh = await settled(await fixture<KpiTile>(html`<kpi-tile lang="zh-CN" metric="nps" value="55"></kpi-tile>`));
    expect(text(zh, 'benchmark')).to.equal('优秀（高于 50）');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      const el = await fixture<KpiTile>(html`<div style="width: 260px"><kpi-tile theme=${theme} metric="return-rate" .data=${SHOP}></kpi-tile></div>`).then(
        (w) => w.querySelector('kpi-tile')!,
      );
      await ready(el);
      await drawn(el);
      await expect(el).to.be.accessible();
      const plain = await settled(await fixture<KpiTile>(html`<kpi-tile theme=${theme} metric="customer-churn" value="0.08" previous="0.06"></kpi-tile>`));
      await expect(plain).to.be.accessible();
      const error = await fixture<KpiTile>(html`<kpi-tile theme=${theme} data="[{"></kpi-tile>`);
      await expect(error).to.be.accessible();
    });
  }
});

describe('<kpi-tile> worker', () => {
  it('computes a large input in the worker with the same result as inline', async () => {
    const rows: { customer: string; date: string; amount: number }[] = [];
    for (let i = 0; i < 25_000; i++) {
      const date = new Date(Date.UTC(2023, 0, 1 + ((i * 31) % 365))).toISOString().slice(0, 10);
      rows.push({ customer: `c${(i * 7919) % 2500}`, date, amount: i % 13 === 0 ? -5 : (i % 50) + 1 });
    }
    const before = computeStats.worker;
    const el = await fixture<KpiTile>(html`<kpi-tile metric="repeat-purchase-rate" .data=${rows}></kpi-tile>`);
    await ready(el);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.ranIn).to.equal('worker');
    expect(computeStats.worker).to.equal(before + 1);
    const inline = computeKpi(rows, options({ metric: 'repeat-purchase-rate' }));
    expect(inline.ok && el.result).to.deep.equal(inline.ok && inline.value);
  });
});
