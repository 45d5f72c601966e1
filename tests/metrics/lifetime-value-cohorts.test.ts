import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { cohortLifetimeValue, saasInputsFromTransactions } from '../../src/metrics/lifetime-value-cohorts.ts';
import { historicLifetimeValue } from '../../src/metrics/purchases.ts';
import { saasLifetimeValue } from '../../src/metrics/rates.ts';
import { readTransactions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

function tableOf(rows: object[]): TransactionTable {
  const result = readTransactions(rows, { now: Date.UTC(2030, 0, 1) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/*
 * Cohorts by first purchase month:
 *   a  2024-01-05  10, 2024-02-10  30, 2024-03-01 −5 (return)   → January, net 35, lifespan 36 days, 2 orders
 *   b  2024-01-20  20                                           → January, net 20, lifespan 0, 1 order
 *   c  2024-02-03  40, 2024-02-13  40                           → February, net 80, lifespan 10, 2 orders
 * January: 2 customers, net 55 → value 27.5; lifespan (36 + 0) / 2 = 18 days; orders (2 + 1) / 2 = 1.5.
 * February: 1 customer, net 80 → value 80; lifespan 10; 2 orders.
 * Overall: (35 + 20 + 80) / 3 = 45.
 */
const ROWS = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'a', date: '2024-02-10', amount: 30 },
  { customer: 'a', date: '2024-03-01', amount: -5 },
  { customer: 'b', date: '2024-01-20', amount: 20 },
  { customer: 'c', date: '2024-02-03', amount: 40 },
  { customer: 'c', date: '2024-02-13', amount: 40 },
];

describe('cohortLifetimeValue', () => {
  it('averages net revenue per first-purchase month', () => {
    const result = valueOf(cohortLifetimeValue(tableOf(ROWS)));
    expect(result.cohorts.map((c) => [c.key, c.customers, c.netRevenue, c.value, c.averageLifespanDays, c.purchasesPerCustomer])).to.deep.equal([
      ['2024-01', 2, 55, 27.5, 18, 1.5],
      ['2024-02', 1, 80, 80, 10, 2],
    ]);
    expect(result.overall).to.deep.equal({ customers: 3, netRevenue: 135, value: 45 });
  });

  it('groups by quarter: one cohort of 3 worth 135 / 3 = 45', () => {
    const result = valueOf(cohortLifetimeValue(tableOf(ROWS), { granularity: 'quarter' }));
    expect(result.cohorts.map((c) => [c.key, c.customers, c.value])).to.deep.equal([['2024-Q1', 3, 45]]);
  });

  it('rejects an unknown granularity', () => {
    const result = cohortLifetimeValue(tableOf(ROWS), { granularity: 'fortnight' as never });
    expect(result.ok).to.equal(false);
  });

  it('cohorts weighted by size give back historicLifetimeValue', () => {
    const row = fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      date: fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
      amount: fc.integer({ min: -20, max: 100 }).filter((a) => a !== 0),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.constantFrom('week', 'month', 'quarter'), (rows, granularity) => {
        if (!rows.some((r) => r.amount > 0)) return;
        const table = tableOf(rows);
        const cohorts = valueOf(cohortLifetimeValue(table, { granularity: granularity as 'month' }));
        const historic = valueOf(historicLifetimeValue(table));
        const customers = cohorts.cohorts.reduce((n, c) => n + c.customers, 0);
        const weighted = cohorts.cohorts.reduce((sum, c) => sum + c.value * c.customers, 0) / customers;
        expect(customers).to.equal(historic.customers);
        expect(weighted).to.be.closeTo(historic.value!, 1e-9);
      }),
    );
  });
});

/*
 * Window 30 days, months. Purchases (10 each):
 *   v: 2023-12-01    x: Jan 10, Feb 5, Mar 3    y: Jan 12, Feb 8    z: Jan 20
 * December and January: their windows reach back before Dec 1 / S = 0 (v's Dec 1 is outside
 *   [Dec 2, Jan 1)), so neither is measured. February: window [Jan 2, Feb 1) inside the data;
 *   S = {x, y, z} = 3, E = active on Mar 1 = {x (Feb 5), y (Feb 8)} = 2, lost = {z} = 1, revenue 20.
 * March holds the last day (Mar 3), so it is still running and not measured.
 * churn = 1 / 3; customer-periods = (3 + 2) / 2 = 2.5; ARPA = 20 / 2.5 = 8;
 * SaaS LTV at margin 1 = 8 / (1 / 3) = 24.
 */
describe('saasInputsFromTransactions', () => {
  const rows = [
    { customer: 'v', date: '2023-12-01', amount: 10 },
    { customer: 'x', date: '2024-01-10', amount: 10 },
    { customer: 'y', date: '2024-01-12', amount: 10 },
    { customer: 'z', date: '2024-01-20', amount: 10 },
    { customer: 'x', date: '2024-02-05', amount: 10 },
    { customer: 'y', date: '2024-02-08', amount: 10 },
    { customer: 'x', date: '2024-03-03', amount: 10 },
  ];

  it('measures ARPA and churn over complete, uncensored periods', () => {
    const inputs = valueOf(saasInputsFromTransactions(tableOf(rows), { windowDays: 30 }));
    expect(inputs.periods).to.equal(1);
    expect(inputs.churnRate).to.be.closeTo(1 / 3, 1e-12);
    expect(inputs.arpa).to.equal(8);
    expect(valueOf(saasLifetimeValue({ arpa: inputs.arpa, grossMargin: 1, churnRate: inputs.churnRate }))).to.be.closeTo(24, 1e-9);
  });

  it('with March complete (a purchase on Apr 2), February and March both count', () => {
    // April is the running period now; March: S = 2, E = {x} = 1 (Mar 3 within 30 days of Apr 1), lost = {y}.
    const inputs = valueOf(saasInputsFromTransactions(tableOf([...rows, { customer: 'w', date: '2024-04-02', amount: 10 }]), { windowDays: 30 }));
    expect(inputs.periods).to.equal(2);
    expect(inputs.churnRate).to.be.closeTo(2 / 5, 1e-12); // (1 + 1) / (3 + 2)
    expect(inputs.arpa).to.be.closeTo(30 / 4, 1e-12); // (20 + 10) / (2.5 + 1.5)
  });

  it('fails readably when nothing churned or nothing can be measured', () => {
    const none = saasInputsFromTransactions(tableOf(rows.slice(0, 3)), { windowDays: 30 });
    expect(none.ok).to.equal(false);
    const bad = saasInputsFromTransactions(tableOf(rows), { windowDays: 0 });
    expect(bad.ok).to.equal(false);
  });
});
