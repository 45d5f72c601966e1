import { expect } from '@open-wc/testing';
import { minimize } from '../../../src/metrics/ltv/optimize.ts';

describe('minimize (Nelder–Mead with restarts)', () => {
  it('finds the minimum of a shifted quadratic', () => {
    // f = (x − 3)² + 10 (y + 1)² + 2: minimum 2 at (3, −1)
    const result = minimize(([x, y]) => (x - 3) ** 2 + 10 * (y + 1) ** 2 + 2, [[0, 0]]);
    expect(result.converged).to.equal(true);
    expect(result.point[0]).to.be.closeTo(3, 1e-6);
    expect(result.point[1]).to.be.closeTo(-1, 1e-6);
    expect(result.value).to.be.closeTo(2, 1e-10);
  });

  it('follows the Rosenbrock valley to (1, 1, 1, 1)', () => {
    const rosenbrock = (p: number[]) => {
      let sum = 0;
      for (let i = 0; i < p.length - 1; i++) sum += 100 * (p[i + 1] - p[i] ** 2) ** 2 + (1 - p[i]) ** 2;
      return sum;
    };
    const result = minimize(rosenbrock, [[-1.2, 1, -1.2, 1]]);
    expect(result.converged).to.equal(true);
    for (const coordinate of result.point) expect(coordinate).to.be.closeTo(1, 1e-5);
  });

  it('keeps the best of several starts', () => {
    // Two wells: (x² − 1)² + 0.3x has its deeper minimum near x = −1 (value ≈ −0.30) and a shallower one near x = +1 (≈ +0.30).
    const wells = ([x]: number[]) => (x * x - 1) ** 2 + 0.3 * x;
    const fromRight = minimize(wells, [[2]]);
    expect(fromRight.point[0]).to.be.greaterThan(0);
    const both = minimize(wells, [[2], [-2]]);
    expect(both.start).to.equal(1);
    expect(both.point[0]).to.be.lessThan(0);
    expect(both.evaluations).to.be.greaterThan(fromRight.evaluations);
  });

  it('treats NaN as +∞ and reports a budget that ran out', () => {
    // Undefined left of 0: the simplex must stay right of it; minimum of (ln x − 1)² at x = e.
    const result = minimize(([x]) => (x > 0 ? (Math.log(x) - 1) ** 2 : Number.NaN), [[0.5]]);
    expect(result.point[0]).to.be.closeTo(Math.E, 1e-5);
    const starved = minimize(([x, y]) => (x - 3) ** 2 + (y - 4) ** 2, [[0, 0]], { maxEvaluations: 10 });
    expect(starved.converged).to.equal(false);
  });
});
