import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { expectedSpend, fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from '../../../src/metrics/ltv/gamma-gamma.ts';

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Gamma-Gamma log-likelihood', () => {
  it('matches the hand-computed density of one customer, and skips one-time buyers', () => {
    /*
     * p = 1, q = 2, γ = 1; x = 1, z̄ = 1:
     * Γ(px+q)/(Γ(px)Γ(q)) · γ^q · x^(px) · z̄^(px−1) / (γ + x z̄)^(px+q)
     * = Γ(3)/(Γ(1)Γ(2)) · 1 · 1 · 1 / 2³ = 2/8 = 1/4.
     * The customer with x = 0 has no repeat value and is not part of the sample.
     */
    const data = { frequency: [1, 0], monetary: [1, 0] };
    expect(valueOf(gammaGammaLogLikelihood({ p: 1, q: 2, gamma: 1 }, data))).to.be.closeTo(Math.log(1 / 4), 1e-14);
  });
});

describe('Gamma-Gamma expected spend', () => {
  it('by hand', () => {
    // p = 2, q = 3, γ = 10; x = 2, z̄ = 20: (γ + x z̄) p / (px + q − 1) = (10 + 40) · 2 / (4 + 3 − 1) = 100/6
    const model = { p: 2, q: 3, gamma: 10 };
    expect(valueOf(gammaGammaExpectedSpend(model, { frequency: 2, monetary: 20 }))).to.be.closeTo(100 / 6, 1e-13);
    // x = 0: the population mean γp/(q − 1) = 20/2 = 10
    expect(valueOf(gammaGammaExpectedSpend(model, { frequency: 0, monetary: 0 }))).to.equal(10);
  });

  it('lies between the population mean and the customer\'s own mean, nearer the latter with more purchases', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 1.01, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        (p, q, gamma, x, zbar) => {
          const model = { p, q, gamma };
          const population = (gamma * p) / (q - 1);
          const spend = expectedSpend(model, x, zbar);
          const slack = 1e-9 * Math.max(population, zbar);
          expect(spend).to.be.within(Math.min(population, zbar) - slack, Math.max(population, zbar) + slack);
          const more = expectedSpend(model, x + 1, zbar);
          expect(Math.abs(more - zbar)).to.be.at.most(Math.abs(spend - zbar) + slack);
        },
      ),
    );
  });
});

describe('fitGammaGamma', () => {
  const data = { frequency: [1, 2, 3, 1, 4, 0, 2, 6], monetary: [20, 35, 28, 15, 40, 0, 22, 31] };

  it('never ends worse than its start, and reports the sample it used', () => {
    const start = { p: 2, q: 3, gamma: 20 };
    const fit = valueOf(fitGammaGamma(data, { starts: [start] }));
    expect(fit.logLikelihood).to.be.at.least(valueOf(gammaGammaLogLikelihood(start, data)));
    expect(fit.customers).to.equal(7);
    expect(fit.meanSpend).to.equal(fit.parameters.q > 1 ? (fit.parameters.gamma * fit.parameters.p) / (fit.parameters.q - 1) : null);
  });

  it('leaves out repeat buyers with no positive value, with a warning', () => {
    const result = fitGammaGamma({ frequency: [...data.frequency, 2], monetary: [...data.monetary, 0] });
    expect(result.ok && result.value.customers).to.equal(7);
    expect(result.warnings.map((w) => [w.code, w.count, w.examples])).to.deep.equal([['zero-amount', 1, [8]]]);
  });

  it('reports bad input and options', () => {
    const none = fitGammaGamma({ frequency: [0, 0], monetary: [0, 0] });
    expect(!none.ok && none.error.message).to.contain('at least one customer with a repeat purchase');
    const empty = fitGammaGamma({ frequency: [], monetary: [] });
    expect(!empty.ok && empty.error.message).to.contain('at least one customer');
    const bad = fitGammaGamma({ frequency: [1, 2], monetary: [10, Number.NaN] });
    expect(!bad.ok && bad.error.issues[0]).to.deep.include({ index: 1, field: 'monetary' });
    const q = gammaGammaExpectedSpend({ p: 2, q: 1, gamma: 10 }, { frequency: 1, monetary: 5 });
    expect(!q.ok && q.error.issues[0].field).to.equal('parameters.q');
    const customer = gammaGammaExpectedSpend({ p: 2, q: 3, gamma: 10 }, { frequency: 1, monetary: -5 });
    expect(!customer.ok && customer.error.issues[0].field).to.equal('customer.monetary');
  });
});
