/**
 * The special functions the predictive lifetime-value models need: log-gamma
 * for the likelihoods and the Gaussian hypergeometric function 2F1 for the
 * BG/NBD conditional expectation.
 *
 * Everything works in logarithms where values can be huge: a customer with 80
 * repeat purchases has Γ(r + 80) ≈ 10^118 and 2F1 values past 10^240, whose
 * ratios are ordinary numbers. Out-of-domain arguments give NaN; callers
 * validate their inputs and turn NaN into a reported error.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

// Lanczos approximation, g = 607/128 with 15 terms (Godfrey's coefficients):
// about 1e-15 relative accuracy in Γ for every positive argument.
const LANCZOS_G = 607 / 128;
const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];

/**
 * ln |Γ(x)| for real x; NaN at 0, negative integers and non-finite input.
 * Arguments below ½ go through the reflection formula, where Lanczos loses accuracy.
 */
export function logGamma(x: number): number {
  if (!Number.isFinite(x)) return x === Infinity ? Infinity : Number.NaN;
  if (x < 0.5) {
    if (x === Math.floor(x)) return Number.NaN;
    // Γ(x) Γ(1 − x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x === 1 || x === 2) return 0;
  const shifted = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (shifted + i);
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return Number.NaN;
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^x + e^y) without overflow; −∞ terms are allowed (ln 0). */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const top = Math.max(x, y);
  return top + Math.log1p(Math.exp(-Math.abs(x - y)));
}

const MAX_SERIES_TERMS = 1_000_000;
const RESCALE_ABOVE = 1e200;
const LOG_RESCALE = Math.log(RESCALE_ABOVE);

interface LogSum {
  /** ln |sum| */
  log: number;
  sign: number;
}

/**
 * Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ in log form. The running sum is rescaled whenever it
 * grows past 1e200, so huge values survive as logarithms. Stops when the next
 * terms can no longer move the sum (a geometric bound on the tail using the
 * larger of the next term ratio and |z|, which the ratios settle towards), or
 * when a numerator parameter is a non-positive integer and the series ends.
 */
function hypergeometricSeries(a: number, b: number, c: number, z: number): LogSum {
  let sum = 1;
  let term = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return { log: Math.log(Math.abs(sum)) + logScale, sign: Math.sign(sum) };
    if (!Number.isFinite(sum)) return { log: Number.NaN, sign: 0 };
    if (Math.abs(sum) > RESCALE_ABOVE) {
      sum /= RESCALE_ABOVE;
      term /= RESCALE_ABOVE;
      logScale += LOG_RESCALE;
    }
    const nextRatio = Math.abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z);
    const bound = Math.max(nextRatio, Math.abs(z));
    if (bound < 1 && Math.abs(term) * (bound / (1 - bound)) <= 1e-17 * Math.abs(sum)) {
      return { log: Math.log(Math.abs(sum)) + logScale, sign: Math.sign(sum) };
    }
  }
  return { log: Number.NaN, sign: 0 };
}

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, where the function is
 * positive (every term of its series is). NaN outside that domain.
 *
 * When a + b > c the plain series' terms grow like n^(a+b−c−1) zⁿ before they
 * fall (the BG/NBD case with many purchases), so Euler's transformation
 * 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c − a, c − b; c; z) is used instead:
 * its terms fall from the start. It is used only when c − a and c − b are
 * positive too (all its terms positive); otherwise, or should it still lose its
 * sign, the plain series (all terms positive) is summed.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) return Number.NaN;
  if (z === 0) return 0;
  const excess = c - a - b;
  // A negative c − a or c − b makes the transformed series alternate, and its
  // cancellation costs more digits than the plain series' growth: keep the
  // transformation for when all its terms are positive.
  if (excess < 0 && c - a > 0 && c - b > 0) {
    const transformed = hypergeometricSeries(c - a, c - b, c, z);
    if (transformed.sign > 0) return excess * Math.log1p(-z) + transformed.log;
  }
  const plain = hypergeometricSeries(a, b, c, z);
  return plain.sign > 0 ? plain.log : Number.NaN;
}

/**
 * 2F1(a, b; c; z) for |z| < 1 and c not zero or a negative integer; NaN
 * elsewhere. Positive parameters with 0 ≤ z < 1 go through {@link logHyp2f1}
 * (overflowing to Infinity only when the value itself does); other parameters
 * sum the plain series.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite) || !(Math.abs(z) < 1)) return Number.NaN;
  if (c <= 0 && c === Math.floor(c)) return Number.NaN;
  if (a > 0 && b > 0 && c > 0 && z >= 0) return Math.exp(logHyp2f1(a, b, c, z));
  const series = hypergeometricSeries(a, b, c, z);
  return series.sign * Math.exp(series.log);
}
