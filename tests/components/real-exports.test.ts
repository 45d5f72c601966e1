/**
 * Real exports as downloaded (tests/fixtures/exports/: Shopify, Stripe, Etsy,
 * WooCommerce, an event log, and spreadsheet re-saves of them) go through
 * `src` into the elements they can feed, with nothing but their preset. The
 * expected figures come from expected.json, written by expected.py, a plain
 * second implementation in Python that shares no code with the kit.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/cohort-heatmap/define.ts';
import '../../src/components/retention-curve/define.ts';
import '../../src/components/purchase-cycle/define.ts';
import '../../src/components/churn-trend/define.ts';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/ltv-forecast/define.ts';
import '../../src/components/revenue-movements/define.ts';
import { execute } from '../../src/engine/worker.ts';
import { transactionTableFor } from '../../src/engine/table-cache.ts';
import type { ReadingOptions } from '../../src/metrics/read/reading.ts';
import { ok, type Result } from '../../src/metrics/issues.ts';
import { repeatPurchaseRate, revenueSummary } from '../../src/metrics/purchases.ts';
import { readSubscriptions } from '../../src/metrics/subscriptions.ts';
import type { CohortHeatmap } from '../../src/components/cohort-heatmap/cohort-heatmap.ts';
import type { HeatmapModel } from '../../src/engine/jobs/cohort-heatmap.ts';
import { settled } from './settled.ts';

const EXPORTS = '/tests/fixtures/exports';

interface ExpectedOrders {
  preset: string;
  customers: number;
  purchases: number;
  repeatCustomers: number;
  ignoredRows: number;
  revenueByCurrency?: Record<string, number>;
  cohorts: Record<string, number[]>;
}

interface ExpectedSubscriptions {
  preset: string;
  subscriptions: number;
  customers: number;
}

let expected: Record<string, ExpectedOrders & Partial<ExpectedSubscriptions>>;

before(async () => {
  expected = await (await fetch(`${EXPORTS}/expected.json`)).json();
});

/** The engine's own path for a downloaded file: parse, add what the file says about reading it, run. */
async function engineRead<T>(file: string, reading: ReadingOptions, job: (rows: unknown, options: { reading?: ReadingOptions }) => Result<T>) {
  const url = new URL(`${EXPORTS}/${file}`, document.baseURI).href;
  const outcome = await execute({ job: job as (rows: unknown, options: unknown) => Result<T>, input: { kind: 'url', url, origin: file }, options: { reading } });
  if (outcome === 'aborted') throw new Error('aborted');
  return outcome;
}

const ORDER_FILES = [
  'shopify-orders.csv',
  'shopify-orders-excel-de.csv',
  'stripe-payments.csv',
  'stripe-payments-us-excel.csv',
  'etsy-orders.csv',
  'etsy-orders-tab.csv',
  'woocommerce-orders.csv',
  'woocommerce-orders-bom-crlf.csv',
  'events.csv',
];

describe('real exports as downloaded, read with their preset', () => {
  for (const file of ORDER_FILES) {
    it(`${file}: customers, purchases, repeat customers, left-out rows and revenue per currency`, async () => {
      const want = expected[file];
      const outcome = await engineRead(file, { preset: want.preset }, (rows, options) => {
        const table = transactionTableFor(rows, { reading: options.reading });
        if (!table.ok) return table;
        const repeat = repeatPurchaseRate(table.value);
        if (!repeat.ok) return repeat;
        const currencies = Object.keys(want.revenueByCurrency ?? {}).filter((code) => code !== '(none)');
        const revenue: Record<string, number> = {};
        for (const currency of currencies.length ? currencies : ['(none)']) {
          const again = transactionTableFor(rows, { reading: { ...options.reading, currency: currency === '(none)' ? undefined : currency } });
          if (!again.ok) return again;
          const summary = table.value.hasMoney ? revenueSummary(again.value) : undefined;
          if (summary?.ok) revenue[currency] = Math.round(summary.value.netRevenue * 100) / 100;
        }
        return ok({ repeat: repeat.value, revenue, hasMoney: table.value.hasMoney, currency: table.value.currency }, table.warnings);
      });
      expect(outcome.ok, JSON.stringify(!outcome.ok && outcome.error)).to.equal(true);
      if (!outcome.ok) return;
      const value = outcome.value as { repeat: { customers: number; repeatCustomers: number }; revenue: Record<string, number>; hasMoney: boolean };
      expect(value.repeat.customers, 'customers with a purchase').to.equal(want.customers);
      // An event log has no purchases to repeat: expected.py counts customers and events only.
      if (want.repeatCustomers !== undefined) expect(value.repeat.repeatCustomers, 'repeat customers').to.equal(want.repeatCustomers);
      expect(value.hasMoney, 'money column').to.equal(want.revenueByCurrency !== undefined);
      if (want.revenueByCurrency) expect(value.revenue).to.deep.equal(want.revenueByCurrency);
      const leftOut = outcome.warnings.filter((w) => w.code === 'ignored-status' || w.code === 'missing-customer').reduce((sum, w) => sum + w.count, 0);
      expect(leftOut, 'rows left out (ignored statuses, no customer)').to.equal(want.ignoredRows);
    });

    it(`${file}: <cohort-heatmap src preset> draws the cohorts of the plain computation`, async () => {
      const want = expected[file];
      const el = await fixture<CohortHeatmap>(html`<cohort-heatmap src=${`${EXPORTS}/${file}`} preset=${want.preset} value="count" as-of="2024-12-31"></cohort-heatmap>`);
      await settled(el, 10_000);
      expect(el.status, el.error?.message).to.equal('ready');
      const model = el.result as HeatmapModel;
      const drawn = Object.fromEntries(model.cohorts.map((cohort) => [cohort.key, cohort.cells.filter((cell): cell is number => cell !== null)]));
      for (const [key, cells] of Object.entries(want.cohorts)) {
        expect(drawn[key]?.slice(0, cells.length), `cohort ${key}`).to.deep.equal(cells);
      }
      expect(Object.keys(drawn)).to.deep.equal(Object.keys(want.cohorts));
    });
  }

  it('a file in two currencies shows one, says so, and never sums them (stripe-payments.csv)', async () => {
    const el = await fixture<CohortHeatmap>(html`<cohort-heatmap src="${EXPORTS}/stripe-payments.csv" preset="stripe-payments" value="revenue"></cohort-heatmap>`);
    await settled(el, 10_000);
    expect(el.status, el.error?.message).to.equal('ready');
    const note = el.warnings.find((w) => w.code === 'other-currency');
    expect(note?.message).to.contain('EUR').and.contain('USD');
    expect(el.format.currencyCode, 'money is shown in the currency most orders are in').to.equal('USD');
    el.currency = 'EUR';
    await settled(el, 10_000);
    expect(el.warnings.find((w) => w.code === 'other-currency')?.message).to.contain('in USD count as activity');
    expect(el.format.currencyCode).to.equal('EUR');
  });

  it('an event log (no money) feeds everything that counts customers, and says what needs money', async () => {
    const src = `${EXPORTS}/events.csv`;
    const counting = await fixture(html`<div>
      <retention-curve src=${src} preset="events"></retention-curve>
      <purchase-cycle src=${src} preset="events"></purchase-cycle>
      <churn-trend src=${src} preset="events" window-days="30"></churn-trend>
      <retention-gauge src=${src} preset="events" window-days="30"></retention-gauge>
    </div>`);
    for (const el of counting.children as unknown as (HTMLElement & { status: string; error?: { message: string }; updateComplete: Promise<boolean> })[]) {
      await settled(el, 10_000);
      expect(el.status, `<${el.localName}>: ${el.error?.message}`).to.equal('ready');
    }
    const ltv = await fixture<HTMLElement & { status: string; error?: { message: string }; updateComplete: Promise<boolean> }>(html`<ltv-forecast src=${src} preset="events"></ltv-forecast>`);
    await settled(ltv, 10_000);
    expect(ltv.status).to.equal('error');
    expect(ltv.error?.message).to.contain('money column');
  });

  it('stripe-subscriptions.csv: every subscription read, and the subscription elements draw it', async () => {
    const want = expected['stripe-subscriptions.csv'];
    const outcome = await engineRead('stripe-subscriptions.csv', { preset: 'stripe-subscriptions' }, (rows, options) => readSubscriptions(rows as unknown[], { reading: options.reading }));
    expect(outcome.ok, JSON.stringify(!outcome.ok && outcome.error)).to.equal(true);
    if (!outcome.ok) return;
    const subscriptions = outcome.value as { customer: string }[];
    expect(subscriptions.length).to.equal(want.subscriptions);
    expect(new Set(subscriptions.map((s) => s.customer)).size).to.equal(want.customers);
    const src = `${EXPORTS}/stripe-subscriptions.csv`;
    const box = await fixture(html`<div>
      <revenue-movements src=${src} preset="stripe-subscriptions"></revenue-movements>
      <churn-trend src=${src} preset="stripe-subscriptions"></churn-trend>
    </div>`);
    for (const el of box.children as unknown as (HTMLElement & { status: string; error?: { message: string }; updateComplete: Promise<boolean> })[]) {
      await settled(el, 10_000);
      expect(el.status, `<${el.localName}>: ${el.error?.message}`).to.equal('ready');
    }
  });
});
