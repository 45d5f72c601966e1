import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readInvoices } from '../../src/metrics/invoices.ts';
import { averageRevenuePerAccount, dsoSeries, purchaseMetricSeries } from '../../src/metrics/kpi-series.ts';
import { repeatPurchaseRate } from '../../src/metrics/purchases.ts';
import { readTransactions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

const NOW = Date.UTC(2030, 0, 1);

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/*
 * Shop fixture, one unit per row (a negative amount is a return):
 *   a  2024-01-05 +10   2024-01-20 +20   2024-02-10 +30
 *   b  2024-01-10 +40   2024-02-12 −40 (return)   2024-03-03 +50
 *   c  2024-02-05 +15   2024-02-25 +25   2024-03-28 +35
 *   d  2024-03-15 +60
 * The last day of data is 2024-03-28, so March is still running.
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

const shop = (): TransactionTable => valueOf(readTransactions(SHOP, { now: NOW }));
const values = (series: { value: number | null }[]) => series.map((p) => p.value);

describe('kpi-series: purchase metrics per period', () => {
  it('repeat purchase rate per month', () => {
    // Jan: a bought twice, b once → 1 / 2. Feb: a once, c twice (b only returned) → 1 / 2. Mar: b, c, d once → 0 / 3.
    const series = valueOf(purchaseMetricSeries(shop(), { metric: 'repeat-purchase-rate', granularity: 'month' }));
    expect(series.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02', '2024-03']);
    expect(values(series)).to.deep.equal([0.5, 0.5, 0]);
    expect(series.map((p) => p.complete)).to.deep.equal([true, true, false]);
  });

  it('loyal customer rate: nobody reaches 3 purchases in a month; threshold 2 equals the repeat rate', () => {
    expect(values(valueOf(purchaseMetricSeries(shop(), { metric: 'loyal-customer-rate', granularity: 'month' })))).to.deep.equal([0, 0, 0]);
    expect(values(valueOf(purchaseMetricSeries(shop(), { metric: 'loyal-customer-rate', granularity: 'month', loyaltyThreshold: 2 })))).to.deep.equal([
      0.5, 0.5, 0,
    ]);
  });

  it('return rate per month', () => {
    // Feb: 1 unit returned (b) / 3 units sold (a, c, c) = 1/3; January and March have no returns.
    const series = valueOf(purchaseMetricSeries(shop(), { metric: 'return-rate', granularity: 'month' }));
    expect(values(series)).to.deep.equal([0, 1 / 3, 0]);
  });

  it('historic lifetime value as of each month end (cumulative frame)', () => {
    // To Feb 1: a 10 + 20 = 30, b 40 → 70 / 2 = 35.
    // To Mar 1: a 60, b 40 − 40 = 0, c 40 → 100 / 3. To Mar 29: a 60, b 50, c 75, d 60 → 245 / 4 = 61.25.
    const series = valueOf(purchaseMetricSeries(shop(), { metric: 'ltv', granularity: 'month' }));
    expect(values(series)).to.deep.equal([35, 100 / 3, 61.25]);
  });

  it('median days between purchases as of each month end, and within each month', () => {
    // Cumulative: Jan gaps [15] → 15; Feb adds a Jan 20 → Feb 10 = 21 and c Feb 5 → 25 = 20 → [15, 20, 21] → 20;
    // Mar adds b Jan 10 → Mar 3 = 53 (2024 is a leap year) and c Feb 25 → Mar 28 = 32 → [15, 20, 21, 32, 53] → 21.
    const cumulative = valueOf(purchaseMetricSeries(shop(), { metric: 'time-between-purchases', granularity: 'month' }));
    expect(values(cumulative)).to.deep.equal([15, 20, 21]);
    // Within the month only: Jan [15], Feb [20] (a's Feb 10 is alone in February), Mar: nobody bought twice → null.
    const within = valueOf(purchaseMetricSeries(shop(), { metric: 'time-between-purchases', granularity: 'month', frame: 'period' }));
    expect(values(within)).to.deep.equal([15, 20, null]);
  });

  it('computes only the last periods when asked, and respects asOf', () => {
    const last = valueOf(purchaseMetricSeries(shop(), { metric: 'repeat-purchase-rate', granularity: 'month', lastPeriods: 2 }));
    expect(last.map((p) => p.key)).to.deep.equal(['2024-02', '2024-03']);
    const asOf = valueOf(purchaseMetricSeries(shop(), { metric: 'repeat-purchase-rate', granularity: 'month', asOf: '2024-02-29' }));
    expect(asOf.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02']);
    expect(asOf[1].complete).to.equal(true);
  });

  it('reports bad options instead of throwing', () => {
    const table = shop();
    expect(purchaseMetricSeries(table, { metric: 'nope' as never, granularity: 'month' }).ok).to.equal(false);
    expect(purchaseMetricSeries(table, { metric: 'ltv', granularity: 'fortnight' as never }).ok).to.equal(false);
    const bad = purchaseMetricSeries(table, { metric: 'ltv', granularity: 'month', lastPeriods: 0 });
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.error.issues[0].field).to.equal('lastPeriods');
    expect(valueOf(purchaseMetricSeries(valueOf(readTransactions([])), { metric: 'ltv', granularity: 'month' }))).to.deep.equal([]);
  });

  it('property: each period value equals the metric over that period alone', () => {
    const row = fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      date: fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
      amount: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const table = valueOf(readTransactions(rows, { now: NOW }));
        const series = valueOf(purchaseMetricSeries(table, { metric: 'repeat-purchase-rate', granularity: 'month' }));
        for (const p of series) {
          const [year, month] = p.key.split('-').map(Number);
          const from = new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
          expect(p.value).to.equal(valueOf(repeatPurchaseRate(table, { timeFrame: { from, to } })).rate);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('kpi-series: DSO per period', () => {
  /*
   * i1 issued 2024-01-05, 100, paid 2024-01-20; i2 issued 2024-01-25, 200, paid 2024-02-10; i3 issued 2024-02-15, 300, unpaid.
   * January: receivables at the end = i2 (paid after Jan 31) = 200; credit sales 100 + 200 = 300; 31 days → 200 / 300 × 31.
   * February: receivables = i3 = 300; credit sales 300; 29 days → 29.
   */
  const INVOICES = [
    { id: 'i1', issueDate: '2024-01-05', amount: 100, paidDate: '2024-01-20' },
    { id: 'i2', issueDate: '2024-01-25', amount: 200, paidDate: '2024-02-10' },
    { id: 'i3', issueDate: '2024-02-15', amount: 300 },
  ];

  it('computes DSO of every month from invoices', () => {
    const invoices = valueOf(readInvoices(INVOICES));
    const series = valueOf(dsoSeries(invoices, { granularity: 'month' }));
    expect(series.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02']);
    expect(series[0].value).to.be.closeTo((200 / 300) * 31, 1e-12);
    expect(series[1].value).to.equal(29);
  });

  it('a month without credit sales has no DSO', () => {
    const invoices = valueOf(readInvoices([...INVOICES, { id: 'i4', issueDate: '2024-04-02', amount: 50 }]));
    const series = valueOf(dsoSeries(invoices, { granularity: 'month' }));
    expect(series.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(series[2].value).to.equal(null);
    // April: receivables i3 + i4 = 350 over credit sales 50 × 30 days = 210.
    expect(series[3].value).to.equal(210);
    expect(valueOf(dsoSeries([], { granularity: 'month' }))).to.deep.equal([]);
    expect(dsoSeries(invoices, { granularity: 'x' as never }).ok).to.equal(false);
  });
});

describe('kpi-series: ARPA', () => {
  it('is ending MRR per paying customer', () => {
    expect(averageRevenuePerAccount({ endingMrr: 300, customersAtEnd: 4 })).to.equal(75);
    expect(averageRevenuePerAccount({ endingMrr: 0, customersAtEnd: 0 })).to.equal(null);
  });
});
