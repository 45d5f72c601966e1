import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { forecastLifetimeValue } from '../../../src/metrics/ltv/forecast.ts';
import { predictLifetimeValue } from '../../../src/metrics/ltv/lifetime-value.ts';
import { readTransactions } from '../../../src/metrics/read/transactions.ts';

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** r = α = b = 1, a = 2: expectations are logarithms (see bg-nbd.test.ts). */
const PURCHASES = { r: 1, alpha: 1, a: 2, b: 1 };
/** p = 2, q = 3, γ = 10: population mean spend γp/(q − 1) = 10. */
const SPEND = { p: 2, q: 3, gamma: 10 };

/*
 * Three customers, time unit arbitrary:
 *   N  x = 0, T = 1:           E[Y(1)] = 2 − 4 ln 1.5 ≈ 0.37814; E[Y(2)]: z = 2/4, (2/4) · 2F1(1,1;2;½) = ln 2,
 *                              so 2 (1 − ln 2) ≈ 0.61371. Spend = population mean 10.
 *   R  x = 1, t_x = T = 1:     E[Y(1)] = 8 ln 1.5 − 3 ≈ 0.24372. Spend (10 + 1·40)·2/(2 + 3 − 1) = 25.
 *   Z  x = 0, T = 1 again but id Z: same as N.
 */
const HISTORIES = {
  customerIds: ['N', 'R', 'Z'],
  frequency: [0, 1, 0],
  recency: [0, 1, 0],
  T: [1, 1, 1],
  monetary: [0, 40, 0],
};
const E1_NEW = 2 - 4 * Math.log(1.5);
const E2_NEW = 2 * (1 - Math.LN2);
const E1_REPEAT = 8 * Math.log(1.5) - 3;

describe('predictLifetimeValue', () => {
  it('multiplies expected purchases, expected spend and margin', () => {
    const result = valueOf(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 1, margin: 0.5 }));
    const { customers, summary } = result;
    expect(customers.expectedPurchases[0]).to.be.closeTo(E1_NEW, 1e-13);
    expect(customers.expectedPurchases[1]).to.be.closeTo(E1_REPEAT, 1e-13);
    expect(Array.from(customers.expectedSpend)).to.deep.equal([10, 25, 10]);
    // N: 0.37814 · 10 · 0.5 ≈ 1.8907; R: 0.24372 · 25 · 0.5 ≈ 3.0465
    expect(customers.value[0]).to.be.closeTo(E1_NEW * 10 * 0.5, 1e-12);
    expect(customers.value[1]).to.be.closeTo(E1_REPEAT * 25 * 0.5, 1e-12);
    // P(alive) of R: 1 / (1 + a/(b+x−1) · 1) = 1/3
    expect(customers.probabilityAlive[1]).to.be.closeTo(1 / 3, 1e-15);
    const n = E1_NEW * 5;
    const r = E1_REPEAT * 12.5;
    expect(summary.customers).to.equal(3);
    expect(summary.total).to.be.closeTo(2 * n + r, 1e-12);
    expect(summary.mean).to.be.closeTo((2 * n + r) / 3, 1e-12);
    expect(summary.median).to.be.closeTo(n, 1e-12);
    expect(summary.top.map((t) => t.customerId)).to.deep.equal(['R', 'N', 'Z']);
    expect(summary.top[0]).to.deep.include({ expectedSpend: 25 });
  });

  it('discounts each period\'s purchases at the end of the period', () => {
    // Horizon 2, d = 10 %: N's value = 10 · [E(1)/1.1 + (E(2) − E(1))/1.1²]
    const result = valueOf(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 2, discountRate: 0.1 }));
    expect(result.customers.expectedPurchases[0]).to.be.closeTo(E2_NEW, 1e-13);
    expect(result.customers.value[0]).to.be.closeTo(10 * (E1_NEW / 1.1 + (E2_NEW - E1_NEW) / 1.21), 1e-12);
    // Horizon 1.5: periods end at 1 and 1.5, the last one discounted by 1.1^1.5
    const partial = valueOf(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 1.5, discountRate: 0.1 }));
    const e15 = partial.customers.expectedPurchases[0];
    expect(partial.customers.value[0]).to.be.closeTo(10 * (E1_NEW / 1.1 + (e15 - E1_NEW) / Math.pow(1.1, 1.5)), 1e-12);
  });

  it('bins the values in a histogram that counts every customer', () => {
    const result = valueOf(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 1, histogramBins: 2, topCount: 1 }));
    const { histogram, top } = result.summary;
    // Values 3.78, 6.09, 3.78: bins [0, 3.05) and [3.05, 6.09]
    expect(histogram.map((b) => b.count)).to.deep.equal([0, 3]);
    expect(histogram[0].from).to.equal(0);
    expect(histogram[1].to).to.be.closeTo(E1_REPEAT * 25, 1e-12);
    expect(top.length).to.equal(1);
  });

  it('never falls with a longer horizon, and discounting never raises it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 60, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), (horizon, extra, rate) => {
        const shorter = valueOf(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon }));
        const longer = valueOf(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: horizon + extra }));
        const discounted = valueOf(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon, discountRate: rate }));
        for (let i = 0; i < 3; i++) {
          expect(longer.customers.value[i]).to.be.at.least(shorter.customers.value[i] - 1e-9);
          expect(discounted.customers.value[i]).to.be.at.most(shorter.customers.value[i] + 1e-9);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('reports bad options', () => {
    const field = (result: { ok: boolean; error?: { issues: { field: string }[] } }) => (result.ok ? 'ok' : result.error!.issues[0].field);
    expect(field(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 0 }))).to.equal('horizon');
    expect(field(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 1, discountRate: -0.1 }))).to.equal('discountRate');
    expect(field(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 1, margin: 1.5 }))).to.equal('margin');
    expect(field(predictLifetimeValue(HISTORIES, PURCHASES, SPEND, { horizon: 1, histogramBins: 0 }))).to.equal('histogramBins');
    expect(field(predictLifetimeValue(HISTORIES, { ...PURCHASES, b: 0 }, SPEND, { horizon: 1 }))).to.equal('purchaseModel.b');
    expect(field(predictLifetimeValue(HISTORIES, PURCHASES, { ...SPEND, q: 0.9 }, { horizon: 1 }))).to.equal('spendModel.q');
    expect(field(predictLifetimeValue({ ...HISTORIES, customerIds: ['N'] }, PURCHASES, SPEND, { horizon: 1 }))).to.equal('data.customerIds');
  });
});

describe('forecastLifetimeValue', () => {
  it('summarises, fits both models and predicts from a transaction table', () => {
    // Four customers over ten weeks; three buy again.
    const rows = [
      ['a', '2024-01-01', 20], ['a', '2024-01-15', 30], ['a', '2024-02-19', 25], ['a', '2024-03-04', 35],
      ['b', '2024-01-08', 50], ['b', '2024-02-05', 40],
      ['c', '2024-01-03', 10],
      ['d', '2024-01-10', 15], ['d', '2024-01-24', 12], ['d', '2024-03-01', 18],
    ].map(([customer, date, amount]) => ({ customer, date, amount }));
    const table = valueOf(readTransactions(rows, { now: Date.UTC(2030, 0, 1) }));
    const forecast = valueOf(forecastLifetimeValue(table, { calibrationEnd: '2024-03-10', timeUnit: 'weeks', horizon: 26 }));
    expect(forecast.histories.customerIds).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(Array.from(forecast.histories.frequency)).to.deep.equal([3, 1, 0, 2]);
    expect(forecast.spendModel.customers).to.equal(3);
    const { value } = forecast.lifetimeValue.customers;
    expect(value.every((v) => v > 0)).to.equal(true);
    const failed = forecastLifetimeValue(table, { calibrationEnd: '2024-01-05', horizon: 26 });
    expect(!failed.ok && failed.error.message).to.contain('repeat purchase');
  });
});
