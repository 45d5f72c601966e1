/**
 * One verdict (#12): the same data in <retention-gauge>, <churn-trend> and
 * <kpi-tile metric="customer-churn">, at month and quarter granularity, must
 * give the same churn for the same period and the same verdict (healthy /
 * needs action / none while warming up), all three judged by the one table in
 * metrics/benchmarks.ts. Data: a small hand-made set whose figures are worked
 * out below, the CDNOW sample (2,357 real customers, 1997–1998) and the UK
 * online retailer's export (525,461 order lines, gzipped, shared by one
 * <retention-source>).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/churn-trend/define.ts';
import '../../src/components/kpi-tile/define.ts';
import '../../src/components/retention-source/define.ts';
import type { RetentionGauge } from '../../src/components/retention-gauge/retention-gauge.ts';
import type { ChurnTrend } from '../../src/components/churn-trend/churn-trend.ts';
import type { KpiTile } from '../../src/components/kpi-tile/kpi-tile.ts';
import type { Granularity } from '../../src/metrics/calendar/calendar.ts';
import { churnActionLevel } from '../../src/metrics/benchmarks.ts';

type Tone = 'good' | 'bad' | 'none';

interface KitElement extends HTMLElement {
  status: string;
  error?: unknown;
  updateComplete: Promise<boolean>;
}

async function ready<T extends KitElement>(el: T, timeout = 60_000): Promise<T> {
  await waitUntil(() => el.status === 'ready' || el.status === 'error', `<${el.localName}> did not settle`, { timeout });
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  await el.updateComplete;
  return el;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const toneOf = (element: Element | null): Tone => (element?.classList.contains('bad') ? 'bad' : element?.classList.contains('good') ? 'good' : 'none');

/** The trend's verdict of every period as its hidden table words it (the last column). */
function trendVerdicts(trend: ChurnTrend): Tone[] {
  const words: Record<string, Tone> = { Healthy: 'good', 'Needs action': 'bad', 'No verdict': 'none', '–': 'none' };
  return [...trend.shadowRoot!.querySelectorAll('table tbody tr')].map((row) => words[row.lastElementChild!.textContent!.trim()]);
}

interface Agreement {
  key: string;
  churn: number | null;
  verdict: Tone;
}

/** Mounts the three elements on the same data and checks, period by period, that they agree; returns the agreed readings. */
async function expectAgreement(granularity: Granularity, mount: (granularity: Granularity) => Promise<HTMLElement>): Promise<Agreement[]> {
  const box = await mount(granularity);
  const trend = await ready(box.querySelector<ChurnTrend>('churn-trend')!);
  const gauge = await ready(box.querySelector<RetentionGauge>('retention-gauge')!);
  const tile = await ready(box.querySelector<KpiTile>('kpi-tile[metric="customer-churn"]')!);
  const retentionTile = await ready(box.querySelector<KpiTile>('kpi-tile[metric="crr"]')!);
  const points = trend.result!.points;
  // One activity window for all three (suggested from the same data, or the same attribute).
  expect(gauge.result!.windowDays).to.equal(trend.result!.windowDays);
  expect(tile.result!.windowDays).to.equal(trend.result!.windowDays);
  expect(trend.effectiveThreshold).to.be.closeTo(churnActionLevel(granularity), 1e-12);

  // The tile and the gauge show the same default period: the last complete one with a measured churn.
  expect(gauge.result!.period).to.equal(tile.result!.period);
  if (!tile.result!.censored) expect(toneOf(part(gauge, 'band'))).to.equal(toneOf(part(tile, 'benchmark')));
  // A retention tile of the same period is judged on the same churn, whatever returning customers do to its CRR.
  expect(retentionTile.result!.period).to.equal(tile.result!.period);
  expect(toneOf(part(retentionTile, 'benchmark'))).to.equal(toneOf(part(tile, 'benchmark')));
  if (!tile.result!.censored) expect(retentionTile.result!.churn).to.be.closeTo(tile.result!.value!, 1e-12);

  const verdicts = trendVerdicts(trend);
  const tilePoints = new Map(tile.result!.points.map((p) => [p.key, p]));
  const readings: Agreement[] = [];
  for (const [i, point] of points.entries()) {
    // No customers at the start (the first period): no rate anywhere, and the gauge says it cannot compute one.
    if (point.start === 0) continue;
    gauge.period = point.key;
    await waitUntil(() => gauge.result?.period === point.key && gauge.status === 'ready', `gauge did not move to ${point.key}`, { timeout: 30_000 });
    await gauge.updateComplete;
    const gaugeTone = toneOf(part(gauge, 'band'));
    const tilePoint = tilePoints.get(point.key);
    if (point.censored) {
      // Warming up: no value in the trend or the tile, no verdict in any of the three.
      expect(point.rate, point.key).to.equal(null);
      expect(gauge.result!.censored, point.key).to.equal(true);
      expect(part(gauge, 'band')!.textContent, point.key).to.equal('No verdict');
      expect(verdicts[i], point.key).to.equal('none');
      if (tilePoint) expect([tilePoint.value, tilePoint.censored], point.key).to.deep.equal([null, true]);
      readings.push({ key: point.key, churn: null, verdict: 'none' });
      continue;
    }
    expect(gauge.result!.churn, point.key).to.be.closeTo(point.rate!, 1e-12);
    expect(gauge.result!.lost, point.key).to.equal(point.lost);
    expect(gauge.result!.start, point.key).to.equal(point.start);
    if (tilePoint) expect(tilePoint.value, point.key).to.be.closeTo(point.rate!, 1e-12);
    expect(gaugeTone, point.key).to.equal(verdicts[i]);
    expect(trend.verdictOf(point) ?? 'none', point.key).to.equal(verdicts[i]);
    // A running period is measured so far: churn agrees, but nobody judges it against a whole period's benchmark.
    if (!point.complete) expect([gaugeTone, part(gauge, 'band')!.textContent], point.key).to.deep.equal(['none', 'No verdict']);
    if (point.key === tile.result!.period) expect(toneOf(part(tile, 'benchmark')), point.key).to.equal(gaugeTone);
    readings.push({ key: point.key, churn: point.rate, verdict: gaugeTone });
  }
  return readings;
}

/*
 * The hand-made set (the gauge's orders fixture), window 30 days:
 * - months: January starts Jan 1, its window back to Dec 2 reaches before the first purchase (Dec 15): warming up.
 *   February: S = 5 (a, b, c, d, f), lost 2 (c, d) → churn 40 % > 7 %: needs action. March is running (data end
 *   Mar 5): measured so far, its churn and verdict agree too.
 * - quarters: Q4 2023 and Q1 2024 both start with a window reaching before Dec 15: warming up, no verdict at all.
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

/** The three elements on `records`; `windowDays` undefined lets each suggest the window from the data. */
function mountRecords(records: unknown[], windowDays?: number) {
  return (granularity: Granularity) =>
    fixture<HTMLDivElement>(html`<div style="width: 640px">
      <churn-trend granularity=${granularity} window-days=${ifDefined(windowDays)} .data=${records}></churn-trend>
      <retention-gauge granularity=${granularity} window-days=${ifDefined(windowDays)} .data=${records}></retention-gauge>
      <kpi-tile metric="customer-churn" periods="60" granularity=${granularity} window-days=${ifDefined(windowDays)} .data=${records}></kpi-tile>
      <kpi-tile metric="crr" granularity=${granularity} window-days=${ifDefined(windowDays)} .data=${records}></kpi-tile>
    </div>`);
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

const summary = (readings: Agreement[]) =>
  readings.map((r) => `${r.key} ${r.churn === null ? 'warm-up' : `${(r.churn * 100).toFixed(1)} %`} ${r.verdict}`).join(', ');

describe('one verdict: gauge, trend and KPI tile agree on the same data', () => {
  it('hand-made set, months: February 40 % needs action in all three; January warming up in all three', async function () {
    this.timeout(60_000);
    const readings = await expectAgreement('month', mountRecords(ORDERS, 30));
    expect(readings.find((r) => r.key === '2024-01')).to.deep.equal({ key: '2024-01', churn: null, verdict: 'none' });
    expect(readings.find((r) => r.key === '2024-02')).to.deep.equal({ key: '2024-02', churn: 0.4, verdict: 'bad' });
  });

  it('hand-made set, quarters: every quarter is warming up, so nobody gives a verdict', async function () {
    this.timeout(60_000);
    const readings = await expectAgreement('quarter', mountRecords(ORDERS, 30));
    expect(readings.map((r) => r.verdict)).to.deep.equal(readings.map(() => 'none'));
  });

  for (const granularity of ['month', 'quarter'] as const) {
    it(`CDNOW sample (2,357 customers), ${granularity}s, window suggested from the data`, async function () {
      this.timeout(120_000);
      const records = await cdnowRecords();
      const readings = await expectAgreement(granularity, mountRecords(records));
      console.log(`CDNOW ${granularity}s: ${summary(readings)}`);
      // The first periods are warm-up; the rest carry churn and a verdict.
      expect(readings[0].verdict).to.equal('none');
      expect(readings.filter((r) => r.churn !== null).length).to.be.greaterThan(granularity === 'month' ? 6 : 1);
    });
  }

  for (const granularity of ['month', 'quarter'] as const) {
    it(`UK online retailer (525,461 order lines, one shared download), ${granularity}s`, async function () {
      this.timeout(240_000);
      const mount = (g: Granularity) =>
        fixture<HTMLDivElement>(html`<div style="width: 640px">
          <retention-source id="uk-${g}" src="/tests/fixtures/online-retail/online-retail-ii-2009-2010.csv.gz"></retention-source>
          <churn-trend granularity=${g} source="uk-${g}" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></churn-trend>
          <retention-gauge granularity=${g} source="uk-${g}" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></retention-gauge>
          <kpi-tile metric="customer-churn" periods="60" granularity=${g} source="uk-${g}" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></kpi-tile>
          <kpi-tile metric="crr" granularity=${g} source="uk-${g}" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></kpi-tile>
        </div>`);
      const readings = await expectAgreement(granularity, mount);
      console.log(`UK export ${granularity}s: ${summary(readings)}`);
      expect(readings.some((r) => r.churn !== null)).to.equal(true);
    });
  }
});
