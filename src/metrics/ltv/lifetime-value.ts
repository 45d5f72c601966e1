/**
 * Predictive customer lifetime value over a horizon: expected purchases
 * (BG/NBD) × expected value per purchase (Gamma-Gamma) × margin, optionally
 * discounted, per customer and summarised.
 *
 * Discounting: the horizon is cut into whole periods of the time unit (the
 * last one partial when the horizon is not whole). The purchases expected in
 * period k, E[Y(k)] − E[Y(k − 1)], are valued at the end of that period,
 * divided by (1 + d)^k with d the discount rate per period. With d = 0 this is
 * simply E[Y(horizon)] × spend × margin. The rate is per time unit: an annual
 * rate of 10 % with weekly units is (1.10)^(1/52) − 1 ≈ 0.00183 per week.
 */
import { WarningCounter, collectWarnings, fail, ok, optionError, type InputWarning, type Result } from '../issues.ts';
import { aliveProbability, conditionalPurchases, type BgNbdParameters } from './bg-nbd.ts';
import { checkSpendInputs, expectedSpend, type GammaGammaParameters } from './gamma-gamma.ts';
import { checkHistories, checkPositiveParameters, type PurchaseHistories } from './histories.ts';

/** Histories with ids and mean repeat values: what {@link rfmSummary} returns. */
export interface CustomerHistories extends PurchaseHistories {
  readonly customerIds: readonly string[];
  readonly monetary: ArrayLike<number>;
}

export interface LifetimeValueOptions {
  /** Length of the forecast, in the histories' time unit (e.g. 52 for a year in weeks). */
  horizon: number;
  /** Discount rate per time unit as a fraction (0.002 = 0.2 % per week); default 0. */
  discountRate?: number;
  /** Share of revenue kept as profit, 0–1; default 1 (value = revenue). */
  margin?: number;
  /** How many customers {@link LifetimeValueSummary.top} lists; default 10. */
  topCount?: number;
  /** Equal-width bins of the value histogram; default 20. */
  histogramBins?: number;
}

/** Columns aligned with the input's customers. */
export interface CustomerLifetimeValues {
  readonly customerIds: readonly string[];
  /** Expected purchases within the horizon (undiscounted). */
  readonly expectedPurchases: Float64Array;
  readonly probabilityAlive: Float64Array;
  /** Expected value of one future purchase. */
  readonly expectedSpend: Float64Array;
  /** Lifetime value over the horizon: discounted, after margin. */
  readonly value: Float64Array;
}

export interface HistogramBin {
  /** Lower edge, included. */
  from: number;
  /** Upper edge, excluded except in the last bin. */
  to: number;
  count: number;
}

export interface TopCustomer {
  customerId: string;
  value: number;
  expectedPurchases: number;
  expectedSpend: number;
  probabilityAlive: number;
}

export interface LifetimeValueSummary {
  customers: number;
  total: number;
  mean: number;
  median: number;
  histogram: HistogramBin[];
  /** Highest values first; ties in input order. */
  top: TopCustomer[];
}

export interface PredictedLifetimeValue {
  customers: CustomerLifetimeValues;
  summary: LifetimeValueSummary;
  horizon: number;
  discountRate: number;
  margin: number;
}

function checkOptions(options: LifetimeValueOptions) {
  if (options === null || typeof options !== 'object') return optionError('options', 'an object with a horizon', options);
  const { horizon, discountRate = 0, margin = 1, topCount = 10, histogramBins = 20 } = options;
  if (!(typeof horizon === 'number' && Number.isFinite(horizon) && horizon > 0)) return optionError('horizon', 'a positive number of time units', horizon);
  if (!(typeof discountRate === 'number' && Number.isFinite(discountRate) && discountRate >= 0)) return optionError('discountRate', 'a fraction ≥ 0 per time unit (0.01 = 1 %)', discountRate);
  if (!(typeof margin === 'number' && margin >= 0 && margin <= 1)) return optionError('margin', 'a fraction between 0 and 1', margin);
  if (!(Number.isInteger(topCount) && topCount >= 0)) return optionError('topCount', 'a whole number ≥ 0', topCount);
  if (!(Number.isInteger(histogramBins) && histogramBins >= 1)) return optionError('histogramBins', 'a whole number ≥ 1', histogramBins);
  return undefined;
}

/** Expected purchases in the horizon, each period's share discounted to today; also the undiscounted total. */
function discountedPurchases(parameters: BgNbdParameters, x: number, tx: number, T: number, horizon: number, rate: number) {
  const total = conditionalPurchases(parameters, x, tx, T, horizon);
  if (rate === 0) return { total, discounted: total };
  let discounted = 0;
  let before = 0;
  for (let k = 1; k < horizon + 1; k++) {
    const end = Math.min(k, horizon);
    const upTo = end === horizon ? total : conditionalPurchases(parameters, x, tx, T, end);
    discounted += (upTo - before) / Math.pow(1 + rate, end);
    before = upTo;
  }
  return { total, discounted };
}

/**
 * Lifetime value of every customer over the horizon with fitted models. The
 * histories must be in the time unit the purchase model was fitted in.
 */
export function predictLifetimeValue(
  histories: CustomerHistories,
  purchaseModel: BgNbdParameters,
  spendModel: GammaGammaParameters,
  options: LifetimeValueOptions,
): Result<PredictedLifetimeValue> {
  const bad =
    checkOptions(options) ??
    checkPositiveParameters(purchaseModel, ['r', 'alpha', 'a', 'b'], 'purchaseModel') ??
    checkSpendInputs(spendModel, undefined, 'spendModel');
  if (bad) return fail(bad);
  const checked = checkHistories(histories);
  if (!checked.ok) return checked;
  const n = checked.value;
  if (!histories.customerIds || histories.customerIds.length !== n) {
    return fail(optionError('data.customerIds', `${n} ids, one per customer`, histories.customerIds?.length));
  }
  if (!histories.monetary || histories.monetary.length !== n) {
    return fail(optionError('data.monetary', `${n} values, one per customer`, histories.monetary?.length));
  }
  const { horizon, discountRate = 0, margin = 1, topCount = 10, histogramBins = 20 } = options;
  const purchases = new Float64Array(n);
  const alive = new Float64Array(n);
  const spend = new Float64Array(n);
  const value = new Float64Array(n);
  const notPositive = new WarningCounter('zero-amount', (c) => `${c === 1 ? '1 repeat customer has' : `${c} repeat customers have`} a mean repeat purchase value of 0 or less; their expected spend is the model's estimate for a value of 0.`, () => ({ subject: 'repeat-customers' }));
  for (let i = 0; i < n; i++) {
    const x = histories.frequency[i];
    let zbar = histories.monetary[i];
    if (x > 0 && !(zbar > 0)) {
      notPositive.add(i);
      zbar = 0;
    }
    const { total, discounted } = discountedPurchases(purchaseModel, x, histories.recency[i], histories.T[i], horizon, discountRate);
    purchases[i] = total;
    alive[i] = aliveProbability(purchaseModel, x, histories.recency[i], histories.T[i]);
    spend[i] = expectedSpend(spendModel, x, zbar);
    value[i] = discounted * spend[i] * margin;
  }
  const badValue = value.findIndex((v) => !Number.isFinite(v));
  if (badValue >= 0) {
    return fail(optionError('purchaseModel', 'parameters for which every customer\'s expected purchases can be evaluated', `customer ${histories.customerIds[badValue]}`));
  }
  const customers = { customerIds: histories.customerIds, expectedPurchases: purchases, probabilityAlive: alive, expectedSpend: spend, value };
  const warnings: InputWarning[] = collectWarnings([notPositive]);
  return ok({ customers, summary: summarize(customers, topCount, histogramBins), horizon, discountRate, margin }, warnings);
}

/** Mean, median, an equal-width histogram from 0 (or the minimum, if negative) to the maximum, and the top customers. */
export function summarize(customers: CustomerLifetimeValues, topCount: number, bins: number): LifetimeValueSummary {
  const { value } = customers;
  const n = value.length;
  const sorted = Float64Array.from(value).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += value[i];
  const median = n === 0 ? Number.NaN : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

  const low = Math.min(0, sorted[0] ?? 0);
  const high = sorted[n - 1] ?? 0;
  const width = high > low ? (high - low) / bins : 1;
  const histogram: HistogramBin[] = [];
  const binCount = high > low ? bins : 1;
  for (let b = 0; b < binCount; b++) histogram.push({ from: low + b * width, to: b === binCount - 1 ? Math.max(high, low + width) : low + (b + 1) * width, count: 0 });
  for (let i = 0; i < n; i++) histogram[Math.min(binCount - 1, Math.floor((value[i] - low) / width))].count++;

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => value[j] - value[i] || i - j);
  const top = order.slice(0, topCount).map((i) => ({
    customerId: customers.customerIds[i],
    value: value[i],
    expectedPurchases: customers.expectedPurchases[i],
    expectedSpend: customers.expectedSpend[i],
    probabilityAlive: customers.probabilityAlive[i],
  }));
  return { customers: n, total, mean: n ? total / n : Number.NaN, median, histogram, top };
}
