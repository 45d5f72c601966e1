import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  churnFromRetention,
  customerChurnRate,
  customerRetentionRate,
  daysSalesOutstanding,
  grossRevenueRetention,
  netPromoterScore,
  netRevenueRetention,
  revenueChurnRate,
  saasLifetimeValue,
} from '../../src/metrics/rates.ts';
import type { Result } from '../../src/metrics/issues.ts';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got: ${result.error.message}`);
  return result.value;
}

function error<T>(result: Result<T>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('customerRetentionRate', () => {
  it('is (E − N) / S', () => {
    // (520 − 45) / 500 = 475 / 500 = 0.95
    expect(value(customerRetentionRate({ start: 500, end: 520, new: 45 }))).to.equal(0.95);
    // attribute text reads like numbers: (10 − 2) / 16 = 0.5
    expect(value(customerRetentionRate({ start: '16', end: '10', new: '2' }))).to.equal(0.5);
  });

  it('says why a period starting with no customers has no rate', () => {
    const e = error(customerRetentionRate({ start: 0, end: 5, new: 5 }));
    expect(e.issues[0]).to.include({ index: -1, field: 'start', found: '0' });
    expect(e.message).to.contain('undefined for a period that starts with no customers');
  });

  it('rejects more new customers than customers at the end, negatives and fractions', () => {
    expect(error(customerRetentionRate({ start: 10, end: 5, new: 6 })).issues[0]).to.include({ field: 'new', found: '6' });
    expect(error(customerRetentionRate({ start: 10, end: -1, new: 0 })).issues[0]).to.include({ field: 'end', found: '-1' });
    expect(error(customerRetentionRate({ start: 10.5, end: 5, new: 0 })).issues[0]).to.include({ field: 'start' });
    const nan = error(customerRetentionRate({ start: Number.NaN, end: 5, new: 0 }));
    expect(nan.message).to.contain('field "start": expected a whole number of at least 0, found NaN');
  });

  it('can exceed 1 by the reactivated share: S = 10, 2 lost, 3 back, no new → E = 11, CRR = 1.1', () => {
    // (11 − 0) / 10 = 1.1: returning customers are in E but not in N.
    expect(value(customerRetentionRate({ start: 10, end: 11, new: 0 }))).to.equal(1.1);
  });
});

describe('customerChurnRate and churnFromRetention', () => {
  it('follows the worked examples', () => {
    // 25 / 500 = 0.05
    expect(value(customerChurnRate({ start: 500, lost: 25 }))).to.equal(0.05);
    // 1 − 0.97 = 0.03 (to floating-point accuracy)
    expect(value(churnFromRetention(0.97))).to.be.closeTo(0.03, 1e-12);
  });

  it('rejects losing more customers than there were, and S = 0', () => {
    expect(error(customerChurnRate({ start: 5, lost: 6 })).issues[0]).to.include({ field: 'lost', found: '6' });
    expect(error(customerChurnRate({ start: 0, lost: 0 })).issues[0]).to.include({ field: 'start' });
    expect(error(churnFromRetention(1.2)).issues[0]).to.include({ field: 'retention', found: '1.2' });
  });

  it('reports input that is not an object', () => {
    expect(error(customerChurnRate(null as never)).issues[0]).to.include({ field: '(input)', expected: 'an object with named fields' });
  });

  it('retention + churn = 1 when nobody reactivates (E = S − lost + N)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(1e6), (start, lostShare, acquired) => {
        const lost = Math.floor(lostShare * start);
        const end = start - lost + acquired;
        const retention = value(customerRetentionRate({ start, end, new: acquired }));
        const churn = value(customerChurnRate({ start, lost }));
        expect(retention + churn).to.be.closeTo(1, 1e-12);
        expect(retention).to.be.within(0, 1);
        expect(churn).to.be.within(0, 1);
      }),
    );
  });

  it('CRR stays in [0, 1 + reactivated / S] for consistent counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e5 }), fc.nat(1e5), fc.nat(1e5), fc.nat(1e5), (start, lostRaw, back, acquired) => {
        const lost = lostRaw % (start + 1);
        const end = start - lost + back + acquired;
        const retention = value(customerRetentionRate({ start, end, new: acquired }));
        expect(retention).to.be.at.least(0);
        expect(retention).to.be.at.most(1 + back / start + 1e-12);
      }),
    );
  });
});

describe('revenue rates', () => {
  it('revenue churn: net and gross, negative net churn is a result, not an error', () => {
    // gross (300 + 200) / 10 000 = 0.05; net (300 + 200 − 100) / 10 000 = 0.04
    expect(value(revenueChurnRate({ startRevenue: 10_000, churned: 300, contraction: 200, expansion: 100 }))).to.deep.equal({
      netRevenueChurn: 0.04,
      grossRevenueChurn: 0.05,
    });
    // net (100 + 50 − 400) / 1 000 = −0.25: the base grew
    expect(value(revenueChurnRate({ startRevenue: 1000, churned: 100, contraction: 50, expansion: 400 }))).to.deep.equal({
      netRevenueChurn: -0.25,
      grossRevenueChurn: 0.15,
    });
    // expansion optional: 0
    expect(value(revenueChurnRate({ startRevenue: 200, churned: 20, contraction: 0 })).netRevenueChurn).to.equal(0.1);
  });

  it('NRR and GRR', () => {
    // NRR (1000 + 400 − 50 − 100) / 1000 = 1.25; GRR (1000 − 50 − 100) / 1000 = 0.85
    const amounts = { startRevenue: 1000, expansion: 400, contraction: 50, churned: 100 };
    expect(value(netRevenueRetention(amounts))).to.equal(1.25);
    expect(value(grossRevenueRetention(amounts))).to.equal(0.85);
  });

  it('rejects zero starting revenue and losing more than the start', () => {
    const zero = error(netRevenueRetention({ startRevenue: 0, expansion: 0, contraction: 0, churned: 0 }));
    expect(zero.issues[0]).to.include({ field: 'startRevenue', found: '0' });
    const tooMuch = error(grossRevenueRetention({ startRevenue: 100, contraction: 60, churned: 50 }));
    expect(tooMuch.issues[0]).to.include({ field: 'churned', found: '50' });
    expect(error(revenueChurnRate({ startRevenue: 100, churned: Infinity, contraction: 0 })).issues[0]).to.include({ field: 'churned', found: 'Infinity' });
  });

  it('NRR ≥ GRR, 0 ≤ GRR ≤ 1, churn = 1 − retention', () => {
    const amounts = fc
      .tuple(fc.double({ min: 0.01, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }))
      .map(([startRevenue, lostShare, churnShare, expansion]) => {
        const lost = startRevenue * lostShare;
        return { startRevenue, churned: lost * churnShare, contraction: lost * (1 - churnShare), expansion };
      });
    fc.assert(
      fc.property(amounts, (a) => {
        const nrr = value(netRevenueRetention(a));
        const grr = value(grossRevenueRetention(a));
        const churn = value(revenueChurnRate(a));
        expect(nrr).to.be.at.least(grr);
        expect(grr).to.be.within(0, 1);
        expect(churn.grossRevenueChurn).to.be.closeTo(1 - grr, 1e-9);
        expect(churn.netRevenueChurn).to.be.closeTo(1 - nrr, 1e-9 * Math.max(1, nrr));
      }),
    );
  });
});

describe('saasLifetimeValue', () => {
  it('is ARPA × margin / churn', () => {
    // 100 × 0.8 / 0.05 = 1600
    expect(value(saasLifetimeValue({ arpa: 100, grossMargin: 0.8, churnRate: 0.05 }))).to.be.closeTo(1600, 1e-9);
    // 50 × 1 / 0.25 = 200
    expect(value(saasLifetimeValue({ arpa: '50', grossMargin: '1', churnRate: '0.25' }))).to.equal(200);
  });

  it('is unbounded at churn 0, and checks the margin is a fraction', () => {
    const e = error(saasLifetimeValue({ arpa: 100, grossMargin: 0.8, churnRate: 0 }));
    expect(e.issues[0]).to.include({ field: 'churnRate', found: '0' });
    expect(e.message).to.contain('lifetime value is unbounded when churn is 0');
    expect(error(saasLifetimeValue({ arpa: 100, grossMargin: 80, churnRate: 0.1 })).issues[0]).to.include({ field: 'grossMargin' });
  });
});

describe('daysSalesOutstanding', () => {
  it('is receivables / credit sales × days', () => {
    // 30 000 / 90 000 × 90 = 30
    expect(value(daysSalesOutstanding({ receivables: 30_000, creditSales: 90_000, days: 90 }))).to.be.closeTo(30, 1e-9);
    // 0 / 500 × 31 = 0
    expect(value(daysSalesOutstanding({ receivables: 0, creditSales: 500, days: 31 }))).to.equal(0);
  });

  it('is undefined without credit sales', () => {
    expect(error(daysSalesOutstanding({ receivables: 10, creditSales: 0, days: 30 })).issues[0]).to.include({ field: 'creditSales' });
    expect(error(daysSalesOutstanding({ receivables: 10, creditSales: 10, days: 0 })).issues[0]).to.include({ field: 'days' });
  });
});

describe('netPromoterScore', () => {
  it('scores a list of responses', () => {
    // promoters 10, 9, 9 = 3; passives 8, 7 = 2; detractors 6, 0, 3, 5, 1 = 5; 10 responses
    // (3 − 5) × 100 / 10 = −20
    const nps = value(netPromoterScore([10, 9, 9, 8, 7, 6, 0, 3, 5, 1]));
    expect(nps).to.deep.equal({
      score: -20,
      promoters: 3,
      passives: 2,
      detractors: 5,
      responses: 10,
      promoterShare: 0.3,
      passiveShare: 0.2,
      detractorShare: 0.5,
    });
  });

  it('scores counts', () => {
    // (50 − 10) × 100 / 80 = 50
    const nps = value(netPromoterScore({ promoters: 50, passives: 20, detractors: 10 }));
    expect(nps.score).to.equal(50);
    expect(nps.passiveShare).to.equal(0.25);
  });

  it('names the position of a bad score', () => {
    const e = error(netPromoterScore([10, 11, 7.5, '9', 'x']));
    expect(e.total).to.equal(3);
    expect(e.issues.map((i) => [i.index, i.field, i.found])).to.deep.equal([
      [1, 'score', '11'],
      [2, 'score', '7.5'],
      [4, 'score', '"x"'],
    ]);
    expect(e.message).to.contain('record 2, field "score": expected a whole number from 0 to 10, found 11');
  });

  it('has no score without responses', () => {
    expect(error(netPromoterScore([])).message).to.contain('NPS is undefined without responses');
    expect(error(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).issues[0]).to.include({ field: 'promoters' });
  });

  it('stays within −100 … 100 and its shares add up to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const nps = value(netPromoterScore(scores));
        expect(nps.score).to.be.within(-100, 100);
        expect(nps.promoterShare + nps.passiveShare + nps.detractorShare).to.be.closeTo(1, 1e-12);
        expect(nps.score).to.be.closeTo((nps.promoterShare - nps.detractorShare) * 100, 1e-9);
      }),
    );
  });
});
