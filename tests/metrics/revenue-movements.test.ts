import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Granularity } from '../../src/metrics/calendar/calendar.ts';
import { revenueMovements, subscriptionChurnSeries, type RevenueMovementPeriod } from '../../src/metrics/revenue-movements.ts';
import { mrrByCustomerPeriod, readSubscriptions, type Subscription } from '../../src/metrics/subscriptions.ts';

function read(rows: unknown[]): Subscription[] {
  const result = readSubscriptions(rows);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/*
 * MRR at each month end (Dec 2023 is the empty history before the data):
 *          Dec  Jan  Feb  Mar  Apr  May
 *   A        0  100  100  150  150  150   add-on from March: expansion
 *   B        0  200  200    0    0   80   cancelled 1 March, back in May: churn, reactivation
 *   C        0    0   60   60   40   40   starts February, downgrades in April: contraction
 *   D        0    0    0    0   10   10   starts 15 April: new
 *   total    0  300  360  210  200  280
 */
const subscriptions = read([
  { customer: 'A', start: '2024-01-01', mrr: 100 },
  { customer: 'A', start: '2024-03-01', mrr: 50 },
  { customer: 'B', start: '2024-01-01', end: '2024-03-01', mrr: 200 },
  { customer: 'B', start: '2024-05-01', mrr: 80 },
  { customer: 'C', start: '2024-02-01', end: '2024-04-01', mrr: 60 },
  { customer: 'C', start: '2024-04-01', mrr: 40 },
  { customer: 'D', start: '2024-04-15', mrr: 10 },
]);

function amounts(p: RevenueMovementPeriod) {
  return [p.startingMrr, p.newMrr, p.reactivationMrr, p.expansionMrr, p.contractionMrr, p.churnedMrr, p.endingMrr];
}

function counts(p: RevenueMovementPeriod) {
  return [p.customersAtStart, p.customersAtEnd, p.newCustomers, p.reactivatedCustomers, p.lostCustomers];
}

describe('revenueMovements', () => {
  const result = revenueMovements(subscriptions, { granularity: 'month' });
  const periods = result.ok ? result.value.periods : [];

  it('classifies every change of a customer’s MRR', () => {
    expect(result.ok).to.equal(true);
    expect(periods.map((p) => p.period.key)).to.deep.equal(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    // [start, new, reactivation, expansion, contraction, churn, end]
    expect(periods.map(amounts)).to.deep.equal([
      [0, 300, 0, 0, 0, 0, 300], // A and B new
      [300, 60, 0, 0, 0, 0, 360], // C new
      [360, 0, 0, 50, 0, 200, 210], // A +50, B −200: 360 + 50 − 200 = 210
      [210, 10, 0, 0, 20, 0, 200], // D new, C −20: 210 + 10 − 20 = 200
      [200, 0, 80, 0, 0, 0, 280], // B back: 200 + 80 = 280
    ]);
    // [S, E, new, reactivated, lost]
    expect(periods.map(counts)).to.deep.equal([
      [0, 2, 2, 0, 0],
      [2, 3, 1, 0, 0],
      [3, 2, 0, 0, 1],
      [2, 3, 1, 0, 0],
      [3, 4, 0, 1, 0],
    ]);
  });

  it('computes NRR, GRR, revenue churn and the quick ratio per month', () => {
    const [jan, feb, mar, apr, may] = periods;
    // January starts without MRR: no rates; nothing lost: no quick ratio.
    expect([jan.netRevenueRetention, jan.grossRevenueRetention, jan.netRevenueChurn, jan.quickRatio]).to.deep.equal([null, null, null, null]);
    expect([feb.netRevenueRetention, feb.grossRevenueRetention, feb.netRevenueChurn]).to.deep.equal([1, 1, 0]);
    // March: NRR (360 + 50 − 200) / 360 = 0.58333; GRR (360 − 200) / 360 = 0.44444
    expect(mar.netRevenueRetention).to.be.closeTo(0.583333, 1e-6);
    expect(mar.grossRevenueRetention).to.be.closeTo(0.444444, 1e-6);
    // net churn (200 − 50) / 360 = 0.416667; gross 200 / 360 = 0.555556; quick 50 / 200 = 0.25
    expect(mar.netRevenueChurn).to.be.closeTo(0.416667, 1e-6);
    expect(mar.grossRevenueChurn).to.be.closeTo(0.555556, 1e-6);
    expect(mar.quickRatio).to.equal(0.25);
    // April: NRR = GRR = (210 − 20) / 210 = 0.904762; quick 10 / 20 = 0.5
    expect(apr.netRevenueRetention).to.be.closeTo(0.904762, 1e-6);
    expect(apr.grossRevenueRetention).to.equal(apr.netRevenueRetention);
    expect(apr.quickRatio).to.equal(0.5);
    // May: the reactivation is not the starting base's revenue: NRR stays 1.
    expect(may.netRevenueRetention).to.equal(1);
    expect(may.quickRatio).to.equal(null);
  });

  it('shows net negative churn as a negative number', () => {
    // Feb: 100 → 300 (add-on of 200): NRR (100 + 200) / 100 = 3, net churn (0 − 200) / 100 = −2
    const growing = read([
      { customer: 'A', start: '2024-01-01', mrr: 100 },
      { customer: 'A', start: '2024-02-01', mrr: 200 },
    ]);
    const feb = revenueMovements(growing, { granularity: 'month' });
    expect(feb.ok && feb.value.periods[1]).to.deep.include({ netRevenueRetention: 3, grossRevenueRetention: 1, netRevenueChurn: -2, grossRevenueChurn: 0 });
  });

  it('keeps history before `from`: starting MRR and reactivations', () => {
    const narrowed = revenueMovements(subscriptions, { granularity: 'month', from: '2024-03-01', to: '2024-06-01' });
    expect(narrowed.ok && narrowed.value.periods.map(amounts)).to.deep.equal([
      [360, 0, 0, 50, 0, 200, 210],
      [210, 10, 0, 0, 20, 0, 200],
      [200, 0, 80, 0, 0, 0, 280],
    ]);
  });

  it('does not count float noise as a movement', () => {
    // 0.1 + 0.2 in January, 0.3 in February: the same MRR.
    const noisy = read([
      { customer: 'A', start: '2024-01-01', end: '2024-02-01', mrr: 0.1 },
      { customer: 'A', start: '2024-01-01', end: '2024-02-01', mrr: 0.2 },
      { customer: 'A', start: '2024-02-01', mrr: 0.3 },
    ]);
    const feb = revenueMovements(noisy, { granularity: 'month' });
    expect(feb.ok && feb.value.periods[1]).to.deep.include({ expansionMrr: 0, contractionMrr: 0, expandedCustomers: 0, contractedCustomers: 0 });
  });

  it('rejects a bad granularity', () => {
    const bad = revenueMovements(subscriptions, { granularity: 'hour' as Granularity });
    expect(!bad.ok && bad.error.issues[0]).to.include({ field: 'granularity', found: '"hour"' });
  });
});

describe('subscriptionChurnSeries', () => {
  it('counts customers and uses the rate definitions', () => {
    const result = subscriptionChurnSeries(subscriptions, { granularity: 'month' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const [jan, feb, mar, apr, may] = result.value;
    expect([jan.retentionRate, jan.churnRate]).to.deep.equal([null, null]);
    // Feb: S 2, E 3, N 1 → CRR (3 − 1) / 2 = 1, churn 0 / 2 = 0
    expect([feb.retentionRate, feb.churnRate]).to.deep.equal([1, 0]);
    // Mar: S 3, E 2, N 0, lost 1 → CRR 2 / 3, churn 1 / 3; they add up to 1 (nobody came back)
    expect(mar.retentionRate).to.be.closeTo(0.666667, 1e-6);
    expect(mar.churnRate).to.be.closeTo(0.333333, 1e-6);
    // Apr: S 2, E 3, N 1 → CRR (3 − 1) / 2 = 1
    expect(apr.retentionRate).to.equal(1);
    // May: S 3, E 4, N 0, 1 reactivated → CRR (4 − 0) / 3 = 1.3333: above 1 by reactivated / S
    expect(may).to.deep.include({ customersAtStart: 3, customersAtEnd: 4, newCustomers: 0, reactivatedCustomers: 1, lostCustomers: 0 });
    expect(may.retentionRate).to.be.closeTo(1.333333, 1e-6);
  });
});

describe('revenue movement properties', () => {
  const subscriptionArb = fc.record({
    customer: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    startDay: fc.integer({ min: 19_700, max: 20_100 }),
    length: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    // Money comes in cents or coarser: a starting MRR of 5e-324 would make NRR
    // overflow to Infinity, which says nothing about the movements' arithmetic.
    mrr: fc.oneof(fc.constantFrom(0, 0.1, 0.2, 0.3, 9.99, 100), fc.double({ min: 0.01, max: 1e6, noNaN: true })),
  });
  const granularityArb = fc.constantFrom<Granularity>('week', 'month', 'quarter');

  it('balances: start + new + reactivation + expansion − contraction − churn = end, and periods chain', () => {
    fc.assert(
      fc.property(fc.array(subscriptionArb, { maxLength: 15 }), granularityArb, (raw, granularity) => {
        const subs: Subscription[] = raw.map((s) => ({ customer: s.customer, startDay: s.startDay, endDay: s.length === undefined ? undefined : s.startDay + s.length, mrr: s.mrr }));
        const result = revenueMovements(subs, { granularity });
        expect(result.ok).to.equal(true);
        if (!result.ok) return;
        const snapshots = mrrByCustomerPeriod(subs, { granularity });
        if (!snapshots.ok) throw new Error('snapshots');
        result.value.periods.forEach((m, p) => {
          const scale = Math.max(1, m.startingMrr, m.endingMrr);
          const balance = m.startingMrr + m.newMrr + m.reactivationMrr + m.expansionMrr - m.contractionMrr - m.churnedMrr;
          expect(balance).to.be.closeTo(m.endingMrr, 1e-9 * scale);
          expect(m.customersAtEnd).to.equal(m.customersAtStart - m.lostCustomers + m.newCustomers + m.reactivatedCustomers);
          const atEnd = snapshots.value.mrr.map((row) => row[p]).filter((v) => v > 0);
          expect(m.customersAtEnd).to.equal(atEnd.length);
          expect(m.endingMrr).to.be.closeTo(atEnd.reduce((a, b) => a + b, 0), 1e-9 * scale);
          const next = result.value.periods[p + 1];
          if (next) {
            expect(next.startingMrr).to.equal(m.endingMrr);
            expect(next.customersAtStart).to.equal(m.customersAtEnd);
          }
          if (m.netRevenueRetention !== null) {
            expect(m.netRevenueRetention).to.be.at.least(m.grossRevenueRetention!);
            expect(m.grossRevenueRetention).to.be.within(0, 1);
            expect(m.netRevenueChurn).to.be.closeTo(1 - m.netRevenueRetention, 1e-9 * Math.max(1, m.netRevenueRetention));
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('customer retention + churn = 1 in periods nobody reactivates in', () => {
    fc.assert(
      fc.property(fc.array(subscriptionArb, { maxLength: 15 }), granularityArb, (raw, granularity) => {
        const subs: Subscription[] = raw.map((s) => ({ customer: s.customer, startDay: s.startDay, endDay: s.length === undefined ? undefined : s.startDay + s.length, mrr: s.mrr }));
        const result = subscriptionChurnSeries(subs, { granularity });
        if (!result.ok) throw new Error(result.error.message);
        for (const p of result.value) {
          if (p.retentionRate === null) {
            expect(p.customersAtStart).to.equal(0);
            continue;
          }
          expect(p.retentionRate).to.be.at.least(0);
          const reactivatedShare = p.reactivatedCustomers / p.customersAtStart;
          expect(p.retentionRate + p.churnRate!).to.be.closeTo(1 + reactivatedShare, 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });
});
