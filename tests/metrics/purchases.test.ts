import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { suggestedWindowDays, timeBetweenPurchases } from '../../src/metrics/purchase-gaps.ts';
import {
  historicLifetimeValue,
  loyalCustomerRate,
  productReturnRate,
  repeatPurchaseRate,
  revenueSummary,
} from '../../src/metrics/purchases.ts';
import { readTransactions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

const FIELDS = { customer: 'customer', date: 'date', order: 'order', quantity: 'qty', unitPrice: 'price' };
const NOW = Date.UTC(2030, 0, 1);

function tableOf(rows: object[], fields: object = FIELDS): TransactionTable {
  const result = readTransactions(rows, { fields, now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/*
 * The shop fixture, one line per row (amount = qty × price):
 *   A  A1  2024-01-01  2 × 5   = 10   ┐ one order, two lines
 *   A  A1  2024-01-01  1 × 3   =  3   ┘
 *   A  A2  2024-01-01  1 × 10  = 10     second order the same day
 *   A  A3  2024-01-11  4 × 2.5 = 10
 *   A  A4  2024-02-10  1 × 20  = 20
 *   A  CA1 2024-02-15 −1 × 5   = −5     return
 *   B  B1  2024-01-05  3 × 4   = 12
 *   B  B2  2024-01-12  1 × 8   =  8
 *   C  C1  2024-01-20  5 × 2   = 10
 *   C  CC1 2024-01-25 −2 × 2   = −4     return
 *   D  CD1 2024-01-03 −1 × 6   = −6     return only: D bought before the data starts
 *   –  G1  2024-01-04  1 × 9   =  9     guest order, no customer: left out
 */
const SHOP = [
  { customer: 'A', order: 'A1', date: '2024-01-01 09:00', qty: 2, price: 5 },
  { customer: 'A', order: 'A1', date: '2024-01-01 09:00', qty: 1, price: 3 },
  { customer: 'A', order: 'A2', date: '2024-01-01 17:30', qty: 1, price: 10 },
  { customer: 'A', order: 'A3', date: '2024-01-11', qty: 4, price: 2.5 },
  { customer: 'A', order: 'A4', date: '2024-02-10', qty: 1, price: 20 },
  { customer: 'A', order: 'CA1', date: '2024-02-15', qty: -1, price: 5 },
  { customer: 'B', order: 'B1', date: '2024-01-05', qty: 3, price: 4 },
  { customer: 'B', order: 'B2', date: '2024-01-12', qty: 1, price: 8 },
  { customer: 'C', order: 'C1', date: '2024-01-20', qty: 5, price: 2 },
  { customer: 'C', order: 'CC1', date: '2024-01-25', qty: -2, price: 2 },
  { customer: 'D', order: 'CD1', date: '2024-01-03', qty: -1, price: 6 },
  { customer: '', order: 'G1', date: '2024-01-04', qty: 1, price: 9 },
];
/** 2024-01-10 ≤ day < 2024-02-01: rows A3, B2, C1, CC1. */
const JANUARY_LATE = { from: '2024-01-10', to: '2024-02-01' };

describe('repeatPurchaseRate', () => {
  it('counts distinct orders per customer, never returns', () => {
    // Purchasers A (orders A1–A4: 4), B (2), C (1); D only returned. Repeat: A, B → 2 / 3.
    const result = valueOf(repeatPurchaseRate(tableOf(SHOP)));
    expect(result).to.deep.equal({ rate: 2 / 3, repeatCustomers: 2, customers: 3 });
  });

  it('looks only inside the time frame', () => {
    // In the frame A has A3, B has B2, C has C1: one purchase each → 0 / 3.
    const result = valueOf(repeatPurchaseRate(tableOf(SHOP), { timeFrame: JANUARY_LATE }));
    expect(result).to.deep.equal({ rate: 0, repeatCustomers: 0, customers: 3 });
  });

  it('gives a null rate when nobody purchased, and reports a bad time frame', () => {
    expect(valueOf(repeatPurchaseRate(tableOf(SHOP), { timeFrame: { from: '2025-01-01' } }))).to.deep.equal({ rate: null, repeatCustomers: 0, customers: 0 });
    const bad = repeatPurchaseRate(tableOf(SHOP), { timeFrame: { from: 'soon' } });
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.error.issues[0].field).to.equal('timeFrame.from');
  });

  it('counts an order id shared by two customers once for each', () => {
    // Interleaved so a per-order "last customer" stamp without grouping would count P's X twice:
    // P: X, X, Y → 2 purchases (repeat); Q: X → 1 purchase. 1 / 2.
    const table = tableOf([
      { customer: 'P', order: 'X', date: '2024-01-01', qty: 1, price: 1 },
      { customer: 'Q', order: 'X', date: '2024-01-01', qty: 1, price: 1 },
      { customer: 'P', order: 'X', date: '2024-01-01', qty: 1, price: 1 },
      { customer: 'P', order: 'Y', date: '2024-01-02', qty: 1, price: 1 },
    ]);
    expect(valueOf(repeatPurchaseRate(table))).to.deep.equal({ rate: 1 / 2, repeatCustomers: 1, customers: 2 });
  });

  it('takes every row as its own order when no order column is mapped', () => {
    // Without orders A's two lines of A1 are two purchases: A 5 rows, B 2, C 1 → still 2 / 3;
    // loyal at 5: only A (5 purchase rows) → 1 / 3, where with orders A has only 4.
    const table = tableOf(SHOP, { ...FIELDS, order: undefined });
    expect(valueOf(repeatPurchaseRate(table)).rate).to.equal(2 / 3);
    expect(valueOf(loyalCustomerRate(table, { threshold: 5 })).loyalCustomers).to.equal(1);
    expect(valueOf(loyalCustomerRate(tableOf(SHOP), { threshold: 5 })).loyalCustomers).to.equal(0);
  });
});

describe('loyalCustomerRate', () => {
  it('counts customers reaching the threshold, 3 by default', () => {
    // ≥ 3 purchases: only A (4) → 1 / 3.
    expect(valueOf(loyalCustomerRate(tableOf(SHOP)))).to.deep.equal({ rate: 1 / 3, loyalCustomers: 1, customers: 3, threshold: 3 });
    // Threshold 2 is the repeat rate: A, B → 2 / 3. Threshold 4: A → 1 / 3.
    expect(valueOf(loyalCustomerRate(tableOf(SHOP), { threshold: 2 })).rate).to.equal(2 / 3);
    expect(valueOf(loyalCustomerRate(tableOf(SHOP), { threshold: 4 })).rate).to.equal(1 / 3);
  });

  it('refuses thresholds that are not whole numbers of 2 or more', () => {
    for (const threshold of [1, 0, 2.5, Number.NaN]) {
      const result = loyalCustomerRate(tableOf(SHOP), { threshold });
      expect(result.ok, String(threshold)).to.equal(false);
      if (!result.ok) expect(result.error.issues[0].field).to.equal('threshold');
    }
  });
});

describe('timeBetweenPurchases', () => {
  it('measures gaps between distinct purchase days', () => {
    // A buys on 01-01 (twice), 01-11, 02-10 → gaps 10, 30 (the return on 02-15 is no purchase).
    // B: 01-05, 01-12 → 7. C: one day. Gaps 7, 10, 30: median 10, mean 47 / 3, window 3 × 10 = 30.
    // Default bins of 7 days up to the 95th percentile (rank ⌈0.95 × 3⌉ − 1 = 2 → 30, so 5 bins, 35):
    //   [1,8): 7   [8,15): 10   [15,22): –   [22,29): –   [29,36): 30
    const result = valueOf(timeBetweenPurchases(tableOf(SHOP)));
    expect(result).to.deep.equal({
      median: 10,
      mean: 47 / 3,
      min: 7,
      max: 30,
      gapCount: 3,
      customersWithRepeat: 2,
      // A, B, C bought (D only returned): 2 of 3 bought again on another day.
      customersWithPurchase: 3,
      histogram: [
        { fromDays: 1, toDays: 8, count: 1 },
        { fromDays: 8, toDays: 15, count: 1 },
        { fromDays: 15, toDays: 22, count: 0 },
        { fromDays: 22, toDays: 29, count: 0 },
        { fromDays: 29, toDays: 36, count: 1 },
      ],
      suggestedWindowDays: 30,
    });
  });

  it('averages the two middle gaps and rounds the window up', () => {
    // From 2024-01-05: A 01-11, 02-10 → 30; B 01-05, 01-12 → 7. Median (7 + 30) / 2 = 18.5; window ⌈55.5⌉ = 56.
    const result = valueOf(timeBetweenPurchases(tableOf(SHOP), { timeFrame: { from: '2024-01-05' } }));
    expect([result.median, result.mean, result.gapCount, result.suggestedWindowDays]).to.deep.equal([18.5, 18.5, 2, 56]);
    expect(valueOf(suggestedWindowDays(tableOf(SHOP), { timeFrame: { from: '2024-01-05' } }))).to.equal(56);
  });

  it('puts gaps past maxDays into one overflow bin', () => {
    // Cap 14: [1,8): 7, [8,15): 10, overflow [15, 31): 30.
    const result = valueOf(timeBetweenPurchases(tableOf(SHOP), { bins: { widthDays: 7, maxDays: 14 } }));
    expect(result.histogram).to.deep.equal([
      { fromDays: 1, toDays: 8, count: 1 },
      { fromDays: 8, toDays: 15, count: 1 },
      { fromDays: 15, toDays: 31, count: 1 },
    ]);
    // Width 10, cap 10 (one bin): [1,11): 7, 10; overflow [11,31): 30.
    expect(valueOf(timeBetweenPurchases(tableOf(SHOP), { bins: { widthDays: 10, maxDays: 10 } })).histogram).to.deep.equal([
      { fromDays: 1, toDays: 11, count: 2 },
      { fromDays: 11, toDays: 31, count: 1 },
    ]);
  });

  it('returns nulls without gaps and refuses bad bins', () => {
    // Late January: everyone buys on one day only.
    expect(valueOf(timeBetweenPurchases(tableOf(SHOP), { timeFrame: JANUARY_LATE }))).to.deep.equal({
      median: null,
      mean: null,
      min: null,
      max: null,
      gapCount: 0,
      customersWithRepeat: 0,
      customersWithPurchase: 3, // A, B and C on one day each
      histogram: [],
      suggestedWindowDays: null,
    });
    expect(valueOf(suggestedWindowDays(tableOf([])))).to.equal(null);
    expect(timeBetweenPurchases(tableOf(SHOP), { bins: { widthDays: 0 } }).ok).to.equal(false);
    expect(timeBetweenPurchases(tableOf(SHOP), { bins: { maxDays: 1.5 } }).ok).to.equal(false);
  });

  it('orders days correctly across a span longer than 65,535 days', () => {
    // 1900-01-01 is day −25,567 and 2100-01-01 day 47,482: the span needs two radix digits.
    // Z buys 2100-01-01, 1900-01-01, 1900-01-03 (unsorted): gaps 2 and 73,047 → median 36,524.5.
    const table = tableOf([
      { customer: 'Z', order: '1', date: '2100-01-01', qty: 1, price: 1 },
      { customer: 'Z', order: '2', date: '1900-01-01', qty: 1, price: 1 },
      { customer: 'Z', order: '3', date: '1900-01-03', qty: 1, price: 1 },
    ]);
    const result = valueOf(timeBetweenPurchases(table));
    expect([result.min, result.max, result.median]).to.deep.equal([2, 73_047, 36_524.5]);
  });
});

describe('productReturnRate', () => {
  it('divides units returned by units sold', () => {
    // Sold: A 2 + 1 + 1 + 4 + 1 = 9, B 3 + 1 = 4, C 5 → 18. Returned: A 1, C 2, D 1 = 4. 4 / 18.
    expect(valueOf(productReturnRate(tableOf(SHOP)))).to.deep.equal({ rate: 4 / 18, unitsReturned: 4, unitsSold: 18 });
    // Late January: sold A3 4 + B2 1 + C1 5 = 10, returned CC1 2 → 0.2.
    expect(valueOf(productReturnRate(tableOf(SHOP), { timeFrame: JANUARY_LATE }))).to.deep.equal({ rate: 0.2, unitsReturned: 2, unitsSold: 10 });
  });

  it('counts rows as units without a quantity column', () => {
    // Amount-only export: 3 sales, 1 refund → 1 / 3.
    const table = tableOf(
      [
        { customer: 'a', date: '2024-01-01', amount: 10 },
        { customer: 'a', date: '2024-01-02', amount: 5 },
        { customer: 'b', date: '2024-01-02', amount: 7 },
        { customer: 'b', date: '2024-01-03', amount: -7 },
      ],
      {},
    );
    expect(valueOf(productReturnRate(table))).to.deep.equal({ rate: 1 / 3, unitsReturned: 1, unitsSold: 3 });
    expect(valueOf(productReturnRate(tableOf([]))).rate).to.equal(null);
  });
});

describe('revenueSummary', () => {
  it('sums sales and returns and counts orders', () => {
    // Gross: A 10 + 3 + 10 + 10 + 20 = 53, B 12 + 8 = 20, C 10 → 83. Returns 5 + 4 + 6 = 15 → net 68.
    // Orders A 4 + B 2 + C 1 = 7 (CA1, CC1, CD1 are returns); AOV 83 / 7.
    expect(valueOf(revenueSummary(tableOf(SHOP)))).to.deep.equal({
      grossSales: 83,
      returns: 15,
      netRevenue: 68,
      orders: 7,
      customers: 3,
      averageOrderValue: 83 / 7,
    });
    // Late January: gross A3 10 + B2 8 + C1 10 = 28, returns CC1 4, net 24, 3 orders, AOV 28 / 3.
    expect(valueOf(revenueSummary(tableOf(SHOP), { timeFrame: JANUARY_LATE }))).to.deep.equal({
      grossSales: 28,
      returns: 4,
      netRevenue: 24,
      orders: 3,
      customers: 3,
      averageOrderValue: 28 / 3,
    });
  });
});

describe('historicLifetimeValue', () => {
  it('averages net revenue, lifespan and purchases over the purchasing customers', () => {
    // Net: A 53 − 5 = 48, B 20, C 10 − 4 = 6 → 74 (D's −6 belongs to no purchasing customer) → 74 / 3.
    // Lifespan: A 01-01 → 02-10 = 40 days, B 01-05 → 01-12 = 7, C 0 → 47 / 3. Purchases 7 / 3.
    expect(valueOf(historicLifetimeValue(tableOf(SHOP)))).to.deep.equal({
      value: 74 / 3,
      netRevenue: 74,
      customers: 3,
      averageLifespanDays: 47 / 3,
      purchasesPerCustomer: 7 / 3,
    });
    expect(valueOf(historicLifetimeValue(tableOf([])))).to.deep.equal({
      value: null,
      netRevenue: 0,
      customers: 0,
      averageLifespanDays: null,
      purchasesPerCustomer: null,
    });
  });
});

// ---------------------------------------------------------------------------
// Properties.

const BASE_DAY = Date.UTC(2024, 0, 1);
/** Prices that are sums of powers of two, so money sums are exact in any order. */
const PRICES = [0.5, 1, 2.25, 3, 10];

const rowArbitrary = fc.record({
  customer: fc.integer({ min: 0, max: 6 }),
  day: fc.integer({ min: 0, max: 120 }),
  order: fc.integer({ min: 0, max: 4 }),
  qty: fc.integer({ min: -3, max: 6 }).filter((q) => q !== 0),
  price: fc.constantFrom(...PRICES),
});
type GeneratedRow = { customer: number; day: number; order: number; qty: number; price: number };

function recordsOf(rows: GeneratedRow[]) {
  return rows.map((row) => ({
    customer: `c${row.customer}`,
    date: new Date(BASE_DAY + row.day * 86_400_000).toISOString().slice(0, 10),
    // Orders usually belong to one customer; order 4 is shared, as odd exports do.
    order: row.order === 4 ? 'shared' : `c${row.customer}-o${row.order}`,
    qty: row.qty,
    price: row.price,
  }));
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const frameArbitrary = fc.option(
  fc.record({ from: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 90 }) }).map(({ from, length }) => ({
    from: new Date(BASE_DAY + from * 86_400_000).toISOString().slice(0, 10),
    to: new Date(BASE_DAY + (from + length) * 86_400_000).toISOString().slice(0, 10),
  })),
  { nil: undefined },
);

function everyMetric(table: TransactionTable, timeFrame: { from: string; to: string } | undefined) {
  return {
    repeat: valueOf(repeatPurchaseRate(table, { timeFrame })),
    loyal: valueOf(loyalCustomerRate(table, { timeFrame, threshold: 3 })),
    gaps: valueOf(timeBetweenPurchases(table, { timeFrame })),
    returns: valueOf(productReturnRate(table, { timeFrame })),
    revenue: valueOf(revenueSummary(table, { timeFrame })),
    ltv: valueOf(historicLifetimeValue(table, { timeFrame })),
  };
}

describe('purchase metric properties', () => {
  it('keeps rates within [0, 1] and the loyal rate at or below the repeat rate', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 60 }), frameArbitrary, fc.integer({ min: 2, max: 6 }), (rows, timeFrame, threshold) => {
        const table = tableOf(recordsOf(rows));
        const repeat = valueOf(repeatPurchaseRate(table, { timeFrame }));
        const loyal = valueOf(loyalCustomerRate(table, { timeFrame, threshold }));
        for (const rate of [repeat.rate, loyal.rate]) {
          if (rate !== null) expect(rate).to.be.within(0, 1);
        }
        expect(loyal.customers).to.equal(repeat.customers);
        expect(loyal.loyalCustomers).to.be.at.most(repeat.repeatCustomers);
        expect(repeat.rate === null).to.equal(repeat.customers === 0);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same results whatever the order of the input', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 60 }), frameArbitrary, fc.integer(), (rows, timeFrame, seed) => {
        const records = recordsOf(rows);
        expect(everyMetric(tableOf(shuffled(records, seed)), timeFrame)).to.deep.equal(everyMetric(tableOf(records), timeFrame));
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with a plain sort-based computation of the gaps, median between min and max', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 80 }), frameArbitrary, (rows, timeFrame) => {
        const inFrame = (day: string) => !timeFrame || (day >= timeFrame.from && day < timeFrame.to);
        const daysByCustomer = new Map<string, Set<number>>();
        for (const record of recordsOf(rows)) {
          if (record.qty < 0 || !inFrame(record.date)) continue;
          const days = daysByCustomer.get(record.customer) ?? new Set<number>();
          days.add(Date.parse(record.date) / 86_400_000);
          daysByCustomer.set(record.customer, days);
        }
        const gaps: number[] = [];
        for (const days of daysByCustomer.values()) {
          const sorted = [...days].sort((a, b) => a - b);
          for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i] - sorted[i - 1]);
        }
        gaps.sort((a, b) => a - b);
        const result = valueOf(timeBetweenPurchases(tableOf(recordsOf(rows)), { timeFrame }));
        expect(result.gapCount).to.equal(gaps.length);
        expect(result.histogram.reduce((sum, bin) => sum + bin.count, 0)).to.equal(gaps.length);
        if (gaps.length === 0) return;
        const median = (gaps[(gaps.length - 1) >> 1] + gaps[gaps.length >> 1]) / 2;
        expect(result.median).to.equal(median);
        expect(result.min).to.equal(gaps[0]);
        expect(result.max).to.equal(gaps[gaps.length - 1]);
        expect(result.median!).to.be.within(result.min!, result.max!);
        expect(result.suggestedWindowDays).to.equal(Math.ceil(3 * median));
      }),
      { numRuns: 200 },
    );
  });
});
