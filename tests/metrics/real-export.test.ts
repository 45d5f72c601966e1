/**
 * The metrics on a real shop export: UCI "Online Retail II", 2009-12-01 to
 * 2010-12-09, 525,461 order lines (tests/fixtures/online-retail/README.md).
 * Every figure is checked against a second, deliberately plain computation
 * written here with objects, Maps, Sets and string slicing, which shares no
 * code with the kit: exact for counts, 1e-6 relative for money.
 */
import { expect } from '@open-wc/testing';
import { UK_EXPORT_URL, fixtureText } from '../fixtures/text.ts';
import { csvParse, type DSVRowString } from 'd3-dsv';
import { cohortMatrix } from '../../src/metrics/cohorts.ts';
import { timeBetweenPurchases } from '../../src/metrics/purchase-gaps.ts';
import { historicLifetimeValue, loyalCustomerRate, productReturnRate, repeatPurchaseRate, revenueSummary } from '../../src/metrics/purchases.ts';
import { readTransactions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

const EXPORT_URL = UK_EXPORT_URL;
const FIELDS = { customer: 'Customer ID', date: 'InvoiceDate', order: 'Invoice', quantity: 'Quantity', unitPrice: 'Price' };

/** Text of the export (one download and gunzip for every test file of the page). */
const fetchExport = () => fixtureText(EXPORT_URL);

function expectMoney(actual: number | null, expected: number, what: string) {
  expect(actual, what).to.be.a('number');
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).to.be.at.most(1e-6 * Math.max(1, Math.abs(expected)));
}

/** The plain computation: one customer's purchases and purchase days. */
interface PlainCustomer {
  invoices: Set<string>;
  days: Set<string>;
  net: number;
}

function plainFigures(rows: DSVRowString[]) {
  const customers = new Map<string, PlainCustomer>();
  const returnsByCustomer = new Map<string, number>();
  let withoutCustomer = 0;
  let cancellationMismatches = 0;
  let grossSales = 0;
  let returns = 0;
  let unitsSold = 0;
  let unitsReturned = 0;
  for (const row of rows) {
    const id = row['Customer ID']!.trim();
    if (id === '') {
      withoutCustomer++;
      continue;
    }
    const quantity = Number(row.Quantity);
    const money = quantity * Number(row.Price);
    const cancelled = row.Invoice!.startsWith('C');
    if (cancelled !== quantity < 0) cancellationMismatches++;
    if (cancelled) {
      returnsByCustomer.set(id, (returnsByCustomer.get(id) ?? 0) - money);
      returns -= money;
      unitsReturned -= quantity;
      continue;
    }
    grossSales += money;
    unitsSold += quantity;
    let customer = customers.get(id);
    if (!customer) {
      customer = { invoices: new Set(), days: new Set(), net: 0 };
      customers.set(id, customer);
    }
    customer.net += money;
    customer.invoices.add(row.Invoice!);
    customer.days.add(row.InvoiceDate!.slice(0, 10));
  }

  let orders = 0;
  let repeatCustomers = 0;
  let loyalCustomers = 0;
  const gaps: number[] = [];
  let customerNet = 0;
  let lifespanDays = 0;
  for (const [id, customer] of customers) {
    customerNet += customer.net - (returnsByCustomer.get(id) ?? 0);
    orders += customer.invoices.size;
    if (customer.invoices.size >= 2) repeatCustomers++;
    if (customer.invoices.size >= 3) loyalCustomers++;
    const days = [...customer.days].sort().map((day) => new Date(`${day}T00:00:00Z`).getTime() / 86_400_000);
    for (let i = 1; i < days.length; i++) gaps.push(days[i] - days[i - 1]);
    lifespanDays += days[days.length - 1] - days[0];
  }
  gaps.sort((a, b) => a - b);
  const median = (gaps[(gaps.length - 1) >> 1] + gaps[gaps.length >> 1]) / 2;
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  return {
    withoutCustomer,
    cancellationMismatches,
    customers: customers.size,
    orders,
    repeatCustomers,
    loyalCustomers,
    gaps: { count: gaps.length, median, mean, min: gaps[0], max: gaps[gaps.length - 1] },
    grossSales,
    returns,
    unitsSold,
    unitsReturned,
    lifetimeValue: customerNet / customers.size,
    averageLifespanDays: lifespanDays / customers.size,
  };
}

/** `2010-03` → a month number, so "k months later" is subtraction. */
function monthNumber(yearMonth: string): number {
  return Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
}

interface PlainCohort {
  key: string;
  size: number;
  /** Customers with a purchase k months after the cohort month. */
  active: Set<string>[];
  /** Net money of the cohort's customers k months after, from their first purchase day on. */
  revenue: number[];
}

/**
 * Monthly first-purchase cohorts the plain way: a customer's cohort is the
 * month of their first purchase; they are active in month k when they bought
 * (not returned) in it; revenue is everything they bought minus returned from
 * their first purchase day on.
 */
function plainCohorts(rows: DSVRowString[]) {
  const firstDay = new Map<string, string>();
  let lastMonth = '';
  for (const row of rows) {
    const id = row['Customer ID']!.trim();
    const date = row.InvoiceDate!.slice(0, 10);
    if (date.slice(0, 7) > lastMonth) lastMonth = date.slice(0, 7);
    if (id === '' || row.Invoice!.startsWith('C')) continue;
    const known = firstDay.get(id);
    if (known === undefined || date < known) firstDay.set(id, date);
  }
  const months = monthNumber(lastMonth) + 1;
  const cohorts = new Map<string, PlainCohort>();
  for (const date of firstDay.values()) {
    const key = date.slice(0, 7);
    let cohort = cohorts.get(key);
    if (!cohort) {
      const periods = months - monthNumber(key);
      cohort = { key, size: 0, active: Array.from({ length: periods }, () => new Set<string>()), revenue: new Array<number>(periods).fill(0) };
      cohorts.set(key, cohort);
    }
    cohort.size++;
  }
  for (const row of rows) {
    const id = row['Customer ID']!.trim();
    const first = firstDay.get(id);
    const date = row.InvoiceDate!.slice(0, 10);
    if (first === undefined || date < first) continue;
    const cohort = cohorts.get(first.slice(0, 7))!;
    const k = monthNumber(date) - monthNumber(first);
    cohort.revenue[k] += Number(row.Quantity) * Number(row.Price);
    if (!row.Invoice!.startsWith('C')) cohort.active[k].add(id);
  }
  return [...cohorts.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

describe('metrics on the real Online Retail II export', function () {
  this.timeout(120_000);

  let rows: DSVRowString[];
  let table: TransactionTable;
  let plain: ReturnType<typeof plainFigures>;
  let missingCustomerWarning: number | undefined;
  const timings: Record<string, number> = {};

  before(async () => {
    let start = performance.now();
    rows = csvParse(await fetchExport());
    timings.fetchAndParse = performance.now() - start;
    start = performance.now();
    const result = readTransactions(rows, { fields: FIELDS, now: Date.UTC(2011, 0, 1) });
    timings.read = performance.now() - start;
    if (!result.ok) throw new Error(result.error.message);
    table = result.value;
    missingCustomerWarning = result.warnings.find((w) => w.code === 'missing-customer')?.count;
    plain = plainFigures(rows);
  });

  it('reads every line and leaves the guest orders out', () => {
    expect(rows.length).to.equal(525_461);
    expect(plain.withoutCustomer).to.equal(107_927);
    expect(missingCustomerWarning).to.equal(107_927);
    expect(table.length).to.equal(525_461 - 107_927);
    // With a customer, "invoice starts with C" and "negative quantity" say the same thing,
    // so the table's sign rule makes exactly the C invoices returns.
    expect(plain.cancellationMismatches).to.equal(0);
    expect(table.customerIds).to.not.include('');
  });

  it('repeat and loyal customer rates', () => {
    const repeat = repeatPurchaseRate(table);
    const loyal = loyalCustomerRate(table);
    if (!repeat.ok || !loyal.ok) throw new Error('metric failed');
    expect(repeat.value.customers).to.equal(plain.customers);
    expect(repeat.value.repeatCustomers).to.equal(plain.repeatCustomers);
    expect(repeat.value.rate).to.equal(plain.repeatCustomers / plain.customers);
    expect(loyal.value.loyalCustomers).to.equal(plain.loyalCustomers);
  });

  it('time between purchases', () => {
    const result = timeBetweenPurchases(table);
    if (!result.ok) throw new Error(result.error.message);
    const gaps = result.value;
    expect(gaps.gapCount).to.equal(plain.gaps.count);
    expect([gaps.median, gaps.min, gaps.max]).to.deep.equal([plain.gaps.median, plain.gaps.min, plain.gaps.max]);
    expectMoney(gaps.mean, plain.gaps.mean, 'mean gap');
    expect(gaps.suggestedWindowDays).to.equal(Math.ceil(3 * plain.gaps.median));
    expect(gaps.histogram.reduce((sum, bin) => sum + bin.count, 0)).to.equal(plain.gaps.count);
  });

  it('revenue summary and product return rate', () => {
    const revenue = revenueSummary(table);
    const returns = productReturnRate(table);
    if (!revenue.ok || !returns.ok) throw new Error('metric failed');
    expect(revenue.value.orders).to.equal(plain.orders);
    expect(revenue.value.customers).to.equal(plain.customers);
    expectMoney(revenue.value.grossSales, plain.grossSales, 'gross sales');
    expectMoney(revenue.value.returns, plain.returns, 'returns');
    expectMoney(revenue.value.netRevenue, plain.grossSales - plain.returns, 'net revenue');
    expectMoney(revenue.value.averageOrderValue, plain.grossSales / plain.orders, 'average order value');
    expect(returns.value.unitsSold).to.equal(plain.unitsSold);
    expect(returns.value.unitsReturned).to.equal(plain.unitsReturned);
    expect(returns.value.rate).to.equal(plain.unitsReturned / plain.unitsSold);
  });

  it('historic lifetime value', () => {
    const result = historicLifetimeValue(table);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.customers).to.equal(plain.customers);
    expectMoney(result.value.value, plain.lifetimeValue, 'historic lifetime value');
    expectMoney(result.value.averageLifespanDays, plain.averageLifespanDays, 'average lifespan');
    expectMoney(result.value.purchasesPerCustomer, plain.orders / plain.customers, 'purchases per customer');
  });

  it('monthly cohort matrix: count, percent and revenue', () => {
    const expected = plainCohorts(rows);
    const percent = cohortMatrix(table, { granularity: 'month', value: 'percent' });
    const count = cohortMatrix(table, { granularity: 'month', value: 'count' });
    const revenue = cohortMatrix(table, { granularity: 'month', value: 'revenue' });
    if (!percent.ok || !count.ok || !revenue.ok) throw new Error('cohortMatrix failed');
    // 2009-12 … 2010-12: 13 months, the last one only to the 9th.
    expect(percent.value.periods).to.equal(13);
    expect(percent.value.partialLastPeriod).to.equal(true);
    expect(percent.value.cohorts.map((c) => [c.key, c.size])).to.deep.equal(expected.map((c) => [c.key, c.size]));
    expect(expected.reduce((sum, c) => sum + c.size, 0)).to.equal(plain.customers);
    const allActive = new Array<number>(13).fill(0);
    const allReached = new Array<number>(13).fill(0);
    expected.forEach((cohort, i) => {
      const activeCounts = cohort.active.map((set) => set.size);
      const notYet = new Array<null>(13 - activeCounts.length).fill(null);
      expect(count.value.cohorts[i].cells, `counts of ${cohort.key}`).to.deep.equal([...activeCounts, ...notYet]);
      expect(percent.value.cohorts[i].cells, `shares of ${cohort.key}`).to.deep.equal([...activeCounts.map((n) => n / cohort.size), ...notYet]);
      revenue.value.cohorts[i].cells.forEach((cell, k) => {
        if (k < cohort.revenue.length) expectMoney(cell, cohort.revenue[k], `revenue of ${cohort.key} month ${k}`);
        else expect(cell).to.equal(null);
      });
      // Each cohort's last month is December 2010, still running: not in the average.
      activeCounts.slice(0, -1).forEach((n, k) => {
        allActive[k] += n;
        allReached[k] += cohort.size;
      });
    });
    // The average row weighs customers, not cohorts; no cohort has a complete month 12.
    expect(percent.value.average).to.deep.equal(allActive.map((n, k) => (allReached[k] > 0 ? n / allReached[k] : null)));
    expect(percent.value.average[12]).to.equal(null);
  });

  it('prints the headline figures', () => {
    const repeat = repeatPurchaseRate(table);
    const gaps = timeBetweenPurchases(table);
    const returns = productReturnRate(table);
    const revenue = revenueSummary(table);
    const cohorts = cohortMatrix(table, { granularity: 'month', value: 'percent' });
    if (!repeat.ok || !gaps.ok || !returns.ok || !revenue.ok || !cohorts.ok) throw new Error('metric failed');
    const percent = (x: number | null) => `${((x ?? Number.NaN) * 100).toFixed(1)} %`;
    const first = cohorts.value.cohorts[0];
    const line = [
      `customers ${revenue.value.customers}`,
      `orders ${revenue.value.orders}`,
      `repeat purchase rate ${percent(repeat.value.rate)}`,
      `median days between purchases ${gaps.value.median}`,
      `mean ${gaps.value.mean!.toFixed(1)}`,
      `suggested window ${gaps.value.suggestedWindowDays} days`,
      `return rate ${percent(returns.value.rate)}`,
      `gross sales ${revenue.value.grossSales.toFixed(2)}`,
      `net revenue ${revenue.value.netRevenue.toFixed(2)}`,
      `cohort ${first.key} (${first.size}) month 1/2/3 retention ${first.cells.slice(1, 4).map(percent).join(' / ')}`,
    ].join('; ');
    console.log(`REAL EXPORT HEADLINE: ${line}`);
    expect(first.key).to.equal('2009-12');
  });

  it('stays fast on half a million lines', () => {
    const start = performance.now();
    // A fresh table, so the cached row grouping is built again and timed.
    const fresh = readTransactions(rows, { fields: FIELDS, now: Date.UTC(2011, 0, 1) });
    if (!fresh.ok) throw new Error(fresh.error.message);
    const readMs = performance.now() - start;
    const metricsStart = performance.now();
    repeatPurchaseRate(fresh.value);
    timeBetweenPurchases(fresh.value);
    revenueSummary(fresh.value);
    productReturnRate(fresh.value);
    const metricsMs = performance.now() - metricsStart;
    timings.readAgain = readMs;
    timings.metrics = metricsMs;
    console.log(`REAL EXPORT TIMINGS (ms): fetch+gunzip+csvParse ${timings.fetchAndParse.toFixed(0)}, readTransactions ${readMs.toFixed(0)}, four purchase metrics ${metricsMs.toFixed(0)}`);
    expect(metricsMs).to.be.below(5_000);
  });
});
