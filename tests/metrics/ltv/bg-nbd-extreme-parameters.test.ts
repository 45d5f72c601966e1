/**
 * BG/NBD at the edges of its parameter space, where the fit's search goes:
 * a, b near 0 and r, α very small or very large (r, α → ∞ together is a
 * plain Poisson process). The expected values were computed at 60 digits with
 * mpmath 1.3.0 from the textbook formulas, every input taken as the exact
 * double the test uses, and rounded to the nearest double:
 *
 *   from mpmath import mp, mpf, loggamma, log, exp, hyp2f1; mp.dps = 60
 *   def loglik(r, al, a, b, xs, txs, Ts):          # Eq. 6, summed
 *     r, al, a, b = map(mpf, (r, al, a, b)); total = 0
 *     for x, tx, T in zip(xs, txs, Ts):
 *       x, tx, T = mpf(x), mpf(tx), mpf(T)
 *       common = loggamma(r+x) - loggamma(r) + r*log(al) - loggamma(b) + loggamma(a+b)
 *       L = exp(loggamma(b+x) - loggamma(a+b+x) + common - (r+x)*log(al+T))
 *       if x > 0: L += exp(log(a) + loggamma(b+x-1) - loggamma(a+b+x) + common - (r+x)*log(al+tx))
 *       total += log(L)
 *     return total
 *   def palive(r, al, a, b, x, tx, T):              # Eq. 11
 *     r, al, a, b, x, tx, T = map(mpf, (r, al, a, b, x, tx, T))
 *     return 1 if x == 0 else 1 / (1 + a/(b+x-1) * ((al+T)/(al+tx))**(r+x))
 *   def conditional(r, al, a, b, x, tx, T, t):      # Eq. 10
 *     r, al, a, b, x, tx, T, t = map(mpf, (r, al, a, b, x, tx, T, t)); c = a+b+x-1
 *     bracket = 1 - ((al+T)/(al+T+t))**(r+x) * hyp2f1(r+x, b+x, c, t/(al+T+t))
 *     return c/(a-1) * bracket * palive(r, al, a, b, x, tx, T)
 *
 * Before the kit kept small terms apart, tiny a and b gave a log-likelihood
 * of +∞ and P(alive) = 0 at x = 1 (b + x − 1 was 0), and r = α = 1e20 gave
 * +1.03 instead of −129.26.
 */
import { expect } from '@open-wc/testing';
import { aliveProbability, bgNbdLogLikelihood, conditionalPurchases, type BgNbdParameters } from '../../../src/metrics/ltv/bg-nbd.ts';

/** Five customers: one without repeat purchases, two with x = 1 (where b + x − 1 is b alone). */
const DATA = { frequency: [0, 1, 2, 5, 1], recency: [0, 4, 10, 30.5, 38], T: [40, 38, 35, 36, 39] };

interface Case {
  name: string;
  parameters: BgNbdParameters;
  logLikelihood: number;
  /** P(alive) of each customer of DATA. */
  alive: number[];
}

const CASES: Case[] = [
  {
    name: 'a = b = 1e-17',
    parameters: { r: 0.8, alpha: 3, a: 1e-17, b: 1e-17 },
    logLikelihood: -38.0794636133626,
    alive: [1, 0.039856721843233585, 0.9999999999999998, 1, 0.48915780165011513],
  },
  {
    name: 'a = 1e-17',
    parameters: { r: 0.8, alpha: 3, a: 1e-17, b: 2 },
    logLikelihood: -39.24440923927131,
    alive: [1, 0.9999999999999999, 0.9999999999999999, 1, 1],
  },
  {
    name: 'b = 1e-17',
    parameters: { r: 0.8, alpha: 3, a: 2, b: 1e-17 },
    logLikelihood: -114.98719751460001,
    alive: [1, 2.0755611558177268e-19, 0.024208851941048815, 0.4530024420227834, 4.787758364815844e-18],
  },
  {
    name: 'r = α = 1e-17',
    parameters: { r: 1e-17, alpha: 1e-17, a: 0.8, b: 2 },
    logLikelihood: -184.37177638541064,
    alive: [1, 0.20833333333333331, 0.234375, 0.7660144632366593, 0.708955223880597],
  },
  {
    name: 'α = 5e-324, the smallest double (T/α overflows)',
    parameters: { r: 0.5, alpha: 5e-324, a: 0.8, b: 2 },
    logLikelihood: -1897.9185559546963,
    alive: [1, 0.07866343520077144, 0.14061980676645147, 0.7508303277805428, 0.7062681079573164],
  },
  {
    name: 'r = α = 1e20 (a Poisson process of rate 1)',
    parameters: { r: 1e20, alpha: 1e20, a: 0.8, b: 2 },
    logLikelihood: -129.26145290204124,
    alive: [1, 4.2847710788550136e-15, 5.207978949090277e-11, 0.029739254276152982, 0.47908489464208337],
  },
  {
    name: 'α = 1e15',
    parameters: { r: 2, alpha: 1e15, a: 0.8, b: 2 },
    logLikelihood: -302.33175732505765,
    alive: [1, 0.7142857142856934, 0.7894736842105097, 0.8823529411764666, 0.7142857142857136],
  },
  {
    name: 'r = 1e9, α = 1e10',
    parameters: { r: 1e9, alpha: 1e10, a: 0.8, b: 2 },
    logLikelihood: -37.21340121771972,
    alive: [1, 0.07700814145409908, 0.2353680479051963, 0.8122814336604476, 0.693448398710832],
  },
];

/** Relative agreement a few units above double rounding: the computed values come to within 5e-15. */
const TOLERANCE = 1e-13;

function expectClose(actual: number, expected: number, what: string) {
  expect(actual, what).to.be.closeTo(expected, TOLERANCE * Math.abs(expected));
}

describe('BG/NBD at extreme parameters, against 60-digit values', () => {
  for (const { name, parameters, logLikelihood, alive } of CASES) {
    it(`log-likelihood and P(alive) at ${name}`, () => {
      const computed = bgNbdLogLikelihood(parameters, DATA);
      expect(computed.ok).to.equal(true);
      if (computed.ok) expectClose(computed.value, logLikelihood, 'log-likelihood');
      DATA.frequency.forEach((x, i) => expectClose(aliveProbability(parameters, x, DATA.recency[i], DATA.T[i]), alive[i], `P(alive) of customer ${i + 1}`));
    });
  }

  it('conditional expected purchases with a + b + x − 1 of about 1e-17', () => {
    // At x = 1 the 2F1's c = a + b + x − 1 is 2e-17: computed as a + b + 0, not (a + b + 1) − 1 = 0.
    expectClose(conditionalPurchases({ r: 0.8, alpha: 3, a: 1e-17, b: 1e-17 }, 1, 4, 38, 39), 0.06824248471695116, 'x = 1');
    expectClose(conditionalPurchases({ r: 0.8, alpha: 3, a: 1e-17, b: 1e-17 }, 2, 10, 35, 39), 2.8736842105263154, 'x = 2');
    expectClose(conditionalPurchases({ r: 1e20, alpha: 1e20, a: 0.8, b: 2 }, 2, 10, 35, 39), 6.455728273693241e-10, 'r = α = 1e20');
  });
});
