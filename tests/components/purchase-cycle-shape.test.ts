/*
 * <purchase-cycle> given a purchase-gaps/1 document (what the command line and retention-kit/sql
 * write) draws what it draws from the orders themselves: the same bars, median, mean, window,
 * share who bought again, table and summary, for the hand-computed shop of purchase-cycle.test.ts
 * and for the real UK export; another version of the shape is refused by name.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { csvParse } from 'd3-dsv';
import '../../src/components/purchase-cycle/define.ts';
import type { PurchaseCycle } from '../../src/components/purchase-cycle/purchase-cycle.ts';
import { purchaseGapCounts } from '../../src/metrics/purchase-gaps.ts';
import { readTransactions } from '../../src/metrics/read/transactions.ts';
import { purchaseGapsShapeOf } from '../../src/metrics/shapes/purchase-gaps.ts';
import { UK_EXPORT_URL, fixtureText } from '../fixtures/text.ts';

/** The shop of purchase-cycle.test.ts: gaps 2, 2, 3, 7, 10, 30 of 4 of the 5 customers; median 5, mean 9. */
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

/** The same shop as a warehouse would hand it over, written by hand from the comment above. */
const ORDERS_DOCUMENT = {
  shape: 'purchase-gaps/1',
  asOf: '2024-02-04',
  customersWithPurchase: 5,
  customersWithRepeat: 4,
  gapCount: 6,
  median: 5,
  gaps: [
    { days: 2, count: 2 },
    { days: 3, count: 1 },
    { days: 7, count: 1 },
    { days: 10, count: 1 },
    { days: 30, count: 1 },
  ],
};

const FIELDS = { customer: 'Customer ID', date: 'InvoiceDate', order: 'Invoice', quantity: 'Quantity', unitPrice: 'Price' };

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tableRows = (el: Element) => [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));
const barHeights = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="bar"]')].map((bar) => bar.getAttribute('height'));

async function drawn(template: unknown): Promise<PurchaseCycle> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:640px">${template}</div>`);
  const el = box.querySelector('purchase-cycle')!;
  await waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 30_000 });
  if (el.status === 'ready') await waitUntil(() => el.shadowRoot!.querySelector('.chart > svg'), 'chart was not drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Everything a reader sees: the figures, the legend, the bars, the table and the summary. */
function seen(el: PurchaseCycle) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  const { median, mean, min, max, gapCount, customersWithRepeat, customersWithPurchase, histogram, suggestedWindowDays } = el.result!;
  return {
    figures: { median, mean, min, max, gapCount, customersWithRepeat, customersWithPurchase, histogram, suggestedWindowDays },
    legend: ['median', 'mean', 'window', 'repeat-rate', 'few-note'].map((name) => text(el, name)),
    bars: barHeights(el),
    table: tableRows(el),
    summary: el.getAttribute('aria-label'),
  };
}

describe('<purchase-cycle> reads a purchase-gaps/1 document', () => {
  it('the hand-computed shop: the document written by hand draws what the orders draw', async () => {
    for (const binWidth of [7, 1, 3]) {
      const fromOrders = seen(await drawn(html`<purchase-cycle .data=${ORDERS} bin-width=${binWidth}></purchase-cycle>`));
      const fromDocument = seen(await drawn(html`<purchase-cycle .data=${ORDERS_DOCUMENT} bin-width=${binWidth}></purchase-cycle>`));
      expect(fromDocument).to.deep.equal(fromOrders);
      expect(fromDocument.legend.slice(0, 3)).to.deep.equal(['5 days', '9 days', '15 days']);
    }
  });

  it('a JSON attribute, as a CMS page would paste it', async () => {
    const el = await drawn(html`<purchase-cycle data=${JSON.stringify(ORDERS_DOCUMENT)}></purchase-cycle>`);
    expect(text(el, 'repeat-rate')).to.equal('Bought again on another day 80.0% (95% interval 37.6% – 96.4%), 4 of 5 customers');
    expect(el.suggestedWindowDays).to.equal(15);
  });

  it('the real UK export: the engine\'s document, through JSON, draws what the 525,461 order lines draw', async () => {
    const records = csvParse(await fixtureText(UK_EXPORT_URL));
    const table = readTransactions(records, { fields: FIELDS });
    if (!table.ok) throw new Error(JSON.stringify(table.error));
    const counts = purchaseGapCounts(table.value);
    if (!counts.ok) throw new Error(JSON.stringify(counts.error));
    const document = JSON.parse(JSON.stringify(purchaseGapsShapeOf(counts.value, { asOfDay: table.value.lastDay })));
    const fromOrders = seen(
      await drawn(html`<purchase-cycle .data=${records} customer-key=${FIELDS.customer} date-key=${FIELDS.date} order-key=${FIELDS.order} quantity-key=${FIELDS.quantity} price-key=${FIELDS.unitPrice}></purchase-cycle>`),
    );
    const fromDocument = seen(await drawn(html`<purchase-cycle .data=${document}></purchase-cycle>`));
    expect(fromDocument).to.deep.equal(fromOrders);
    expect(fromDocument.figures.median).to.equal(28);
    expect(fromDocument.figures.suggestedWindowDays).to.equal(84);
    expect(fromDocument.legend[3]).to.equal('Bought again on another day 65.3% (95% interval 63.9% – 66.7%), 2,818 of 4,314 customers');
    expect(fromDocument.table.length).to.be.greaterThan(5);
  });

  it('a document of another version is refused by name; one that does not add up, by its figure', async () => {
    const other = await drawn(html`<purchase-cycle .data=${{ ...ORDERS_DOCUMENT, shape: 'purchase-gaps/2' }}></purchase-cycle>`);
    expect(other.status).to.equal('error');
    expect(other.shadowRoot!.textContent).to.match(/purchase-gaps\/1/);
    const wrong = await drawn(html`<purchase-cycle .data=${{ ...ORDERS_DOCUMENT, median: 3 }}></purchase-cycle>`);
    expect(wrong.status).to.equal('error');
    expect(wrong.shadowRoot!.textContent).to.match(/median/);
  });
});
