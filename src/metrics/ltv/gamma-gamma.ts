/**
 * The Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of
 * Monetary Value", 2013; after Colombo & Jiang 1999).
 *
 * A customer's purchase values vary around their own mean: each value is
 * Gamma(p, ν), and ν ~ Gamma(q, γ) across customers. What is observed is the
 * mean value z̄ of a customer's x repeat purchases; the model pulls a customer
 * with few purchases towards the population mean and trusts a customer with
 * many purchases more. It assumes spend is independent of purchase frequency
 * (worth checking: the correlation of x and z̄ should be near 0).
 */
import { IssueCollector, WarningCounter, collectWarnings, fail, ok, optionError, type Result } from '../issues.ts';
import { checkPositiveParameters } from './histories.ts';
import { minimize, type MinimizeOptions } from './optimize.ts';
import { logGamma } from './special-functions.ts';

export interface GammaGammaParameters {
  /** Shape of each purchase's value around the customer's mean. */
  p: number;
  /** Shape and scale of the customers' rate ν (the mean spend is p / ν). */
  q: number;
  gamma: number;
}

/** Per-customer repeat purchases and mean repeat value, as {@link rfmSummary} makes them. */
export interface SpendHistories {
  readonly frequency: ArrayLike<number>;
  /** Mean value of the repeat purchases (z̄); ignored where frequency is 0. */
  readonly monetary: ArrayLike<number>;
}

export interface SpendHistory {
  frequency: number;
  monetary: number;
}

export interface GammaGammaFitOptions extends MinimizeOptions {
  /** Starting points of the search; default three around the data's mean spend. */
  starts?: GammaGammaParameters[];
}

export interface GammaGammaFit {
  parameters: GammaGammaParameters;
  logLikelihood: number;
  converged: boolean;
  /** Customers the model was fitted on: those with a repeat purchase and a positive mean value. */
  customers: number;
  /** The population's expected mean spend γp/(q − 1); null when q ≤ 1 (no finite mean). */
  meanSpend: number | null;
  evaluations: number;
}

const PARAMETER_NAMES = ['p', 'q', 'gamma'] as const;

interface SpendSample {
  readonly x: Float64Array;
  readonly zbar: Float64Array;
  /** Terms that do not depend on the parameters: ln x and ln z̄. */
  readonly logX: Float64Array;
  readonly logZbar: Float64Array;
}

/**
 * Log-likelihood of z̄ given x, summed over customers:
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 */
function sampleLogLikelihood({ p, q, gamma }: GammaGammaParameters, sample: SpendSample): number {
  const { x, zbar, logX, logZbar } = sample;
  const constant = -logGamma(q) + q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    total +=
      constant + logGamma(px + q) - logGamma(px) + (px - 1) * logZbar[i] + px * logX[i] - (px + q) * Math.log(gamma + x[i] * zbar[i]);
  }
  return total;
}

/**
 * Picks the customers the model can use: frequency ≥ 1 and a positive mean
 * value. A repeat buyer whose purchases summed to 0 or less (free orders,
 * refunds booked as purchases) cannot be Gamma-distributed and is left out
 * with a warning rather than failing the fit.
 */
function spendSample(data: SpendHistories): Result<SpendSample> {
  if (data === null || typeof data !== 'object' || !data.frequency || !data.monetary) {
    return fail(optionError('data', 'columns frequency and monetary', data));
  }
  const n = data.frequency.length;
  if (data.monetary.length !== n) return fail(optionError('data.monetary', `${n} values, like frequency`, `${data.monetary.length} values`));
  if (n === 0) return fail(optionError('data', 'at least one customer', 'none'));
  const issues = new IssueCollector();
  const notPositive = new WarningCounter('zero-amount', (c) => `${c === 1 ? '1 repeat customer has' : `${c} repeat customers have`} a mean repeat purchase value of 0 or less; left out of the spend model.`, () => ({ subject: 'repeat-customers' }));
  const x: number[] = [];
  const zbar: number[] = [];
  for (let i = 0; i < n; i++) {
    const frequency = data.frequency[i];
    const value = data.monetary[i];
    if (!(Number.isInteger(frequency) && frequency >= 0)) issues.add(i, 'frequency', 'a whole number ≥ 0', frequency);
    else if (frequency > 0 && !Number.isFinite(value)) issues.add(i, 'monetary', 'a finite number', value);
    else if (frequency > 0 && value <= 0) notPositive.add(i);
    else if (frequency > 0) {
      x.push(frequency);
      zbar.push(value);
    }
  }
  const warnings = collectWarnings([notPositive]);
  if (issues.hasIssues) return fail(issues.toError('customer spend'), warnings);
  if (x.length === 0) return fail(optionError('data.frequency', 'at least one customer with a repeat purchase of positive value', 'none'), warnings);
  return ok(
    {
      x: Float64Array.from(x),
      zbar: Float64Array.from(zbar),
      logX: Float64Array.from(x, Math.log),
      logZbar: Float64Array.from(zbar, Math.log),
    },
    warnings,
  );
}

function fromLog(point: number[]): GammaGammaParameters {
  return { p: Math.exp(point[0]), q: Math.exp(point[1]), gamma: Math.exp(point[2]) };
}

function toLog(s: GammaGammaParameters): number[] {
  return [Math.log(s.p), Math.log(s.q), Math.log(s.gamma)];
}

/** Starts whose implied mean spend γp/(q − 1) equals the sample's mean, at three degrees of spread. */
function defaultStarts(sample: SpendSample): GammaGammaParameters[] {
  let sum = 0;
  for (let i = 0; i < sample.zbar.length; i++) sum += sample.zbar[i];
  const mean = sum / sample.zbar.length;
  return [
    { p: 1, q: 2, gamma: mean },
    { p: 4, q: 3, gamma: mean / 2 },
    { p: 10, q: 6, gamma: mean / 2 },
  ];
}

function populationMean({ p, q, gamma }: GammaGammaParameters): number | null {
  return q > 1 ? (gamma * p) / (q - 1) : null;
}

/** Log-likelihood of the customers' mean repeat values under `parameters`. */
export function gammaGammaLogLikelihood(parameters: GammaGammaParameters, data: SpendHistories): Result<number> {
  const bad = checkPositiveParameters(parameters, PARAMETER_NAMES);
  if (bad) return fail(bad);
  const sample = spendSample(data);
  if (!sample.ok) return sample;
  return ok(sampleLogLikelihood(parameters, sample.value), sample.warnings);
}

/** Maximum-likelihood fit of p, q, γ on the repeat customers, searched in logs from several starts. */
export function fitGammaGamma(data: SpendHistories, options: GammaGammaFitOptions = {}): Result<GammaGammaFit> {
  const sample = spendSample(data);
  if (!sample.ok) return sample;
  const starts = options.starts ?? defaultStarts(sample.value);
  if (!Array.isArray(starts) || starts.length === 0) return fail(optionError('starts', 'a non-empty array of starting parameters', starts));
  for (let s = 0; s < starts.length; s++) {
    const bad = checkPositiveParameters(starts[s], PARAMETER_NAMES, `starts[${s}]`);
    if (bad) return fail(bad);
  }
  const result = minimize((point) => -sampleLogLikelihood(fromLog(point), sample.value), starts.map(toLog), options);
  const parameters = fromLog(result.point);
  return ok(
    {
      parameters,
      logLikelihood: -result.value,
      converged: result.converged,
      customers: sample.value.x.length,
      meanSpend: populationMean(parameters),
      evaluations: result.evaluations,
    },
    sample.warnings,
  );
}

/**
 * Expected mean value of a customer's future purchases (Eq. 5 of the note):
 * (γ + x z̄) p / (px + q − 1), a weighted average of the population mean
 * γp/(q − 1) and the customer's own z̄ with weight px/(px + q − 1) on the
 * latter. A customer without repeat purchases gets the population mean.
 * Unchecked: q > 1 and a positive z̄ where x > 0 are the caller's to ensure.
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParameters, x: number, zbar: number): number {
  if (x === 0) return (gamma * p) / (q - 1);
  return ((gamma + x * zbar) * p) / (p * x + q - 1);
}

/** {@link expectedSpend} with its inputs checked. */
export function gammaGammaExpectedSpend(parameters: GammaGammaParameters, customer: SpendHistory): Result<number> {
  const bad = checkSpendInputs(parameters, customer);
  if (bad) return fail(bad);
  return ok(expectedSpend(parameters, customer.frequency, customer.monetary));
}

/** Option errors of the spend prediction: positive parameters, q > 1, a usable customer. */
export function checkSpendInputs(parameters: GammaGammaParameters, customer?: SpendHistory, what = 'parameters') {
  const bad = checkPositiveParameters(parameters, PARAMETER_NAMES, what);
  if (bad) return bad;
  if (!(parameters.q > 1)) return optionError(`${what}.q`, 'a number above 1 (below it the expected spend is infinite)', parameters.q);
  if (customer === undefined) return undefined;
  if (customer === null || typeof customer !== 'object') return optionError('customer', 'an object with frequency and monetary', customer);
  if (!(Number.isInteger(customer.frequency) && customer.frequency >= 0)) return optionError('customer.frequency', 'a whole number ≥ 0', customer.frequency);
  if (customer.frequency > 0 && !(Number.isFinite(customer.monetary) && customer.monetary > 0)) {
    return optionError('customer.monetary', 'a positive mean repeat purchase value', customer.monetary);
  }
  return undefined;
}
