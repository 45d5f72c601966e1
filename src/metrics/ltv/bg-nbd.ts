/**
 * The BG/NBD purchase model (Fader, Hardie & Lee, "Counting Your Customers
 * the Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science
 * 24(2), 2005).
 *
 * While alive, a customer buys as a Poisson process with rate λ, λ ~ Gamma(r, α)
 * across customers; after every purchase the customer drops out for good with
 * probability p, p ~ Beta(a, b). α is in the data's time unit (weeks, days …).
 * From each customer's repeat purchases x, the age at the last purchase t_x and
 * the age at the end of calibration T, the model is fitted by maximum
 * likelihood and then predicts purchases in a future period and the
 * probability that a customer is still alive.
 */
import { fail, ok, optionError, type Result } from '../issues.ts';
import {
  checkHistories,
  checkHistory,
  checkPositiveParameters,
  checkSpan,
  type PurchaseHistories,
  type PurchaseHistory,
} from './histories.ts';
import { minimize, type MinimizeOptions } from './optimize.ts';
import { hyp2f1, logGamma, logHyp2f1 } from './special-functions.ts';

export interface BgNbdParameters {
  /** Shape of the purchase-rate distribution. */
  r: number;
  /** Scale of the purchase-rate distribution, in time units. */
  alpha: number;
  /** Dropout-probability Beta parameters. */
  a: number;
  b: number;
}

export interface BgNbdFitOptions extends MinimizeOptions {
  /** Starting points of the search; default three spread around the data's purchase rate. */
  starts?: BgNbdParameters[];
}

export interface BgNbdFit {
  parameters: BgNbdParameters;
  /** Log-likelihood at the parameters (sum over customers). */
  logLikelihood: number;
  /** Whether the best run met the minimiser's tolerances. */
  converged: boolean;
  customers: number;
  /** Distinct (x, t_x, T) triples: the likelihood is evaluated once per triple. */
  distinctHistories: number;
  /** Likelihood evaluations over all starting points. */
  evaluations: number;
}

const PARAMETER_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Customers with the same (x, t_x, T) contribute the same likelihood term, and
 * the terms that depend on x, t_x or T alone are shared by many triples: all
 * are computed once per evaluation. On CDNOW, 2,357 customers are 1,016
 * triples of 31 distinct x, 84 distinct T and a few hundred distinct t_x.
 */
interface GroupedHistories {
  readonly count: Float64Array;
  /** Indexes of each triple's x, t_x and T into the distinct values. */
  readonly xIndex: Int32Array;
  readonly recencyIndex: Int32Array;
  readonly tIndex: Int32Array;
  readonly distinctX: Float64Array;
  readonly distinctRecency: Float64Array;
  readonly distinctT: Float64Array;
}

/** Numbers each distinct value of a column as it is first seen. */
class Distinct {
  readonly index = new Map<number, number>();
  of(value: number): number {
    let k = this.index.get(value);
    if (k === undefined) this.index.set(value, (k = this.index.size));
    return k;
  }
  values(): Float64Array {
    return Float64Array.from(this.index.keys());
  }
}

function groupHistories(data: PurchaseHistories): GroupedHistories {
  const xs = new Distinct();
  const recencies = new Distinct();
  const ages = new Distinct();
  const triples = new Map<string, number>();
  const count: number[] = [];
  const xIndex: number[] = [];
  const recencyIndex: number[] = [];
  const tIndex: number[] = [];
  for (let i = 0; i < data.frequency.length; i++) {
    const x = xs.of(data.frequency[i]);
    const recency = recencies.of(data.recency[i]);
    const age = ages.of(data.T[i]);
    const key = `${x} ${recency} ${age}`;
    const known = triples.get(key);
    if (known !== undefined) {
      count[known]++;
      continue;
    }
    triples.set(key, count.length);
    count.push(1);
    xIndex.push(x);
    recencyIndex.push(recency);
    tIndex.push(age);
  }
  return {
    count: Float64Array.from(count),
    xIndex: Int32Array.from(xIndex),
    recencyIndex: Int32Array.from(recencyIndex),
    tIndex: Int32Array.from(tIndex),
    distinctX: xs.values(),
    distinctRecency: recencies.values(),
    distinctT: ages.values(),
  };
}

// ---------------------------------------------------------------------------
// Numerical care. The fit's search roams over many orders of magnitude: a, b
// towards 0 (dropout almost certain, or almost never), r and α towards ∞
// together (every customer buys at the same rate r/α). There, textbook forms
// of the formulas subtract nearly equal numbers: b + x − 1 is 0 at x = 1 when
// b < 1e-16, and r ln α − (r+x) ln(α+T) is two numbers of 1e21 whose
// difference is a few units at r = α = 1e20. The forms below keep each small
// term apart until it meets numbers of its own size.

/**
 * ln Γ(u + d) − ln Γ(u) for u > 0, d ≥ 0. For u ≥ 100 the two log-gammas would
 * each be about u ln u and their difference lose that many digits: Stirling's
 * series of both, regrouped so that only moderate terms are subtracted
 * ((u − ½) ln(1 + d/u) + d ln(u+d) − d, plus the difference of the 1/z
 * corrections, whose next term is below 1e-17 there).
 */
function logGammaRatio(u: number, d: number): number {
  if (d === 0) return 0;
  if (u < 100) return logGamma(u + d) - logGamma(u);
  const v = u + d;
  return (u - 0.5) * Math.log1p(d / u) + d * (Math.log(v) - 1) + stirlingCorrection(v) - stirlingCorrection(u);
}

/** ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π] for large z: 1/(12z) − 1/(360z³) + 1/(1260z⁵). */
function stirlingCorrection(z: number): number {
  const inverse = 1 / z;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square / 1260));
}

/**
 * ln(1 + num/den) for num ≥ 0, den > 0: log1p of the ratio, which stays exact
 * when den dwarfs num (α = 1e20, T = 40); when the ratio overflows (α tiny) the
 * two logarithms are far apart and their difference is safe.
 */
function logOnePlusRatio(num: number, den: number): number {
  const ratio = num / den;
  return ratio < Infinity ? Math.log1p(ratio) : Math.log(den + num) - Math.log(den);
}

/** ln(1 + e^z) without overflow for large z. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * ln(a/(b+x−1)), the part of the dropout odds of a customer with x > 0 repeat
 * purchases that depends on x alone. The count is reduced before it meets b:
 * at x = 1, b + x − 1 would be 0 for b below 1e-16.
 */
function logDropoutWeight(a: number, b: number, x: number): number {
  return Math.log(a) - Math.log(b + (x - 1));
}

/**
 * ln((α+T)/(α+t_x)) as ln(1 + T/α) − ln(1 + t_x/α): each is small where α
 * dwarfs the ages, so the difference keeps its digits at α = 1e20, where
 * ln(α+T) − ln(α+t_x) would be two numbers of 46 whose difference is 1e-19.
 */
function logAgeRatio(alpha: number, tx: number, T: number): number {
  return logOnePlusRatio(T, alpha) - logOnePlusRatio(tx, alpha);
}

/**
 * Log-likelihood of Eq. 6 of the paper, summed over customers:
 * L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *   + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
 * the two terms being "still alive at T" and "dropped out right after the
 * last purchase". In logs: ln L = alive + ln(1 + e^(dropped − alive)), with
 * dropped − alive = ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x)) (see
 * {@link logDropoutWeight} and {@link logAgeRatio}) and
 * alive = ln Γ(r+x)/Γ(r) + ln Γ(a+b)/Γ(b) − ln Γ(a+b+x)/Γ(b+x) − r ln(1 + T/α) − x ln(α+T),
 * each ratio of gammas by {@link logGammaRatio} and α^r/(α+T)^r as one log1p.
 */
function groupedLogLikelihood({ r, alpha, a, b }: BgNbdParameters, groups: GroupedHistories): number {
  const { distinctX, distinctT, distinctRecency, count, xIndex, recencyIndex, tIndex } = groups;
  const shared = new Float64Array(distinctX.length);
  const dropout = new Float64Array(distinctX.length);
  // B(a, b+x)/B(a, b) = [Γ(a+b)/Γ(b)] / [Γ(a+b+x)/Γ(b+x)]
  const betaDenominator = logGammaRatio(b, a);
  for (let k = 0; k < distinctX.length; k++) {
    const x = distinctX[k];
    shared[k] = logGammaRatio(r, x) + betaDenominator - logGammaRatio(b + x, a);
    dropout[k] = x > 0 ? logDropoutWeight(a, b, x) : Number.NaN;
  }
  // Per distinct age, ln(1 + age/α): the likelihood's α^r/(α+T)^r is e^(−r·that), and differences of two make logAgeRatio.
  const growthT = new Float64Array(distinctT.length);
  const logAlphaT = new Float64Array(distinctT.length);
  for (let i = 0; i < distinctT.length; i++) {
    growthT[i] = logOnePlusRatio(distinctT[i], alpha);
    logAlphaT[i] = Math.log(alpha + distinctT[i]);
  }
  const growthRecency = new Float64Array(distinctRecency.length);
  for (let i = 0; i < distinctRecency.length; i++) growthRecency[i] = logOnePlusRatio(distinctRecency[i], alpha);
  let total = 0;
  for (let g = 0; g < count.length; g++) {
    const k = xIndex[g];
    const x = distinctX[k];
    const t = tIndex[g];
    let term = shared[k] - r * growthT[t] - x * logAlphaT[t];
    if (x > 0) term += softplus(dropout[k] + (r + x) * (growthT[t] - growthRecency[recencyIndex[g]]));
    total += count[g] * term;
  }
  return total;
}

function fromLog(point: number[]): BgNbdParameters {
  return { r: Math.exp(point[0]), alpha: Math.exp(point[1]), a: Math.exp(point[2]), b: Math.exp(point[3]) };
}

function toLog(p: BgNbdParameters): number[] {
  return [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)];
}

/**
 * Default starts: r/α, the mean purchase rate, set to the data's repeat
 * purchases per unit of observed time, at three scales of heterogeneity and
 * dropout, so the fit does not depend on the time unit the data is in.
 */
function defaultStarts(data: PurchaseHistories): BgNbdParameters[] {
  let purchases = 0;
  let time = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    purchases += data.frequency[i];
    time += data.T[i];
  }
  const scale = time > 0 ? time / Math.max(purchases, 1) : 1;
  return [
    { r: 1, alpha: scale, a: 1, b: 1 },
    { r: 0.5, alpha: scale / 2, a: 0.5, b: 2 },
    { r: 2, alpha: 2 * scale, a: 2, b: 5 },
  ];
}

/** Log-likelihood of the histories under `parameters`, summed over customers. */
export function bgNbdLogLikelihood(parameters: BgNbdParameters, data: PurchaseHistories): Result<number> {
  const bad = checkPositiveParameters(parameters, PARAMETER_NAMES);
  if (bad) return fail(bad);
  const checked = checkHistories(data);
  if (!checked.ok) return checked;
  return ok(groupedLogLikelihood(parameters, groupHistories(data)));
}

/**
 * Maximum-likelihood fit of r, α, a, b. The search runs on the parameters'
 * logarithms, which keeps them positive without constraints, from several
 * starting points (see {@link minimize}). Needs at least one customer with a
 * repeat purchase: without one the likelihood has no maximum (dropout and
 * purchase rate cannot be told apart).
 */
export function fitBgNbd(data: PurchaseHistories, options: BgNbdFitOptions = {}): Result<BgNbdFit> {
  const checked = checkHistories(data);
  if (!checked.ok) return checked;
  let repeaters = 0;
  for (let i = 0; i < data.frequency.length; i++) if (data.frequency[i] > 0) repeaters++;
  if (repeaters === 0) return fail(optionError('data.frequency', 'at least one customer with a repeat purchase', 'none'));
  const starts = options.starts ?? defaultStarts(data);
  if (!Array.isArray(starts) || starts.length === 0) return fail(optionError('starts', 'a non-empty array of starting parameters', starts));
  for (let s = 0; s < starts.length; s++) {
    const bad = checkPositiveParameters(starts[s], PARAMETER_NAMES, `starts[${s}]`);
    if (bad) return fail(bad);
  }
  const groups = groupHistories(data);
  const result = minimize((point) => -groupedLogLikelihood(fromLog(point), groups), starts.map(toLog), options);
  return ok({
    parameters: fromLog(result.point),
    logLikelihood: -result.value,
    converged: result.converged,
    customers: checked.value,
    distinctHistories: groups.count.length,
    evaluations: result.evaluations,
  });
}

// ---------------------------------------------------------------------------
// Predictions. The unchecked kernels take validated input; the exported
// Result functions check it first.

/**
 * Near a = 1 the formulas' factor 1/(a − 1) meets a bracket that vanishes with
 * it; the limit is finite, so evaluate on both sides and average.
 */
const NEAR_ONE = 1e-6;

function awayFromOne(parameters: BgNbdParameters, formula: (p: BgNbdParameters) => number): number {
  if (Math.abs(parameters.a - 1) >= NEAR_ONE) return formula(parameters);
  return 0.5 * (formula({ ...parameters, a: 1 - NEAR_ONE }) + formula({ ...parameters, a: 1 + NEAR_ONE }));
}

/**
 * 1 − (1 − z)^power · 2F1(power, b; c; z), the bracket of Eqs. 9 and 10.
 * With c > 0 power and 2F1 meet in logarithms (for a frequent buyer each alone
 * overflows) and the bracket is −expm1(…), which keeps short horizons precise.
 * c ≤ 0 only happens for x = 0 with a + b ≤ 1; the 2F1 may then be negative,
 * and moderate, so it is used as it is.
 */
function bracket(power: number, b: number, c: number, z: number): number {
  if (c > 0) return -Math.expm1(power * Math.log1p(-z) + logHyp2f1(power, b, c, z));
  return 1 - Math.pow(1 - z, power) * hyp2f1(power, b, c, z);
}

/**
 * Expected purchases in (0, t] of a customer just acquired (Eq. 9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchasesOfNewCustomer(parameters: BgNbdParameters, t: number): number {
  if (t === 0) return 0;
  return awayFromOne(parameters, ({ r, alpha, a, b }) => {
    return ((a + b - 1) / (a - 1)) * bracket(r, b, a + b - 1, t / (alpha + t));
  });
}

/**
 * Expected purchases in the next t time units of a customer with history
 * (x, t_x, T) (Eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 */
export function conditionalPurchases(parameters: BgNbdParameters, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  return awayFromOne(parameters, (p) => {
    const { r, alpha, a, b } = p;
    // The count is reduced first: at x = 1, a + b + x − 1 would lose a and b when they are tiny.
    const c = a + b + (x - 1);
    return (c / (a - 1)) * bracket(r + x, b + x, c, t / (alpha + T + t)) * aliveProbability(p, x, tx, T);
  });
}

/**
 * P(alive | x, t_x, T) (Eq. 11): 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * A customer without repeat purchases is alive for sure: in BG/NBD dropout
 * can only happen right after a purchase, and the first one does not count.
 */
export function aliveProbability({ r, alpha, a, b }: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(logDropoutWeight(a, b, x) + (r + x) * logAgeRatio(alpha, tx, T)));
}

function numberOrError(value: number, what: string): Result<number> {
  return Number.isFinite(value) ? ok(value) : fail(optionError('parameters', `parameters for which ${what} can be evaluated`, 'a value out of numeric range'));
}

/** {@link expectedPurchasesOfNewCustomer} with its inputs checked. */
export function bgNbdExpectedPurchases(parameters: BgNbdParameters, t: number): Result<number> {
  const bad = checkPositiveParameters(parameters, PARAMETER_NAMES) ?? checkSpan(t, 't');
  if (bad) return fail(bad);
  return numberOrError(expectedPurchasesOfNewCustomer(parameters, t), 'the expected purchases');
}

/** {@link conditionalPurchases} with its inputs checked. */
export function bgNbdConditionalExpectedPurchases(parameters: BgNbdParameters, customer: PurchaseHistory, t: number): Result<number> {
  const bad = checkPositiveParameters(parameters, PARAMETER_NAMES) ?? checkHistory(customer) ?? checkSpan(t, 't');
  if (bad) return fail(bad);
  return numberOrError(conditionalPurchases(parameters, customer.frequency, customer.recency, customer.T, t), 'the conditional expectation');
}

/** {@link aliveProbability} with its inputs checked. */
export function bgNbdProbabilityAlive(parameters: BgNbdParameters, customer: PurchaseHistory): Result<number> {
  const bad = checkPositiveParameters(parameters, PARAMETER_NAMES) ?? checkHistory(customer);
  if (bad) return fail(bad);
  return ok(aliveProbability(parameters, customer.frequency, customer.recency, customer.T));
}

