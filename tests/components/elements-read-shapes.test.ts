/**
 * The elements that draw the customer-count and cohort families read their versioned
 * shapes (#14), in the page: <retention-gauge> and <kpi-tile> given the period-counts/1
 * document, and <retention-curve> the cohort-matrix/1 document, that the command line
 * wrote from the UK export (demo/warehouse/, checked against its output by
 * tests/sql/cli.test.mjs) show the numbers the same elements compute from the export
 * itself. Another version is refused by name; an attribute the document contradicts is
 * said, naming the attribute and the document's value.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/retention-source/define.ts';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/retention-curve/define.ts';
import '../../src/components/kpi-tile/define.ts';
import '../../src/components/churn-trend/define.ts';
import '../../src/components/cohort-heatmap/define.ts';
import type { RetentionGauge } from '../../src/components/retention-gauge/retention-gauge.ts';
import type { RetentionCurve } from '../../src/components/retention-curve/retention-curve.ts';
import type { KpiTile } from '../../src/components/kpi-tile/kpi-tile.ts';
import type { ChurnTrend } from '../../src/components/churn-trend/churn-trend.ts';
import type { CohortHeatmap } from '../../src/components/cohort-heatmap/cohort-heatmap.ts';
import { csvParse } from 'd3-dsv';
import { UK_EXPORT_URL, fixtureText } from '../fixtures/text.ts';
import { readTransactions } from '../../src/metrics/read/transactions.ts';
import { readSubscriptions } from '../../src/metrics/subscriptions.ts';
import { revenueMovements } from '../../src/metrics/revenue-movements.ts';
import { purchaseMetricSeries } from '../../src/metrics/kpi-series.ts';
import { revenueMovementsShapeOf } from '../../src/metrics/shapes/revenue-movements.ts';
import { repeatCountsShapeOf } from '../../src/metrics/shapes/repeat-counts.ts';
import type { Result } from '../../src/metrics/issues.ts';
import { settled } from './settled.ts';

/** Monthly customer counts with an 84-day window (the export's suggested one), and the monthly count matrix. */
const PERIOD_COUNTS = '/demo/warehouse/online-retail-periods.json';
const COHORT_MATRIX = '/demo/warehouse/online-retail-cohort.json';

type KitElement = HTMLElement & { status: string; updateComplete: Promise<boolean>; result?: unknown; error?: { message: string } };

/** The text of every part named, in order: what a reader sees. */
function partTexts(el: HTMLElement, parts: readonly string[]): string[] {
  return parts.flatMap((part) => [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)].map((node) => `${part}: ${node.textContent!.replace(/\s+/g, ' ').trim()}`));
}

/** The hidden data table's cells, row by row. */
function tableText(el: HTMLElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part="table"] tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
}

/** The model without the fields that only say where it came from. */
function figures(result: unknown): Record<string, unknown> {
  const { input, windowSource, ...rest } = result as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest));
}

async function both<T extends KitElement>(container: HTMLElement, selector: string): Promise<[T, T]> {
  const [fromOrders, fromDocument] = [...container.querySelectorAll<T>(selector)];
  await settled(fromOrders, 120_000);
  await settled(fromDocument, 20_000);
  expect(fromOrders.status, (fromOrders.error?.message ?? '') + ' (orders)').to.equal('ready');
  expect(fromDocument.status, (fromDocument.error?.message ?? '') + ' (document)').to.equal('ready');
  return [fromOrders, fromDocument];
}

async function errorText(el: KitElement): Promise<string> {
  await settled(el, 20_000);
  expect(el.status).to.equal('error');
  return el.shadowRoot!.querySelector('[part="message"]')!.textContent!.replace(/\s+/g, ' ');
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The tiles of each pair (computed, from a document) show the same figures and table. */
async function expectSameTiles(tiles: KpiTile[]): Promise<void> {
  for (let i = 0; i < tiles.length; i += 2) {
    const [computed, shape] = [tiles[i], tiles[i + 1]];
    await settled(computed, 120_000);
    await settled(shape, 20_000);
    expect(computed.status, computed.error?.message).to.equal('ready');
    expect(shape.status, shape.error?.message).to.equal('ready');
    expect(figures(shape.result), computed.metric).to.deep.equal(figures(computed.result));
    const parts = ['subtitle', 'value', 'interval', 'delta', 'benchmark', 'caution'];
    expect(partTexts(shape, parts), computed.metric).to.deep.equal(partTexts(computed, parts));
    expect(partTexts(shape, ['value'])[0], computed.metric).to.match(/\d/);
    expect(tableText(shape), computed.metric).to.deep.equal(tableText(computed));
  }
}

const ORDERS = (id: string) => html`<retention-source id=${id} src=${UK_EXPORT_URL}></retention-source>`;

describe('elements read their versioned shapes (#14) and draw what they compute from the UK export', function () {
  this.timeout(240_000);

  it('<retention-gauge> with a period-counts/1 document: the same rate, churn, interval, change, verdict and table', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 420px">
      ${ORDERS('uk-gauge')}
      <retention-gauge source="uk-gauge" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></retention-gauge>
      <retention-gauge src=${PERIOD_COUNTS}></retention-gauge>
    </div>`);
    const [orders, document] = await both<RetentionGauge>(box, 'retention-gauge');
    expect(figures(document.result)).to.deep.equal(figures(orders.result));
    expect(document.verdict).to.deep.equal(orders.verdict);
    const parts = ['subtitle', 'value', 'interval', 'churn', 'delta', 'band', 'caution', 'reactivated'];
    expect(partTexts(document, parts)).to.deep.equal(partTexts(orders, parts));
    expect(partTexts(document, ['subtitle', 'churn'])).to.deep.equal(['subtitle: Nov 2010', 'churn: Churn 10.4%']);
    // The window note says where its 84 days come from: the document, not a suggestion.
    expect(partTexts(document, ['window'])[0]).to.contain('84 days').and.contain('the window the period counts were made with');
    const withoutWindow = (rows: string[]) => rows.filter((row) => !row.startsWith('Activity window'));
    expect(withoutWindow(tableText(document))).to.deep.equal(withoutWindow(tableText(orders)));
  });

  it('<retention-gauge> picks a period of the document as of the orders, the running December included', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 420px">
      ${ORDERS('uk-gauge-running')}
      <retention-gauge period="2010-12" window-days="84" source="uk-gauge-running" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></retention-gauge>
      <retention-gauge period="2010-12" window-days="84" granularity="month" src=${PERIOD_COUNTS}></retention-gauge>
    </div>`);
    const [orders, document] = await both<RetentionGauge>(box, 'retention-gauge');
    expect(figures(document.result)).to.deep.equal(figures(orders.result));
    const parts = ['subtitle', 'value', 'churn', 'band', 'caution'];
    expect(partTexts(document, parts)).to.deep.equal(partTexts(orders, parts));
    expect(partTexts(document, ['subtitle'])[0]).to.contain('(period still running)');
  });

  it('<retention-curve> with a cohort-matrix/1 document: the same curves, average and table', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px">
      ${ORDERS('uk-curve')}
      <retention-curve source="uk-curve" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></retention-curve>
      <retention-curve src=${COHORT_MATRIX}></retention-curve>
    </div>`);
    const [orders, document] = await both<RetentionCurve>(box, 'retention-curve');
    expect(figures(document.result)).to.deep.equal(figures(orders.result));
    expect(tableText(document)).to.deep.equal(tableText(orders));
    expect(tableText(document).length).to.be.greaterThan(10);
  });

  it('<kpi-tile> with a period-counts/1 document: customer-churn, crr and active-customers as from the orders', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px">
      ${ORDERS('uk-tiles')}
      ${['customer-churn', 'crr', 'active-customers'].map(
        (metric) => html`<kpi-tile metric=${metric} window-days="84" source="uk-tiles" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></kpi-tile>
          <kpi-tile metric=${metric} src=${PERIOD_COUNTS}></kpi-tile>`,
      )}
    </div>`);
    const tiles = [...box.querySelectorAll<KpiTile>('kpi-tile')];
    await expectSameTiles(tiles);
    expect(partTexts(tiles[1], ['value'])).to.deep.equal(['value: 10.4%']);
  });

  it('<kpi-tile> with a revenue-movements/1 document: nrr, grr, revenue-churn, arpa, customer-churn, crr as from the Stripe export', async () => {
    const STRIPE = '/tests/fixtures/exports/stripe-subscriptions.csv';
    const keys = { customer: 'Customer ID', start: 'Start Date (UTC)', end: 'Ended At (UTC)', mrr: 'Amount', plan: 'Plan' };
    const subscriptions = value(readSubscriptions(csvParse(await fixtureText(STRIPE)), { fields: keys }));
    // The tile judges a subscription period complete by the clock: the document's as-of is today.
    const asOfDay = Math.floor(Date.now() / 86_400_000);
    const document = JSON.parse(JSON.stringify(revenueMovementsShapeOf(value(revenueMovements(subscriptions, { granularity: 'month' })), { asOfDay })));
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px">
      ${['nrr', 'grr', 'revenue-churn', 'arpa', 'customer-churn', 'crr'].map(
        (metric) => html`<kpi-tile metric=${metric} input="subscriptions" src=${STRIPE} customer-key=${keys.customer} start-key=${keys.start} end-key=${keys.end} mrr-key=${keys.mrr} plan-key=${keys.plan}></kpi-tile>
          <kpi-tile metric=${metric} .data=${document}></kpi-tile>`,
      )}
    </div>`);
    await expectSameTiles([...box.querySelectorAll<KpiTile>('kpi-tile')]);
  });

  it('<kpi-tile> with the nps-periods/1 document the command line wrote: nps as from the Delighted export', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <kpi-tile metric="nps" src="/tests/fixtures/surveys/delighted-nps-responses.csv" customer-key="person" date-key="created_at" score-key="score"></kpi-tile>
      <kpi-tile metric="nps" src="/tests/fixtures/surveys/delighted-nps-periods.json"></kpi-tile>
    </div>`);
    await expectSameTiles([...box.querySelectorAll<KpiTile>('kpi-tile')]);
  });

  it('<kpi-tile> with a repeat-counts/1 document: repeat-purchase-rate and loyal-customer-rate as from the UK export', async () => {
    const fields = { customer: 'Customer ID', date: 'InvoiceDate', order: 'Invoice', quantity: 'Quantity', unitPrice: 'Price' };
    const table = value(readTransactions(csvParse(await fixtureText(UK_EXPORT_URL)), { fields }));
    const series = (metric: 'repeat-purchase-rate' | 'loyal-customer-rate') => value(purchaseMetricSeries(table, { metric, granularity: 'month', loyaltyThreshold: 3 }));
    const document = JSON.parse(
      JSON.stringify(repeatCountsShapeOf({ repeat: series('repeat-purchase-rate'), loyal: series('loyal-customer-rate') }, { granularity: 'month', asOfDay: table.lastDay, loyaltyThreshold: 3 })),
    );
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px">
      ${ORDERS('uk-repeat')}
      ${['repeat-purchase-rate', 'loyal-customer-rate'].map(
        (metric) => html`<kpi-tile metric=${metric} source="uk-repeat" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></kpi-tile>
          <kpi-tile metric=${metric} .data=${document}></kpi-tile>`,
      )}
    </div>`);
    await expectSameTiles([...box.querySelectorAll<KpiTile>('kpi-tile')]);
  });

  it('another version is refused by name', async () => {
    const periods = await (await fetch(PERIOD_COUNTS)).json();
    const matrix = await (await fetch(COHORT_MATRIX)).json();
    const gauge = await fixture<RetentionGauge>(html`<retention-gauge .data=${{ ...periods, shape: 'period-counts/2' }}></retention-gauge>`);
    expect(await errorText(gauge)).to.contain('"period-counts/1", the version this kit reads').and.contain('"period-counts/2"');
    const tile = await fixture<KpiTile>(html`<kpi-tile metric="crr" .data=${{ ...periods, shape: 'period-counts/2' }}></kpi-tile>`);
    expect(await errorText(tile)).to.contain('period-counts/1').and.contain('"period-counts/2"');
    const curve = await fixture<RetentionCurve>(html`<retention-curve .data=${{ ...matrix, shape: 'cohort-matrix/2' }}></retention-curve>`);
    expect(await errorText(curve)).to.contain('"cohort-matrix/1", the version this kit reads').and.contain('"cohort-matrix/2"');
  });

  it('a document that contradicts an attribute, or holds no figure of the metric, is said naming both', async () => {
    const quarter = await fixture<RetentionGauge>(html`<retention-gauge granularity="quarter" src=${PERIOD_COUNTS}></retention-gauge>`);
    expect(await errorText(quarter)).to.contain('granularity').and.contain('"month", as the period-counts/1 document was counted (or leave granularity out)').and.contain('"quarter"');
    const window = await fixture<RetentionGauge>(html`<retention-gauge window-days="90" src=${PERIOD_COUNTS}></retention-gauge>`);
    expect(await errorText(window)).to.contain('window-days').and.contain('84, as the period-counts/1 document was counted (or leave window-days out)');
    // The same rule in the trend and the heatmap; set as a property, as frameworks set it, the attribute is the page's too.
    const trend = await fixture<ChurnTrend>(html`<churn-trend granularity="quarter" src=${PERIOD_COUNTS}></churn-trend>`);
    expect(await errorText(trend)).to.contain('granularity').and.contain('"month", as the period-counts/1 document was counted').and.contain('"quarter"');
    const heatmap = await fixture<CohortHeatmap>(html`<cohort-heatmap .granularity=${'quarter'} src=${COHORT_MATRIX}></cohort-heatmap>`);
    expect(await errorText(heatmap)).to.contain('granularity').and.contain('as the cohort-matrix/1 document was counted').and.contain('"quarter"');
    const tile = await fixture<KpiTile>(html`<kpi-tile metric="nrr" src=${PERIOD_COUNTS}></kpi-tile>`);
    expect(await errorText(tile)).to.contain('metric').and.contain('for a period-counts/1 document').and.contain('"nrr"');
    const weekly = await fixture<KpiTile>(html`<kpi-tile metric="crr" granularity="week" src=${PERIOD_COUNTS}></kpi-tile>`);
    expect(await errorText(weekly)).to.contain('granularity').and.contain('"month"').and.contain('"week"');
    const onOrAfter = await fixture<RetentionCurve>(html`<retention-curve mode="on-or-after" src=${COHORT_MATRIX}></retention-curve>`);
    expect(await errorText(onOrAfter)).to.contain('mode').and.contain('cohort-matrix/1').and.contain('"on-or-after"');
  });
});
