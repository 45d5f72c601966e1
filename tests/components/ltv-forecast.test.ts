import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { LtvForecast } from '../../src/components/ltv-forecast/define.ts';
import '../../src/components/ltv-forecast/define.ts';
import '../../src/components/retention-source/define.ts';
import { histogramLayout } from '../../src/components/ltv-forecast/ltv-geometry.ts';
import { valueBins } from '../../src/engine/jobs/value-bins.ts';
import type { ChurnTrend } from '../../src/components/churn-trend/churn-trend.ts';
import '../../src/components/churn-trend/define.ts';
import fc from 'fast-check';
import { settled } from './settled.ts';
import { UK_EXPORT_URL } from '../fixtures/text.ts';
import { sampleFiles, SAAS_WINDOW_END } from '../../demo/lib/sample-files.ts';
import '../../src/translations/da.ts';
import '../../src/translations/ru.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * The orders fixture (orders.json / orders.csv), cohorts by first purchase month:
 *   Dec 2023: f (20 + 22 + 25 = 67)                                   → 67 / 1 = $67.00
 *   Jan 2024: a (10 + 11 = 21), c (15), b (30 + 31 = 61), d (12)       → 109 / 4 = $27.25
 *   Feb 2024: e (40) → $40.00      Mar 2024: g (50) → $50.00
 *   All: (67 + 109 + 40 + 50) / 7 = 266 / 7 = $38.00
 * SaaS formula from attributes: ARPA 50 × gross margin 80 % ÷ churn 5 % = $800.00.
 */
const ORDERS = [
  { customer: 'f', date: '2023-12-15', amount: 20 },
  { customer: 'a', date: '2024-01-10', amount: 10 },
  { customer: 'c', date: '2024-01-05', amount: 15 },
  { customer: 'b', date: '2024-01-20', amount: 30 },
  { customer: 'd', date: '2024-01-25', amount: 12 },
  { customer: 'f', date: '2024-01-28', amount: 22 },
  { customer: 'e', date: '2024-02-10', amount: 40 },
  { customer: 'a', date: '2024-02-15', amount: 11 },
  { customer: 'b', date: '2024-02-20', amount: 31 },
  { customer: 'f', date: '2024-02-25', amount: 25 },
  { customer: 'g', date: '2024-03-05', amount: 50 },
];

const root = (el: Element) => el.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const ready = (el: LtvForecast, timeout = 10_000) => settled(el, timeout);

/** The hidden figures table (the first one) as measure → value. */
function hiddenTable(el: Element): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const row of root(el).querySelector('.visually-hidden table')?.querySelectorAll('tbody tr') ?? []) {
    const cells = [...row.children].map((c) => squash(c.textContent));
    rows[cells[0]] = cells[1];
  }
  return rows;
}

/** An alternative value behind the disclosure: its figure (or "–") and its note (basis, or why it has none). */
function figure(el: Element, name: string): string {
  return squash(root(el).querySelector(`[part~=alternatives] [part~=figure][part~=${name}] dd`)?.textContent);
}

/** The headline: method, label, figure, basis and reason. */
function headline(el: Element) {
  const part = (name: string) => squash(root(el).querySelector(`[part~=${name}]`)?.textContent);
  return {
    method: root(el).querySelector('[part~=headline]')?.getAttribute('data-method'),
    label: part('headline-label'),
    value: part('headline-value'),
    basis: part('headline-basis'),
    reason: part('headline-reason'),
  };
}

/** 7 customers, 3 of whom bought again (a, b, f): too few for the models, so the historic value leads. */
function expectOrders(el: LtvForecast) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  const table = hiddenTable(el);
  expect(table['Cohort Dec 2023']).to.equal('$67.00 (1 customers)');
  expect(table['Cohort Jan 2024']).to.equal('$27.25 (4 customers)');
  expect(table['Cohort Feb 2024']).to.equal('$40.00 (1 customers)');
  expect(table['Cohort Mar 2024']).to.equal('$50.00 (1 customers)');
  expect(table['Historic revenue per customer so far']).to.match(/^\$38\.00\. Net revenue per customer to date, over 7 customers\./);
}

/** CDNOW_sample.txt (customer, sample id, YYYYMMDD, CDs, dollars) as {customer, date, amount} records. */
async function cdnowRecords(): Promise<{ customer: string; date: string; amount: number }[]> {
  const text = await (await fetch('/tests/fixtures/cdnow/CDNOW_sample.txt')).text();
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [customer, , day, , dollars] = line.trim().split(/\s+/);
      return { customer, date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`, amount: Number(dollars) };
    });
}

describe('ltv-forecast: value bins (computed in the job)', () => {
  it('caps the range at the 99th percentile, rounded to a bin edge, with one overflow bin', () => {
    // 100 customers: 99 at 1, 2, …, 99 and one at 1,000.
    // 99th percentile (type 7): h = 99 × 0.99 = 98.01 → 99 + 0.01 × (1000 − 99) = 108.01.
    // About 10 bins over [0, 108.01]: step 10, so edges 0, 10, …, 110 (11 bins).
    // 1,000 > 110 + 2 × 10: the overflow bin [110, 1000] holds the one customer above.
    const values = [...Array.from({ length: 99 }, (_, i) => i + 1), 1000];
    const bins = valueBins(values, 10);
    expect(bins.length).to.equal(12);
    expect(bins[0]).to.deep.equal({ from: 0, to: 10, count: 9 }); // 1 … 9
    expect(bins[1]).to.deep.equal({ from: 10, to: 20, count: 10 }); // 10 … 19
    expect(bins[9]).to.deep.equal({ from: 90, to: 100, count: 10 }); // 90 … 99
    expect(bins[10]).to.deep.equal({ from: 100, to: 110, count: 0 });
    expect(bins[11]).to.deep.equal({ from: 110, to: 1000, count: 1, overflow: true });
  });

  it('no overflow bin when the maximum is within two bins of the cap; one bin for equal values', () => {
    // 1 … 10: p99 = 9 + 0.91 × 1 = 9.91; step 1 → edges up to 10 = the maximum: no overflow, last bin [9, 10] inclusive.
    const bins = valueBins(Array.from({ length: 10 }, (_, i) => i + 1), 10);
    expect(bins.some((b) => b.overflow)).to.equal(false);
    expect(bins.map((b) => b.count)).to.deep.equal([0, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    // Equal values: about 20 bins from 0 to 5 are 0.2 wide (25 bins); all three customers in the last, [4.8, 5].
    const equal = valueBins([5, 5, 5], 20);
    expect(equal.length).to.equal(25);
    expect(equal[24]).to.deep.equal({ from: 4.8, to: 5, count: 3 });
    expect(valueBins([0, 0], 20)).to.deep.equal([{ from: 0, to: 1, count: 2 }]);
  });

  it('property: every customer lands in exactly the bin that contains them', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (values, count) => {
        const bins = valueBins(values, count);
        expect(bins.reduce((n, b) => n + b.count, 0)).to.equal(values.length);
        bins.forEach((b, i) => {
          expect(b.to).to.be.greaterThan(b.from);
          if (i > 0) expect(b.from).to.equal(bins[i - 1].to);
          if (b.overflow) expect(i).to.equal(bins.length - 1);
          const last = i === bins.length - 1;
          const inside = values.filter((v) => v >= b.from && (v < b.to || (last && v <= b.to) || !!b.overflow));
          expect(inside.length).to.equal(b.count);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('ltv-forecast: histogram layout', () => {
  it('draws the overflow bin half a bar apart and labels it at the right end', () => {
    // 300 wide: plot 248; 3 bins + an overflow half-gap = 3.5 steps → step 248 / 3.5 ≈ 70.86.
    const g = histogramLayout(
      [
        { from: 0, to: 50, count: 5 },
        { from: 50, to: 100, count: 3 },
        { from: 100, to: 900, count: 1, overflow: true },
      ],
      300,
      100,
    );
    const step = 248 / 3.5;
    expect(g.bars.map((b) => b.x)).to.deep.equal([0, step, 2.5 * step]);
    expect(g.bars[2].x + g.bars[2].width).to.be.closeTo(248 - 1, 1e-9);
    // Labels: $0 at the start; 50 at x ≈ 70.9 (one step, at least 64 px on); the overflow from 100 at the end.
    expect(g.xTicks).to.deep.equal([
      { value: 0, x: 0, anchor: 'start', overflow: false },
      { value: 50, x: step, anchor: 'middle', overflow: false },
      { value: 100, x: 248, anchor: 'end', overflow: true },
    ]);
  });

  it('puts bins side by side on a count scale from 0', () => {
    // 200 × 100 box, margins 44 left, 8 right, 8 top, 22 bottom: plot 148 × 70; counts 2 and 4 → 4 is the top.
    const g = histogramLayout(
      [
        { from: 0, to: 10, count: 2 },
        { from: 10, to: 20, count: 4 },
      ],
      200,
      100,
    );
    expect(g.plotWidth).to.equal(148);
    expect(g.plotHeight).to.equal(70);
    expect(g.bars.map((b) => [b.x, b.width, b.y, b.height])).to.deep.equal([
      [0, 73, 35, 35],
      [74, 73, 0, 70],
    ]);
    expect(g.yTicks.map((t) => t.value)).to.deep.equal([0, 1, 2, 3, 4]);
  });
});

describe('<ltv-forecast> numbers and input routes', () => {
  it('the SaaS formula from plain attributes: 50 × 80 % ÷ 5 % = $800', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" gross-margin="0.8" churn="0.05"></ltv-forecast>`);
    await ready(el);
    expect(el.ranIn).to.equal('worker'); // plain figures are a job in the metrics engine too
    expect(headline(el)).to.deep.equal({
      method: 'saas',
      label: 'Lifetime value, SaaS formula',
      value: '$800.00',
      basis: 'ARPA $50.00 × margin 80.0% ÷ churn 5.0%. ARPA and churn as given, per the same period.',
      reason: '',
    });
    expect(root(el).querySelector('[part~=alternatives]')).to.equal(null); // nothing else to compare with
    expect(el.getAttribute('aria-label')).to.equal('Customer lifetime value: Lifetime value, SaaS formula: $800.00. After a gross margin of 80.0%.');
  });

  it('a churn of 0 is refused as an attribute and explained, not divided by', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0"></ltv-forecast>`);
    await ready(el);
    // churn takes 0.0001 … 1 (attribute-rules): "0" falls back to no churn, said in the warnings; nothing is divided by 0.
    expect(el.churn).to.equal(undefined);
    expect(el.warnings.filter((w) => w.code === 'invalid-attribute').map((w) => w.params.attribute)).to.deep.equal(['churn']);
    expect(el.status).to.equal('error');
    expect(root(el).querySelector('[part~=figure]')).to.equal(null);
  });

  it('data property: historic value per cohort, SaaS figures from attributes', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" gross-margin="0.8" churn="0.05" .data=${ORDERS}></ltv-forecast>`);
    await ready(el);
    // The margin applies to every value: the historic $38.00 of revenue is $30.40 after 80 %.
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.ranIn).to.equal('worker'); // 11 records: the kit's jobs always run in the metrics worker
    // ARPA and churn given: a subscription business, so the formula leads.
    expect(el.result!.headline).to.deep.equal({ method: 'saas', reason: 'figures-given' });
    expect(headline(el).value).to.equal('$800.00');
    expect(headline(el).reason).to.equal('Leads because ARPA or churn is given: a subscription business.');
    expect(figure(el, 'historic')).to.equal('$30.40Net revenue per customer to date, over 7 customers.');
    expect(hiddenTable(el)['Lifetime value, SaaS formula']).to.equal(
      '$800.00. ARPA $50.00 × margin 80.0% ÷ churn 5.0%. ARPA and churn as given, per the same period. Leads because ARPA or churn is given: a subscription business.',
    );
    expect(hiddenTable(el)['Cohort Jan 2024']).to.equal('$21.80 (4 customers)'); // 27.25 × 0.8
    expect(el.result!.horizon).to.equal(52); // one year in weeks
  });

  it('JSON data attribute', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast data=${JSON.stringify(ORDERS)}></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
  });

  it('src JSON (in the worker: text inputs are fitted there)', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast src="${FIXTURES}/orders.json"></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
    expect(el.ranIn).to.equal('worker');
  });

  it('src CSV with field mapping', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast customer-key="email" date-key="created_at" amount-key="total" src="${FIXTURES}/orders.csv"></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
  });

  it('inline JSON script', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast><script type="application/json">${JSON.stringify(ORDERS)}</script></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
  });

  it('a shared retention-source', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <retention-source id="ltv-orders" src="${FIXTURES}/orders.json"></retention-source>
      <ltv-forecast source="ltv-orders"></ltv-forecast>
    </div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    await ready(el);
    expectOrders(el);
  });

  it('CDNOW: the published BG/NBD parameters, fitted in the worker with progress', async () => {
    const records = await cdnowRecords();
    expect(records.length).to.equal(6919);
    const el = await fixture<LtvForecast>(html`<ltv-forecast time-unit="weeks" calibration-end="1997-09-30" horizon="39" .data=${records}></ltv-forecast>`);
    let sawProgress = false;
    await waitUntil(
      () => {
        if (/Computing… \d+\s?%/.test(squash(root(el).querySelector('[part=status]')?.textContent))) sawProgress = true;
        return el.status === 'ready' || el.status === 'error';
      },
      'fit did not finish',
      { timeout: 60_000, interval: 20 },
    );
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.ranIn).to.equal('worker');
    expect(sawProgress).to.equal(true);
    const table = hiddenTable(el);
    expect(table['Purchases (BG/NBD) r']).to.equal('0.243');
    expect(table['Purchases (BG/NBD) α']).to.equal('4.414');
    expect(table['Purchases (BG/NBD) a']).to.equal('0.793');
    expect(table['Purchases (BG/NBD) b']).to.equal('2.426');
    expect(table['Purchases (BG/NBD) Log-likelihood']).to.equal('-9,582.4');
    expect(table['Spend (Gamma-Gamma) p']).to.match(/^6\.2\d\d$/);
    expect(table['Calibration end']).to.equal('Sep 30, 1997');
    // The visible details agree with the hidden table.
    const details = [...root(el).querySelectorAll('[part~=details] tbody tr')].map((r) => [...r.children].map((c) => squash(c.textContent)));
    expect(details.find((d) => d[0] === 'Purchases (BG/NBD) r')![1]).to.equal('0.243');
    const p = el.result!.predictive as { customers: number; top: unknown[]; histogram: { count: number }[] };
    expect(p.customers).to.equal(2357);
    expect(p.histogram.reduce((n, b) => n + b.count, 0)).to.equal(2357);
    expect(root(el).querySelectorAll('[part~=top] tbody tr').length).to.equal(10);
  });

  it('time-unit="days": the same fit in days (α × 7), never a hard-coded month', async () => {
    const records = await cdnowRecords();
    const el = await fixture<LtvForecast>(html`<ltv-forecast time-unit="days" calibration-end="1997-09-30" .data=${records}></ltv-forecast>`);
    await ready(el, 60_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.result!.horizon).to.equal(365);
    const table = hiddenTable(el);
    expect(table['Purchases (BG/NBD) r']).to.equal('0.243');
    expect(Number(table['Purchases (BG/NBD) α'])).to.be.closeTo(4.414 * 7, 0.02);
    expect(table['Time unit']).to.equal('1 day');
  });
});

/*
 * SaaS formula measured from the data, per month, with a 30-day activity window (as churn-trend
 * defines churn: active at day t = a purchase in [t − 30, t); S = active at a period's start,
 * lost = active at its start and not at its end).
 *   a: Jan 10, Feb 5, Mar 3   b: Jan 20   c: Jan 25, Feb 20   d: Feb 10, Mar 31   e: Mar 31
 *   z: Jan 1 only (the data's first day; active Jan 2 – Jan 31, so at no period start)
 *   Jan 1 (window Dec 2 – Dec 31): before the data, so January is censored and not measured.
 *   Feb 1 (Jan 2 – Jan 31): a, b, c            → S(Feb) = 3
 *   Mar 1 (Jan 31 – Feb 29): a, c, d           → lost(Feb) = b = 1;     S(Mar) = 3
 *   Apr 1 (Mar 2 – Mar 31): a, d, e            → lost(Mar) = c = 1;     E(Mar) = 3
 *   churn per month, pooled = (1 + 1) / (3 + 3) = 33.3 %   (churn-trend: 1/3 in February and in March)
 *   revenue: Feb a 20 + c 25 + d 50 = 95; Mar a 30 + d 5 + e 10 = 45  → 140
 *   customer-months: (3 + 3) / 2 + (3 + 3) / 2 = 6  → ARPA = 140 / 6 = $23.33 per month
 *   lifetime value = 23.33 × 100 % ÷ 33.3 % = 140 / 6 × 3 = $70.00
 */
const MONTHLY = [
  // z starts the data on Jan 1 (so February's window lies inside it) and is active at no period start.
  { customer: 'z', date: '2024-01-01', amount: 8 },
  { customer: 'a', date: '2024-01-10', amount: 10 },
  { customer: 'b', date: '2024-01-20', amount: 40 },
  { customer: 'c', date: '2024-01-25', amount: 15 },
  { customer: 'a', date: '2024-02-05', amount: 20 },
  { customer: 'd', date: '2024-02-10', amount: 50 },
  { customer: 'c', date: '2024-02-20', amount: 25 },
  { customer: 'a', date: '2024-03-03', amount: 30 },
  { customer: 'd', date: '2024-03-31', amount: 5 },
  { customer: 'e', date: '2024-03-31', amount: 10 },
];

describe('<ltv-forecast> SaaS formula measured from the data', () => {
  it('ARPA and churn per month, with churn as churn-trend measures it: $23.33 × 100 % ÷ 33.3 % = $70.00', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <ltv-forecast granularity="month" window-days="30" .data=${MONTHLY}></ltv-forecast>
      <churn-trend granularity="month" window-days="30" .data=${MONTHLY}></churn-trend>
    </div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    const trend = wrapper.querySelector<ChurnTrend>('churn-trend')!;
    await ready(el);
    await settled(trend);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    const saas = el.result!.saas as { value: number; arpa: number; churn: number; measured: unknown };
    expect(saas.arpa).to.be.closeTo(140 / 6, 1e-9);
    expect(saas.churn).to.be.closeTo(1 / 3, 1e-12);
    expect(saas.value).to.be.closeTo(70, 1e-9);
    expect(saas.measured).to.deep.equal({ granularity: 'month', periods: 2, windowDays: 30 });
    // No margin given: revenue, ARPA ÷ churn, never "margin 100 %".
    const basis = 'ARPA and churn per month, over 2 complete months; active: a purchase in the last 30 days.';
    expect(figure(el, 'saas')).to.equal(`$70.00ARPA $23.33 ÷ churn 33.3%. ${basis}`);
    expect(root(el).querySelector('[part~=alternatives] [part~=saas] dt')!.textContent).to.equal('Revenue lifetime value, SaaS formula');
    expect(hiddenTable(el)['Revenue lifetime value, SaaS formula']).to.equal(`$70.00. ARPA $23.33 ÷ churn 33.3%. ${basis}`);
    expect(squash(root(el).querySelector('[part~=alternatives]')!.textContent)).not.to.contain('100.0%');
    expect(headline(el).basis).to.contain('No gross margin given (gross-margin): the values are revenue, not profit.');
    // The same churn as churn-trend's for the same granularity and window: pooled over its measured periods.
    expect(trend.status, JSON.stringify(trend.error)).to.equal('ready');
    const measured = trend.result!.points.filter((p) => p.complete && !p.censored && p.start > 0);
    expect(measured.map((p) => [p.key, p.start, p.lost, p.rate])).to.deep.equal([
      ['2024-02', 3, 1, 1 / 3],
      ['2024-03', 3, 1, 1 / 3],
    ]);
    const pooled = measured.reduce((n, p) => n + p.lost, 0) / measured.reduce((n, p) => n + p.start, 0);
    expect(saas.churn).to.equal(pooled);
  });

  it('per quarter: the same data has no complete, measurable quarter, and says so instead of a number', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast granularity="quarter" window-days="30" .data=${MONTHLY}></ltv-forecast>`);
    await ready(el);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.result!.saas).to.have.property('reason', 'data');
    expect(figure(el, 'saas')).to.equal('–No complete quarter to measure churn in.');
    expect(el.result!.headline.method).to.equal('historic');
  });

  it('nobody churned: explained, not divided by 0', async () => {
    // x buys every 25 days: active at Feb 1, Mar 1 and Apr 1 (30-day window), so S = 1 and lost = 0 in February and March.
    const loyal = ['2024-01-05', '2024-01-30', '2024-02-24', '2024-03-20', '2024-03-31'].map((date) => ({ customer: 'x', date, amount: 10 }));
    const el = await fixture<LtvForecast>(html`<ltv-forecast window-days="30" .data=${loyal}></ltv-forecast>`);
    await ready(el);
    expect(el.result!.saas).to.have.property('reason', 'churn');
    expect(figure(el, 'saas')).to.equal('–Nobody churned: no finite value.');
  });

  it('window-days must be a whole number of days', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast window-days="2.5" .data=${MONTHLY}></ltv-forecast>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('window-days');
  });

  it('translated caption: Russian plural forms', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast lang="ru" window-days="30" .data=${MONTHLY}></ltv-forecast>`);
    await ready(el);
    // No margin given: the formula without one, and its basis, under the value in the disclosure.
    expect(figure(el, 'saas')).to.match(/^70,00\s\$ARPA 23,33\s\$ ÷ отток 33,3\s%\. ARPA и отток в месяц, измерены за 2 полных месяца; клиент считается активным 30 дней после покупки\.$/);
    expect(squash(root(el).querySelector('[part~=alternatives] [part~=saas] dt')!.textContent)).to.equal('Пожизненная выручка по формуле SaaS');
  });
});

describe('<ltv-forecast> errors', () => {
  const failing = async (src: string) => {
    const el = document.createElement('ltv-forecast');
    const failed = oneEvent(el, 'error');
    el.src = src;
    document.body.append(el);
    const event = (await failed) as CustomEvent<ElementError>;
    await el.updateComplete;
    return { el, event, message: squash(root(el).querySelector('[part=message]')?.textContent) };
  };

  it('malformed JSON', async () => {
    const { el, event, message } = await failing(`${FIXTURES}/malformed.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'parse' });
    expect(message).to.contain('malformed JSON');
    el.remove();
  });

  it('wrong fields name the record and field', async () => {
    const { el, event, message } = await failing(`${FIXTURES}/wrong-fields.json`);
    expect(event.detail.kind).to.equal('invalid-input');
    expect(message).to.contain('record 1, field “date”: expected a date');
    el.remove();
  });

  it('a 404', async () => {
    const { el, event } = await failing(`${FIXTURES}/does-not-exist.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'http', status: 404 });
    el.remove();
  });

  it('a bad time unit or margin is an option error', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast time-unit="months" .data=${ORDERS}></ltv-forecast>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('time-unit');
  });
});

describe('<ltv-forecast> keyboard, accessibility and safety', () => {
  let cdnow: { customer: string; date: string; amount: number }[];
  before(async () => {
    cdnow = (await cdnowRecords()).filter((r) => r.date <= '1997-09-30' && Number(r.customer) < 8000);
  });

  it('arrow keys walk the histogram bins and a live region reads them', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"><ltv-forecast bins="5" .data=${cdnow}></ltv-forecast></div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    await ready(el, 60_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    await waitUntil(() => root(el).querySelector('[part~=histogram] svg'));
    const histogram = root(el).querySelector<HTMLElement>('[part~=histogram]')!;
    histogram.focus();
    await el.updateComplete;
    const live = () => squash(root(el).querySelector('[aria-live]')!.textContent);
    const bins = (el.result!.predictive as { histogram: { from: number; count: number; overflow?: true }[] }).histogram;
    expect(live()).to.match(new RegExp(`^\\$0 to .*: ${bins[0].count.toLocaleString('en')} customers$`));
    histogram.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await el.updateComplete;
    const last = bins[bins.length - 1];
    expect(live()).to.equal(`$${last.from.toLocaleString('en')} or more: ${last.count} customers`);
    // Hidden table rows for the bins agree with the drawn bars, the overflow bin included.
    const rects = [...root(el).querySelectorAll('rect.bin')];
    expect(rects.length).to.equal(bins.length);
    expect(last.overflow).to.equal(true);
    expect(rects.at(-1)!.classList.contains('overflow')).to.equal(true);
    expect(root(el).querySelectorAll('rect.overflow').length).to.equal(1);
    const table = hiddenTable(el);
    const binRows = Object.entries(table).filter(([k]) => k.startsWith('Predicted value per customer: '));
    expect(binRows.map(([, v]) => v)).to.deep.equal(bins.map((b) => `${b.count.toLocaleString('en')} customers`));
    expect(binRows.at(-1)![0]).to.equal(`Predicted value per customer: $${last.from.toLocaleString('en')} or more`);
    // Nobody dropped: the bins count every customer.
    expect(bins.reduce((n, b) => n + b.count, 0)).to.equal((el.result!.predictive as { customers: number }).customers);
    // The overflow bin is labelled under the axis with its lower edge, and its count stands above it.
    const labels = [...root(el).querySelectorAll('[part~=histogram] text')].map((t) => t.textContent);
    expect(labels).to.include(`$${last.from.toLocaleString('en')} or more`);
    expect(labels).to.include(String(last.count));
    // The tallest bar is the bin with the most customers.
    const heights = rects.map((r) => Number(r.getAttribute('height')));
    const most = Math.max(...bins.map((b) => b.count));
    expect(heights.indexOf(Math.max(...heights))).to.equal(bins.findIndex((b) => b.count === most));
  });

  it('the active bin has a tooltip that stays inside the element at both ends of the histogram', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 390px"><ltv-forecast .data=${cdnow}></ltv-forecast></div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    await ready(el, 60_000);
    await waitUntil(() => root(el).querySelector('[part~=histogram] svg'));
    const histogram = root(el).querySelector<HTMLElement>('[part~=histogram]')!;
    const tooltip = () => root(el).querySelector<HTMLElement>('[part~=tooltip]');
    const bins = (el.result!.predictive as { histogram: { count: number }[] }).histogram;
    const total = bins.reduce((n, b) => n + b.count, 0);
    histogram.focus();
    for (const key of ['Home', 'End']) {
      histogram.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await el.updateComplete;
      const bin = bins[key === 'Home' ? 0 : bins.length - 1];
      expect([...tooltip()!.querySelectorAll('dd')].map((d) => d.textContent)).to.deep.equal([bin.count.toLocaleString('en'), `${((bin.count / total) * 100).toFixed(1)}%`]);
      const tip = tooltip()!.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(tip.left, key).to.be.at.least(host.left - 0.5);
      expect(tip.right, key).to.be.at.most(host.right + 0.5);
      // The other bins step back; only the highlight is redrawn.
      expect(root(el).querySelector('[part~=histogram] svg')!.classList.contains('dim')).to.equal(true);
      expect(root(el).querySelectorAll('[part~=bar-active]').length).to.equal(1);
    }
    // A pointer over the first bar makes it active.
    histogram.blur();
    await el.updateComplete;
    const first = root(el).querySelector('rect.bin')!.getBoundingClientRect();
    histogram.dispatchEvent(new PointerEvent('pointermove', { clientX: first.left + first.width / 2, clientY: first.bottom - 1 }));
    await el.updateComplete;
    expect(squash(tooltip()!.querySelector('strong')!.textContent)).to.match(/^\$0 to /);
    histogram.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(tooltip()).to.equal(null);
  });

  it('many daily cohorts are summed by a coarser period, and the element says so', async () => {
    // 100 customers, one a day from 2024-01-01 (a Monday), each buying $10 then $20 later: 100 daily cohorts > 60.
    const rows = Array.from({ length: 100 }, (_, i) => [
      { customer: `c${i}`, date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), amount: 10 },
      { customer: `c${i}`, date: new Date(Date.UTC(2024, 0, 40 + i)).toISOString().slice(0, 10), amount: i < 7 ? 20 : 0 },
    ]).flat();
    const el = await fixture<LtvForecast>(html`<ltv-forecast granularity="day" .data=${rows}></ltv-forecast>`);
    await ready(el, 30_000);
    expect(el.result!.historic!.cohorts.length).to.equal(100);
    expect(squash(root(el).querySelector('[part~=cohorts]')!.previousElementSibling!.textContent)).to.equal(
      '100 periods are too many to show one by one: summed by week. Set granularity="week" to compute by week.',
    );
    const table = hiddenTable(el);
    const cohorts = Object.keys(table).filter((k) => k.startsWith('Cohort '));
    // 100 days from Monday 2024-01-01: 15 ISO weeks; the first week's 7 customers bought $30 each.
    expect(cohorts.length).to.equal(15);
    expect(table['Cohort 2024-W01']).to.equal('$30.00 (7 customers)');
    expect(table['Cohort 2024-W02']).to.equal('$10.00 (7 customers)');
  });

  for (const width of [300, 320, 390]) {
    it(`nothing overflows the element at ${width} px; the top table drops its middle columns`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><ltv-forecast granularity="quarter" .data=${cdnow}></ltv-forecast></div>`);
      const el = wrapper.querySelector('ltv-forecast')!;
      await ready(el, 60_000);
      expect(el.status, JSON.stringify(el.error)).to.equal('ready');
      await waitUntil(() => root(el).querySelector('[part~=histogram] svg'));
      root(el).querySelector<HTMLDetailsElement>('[part~=details]')!.open = true;
      await el.updateComplete;
      const host = el.getBoundingClientRect();
      expect(host.width).to.equal(width);
      for (const selector of ['[part=base]', '[part~=figures]', '[part~=top]', '[part~=cohorts]', '[part~=details]', '[part~=histogram]']) {
        const part = root(el).querySelector<HTMLElement>(selector)!;
        expect(part.scrollWidth, selector).to.be.at.most(part.clientWidth);
      }
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      // Every visible box, text of the cohort figures and axis labels included, stays inside the element.
      const outside = [...root(el).querySelectorAll('*')]
        .filter((n) => !n.closest('.visually-hidden'))
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return r.width > 0 && (r.right > host.right + 0.5 || r.left < host.left - 0.5);
        })
        .map((n) => `${n.localName}.${n.getAttribute('class')}`);
      expect(outside).to.deep.equal([]);
      const visible = (cell: Element) => getComputedStyle(cell).display !== 'none';
      expect([...root(el).querySelectorAll('[part~=top] thead th')].filter(visible).map((th) => squash(th.textContent))).to.deep.equal([
        'Customer',
        'Value',
        'Probability still a customer',
      ]);
      // The hidden table keeps every column.
      const hidden = root(el).querySelectorAll('.visually-hidden table')[1];
      expect(squash(hidden.querySelector('caption')!.textContent)).to.equal('Most valuable customers');
      expect(hidden.querySelectorAll('thead th').length).to.equal(5);
      expect(hidden.querySelectorAll('tbody tr').length).to.equal(10);
    });
  }

  it('wide: the top table shows all five columns, in agreement with the hidden table', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 900px"><ltv-forecast .data=${cdnow}></ltv-forecast></div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    await ready(el, 60_000);
    const rows = (table: Element) => [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => squash(c.textContent)));
    const visibleTop = root(el).querySelector('[part~=top]')!;
    expect([...visibleTop.querySelectorAll('thead th')].every((th) => getComputedStyle(th).display !== 'none')).to.equal(true);
    expect(rows(visibleTop)).to.deep.equal(rows(root(el).querySelectorAll('.visually-hidden table')[1]));
    expect(rows(visibleTop)[0]).to.have.length(5);
  });

  it('markup in customer ids stays text', async () => {
    const payload = '<img src=x onerror=window.__rkLtvXss=1>';
    const rows = [...ORDERS, { customer: payload, date: '2024-01-02', amount: 5 }, { customer: payload, date: '2024-02-02', amount: 500 }];
    const el = await fixture<LtvForecast>(html`<ltv-forecast .data=${rows}></ltv-forecast>`);
    await ready(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkLtvXss?: number }).__rkLtvXss).to.equal(undefined);
    const topIds = [...root(el).querySelectorAll('[part~=top] tbody th')].map((th) => th.textContent);
    if (topIds.length) expect(topIds).to.include(payload);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 640px"><ltv-forecast theme=${theme} arpa="50" churn="0.05" .data=${cdnow}></ltv-forecast></div>`);
      const el = wrapper.querySelector('ltv-forecast')!;
      await ready(el, 60_000);
      expect(el.status, JSON.stringify(el.error)).to.equal('ready');
      root(el).querySelector<HTMLDetailsElement>('[part~=details]')!.open = true;
      root(el).querySelector<HTMLDetailsElement>('[part~=alternatives]')!.open = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const error = await fixture<LtvForecast>(html`<ltv-forecast theme=${theme} data="[{"></ltv-forecast>`);
      await expect(error).to.be.accessible();
    });
  }

  it('translates: Danish and Russian', async () => {
    const da = await fixture<LtvForecast>(html`<ltv-forecast lang="da" arpa="50" churn="0.05"></ltv-forecast>`);
    await ready(da);
    expect(headline(da).label).to.equal('Omsætningsbaseret livstidsværdi, SaaS-formlen');
    const ru = await fixture<LtvForecast>(html`<ltv-forecast lang="ru" .data=${ORDERS}></ltv-forecast>`);
    await ready(ru);
    expect(headline(ru).label).to.equal('Фактическая выручка с клиента на сегодня');
    expect(headline(ru).reason).to.equal(
      'Фактическая, а не прогноз: повторно купили лишь 3 клиента, а моделям покупок и сумм для надёжности нужно не меньше 30.',
    );
  });
});

/*
 * One headline, chosen from the data (metrics/ltv/headline.ts): subscriptions → the SaaS formula;
 * orders with 30 or more repeat buyers → predicted; fewer → historic, saying why.
 */
describe('<ltv-forecast> one headline, chosen from the data', () => {
  const moneyTexts = (el: Element) =>
    [...root(el).querySelectorAll('[part~=headline-value], [part~=alternatives] dd, [part~=top] td')].map((n) => squash(n.firstChild?.textContent ?? n.textContent));

  it('the UK shop export (525,461 lines): enough repeat buyers, so the BG/NBD + Gamma-Gamma value leads', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 900px">
      <ltv-forecast src=${UK_EXPORT_URL} currency="GBP" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></ltv-forecast>
    </div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    await ready(el, 180_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    const model = el.result!;
    const p = model.predictive as { mean: number; customers: number; spendModel: { customers: number; converged: boolean }; purchaseModel: { converged: boolean } };
    expect(model.headline).to.deep.equal({ method: 'predicted', reason: 'enough-repeat-customers' });
    expect(p.purchaseModel.converged && p.spendModel.converged).to.equal(true);
    // Every repeat buyer with a positive spend is in the spend model; there are far more than 30.
    expect(model.repeatCustomers!).to.be.at.least(p.spendModel.customers);
    expect(p.spendModel.customers).to.be.at.least(30);
    const h = headline(el);
    expect(h.label).to.equal('Predicted revenue per customer, next 52 weeks');
    expect(h.value).to.equal(new Intl.NumberFormat('en', { style: 'currency', currency: 'GBP' }).format(p.mean));
    expect(h.reason).to.equal(`Leads because ${model.repeatCustomers!.toLocaleString('en')} customers bought again: enough to fit the purchase and spend models (30 or more).`);
    expect(h.basis).to.contain(`fitted on ${p.customers.toLocaleString('en')} customers`);
    // The others wait behind a closed disclosure, each named with its basis; no margin was given, so all are revenue.
    const others = root(el).querySelector<HTMLDetailsElement>('[part~=alternatives]')!;
    expect(others.open).to.equal(false);
    expect(squash(others.querySelector('summary')!.textContent)).to.equal('Other lifetime values (2)');
    expect([...others.querySelectorAll('dt')].map((dt) => squash(dt.textContent))).to.deep.equal(['Historic revenue per customer so far', 'Revenue lifetime value, SaaS formula']);
    expect(figure(el, 'saas')).to.match(/^£[\d,]+\.\d\dARPA £[\d,]+\.\d\d ÷ churn [\d.]+%\. ARPA and churn per month/);
    // One number of decimals for money everywhere: the pound's two.
    for (const text of moneyTexts(el)) if (text.includes('£')) expect(text, text).to.match(/£[\d,]+\.\d\d(?!\d)/);
    expect(root(el).querySelector('[part~=histogram]')).not.to.equal(null);
    console.log(`UK export: headline ${model.headline.method} ${h.value} (${model.repeatCustomers} repeat buyers of ${p.customers}); historic ${figure(el, 'historic').split('Net')[0]}; SaaS ${figure(el, 'saas').split('ARPA')[0]}`);
  });

  it('the CDNOW panel (2,357 customers): predicted leads; a gross margin scales every value alike', async () => {
    const records = await cdnowRecords();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <ltv-forecast id="revenue" .data=${records}></ltv-forecast>
      <ltv-forecast id="margin" gross-margin="30 %" .data=${records}></ltv-forecast>
    </div>`);
    const [revenue, margin] = [...wrapper.querySelectorAll('ltv-forecast')];
    await ready(revenue, 60_000);
    await ready(margin, 60_000);
    const a = revenue.result!;
    const b = margin.result!;
    expect(a.headline).to.deep.equal({ method: 'predicted', reason: 'enough-repeat-customers' });
    expect(b.headline).to.deep.equal({ method: 'predicted', reason: 'enough-repeat-customers' });
    const mean = (m: typeof a) => (m.predictive as { mean: number }).mean;
    expect(mean(b)).to.be.closeTo(mean(a) * 0.3, 1e-9);
    expect(b.historic!.overall.value!).to.be.closeTo(a.historic!.overall.value! * 0.3, 1e-9);
    expect(headline(margin).label).to.equal('Predicted value per customer, next 52 weeks');
    expect(headline(margin).basis).to.match(/After a gross margin of 30\.0%\.$/);
    console.log(`CDNOW: headline ${a.headline.method} ${headline(revenue).value} (${a.repeatCustomers} repeat buyers); with 30 % margin ${headline(margin).value}`);
  });

  it('a shop with too few repeat buyers: the historic value leads and says why', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast .data=${ORDERS}></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
    expect(el.result!.repeatCustomers).to.equal(3); // a, b and f bought on a second day
    expect(el.result!.headline).to.deep.equal({ method: 'historic', reason: 'few-repeat-customers' });
    expect(headline(el)).to.deep.equal({
      method: 'historic',
      label: 'Historic revenue per customer so far',
      value: '$38.00',
      basis: 'Net revenue per customer to date, over 7 customers. No gross margin given (gross-margin): the values are revenue, not profit.',
      reason: 'Historic, not predicted: only 3 customers bought again, and the purchase and spend models need 30 or more to be trusted.',
    });
    // The predicted value's distribution and top customers are not drawn next to a value the data trusts more.
    expect(root(el).querySelector('[part~=histogram]')).to.equal(null);
    expect(root(el).querySelector('[part~=top]')).to.equal(null);
    expect(el.getAttribute('aria-label')).to.equal(
      'Customer lifetime value: Historic revenue per customer so far: $38.00. No gross margin given (gross-margin): the values are revenue, not profit. Historic, not predicted: only 3 customers bought again, and the purchase and spend models need 30 or more to be trusted.',
    );
    // The disclosure opens from the keyboard: it is a native <details>.
    const summary = root(el).querySelector<HTMLElement>('[part~=alternatives] summary')!;
    summary.focus();
    expect(root(el).activeElement).to.equal(summary);
  });

  it('a real shop export with few repeat buyers (Shopify, as downloaded): historic, saying why', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast src="/tests/fixtures/exports/shopify-orders.csv" preset="shopify-orders"></ltv-forecast>`);
    await ready(el, 30_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    const repeat = el.result!.repeatCustomers!;
    expect(repeat).to.be.below(30);
    expect(el.result!.headline).to.deep.equal({ method: 'historic', reason: 'few-repeat-customers' });
    expect(headline(el).reason).to.contain(`only ${repeat} ${repeat === 1 ? 'customer' : 'customers'} bought again`);
  });

  /** Monthly billing: 40 customers paying $29 or $79 on the 5th of 3 to 8 consecutive months, starting January to June 2024. */
  const billing = () => {
    const rows: { customer: string; date: string; amount: number }[] = [];
    for (let c = 0; c < 40; c++) {
      for (let m = 0; m < 3 + (c % 6); m++) rows.push({ customer: `s${c}`, date: new Date(Date.UTC(2024, (c % 6) + m, 5)).toISOString().slice(0, 10), amount: c % 4 ? 29 : 79 });
    }
    return rows;
  };

  it('subscriptions (payments recurring like billing): ARPA × margin ÷ churn leads', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast gross-margin="80%" .data=${billing()}></ltv-forecast>`);
    await ready(el, 30_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    const model = el.result!;
    expect(model.headline).to.deep.equal({ method: 'saas', reason: 'recurring-billing' });
    expect(model.billing!.recurring).to.equal(true);
    expect(model.billing!.regularShare).to.equal(1); // every gap is 29–31 days
    const saas = model.saas as { value: number; grossMargin: number };
    expect(saas.grossMargin).to.equal(0.8);
    const h = headline(el);
    expect(h.label).to.equal('Lifetime value, SaaS formula');
    expect(h.value).to.equal(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(saas.value));
    expect(h.basis).to.match(/^ARPA \$[\d.]+ × margin 80\.0% ÷ churn [\d.]+%\. ARPA and churn per month, over \d+ complete months/);
    expect(h.reason).to.match(/^Leads because the payments recur like billing: 100% of the gaps between a customer's payments are within 15% of 3[01] days\.$/);
    expect(root(el).querySelector('[part~=histogram]')).to.equal(null);
  });

  it("subscriptions billed monthly: the gallery's 900 seeded subscriptions as their monthly charges → the SaaS formula", async () => {
    // Each subscription charges its MRR on its start day and every month after, until it ends (or the sample's window does).
    const file = sampleFiles().find((f) => f.path === 'data/sample/saas-subscriptions.json')!;
    const subscriptions = JSON.parse(file.body) as { customer: string; start: string; end?: string | null; mrr: number }[];
    const charges: { customer: string; date: string; amount: number }[] = [];
    for (const sub of subscriptions) {
      const [y, m, d] = sub.start.slice(0, 10).split('-').map(Number);
      const until = (sub.end ?? SAAS_WINDOW_END).slice(0, 10);
      for (let k = 0; ; k++) {
        const date = new Date(Date.UTC(y, m - 1 + k, Math.min(d, 28))).toISOString().slice(0, 10);
        if (date >= until) break;
        charges.push({ customer: sub.customer, date, amount: sub.mrr });
      }
    }
    const el = await fixture<LtvForecast>(html`<ltv-forecast gross-margin="0.8" .data=${charges}></ltv-forecast>`);
    await ready(el, 60_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    const model = el.result!;
    expect(model.headline).to.deep.equal({ method: 'saas', reason: 'recurring-billing' });
    expect(model.billing!.recurring).to.equal(true);
    expect(model.billing!.regularShare).to.be.at.least(0.8);
    const saas = model.saas as { value: number; arpa: number; churn: number };
    expect(headline(el).value).to.equal(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(saas.value));
    console.log(
      `Gallery subscriptions as charges: headline saas ${headline(el).value} (ARPA ${saas.arpa.toFixed(2)} × 80 % ÷ churn ${(saas.churn * 100).toFixed(2)} %), ${(model.billing!.regularShare * 100).toFixed(1)} % of gaps within 15 % of ${model.billing!.medianDays} days`,
    );
  });

  it('subscriptions by the figures given: arpa and churn with data make the formula lead', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0.05" .data=${ORDERS}></ltv-forecast>`);
    await ready(el);
    expect(el.result!.headline).to.deep.equal({ method: 'saas', reason: 'figures-given' });
    // No margin given: revenue, ARPA ÷ churn, and the label says so.
    expect(headline(el)).to.deep.include({ label: 'Revenue lifetime value, SaaS formula', value: '$1,000.00' });
    expect(headline(el).basis).to.equal('ARPA $50.00 ÷ churn 5.0%. ARPA and churn as given, per the same period. No gross margin given (gross-margin): the values are revenue, not profit.');
  });

  it('method forces the headline; one the data has no value for falls back and says so', async () => {
    const historic = await fixture<LtvForecast>(html`<ltv-forecast method="historic" arpa="50" churn="0.05" .data=${ORDERS}></ltv-forecast>`);
    await ready(historic);
    expect(historic.result!.headline).to.deep.equal({ method: 'historic', reason: 'asked' });
    expect(headline(historic).reason).to.equal('Shown as asked (method="historic").');
    const figuresOnly = await fixture<LtvForecast>(html`<ltv-forecast method="predicted" arpa="50" churn="0.05"></ltv-forecast>`);
    await ready(figuresOnly);
    expect(figuresOnly.result!.headline).to.deep.equal({ method: 'saas', reason: 'figures-only', unavailable: 'predicted' });
    expect(headline(figuresOnly).reason).to.equal('method="predicted" has no value for this data.');
    const bad = await fixture<LtvForecast>(html`<ltv-forecast method="best" .data=${ORDERS}></ltv-forecast>`);
    await ready(bad);
    expect(bad.method).to.equal('auto');
    expect(bad.warnings.find((w) => w.code === 'invalid-attribute')?.params).to.deep.equal({ attribute: 'method', value: 'best', choices: ['auto', 'predicted', 'historic', 'saas'] });
  });

  it('money has the currency\'s own decimals everywhere: yen without, dollars with two', async () => {
    const yen = await fixture<LtvForecast>(html`<ltv-forecast currency="JPY" arpa="50" churn="0.05" .data=${ORDERS}></ltv-forecast>`);
    await ready(yen);
    expect(headline(yen).value).to.equal('¥1,000');
    expect(figure(yen, 'historic')).to.match(/^¥38Net revenue/);
    expect(hiddenTable(yen)['Cohort Jan 2024']).to.equal('¥27 (4 customers)');
  });
});

describe('<ltv-forecast> gross-margin: one name, one reading', () => {
  /* ARPA 50 ÷ churn 5 % = 1,000 of revenue per customer; × the margin. */
  const cases: [string, string, string][] = [
    ['0.78', '$780.00', 'After a gross margin of 78.0%.'],
    ['78', '$780.00', 'After a gross margin of 78.0% (gross-margin="78" read as a percent).'],
    ['78 %', '$780.00', 'After a gross margin of 78.0%.'],
    ['78%', '$780.00', 'After a gross margin of 78.0%.'],
    ['0', '$0.00', 'After a gross margin of 0.0%.'],
    ['1', '$1,000.00', 'After a gross margin of 100.0%.'],
    ['100', '$1,000.00', 'After a gross margin of 100.0% (gross-margin="100" read as a percent).'],
  ];
  for (const [written, value, said] of cases) {
    it(`gross-margin="${written}" → ${value}`, async () => {
      const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0.05" gross-margin=${written}></ltv-forecast>`);
      await ready(el);
      expect(el.status, JSON.stringify(el.error)).to.equal('ready');
      expect(headline(el).value).to.equal(value);
      expect(el.getAttribute('aria-label')).to.contain(said);
      expect(el.warnings).to.deep.equal([]);
    });
  }

  for (const written of ['150', '-1', 'abc']) {
    it(`gross-margin="${written}" is refused with a message, and the value is shown as revenue`, async () => {
      const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0.05" gross-margin=${written}></ltv-forecast>`);
      await ready(el);
      expect(el.warnings.map((w) => w.params)).to.deep.equal([{ attribute: 'gross-margin', value: written, takes: 'margin' }]);
      expect(squash(root(el).querySelector('[part=notice]')!.textContent)).to.contain(
        `gross-margin="${written}" is not used: it takes a margin from 0 to 1 (0.78) or a percent up to 100 (78 %), so the default applies.`,
      );
      expect(headline(el)).to.deep.include({ label: 'Revenue lifetime value, SaaS formula', value: '$1,000.00' });
      expect(headline(el).basis).to.contain('No gross margin given');
    });
  }

  it('a margin set as a property is read the same way; one no margin reads as is an option error naming gross-margin', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0.05" .grossMargin=${78}></ltv-forecast>`);
    await ready(el);
    expect(headline(el).value).to.equal('$780.00');
    el.grossMargin = 150;
    await ready(el);
    expect(el.status).to.equal('error');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('gross-margin');
  });

  it('margin still works as a deprecated name of gross-margin, and says so', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0.05" margin="0.8"></ltv-forecast>`);
    await ready(el);
    expect(headline(el).value).to.equal('$800.00');
    expect(el.warnings.map((w) => [w.code, w.params])).to.deep.equal([['deprecated-attribute', { attribute: 'margin', value: '0.8', replacement: 'gross-margin' }]]);
    expect(squash(root(el).querySelector('[part=notice]')!.textContent)).to.contain('margin="0.8" still works but is deprecated: write gross-margin="0.8" instead.');
    // gross-margin wins when both are set; the deprecated name is still said.
    const both = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0.05" margin="0.8" gross-margin="50 %"></ltv-forecast>`);
    await ready(both);
    expect(headline(both).value).to.equal('$500.00');
    expect(both.warnings.map((w) => w.code)).to.deep.equal(['deprecated-attribute']);
  });
});
