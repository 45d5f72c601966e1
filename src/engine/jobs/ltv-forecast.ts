/**
 * The ltv-forecast job: transactions in; historic lifetime value per
 * first-purchase cohort, the simple SaaS formula, and the predictive value
 * (BG/NBD + Gamma-Gamma fitted on the data) out. Fitting is the costly part,
 * so the element runs this job in the metrics worker for anything but small
 * inputs, and the job reports progress between its steps.
 *
 * The predictive and SaaS parts may fail on their own (no repeat customer, no
 * churn measured) without hiding the historic values: their errors travel in
 * the model and the element shows them in place.
 *
 * One of the three leads (`headline`, chosen by metrics/ltv/headline.ts from
 * what the data supports, or asked for by the page). A gross margin, when the
 * page gives one, applies to every value alike (value = revenue × margin);
 * without one every value is revenue, and the model says no margin was given
 * rather than pretending a margin of 100 %.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import type { Granularity } from '../../metrics/calendar/calendar.ts';
import { fail, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { MARGIN_EXPECTATION, readMargin, type MarginNotation } from '../../metrics/margin.ts';
import { chooseLtvHeadline, type LtvHeadline, type LtvMethod } from '../../metrics/ltv/headline.ts';
import { recurringBilling, type RecurringBilling } from '../../metrics/ltv/billing.ts';
import { cohortLifetimeValue, saasInputsFromTransactions, type LifetimeValueCohort } from '../../metrics/lifetime-value-cohorts.ts';
import { fitBgNbd, fitGammaGamma, predictLifetimeValue, rfmSummary, timeUnitDays, type BgNbdParameters, type GammaGammaParameters, type TimeUnit, type TopCustomer } from '../../metrics/ltv/index.ts';
import { suggestedWindowDays } from '../../metrics/purchase-gaps.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { engineJob } from '../job.ts';
import { saasFromFigures } from './saas-figures.ts';
import { valueBins, type ValueBin } from './value-bins.ts';

export { saasFromFigures } from './saas-figures.ts';
import { transactionTableFor } from '../table-cache.ts';

export interface SaasFigures {
  /** Average revenue per account per period; measured from the data when absent. */
  arpa?: number;
  /** Churn per period, 0–1; measured from the data when absent. */
  churn?: number;
}

/** The page's gross margin as written (`0.78`, `78 %`, `78`: metrics/margin.ts). */
export interface MarginOption {
  grossMargin?: string | number;
  /** `margin`, the deprecated name of `gross-margin`: used when `gross-margin` is not set, and always warned about. */
  deprecatedMargin?: string | number;
}

/** The gross margin the values are after, as read. */
export interface LtvMargin {
  fraction: number;
  notation: MarginNotation;
  /** As the page wrote it, and where. */
  written: string;
  attribute: 'gross-margin' | 'margin';
}

export interface LtvForecastJobOptions extends MarginOption {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  fields: TransactionFields;
  timeZone?: string;
  timeUnit: TimeUnit;
  /** In time units; default one year (365 days in the unit, rounded). */
  horizon?: number;
  calibrationEnd?: string;
  /** Per time unit. */
  discountRate: number;
  topCount: number;
  histogramBins: number;
  /** Cohort period of the historic values, and the period ARPA and churn are measured per. */
  granularity: Granularity;
  /** Days a purchase keeps a customer active (churn, as in churn-trend); default 3 × the median days between purchases. */
  windowDays?: number;
  saas: SaasFigures;
  /** The value to lead with; `auto` lets the data decide (metrics/ltv/headline.ts). */
  method: LtvMethod | 'auto';
}

export interface PredictiveValue {
  customers: number;
  total: number;
  mean: number;
  median: number;
  /** Mean expected purchases per customer over the horizon. */
  meanExpectedPurchases: number;
  /** Mean probability of being alive at the calibration end. */
  meanProbabilityAlive: number;
  /** Round-width bins up to about the 99th percentile, then one overflow bin (value-bins.ts). */
  histogram: ValueBin[];
  top: TopCustomer[];
  purchaseModel: { parameters: BgNbdParameters; logLikelihood: number; converged: boolean; customers: number };
  spendModel: { parameters: GammaGammaParameters; logLikelihood: number; converged: boolean; customers: number; meanSpend: number | null };
}

export interface SaasValue {
  value: number;
  arpa: number;
  /** Null when the page gave none: the value is then revenue (ARPA ÷ churn). */
  grossMargin: number | null;
  churn: number;
  /** Where ARPA and churn came from. */
  source: 'attributes' | 'data';
  /**
   * What ARPA and churn are measured per when they come from the data: the
   * element's granularity, pooled over `periods` complete periods, with the
   * activity window churn-trend uses. Null for figures given as attributes.
   */
  measured: { granularity: Granularity; periods: number; windowDays: number } | null;
}

/**
 * Why the SaaS formula has no value for the data: `churn` — nobody churned in
 * the measured periods (the value is unbounded); `data` — no complete,
 * uncensored period with customers at its start (or no activity window can be
 * suggested), so churn cannot be measured. `message` is the metrics layer's
 * English text, for anything else.
 */
export interface SaasUnavailable {
  error: string;
  reason?: 'churn' | 'data';
}

export interface LtvForecastModel {
  timeUnitDays: number;
  horizon: number;
  discountRate: number;
  /** The gross margin every value is after; null: none given, every value is revenue. */
  margin: LtvMargin | null;
  /** The value the element leads with, and why. */
  headline: LtvHeadline;
  /** Customers who bought again before the calibration end; null without data. */
  repeatCustomers: number | null;
  /** How regular the payments are (subscriptions); null without data. */
  billing: RecurringBilling | null;
  /** Null for the SaaS formula alone (plain attributes). */
  calibrationEndDay: number | null;
  predictive: PredictiveValue | { error: string } | null;
  /** Values (per cohort and overall) are net revenue per customer × the margin when one is given. */
  historic: { granularity: Granularity; cohorts: LifetimeValueCohort[]; overall: { customers: number; netRevenue: number; value: number | null } } | null;
  saas: SaasValue | SaasUnavailable | null;
}

/** Default horizon: one year in the time unit. */
export function defaultHorizon(unitDays: number): number {
  return Math.max(1, Math.round(365 / unitDays));
}

export function computeLtvForecast(rows: unknown, options: LtvForecastJobOptions, progress: (fraction: number) => void = () => {}): Result<LtvForecastModel> {
  const unitDays = timeUnitDays(options.timeUnit);
  if (unitDays !== unitDays) return fail(optionError('time-unit', "'days', 'weeks' or a number of days", options.timeUnit));
  const horizon = options.horizon ?? defaultHorizon(unitDays);
  const w = options.windowDays;
  if (w !== undefined && !(Number.isInteger(w) && w >= 1)) return fail(optionError('window-days', 'a whole number of days of at least 1', w));
  const margin = readMarginOption(options);
  if (!margin.ok) return margin;
  const kept = margin.value?.fraction ?? 1;
  const table = transactionTableFor(rows, { fields: options.fields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const warnings: InputWarning[] = [...margin.warnings, ...table.warnings];
  progress(0.1);

  const cohorts = cohortLifetimeValue(table.value, { granularity: options.granularity });
  if (!cohorts.ok) return fail(cohorts.error, warnings);
  const historic = {
    ...cohorts.value,
    cohorts: cohorts.value.cohorts.map((c) => ({ ...c, value: c.value * kept })),
    overall: { ...cohorts.value.overall, value: cohorts.value.overall.value === null ? null : cohorts.value.overall.value * kept },
  };

  const histories = rfmSummary(table.value, { timeUnit: options.timeUnit, calibrationEnd: options.calibrationEnd });
  if (!histories.ok && histories.error.issues.some((i) => i.field === 'timeUnit' || i.field === 'calibrationEnd')) return fail(histories.error, warnings);
  progress(0.2);
  let predictive: LtvForecastModel['predictive'];
  let calibrationEndDay: number | null = null;
  let repeatCustomers = 0;
  if (!histories.ok) predictive = { error: histories.error.message };
  else {
    calibrationEndDay = histories.value.calibrationEndDay;
    for (const x of histories.value.frequency) if (x > 0) repeatCustomers++;
    const purchaseModel = fitBgNbd(histories.value);
    progress(0.65);
    const spendModel = purchaseModel.ok ? fitGammaGamma(histories.value) : undefined;
    progress(0.85);
    if (!purchaseModel.ok) predictive = { error: purchaseModel.error.message };
    else if (!spendModel!.ok) predictive = { error: spendModel!.error.message };
    else {
      const spend = spendModel!.value;
      const predicted = predictLifetimeValue(histories.value, purchaseModel.value.parameters, spend.parameters, {
        horizon,
        discountRate: options.discountRate,
        margin: kept,
        topCount: options.topCount,
        histogramBins: options.histogramBins,
      });
      if (!predicted.ok) {
        // A bad horizon, margin or discount is the page's mistake: say so as an option error.
        if (predicted.error.issues.some((i) => ['horizon', 'discountRate', 'margin', 'topCount', 'histogramBins'].includes(i.field))) return fail(predicted.error, warnings);
        predictive = { error: predicted.error.message };
      } else {
        warnings.push(...purchaseModel.warnings, ...spendModel!.warnings, ...predicted.warnings);
        const { summary, customers } = predicted.value;
        predictive = {
          customers: summary.customers,
          total: summary.total,
          mean: summary.mean,
          median: summary.median,
          meanExpectedPurchases: mean(customers.expectedPurchases),
          meanProbabilityAlive: mean(customers.probabilityAlive),
          histogram: valueBins(customers.value, options.histogramBins),
          top: summary.top,
          purchaseModel: {
            parameters: purchaseModel.value.parameters,
            logLikelihood: purchaseModel.value.logLikelihood,
            converged: purchaseModel.value.converged,
            customers: purchaseModel.value.customers,
          },
          spendModel: { parameters: spend.parameters, logLikelihood: spend.logLikelihood, converged: spend.converged, customers: spend.customers, meanSpend: spend.meanSpend },
        };
      }
    }
  }
  const billing = recurringBilling(table.value);
  progress(0.95);
  const saas = saasPart(table.value, options, margin.value);
  const p = predictive && !('error' in predictive) ? predictive : null;
  const headline = chooseLtvHeadline({
    asked: options.method,
    available: { predicted: p !== null, historic: historic.overall.value !== null, saas: saas !== null && !('error' in saas) },
    repeatCustomers,
    fitsConverged: p !== null && p.purchaseModel.converged && p.spendModel.converged,
    figuresGiven: options.saas.arpa !== undefined || options.saas.churn !== undefined,
    recurring: billing.ok && billing.value.recurring,
  });
  // The historic value exists for any data with money (cohortLifetimeValue fails without), so there is always a headline here.
  return ok(
    {
      timeUnitDays: unitDays,
      horizon,
      discountRate: options.discountRate,
      margin: margin.value,
      headline: headline ?? { method: 'historic', reason: 'only-value' },
      repeatCustomers,
      billing: billing.ok ? billing.value : null,
      calibrationEndDay,
      predictive,
      historic,
      saas,
    },
    warnings,
  );
}

/**
 * The page's margin, read as written; a margin written as the deprecated
 * `margin` works and says so. A property set to something no margin reads
 * as is the page's mistake (an attribute is refused before it gets here).
 */
function readMarginOption(options: MarginOption): Result<LtvMargin | null> {
  const given = (value: string | number | undefined): value is string | number => value !== undefined && value !== null && String(value).trim() !== '';
  const warnings: InputWarning[] = [];
  if (given(options.deprecatedMargin)) {
    const text = String(options.deprecatedMargin).trim();
    warnings.push({
      code: 'deprecated-attribute',
      count: 1,
      params: { attribute: 'margin', value: text, replacement: 'gross-margin' },
      message: `margin="${text}" still works but is deprecated: write gross-margin="${text}" instead.`,
      examples: [],
    });
  }
  const attribute = given(options.grossMargin) ? 'gross-margin' : 'margin';
  const written = given(options.grossMargin) ? options.grossMargin : options.deprecatedMargin;
  if (!given(written)) return ok(null, warnings);
  const reading = readMargin(written);
  if (!reading.ok) return fail(optionError(attribute, MARGIN_EXPECTATION, written), warnings);
  return ok({ fraction: reading.fraction, notation: reading.notation, written: String(written).trim(), attribute }, warnings);
}

/**
 * The SaaS formula, with ARPA and churn the page did not give measured from
 * the data per `granularity` period: churn exactly as churn-trend computes it
 * for the same granularity and activity window (churnSeries), pooled over the
 * complete, uncensored periods (Σ lost ÷ Σ S); ARPA as revenue per
 * customer-period over the same periods. A 46.9 % churn per quarter and a
 * 16 % churn per month describe the same customers: the caption says which.
 */
function saasPart(table: Parameters<typeof saasInputsFromTransactions>[0], options: LtvForecastJobOptions, margin: LtvMargin | null): LtvForecastModel['saas'] {
  const { arpa, churn } = options.saas;
  const grossMargin = margin?.fraction ?? null;
  let measured: { arpa: number; churnRate: number; periods: number } | undefined;
  let windowDays = options.windowDays ?? null;
  if (arpa === undefined || churn === undefined) {
    if (windowDays === null) {
      const suggested = suggestedWindowDays(table);
      windowDays = suggested.ok ? suggested.value : null;
      // Nobody bought twice: churn-trend asks for window-days here too.
      if (windowDays === null) return { error: 'no customer bought twice, so no activity window can be suggested', reason: 'data' };
    }
    const inputs = saasInputsFromTransactions(table, { windowDays, granularity: options.granularity });
    if (!inputs.ok) {
      const field = inputs.error.issues[0]?.field;
      return { error: inputs.error.message, reason: field === 'churn' ? 'churn' : field === 'data' ? 'data' : undefined };
    }
    measured = inputs.value;
  }
  const result = saasFromFigures(
    arpa ?? measured!.arpa,
    grossMargin,
    churn ?? measured!.churnRate,
    measured ? { granularity: options.granularity, periods: measured.periods, windowDays: windowDays! } : null,
  );
  return result.ok ? result.value : { error: result.error.message };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length ? sum / values.length : Number.NaN;
}

export const ltvForecastJob = engineJob<LtvForecastJobOptions, LtvForecastModel>('ltv-forecast', (rows, options, context) =>
  computeLtvForecast(rows, options, (fraction) => context.progress(fraction)),
);

/** The SaaS formula from the typed figures alone, when the element has no records. */
export interface LtvFigures extends SaasFigures, MarginOption {
  method: LtvMethod | 'auto';
}

export const ltvFiguresJob = engineJob<LtvFigures, LtvForecastModel>('ltv-forecast-figures', (_records, figures) => {
  const margin = readMarginOption(figures);
  if (!margin.ok) return margin;
  const result = saasFromFigures(figures.arpa ?? Number.NaN, margin.value?.fraction ?? null, figures.churn ?? Number.NaN, null);
  if (!result.ok) return fail(result.error, margin.warnings);
  const headline = chooseLtvHeadline({
    asked: figures.method,
    available: { predicted: false, historic: false, saas: true },
    repeatCustomers: null,
    fitsConverged: false,
    figuresGiven: true,
    recurring: false,
  })!;
  return ok(
    { timeUnitDays: 1, horizon: 0, discountRate: 0, margin: margin.value, headline, repeatCustomers: null, billing: null, calibrationEndDay: null, predictive: null, historic: null, saas: result.value },
    margin.warnings,
  );
});
