import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  aliveProbability,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  conditionalPurchases,
  expectedPurchasesOfNewCustomer,
  fitBgNbd,
  type BgNbdParameters,
} from '../../../src/metrics/ltv/bg-nbd.ts';

const ONES: BgNbdParameters = { r: 1, alpha: 1, a: 1, b: 1 };
/** a = 2, b = 1 makes (a+b+x−1)/(a−1) whole and the 2F1 a logarithm. */
const SIMPLE: BgNbdParameters = { r: 1, alpha: 1, a: 2, b: 1 };

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('BG/NBD log-likelihood', () => {
  it('matches the hand-computed likelihood of two customers', () => {
    /*
     * r = α = a = b = 1, so Γ(r+x)α^r/Γ(r) = x! and B(a, b) = 1.
     * Customer 1, x = 0, T = 1: B(1, 1)/B(1, 1) · 1/(1+1)^1 = 1/2.
     * Customer 2, x = 1, t_x = 1, T = 2:
     *   alive:   B(1, 2) · 1!/(1+2)^2 = (1/2)(1/9) = 1/18
     *   dropped: B(2, 1) · 1!/(1+1)^2 = (1/2)(1/4) = 1/8
     *   1/18 + 1/8 = 13/72.
     * Sum of logs: ln(1/2 · 13/72) = ln(13/144).
     */
    const data = { frequency: [0, 1], recency: [0, 1], T: [1, 2] };
    expect(valueOf(bgNbdLogLikelihood(ONES, data))).to.be.closeTo(Math.log(13 / 144), 1e-14);
    // Identical customers are grouped, and still each counted.
    const doubled = { frequency: [0, 1, 0, 1], recency: [0, 1, 0, 1], T: [1, 2, 1, 2] };
    expect(valueOf(bgNbdLogLikelihood(ONES, doubled))).to.be.closeTo(2 * Math.log(13 / 144), 1e-14);
  });
});

describe('BG/NBD predictions', () => {
  it('P(alive) by hand', () => {
    // r = 1, α = 1, a = 1, b = 2; x = 1, t_x = 1, T = 2:
    // 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) = 1 / (1 + 1/2 · (3/2)²) = 1 / (1 + 9/8) = 8/17
    const p = { r: 1, alpha: 1, a: 1, b: 2 };
    expect(valueOf(bgNbdProbabilityAlive(p, { frequency: 1, recency: 1, T: 2 }))).to.be.closeTo(8 / 17, 1e-15);
    expect(valueOf(bgNbdProbabilityAlive(p, { frequency: 0, recency: 0, T: 2 }))).to.equal(1);
  });

  it('expected purchases of a new customer by hand', () => {
    // (a+b−1)/(a−1) [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))] with r=α=b=1, a=2, t=1:
    // 2F1(1, 1; 2; ½) = 2 ln 2, (1/2)^1 · 2 ln 2 = ln 2, so 2 (1 − ln 2) ≈ 0.6137
    expect(valueOf(bgNbdExpectedPurchases(SIMPLE, 1))).to.be.closeTo(2 * (1 - Math.LN2), 1e-14);
    expect(valueOf(bgNbdExpectedPurchases(SIMPLE, 0))).to.equal(0);
  });

  it('conditional expected purchases by hand', () => {
    // x = 0, T = 1, t = 1: z = 1/3, 2F1(1, 1; 2; 1/3) = 3 ln 1.5, ((α+T)/(α+T+t))^1 = 2/3,
    // so 2 (1 − 2 ln 1.5) = 2 − 4 ln 1.5 ≈ 0.3781; P(alive) = 1.
    const none = { frequency: 0, recency: 0, T: 1 };
    expect(valueOf(bgNbdConditionalExpectedPurchases(SIMPLE, none, 1))).to.be.closeTo(2 - 4 * Math.log(1.5), 1e-14);
    // x = 1, t_x = T = 1, t = 1: c = a+b+x−1 = 3, z = 1/3.
    // 2F1(2, 2; 3; z) = 2 d/dz[−ln(1−z)/z] = 2 [1/(z(1−z)) + ln(1−z)/z²] = 2 [9/2 + 9 ln(2/3)].
    // Bracket: 1 − (2/3)² · 2 [9/2 + 9 ln(2/3)] = 1 − 4 − 8 ln(2/3) = −3 + 8 ln 1.5; times 3/(a−1) = 3.
    // Denominator: 1 + a/(b+x−1) · 1^(r+x) = 1 + 2 = 3.  E = (−9 + 24 ln 1.5) / 3 = 8 ln 1.5 − 3 ≈ 0.2437
    const one = { frequency: 1, recency: 1, T: 1 };
    expect(valueOf(bgNbdConditionalExpectedPurchases(SIMPLE, one, 1))).to.be.closeTo(8 * Math.log(1.5) - 3, 1e-13);
  });

  it('is continuous through a = 1, where the formulas divide by a − 1', () => {
    const at = (a: number) => conditionalPurchases({ r: 0.8, alpha: 3, a, b: 2 }, 3, 10, 20, 15);
    const left = at(1 - 1e-4);
    const right = at(1 + 1e-4);
    expect(at(1)).to.be.closeTo((left + right) / 2, 1e-6);
    expect(expectedPurchasesOfNewCustomer({ r: 0.8, alpha: 3, a: 1, b: 2 }, 10)).to.be.closeTo(
      (expectedPurchasesOfNewCustomer({ r: 0.8, alpha: 3, a: 1 - 1e-4, b: 2 }, 10) + expectedPurchasesOfNewCustomer({ r: 0.8, alpha: 3, a: 1 + 1e-4, b: 2 }, 10)) / 2,
      1e-6,
    );
  });

  it('stays finite for a very frequent buyer', () => {
    // 2F1 alone is ~1e240 here, (α+T)/(α+T+t) to the power r+x ~1e-240.
    const value = valueOf(bgNbdConditionalExpectedPurchases({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { frequency: 120, recency: 38, T: 39 }, 520));
    expect(value).to.be.greaterThan(0);
    expect(Number.isFinite(value)).to.equal(true);
  });
});

const parameters = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 10, noNaN: true }),
});
const history = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 200, noNaN: true }))
  .map(([x, share, T]) => ({ frequency: x, recency: x === 0 ? 0 : share * T, T }));

describe('BG/NBD properties', () => {
  it('P(alive) is a probability, and grows with recency', () => {
    fc.assert(
      fc.property(parameters, history, (p, h) => {
        const alive = aliveProbability(p, h.frequency, h.recency, h.T);
        expect(alive).to.be.within(0, 1);
        if (h.frequency > 0) expect(aliveProbability(p, h.frequency, h.T, h.T)).to.be.at.least(alive);
      }),
    );
  });

  it('conditional expectation is ≥ 0 and never falls as the horizon grows', () => {
    fc.assert(
      fc.property(parameters, history, fc.double({ min: 0.01, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true }), (p, h, t, extra) => {
        const shorter = conditionalPurchases(p, h.frequency, h.recency, h.T, t);
        const longer = conditionalPurchases(p, h.frequency, h.recency, h.T, t + extra);
        expect(Number.isFinite(shorter), `${JSON.stringify([p, h, t])}`).to.equal(true);
        expect(shorter).to.be.at.least(-1e-9);
        expect(longer).to.be.at.least(shorter - 1e-9 * Math.max(1, shorter));
      }),
    );
  });

  it('a customer without repeat purchases is a new customer whose α grew by T', () => {
    // Given x = 0 the posterior of λ is Gamma(r, α + T) and of p unchanged.
    fc.assert(
      fc.property(parameters, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (p, T, t) => {
        const conditional = conditionalPurchases(p, 0, 0, T, t);
        const fresh = expectedPurchasesOfNewCustomer({ ...p, alpha: p.alpha + T }, t);
        expect(conditional).to.be.closeTo(fresh, 1e-9 * Math.max(1, fresh));
      }),
    );
  });
});

describe('fitBgNbd', () => {
  const small = {
    frequency: [0, 0, 1, 2, 5, 0, 3, 1, 0, 7],
    recency: [0, 0, 4, 10, 30, 0, 12, 20, 0, 35],
    T: [40, 30, 38, 35, 36, 20, 39, 25, 10, 40],
  };

  it('never ends worse than its starting points, and reports what it did', () => {
    const start = { r: 1, alpha: 5, a: 1, b: 3 };
    const fit = valueOf(fitBgNbd(small, { starts: [start] }));
    expect(fit.logLikelihood).to.be.at.least(valueOf(bgNbdLogLikelihood(start, small)));
    expect(fit.customers).to.equal(10);
    // (0,0,40) (0,0,30) (0,0,20) (0,0,10) and six repeaters: ten distinct triples
    expect(fit.distinctHistories).to.equal(10);
    expect(fit.evaluations).to.be.greaterThan(0);
    expect(fit.logLikelihood).to.be.closeTo(valueOf(bgNbdLogLikelihood(fit.parameters, small)), 1e-9);
  });

  it('reports bad input and options', () => {
    const empty = fitBgNbd({ frequency: [], recency: [], T: [] });
    expect(!empty.ok && empty.error.message).to.contain('at least one customer');
    const noRepeat = fitBgNbd({ frequency: [0, 0], recency: [0, 0], T: [3, 4] });
    expect(!noRepeat.ok && noRepeat.error.message).to.contain('repeat purchase');
    const late = fitBgNbd({ frequency: [1, 2], recency: [3, 9], T: [4, 8] });
    expect(!late.ok && late.error.issues[0]).to.deep.include({ index: 1, field: 'recency' });
    const fractional = fitBgNbd({ frequency: [1.5], recency: [1], T: [4] });
    expect(!fractional.ok && fractional.error.issues[0].field).to.equal('frequency');
    const ragged = fitBgNbd({ frequency: [1, 2], recency: [1], T: [4, 5] });
    expect(!ragged.ok && ragged.error.issues[0].field).to.equal('data.recency');
    const badStart = fitBgNbd(small, { starts: [{ r: 1, alpha: -1, a: 1, b: 1 }] });
    expect(!badStart.ok && badStart.error.issues[0].field).to.equal('starts[0].alpha');
    const badParameter = bgNbdExpectedPurchases({ ...SIMPLE, r: 0 }, 1);
    expect(!badParameter.ok && badParameter.error.issues[0].field).to.equal('parameters.r');
    const badHorizon = bgNbdExpectedPurchases(SIMPLE, -1);
    expect(!badHorizon.ok && badHorizon.error.issues[0].field).to.equal('t');
    const badCustomer = bgNbdProbabilityAlive(SIMPLE, { frequency: 0, recency: 2, T: 3 });
    expect(!badCustomer.ok && badCustomer.error.issues[0].field).to.equal('customer.recency');
  });
});
