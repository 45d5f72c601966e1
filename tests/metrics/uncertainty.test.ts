import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isSmallSample, npsInterval, proportionChange, wilsonInterval, Z_95 } from '../../src/metrics/uncertainty.ts';

// Expected figures computed by hand (and checked in Python) from the formulas in
// src/metrics/uncertainty.ts, agreeing with the published
// Wilson tables (Newcombe 1998, table I: 0/10 → 0–0.2775, 5/10 → 0.2366–0.7634).
describe('uncertainty', () => {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;

  it('wilsonInterval: hand-computed cases', () => {
    const half = wilsonInterval(5, 10)!;
    expect([round(half.low), round(half.high)]).to.deep.equal([0.2366, 0.7634]);
    const none = wilsonInterval(0, 10)!;
    expect([round(none.low), round(none.high)]).to.deep.equal([0, 0.2775]);
    const all = wilsonInterval(10, 10)!;
    expect([round(all.low), round(all.high)]).to.deep.equal([0.7225, 1]);
    // 81 of 263 (computed independently in Python from the formula).
    const large = wilsonInterval(81, 263)!;
    expect([round(large.low), round(large.high)]).to.deep.equal([0.2553, 0.3662]);
  });

  it('wilsonInterval: nothing to judge is null', () => {
    expect(wilsonInterval(0, 0)).to.equal(null);
    expect(wilsonInterval(3, 2)).to.equal(null);
    expect(wilsonInterval(-1, 5)).to.equal(null);
    expect(wilsonInterval(Number.NaN, 5)).to.equal(null);
    expect(wilsonInterval(1, Number.POSITIVE_INFINITY)).to.equal(null);
  });

  it('wilsonInterval: always inside [0, 1], holds the rate, narrows as n grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const x = Math.round(share * n);
        const interval = wilsonInterval(x, n)!;
        const wider = wilsonInterval(x, n)!;
        const bigger = wilsonInterval(4 * x, 4 * n)!;
        return interval.low >= 0 && interval.high <= 1 && interval.low <= x / n + 1e-12 && interval.high >= x / n - 1e-12 && bigger.high - bigger.low <= wider.high - wider.low + 1e-12;
      }),
    );
  });

  it('proportionChange: 10/100 → 20/100 is just beyond noise, 10/100 → 15/100 within', () => {
    const beyond = proportionChange({ successes: 10, trials: 100 }, { successes: 20, trials: 100 })!;
    // pooled 0.15, spread √(0.15 · 0.85 · 0.02) = 0.050498, z = 0.1 / 0.050498 = 1.9803
    expect(round(beyond.z)).to.equal(1.9803);
    expect(beyond.beyondNoise).to.equal(true);
    expect(round(beyond.difference)).to.equal(0.1);
    const within = proportionChange({ successes: 10, trials: 100 }, { successes: 15, trials: 100 })!;
    expect(within.beyondNoise).to.equal(false);
    expect(within.z).to.be.greaterThan(0).and.lessThan(Z_95);
    const down = proportionChange({ successes: 20, trials: 100 }, { successes: 10, trials: 100 })!;
    expect(round(down.z)).to.equal(-1.9803);
  });

  it('proportionChange: equal extremes are no change; no trials is null', () => {
    expect(proportionChange({ successes: 0, trials: 5 }, { successes: 0, trials: 9 })).to.deep.equal({ difference: 0, z: 0, beyondNoise: false });
    expect(proportionChange({ successes: 0, trials: 0 }, { successes: 1, trials: 2 })).to.equal(null);
  });

  it('npsInterval: 50 promoters, 20 detractors of 100 → 30 ± 15.3', () => {
    // var = (0.5 + 0.2 − 0.3²) / 100 = 0.0061, half = 1.96 · 0.078102 = 0.153080
    const interval = npsInterval(50, 20, 100)!;
    expect([round(interval.low), round(interval.high)]).to.deep.equal([14.6922, 45.3078]);
    const allPromoters = npsInterval(10, 0, 10)!;
    expect(allPromoters).to.deep.equal({ low: 100, high: 100 });
    expect(npsInterval(1, 1, 0)).to.equal(null);
    expect(npsInterval(6, 6, 10)).to.equal(null);
  });

  it('isSmallSample: below 30 customers', () => {
    expect(isSmallSample(29)).to.equal(true);
    expect(isSmallSample(30)).to.equal(false);
  });
});
