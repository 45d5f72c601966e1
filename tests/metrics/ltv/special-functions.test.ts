import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { hyp2f1, logAddExp, logBeta, logGamma, logHyp2f1 } from '../../../src/metrics/ltv/special-functions.ts';

function expectClose(actual: number, expected: number, relative: number, what = '') {
  expect(Math.abs(actual - expected), `${what} ${actual} vs ${expected}`).to.be.at.most(relative * Math.max(1, Math.abs(expected)));
}

describe('logGamma', () => {
  it('matches exact and high-precision values', () => {
    // ln Γ(n) = ln (n − 1)!: ln 9! = ln 362880
    expectClose(logGamma(10), Math.log(362880), 1e-14, 'ln Γ(10)');
    expect(logGamma(1)).to.equal(0);
    expect(logGamma(2)).to.equal(0);
    // Γ(½) = √π, Γ(3/2) = √π / 2, Γ(5/2) = 3√π / 4
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14, 'ln Γ(1/2)');
    expectClose(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-14, 'ln Γ(3/2)');
    expectClose(logGamma(2.5), Math.log((3 * Math.sqrt(Math.PI)) / 4), 1e-14, 'ln Γ(5/2)');
    // Values from a 40-digit evaluation (mpmath.loggamma).
    expectClose(logGamma(1e-8), 18.420680738180208884, 1e-14, 'ln Γ(1e-8)');
    expectClose(logGamma(0.1), 2.252712651734205902, 1e-14, 'ln Γ(0.1)');
    expectClose(logGamma(3.7), 1.4280723266653881292, 1e-14, 'ln Γ(3.7)');
    expectClose(logGamma(100), 359.13420536957539878, 1e-14, 'ln Γ(100)');
    expectClose(logGamma(1234.5), 7550.5509010778948957, 1e-14, 'ln Γ(1234.5)');
    expectClose(logGamma(1e6), 12815504.56914761166, 1e-14, 'ln Γ(1e6)');
  });

  it('reflects below one half and refuses poles', () => {
    // Γ(−½) = −2√π, so ln |Γ(−½)| = ln 2√π
    expectClose(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14, 'ln |Γ(-1/2)|');
    expect(logGamma(0)).to.be.NaN;
    expect(logGamma(-3)).to.be.NaN;
    expect(logGamma(Number.NaN)).to.be.NaN;
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expectClose(logGamma(x + 1), Math.log(x) + logGamma(x), 1e-12);
      }),
    );
  });
});

describe('logBeta and logAddExp', () => {
  it('computes B(2, 3) = 1! 2! / 4! = 1/12 and ln(e^x + e^y)', () => {
    expectClose(logBeta(2, 3), Math.log(1 / 12), 1e-14);
    expect(logBeta(0, 1)).to.be.NaN;
    expectClose(logAddExp(Math.log(2), Math.log(3)), Math.log(5), 1e-15);
    expect(logAddExp(-Infinity, 1.5)).to.equal(1.5);
    // e^1000 overflows, the log of the sum does not: 1000 + ln 2
    expectClose(logAddExp(1000, 1000), 1000 + Math.LN2, 1e-15);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    // 2F1(1, 1; 2; z) = −ln(1 − z) / z: at ½, 2 ln 2
    expectClose(hyp2f1(1, 1, 2, 0.5), 2 * Math.LN2, 1e-14, '2F1(1,1;2;1/2)');
    // 2F1(½, ½; 3/2; z²) = arcsin(z) / z: at z = ½, (π/6) / (1/2) = π/3
    expectClose(hyp2f1(0.5, 0.5, 1.5, 0.25), Math.PI / 3, 1e-14, '2F1(1/2,1/2;3/2;1/4)');
    // 2F1(a, b; b; z) = (1 − z)^(−a)
    expectClose(hyp2f1(2.5, 3, 3, 0.9), Math.pow(0.1, -2.5), 1e-13, '2F1(2.5,3;3;0.9)');
    // A terminating series: 2F1(−2, 1; 1; z) = (1 − z)²
    expectClose(hyp2f1(-2, 1, 1, 0.5), 0.25, 1e-15, '2F1(-2,1;1;1/2)');
    // Negative z: 2F1(1, 1; 2; −½) = ln(1.5) / 0.5
    expectClose(hyp2f1(1, 1, 2, -0.5), Math.log(1.5) / 0.5, 1e-14, '2F1(1,1;2;-1/2)');
  });

  it('matches high-precision values, huge ones in logs (mpmath.hyp2f1)', () => {
    // The BG/NBD case of the CDNOW check: r+x, b+x, a+b+x−1 for x = 2, z = 39 / (α + T + 39)
    expectClose(hyp2f1(2.242593, 4.425754, 4.218639, 39 / (4.4135 + 38.86 + 39)), 4.5743520243748415835, 1e-13, 'BG/NBD');
    expectClose(hyp2f1(5, 3, 2.5, 0.9), 445536.20323882835398, 1e-13, '2F1(5,3;2.5;0.9)');
    expectClose(hyp2f1(1.5, 2.5, 0.5, 0.3), 7.6661893310077720376, 1e-13, '2F1(1.5,2.5;0.5;0.3)');
    // Slow convergence near z = 1
    expectClose(hyp2f1(0.3, 0.7, 1.9, 0.999), 1.2501754177348681845, 1e-12, 'z = 0.999');
    // A frequent buyer: the value is 4.3e65, and 7.9e240 — kept as logarithms
    expectClose(logHyp2f1(50.24, 52.43, 52.22, 0.95), 151.12693284193114367, 1e-13, 'ln, x = 50');
    expectClose(logHyp2f1(120.24, 122.43, 122.22, 0.99), 554.68934259353800028, 1e-13, 'ln, x = 120');
  });

  it('is NaN outside its domain', () => {
    expect(hyp2f1(1, 1, 2, 1)).to.be.NaN;
    expect(hyp2f1(1, 1, -2, 0.5)).to.be.NaN;
    expect(logHyp2f1(-1, 1, 2, 0.5)).to.be.NaN;
    expect(logHyp2f1(1, 1, 2, -0.5)).to.be.NaN;
    expect(logHyp2f1(1, 1, 2, 0)).to.equal(0);
  });

  it('agrees with Euler\'s transformation and with the plain series', () => {
    // Where both series are usable, the two routes inside logHyp2f1 and the
    // identity 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a,c−b;c;z) must agree.
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (a, b, c, z) => {
          const direct = logHyp2f1(a, b, c, z);
          expect(Number.isFinite(direct), `2F1(${a},${b};${c};${z})`).to.equal(true);
          // Contiguous relation (Gauss): c(c−1)(z−1) F(c−1) + c[c−1−(2c−a−b−1)z] F(c) + (c−a)(c−b) z F(c+1) = 0,
          // checked through the shift in c that keeps every parameter positive.
          const cc = c + 1;
          const f0 = Math.exp(logHyp2f1(a, b, cc - 1, z) - direct);
          const f1 = Math.exp(logHyp2f1(a, b, cc, z) - direct);
          const f2 = Math.exp(logHyp2f1(a, b, cc + 1, z) - direct);
          const lhs = cc * (cc - 1) * (z - 1) * f0 + cc * (cc - 1 - (2 * cc - a - b - 1) * z) * f1 + (cc - a) * (cc - b) * z * f2;
          const scale = Math.abs(cc * (cc - 1) * (z - 1) * f0) + Math.abs(cc * (cc - 1 - (2 * cc - a - b - 1) * z) * f1) + Math.abs((cc - a) * (cc - b) * z * f2);
          expect(Math.abs(lhs), `relation at ${a},${b},${c},${z}`).to.be.at.most(1e-9 * scale);
        },
      ),
    );
  });
});
