/**
 * The retention-gauge computation:
 * customer retention rate (CRR) for one period, churn, and the change from the
 * previous period. Two inputs:
 *
 * - plain numbers a CMS user typed (S, E, N, optionally lost and the previous
 *   rate): `gaugeFromNumbers` (gauge-model.ts), the `retention-gauge-numbers` job;
 * - transactions: churnSeries (activity.ts) gives S, E, N, lost per period for
 *   an activity window; {@link gaugeFromTransactions}, run as the
 *   `retention-gauge` job in the metrics engine;
 * - a `period-counts/1` document (shapes/period-counts.ts: the same counts,
 *   made by a warehouse or the command line): {@link gaugeFromPeriodCounts},
 *   in the same job.
 *
 * Churn: lost / S when lost is known (the definition); otherwise 1 − CRR,
 * which equals it when nobody reactivates. CRR can exceed 100 % when
 * customers who had left come back (they are in E but not in S or N); the
 * complement is then taken as 0, never negative.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import { churnSeries } from '../../metrics/activity.ts';
import { GRANULARITIES, type Granularity } from '../../metrics/calendar/calendar.ts';
import { fail, ok, optionError, type InputError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { suggestedWindowDays } from '../../metrics/purchase-gaps.ts';
import { customerRetentionRate } from '../../metrics/rates.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { transactionTableFor } from '../table-cache.ts';
import { toFiniteNumber } from '../../metrics/read/values.ts';
import { engineJob } from '../job.ts';
import { PERIOD_COUNTS_SHAPE, periodCountsShapeSchema, type PeriodCountsShape } from '../../metrics/shapes/period-counts.ts';
import { contradictedAttribute, readVersionedShape } from '../../metrics/shapes/versioned.ts';
import { countedPeriods, type CountedPeriod } from './counted-periods.ts';
import { gaugeFromNumbers, gaugeModel, readPreviousRate, type GaugeModel, type GaugeNumbers } from './gauge-model.ts';

export type { GaugeModel } from './gauge-model.ts';

/** Activity window when none is given and the data has no repeat purchases to suggest one. */
export const DEFAULT_WINDOW_DAYS = 90;

export interface GaugeJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  fields?: TransactionFields;
  timeZone?: string;
  /** Period key (`2024-03`, `2024-Q1` …); default the last complete period with customers. */
  period?: string;
  granularity?: Granularity;
  /** Activity window in days; default the data's suggested window, else {@link DEFAULT_WINDOW_DAYS}. */
  windowDays?: number | string;
  /** Overrides the previous period's rate from the data. */
  previousRate?: number | string;
}

/**
 * CRR for one period from transactions. A customer is active while their last
 * purchase is within the window (activity.ts); S, E, N and lost of the period
 * and CRR of the period before come from the same churn series.
 */
export function gaugeFromTransactions(rows: unknown, options: GaugeJobOptions): Result<GaugeModel> {
  const granularity = options.granularity ?? 'month';
  if (!GRANULARITIES.includes(granularity)) return fail(optionError('granularity', `one of ${GRANULARITIES.join(', ')}`, granularity));
  const table = transactionTableFor(rows, { fields: options.fields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const warnings: InputWarning[] = [...table.warnings];

  let windowDays: number;
  let windowSource: GaugeModel['windowSource'];
  if (windowGiven(options)) {
    const given = givenWindowDays(options);
    if (!given.ok) return fail(given.error, warnings);
    windowDays = given.value;
    windowSource = 'attribute';
  } else {
    const suggested = suggestedWindowDays(table.value);
    const days = suggested.ok ? suggested.value : null;
    windowDays = days ?? DEFAULT_WINDOW_DAYS;
    windowSource = days === null ? 'default' : 'suggested';
  }

  const series = churnSeries(table.value, { granularity, windowDays });
  if (!series.ok) return fail(series.error, warnings);
  return gaugeOfPeriods(series.value.periods, { ...options, granularity, windowDays, windowSource, input: 'transactions' }, warnings);
}

/**
 * CRR for one period from a `period-counts/1` document: its periods are what
 * churnSeries counts from the orders (counted-periods.ts checks they add up),
 * so the period chosen, the rates, their intervals, the change and a running
 * last period come out as they do from the orders. The document's calendar and
 * window are the ones its counts were made on; an attribute that says another
 * is refused (see {@link documentMismatch}).
 */
export function gaugeFromPeriodCounts(document: PeriodCountsShape, options: GaugeJobOptions): Result<GaugeModel> {
  const mismatch = documentMismatch(document, options);
  if (mismatch) return fail(mismatch);
  const periods = countedPeriods(document);
  if (!periods.ok) return periods;
  return gaugeOfPeriods(periods.value, { ...options, granularity: document.granularity, windowDays: document.windowDays, windowSource: 'document', input: 'period-counts' }, []);
}

/** Why an attribute the page set disagrees with the document, or undefined (versioned.ts: a gauge shows one rate and a verdict on it). */
function documentMismatch(document: PeriodCountsShape, options: GaugeJobOptions): InputError | undefined {
  let windowDays: number | undefined;
  if (windowGiven(options)) {
    const given = givenWindowDays(options);
    if (!given.ok) return given.error;
    windowDays = given.value;
  }
  return contradictedAttribute(PERIOD_COUNTS_SHAPE, [
    ['granularity', document.granularity, options.granularity],
    ['window-days', document.windowDays, windowDays],
  ]);
}

function windowGiven(options: GaugeJobOptions): boolean {
  return options.windowDays !== undefined && options.windowDays !== '';
}

function givenWindowDays(options: GaugeJobOptions): Result<number> {
  const days = toFiniteNumber(options.windowDays);
  return Number.isInteger(days) && days >= 1 ? ok(days) : fail(optionError('window-days', 'a whole number of days of at least 1', options.windowDays));
}

interface PeriodChoice extends GaugeJobOptions {
  input: GaugeModel['input'];
  granularity: Granularity;
  windowDays: number;
  windowSource: GaugeModel['windowSource'];
}

/** The gauge of the chosen period (or the default one) of a churn series, counted from the orders or read from a document. */
function gaugeOfPeriods(periods: readonly CountedPeriod[], options: PeriodChoice, given: InputWarning[]): Result<GaugeModel> {
  const warnings = [...given];
  const { granularity, windowDays, windowSource } = options;
  if (periods.length === 0) return fail(optionError('data', 'at least one purchase', 'no purchases'), warnings);

  let position: number;
  if (options.period) {
    position = periods.findIndex((p) => p.key === options.period);
    if (position < 0) {
      const range = `${periods[0].key} to ${periods[periods.length - 1].key}`;
      return fail(optionError('period', `a ${granularity} key in the data (${range})`, options.period), warnings);
    }
  } else {
    position = defaultPeriod(periods);
  }
  const period = periods[position];
  const retention = customerRetentionRate({ start: period.start, end: period.end, new: period.new });
  if (!retention.ok) return fail(retention.error, warnings);

  // The period just before (a document may leave periods out: then there is none to compare with).
  const before = position > 0 && periods[position - 1].index === period.index - 1 ? periods[position - 1] : undefined;
  // The period before a warm-up period is warming up too: no change is measured against it.
  const usableBefore = before && !before.startCensored ? before : undefined;
  let previousRetention: number | null = usableBefore?.retentionRate ?? null;
  let previousStart: number | null = previousRetention === null ? null : usableBefore!.start;
  if (options.previousRate !== undefined && options.previousRate !== '') {
    const previous = readPreviousRate(options.previousRate);
    if (!previous.ok) return fail(previous.error, warnings);
    previousRetention = previous.value;
    previousStart = null; // a typed rate has no counts behind it to test
  }
  if (!period.complete) {
    warnings.push({ code: 'partial-period', count: 1, params: { period: period.key }, message: `${period.key} is still running: it is measured up to the last day of data.`, examples: [] });
  }
  return ok(
    gaugeModel({
      input: options.input,
      period: period.key,
      granularity,
      periodIndex: period.index,
      start: period.start,
      end: period.end,
      new: period.new,
      lost: period.lost,
      retention: retention.value,
      previousRetention,
      previousStart,
      windowDays,
      windowSource,
      complete: period.complete,
      censored: period.startCensored,
    }),
    warnings,
  );
}

/**
 * The last complete period past the warm-up that started with customers; else the last complete
 * one with customers; else the last with customers; else the last.
 */
function defaultPeriod(periods: readonly CountedPeriod[]): number {
  for (let i = periods.length - 1; i >= 0; i--) if (periods[i].complete && !periods[i].startCensored && periods[i].start > 0) return i;
  for (let i = periods.length - 1; i >= 0; i--) if (periods[i].complete && periods[i].start > 0) return i;
  for (let i = periods.length - 1; i >= 0; i--) if (periods[i].start > 0) return i;
  return periods.length - 1;
}

/** The gauge from a `period-counts/1` document when the data is one, else from transactions. */
export function computeGauge(data: unknown, options: GaugeJobOptions): Result<GaugeModel> {
  const versioned = readVersionedShape(data, PERIOD_COUNTS_SHAPE, periodCountsShapeSchema);
  if (versioned && !versioned.ok) return versioned;
  return versioned ? gaugeFromPeriodCounts(versioned.value, options) : gaugeFromTransactions(data, options);
}

export const retentionGaugeJob = engineJob<GaugeJobOptions, GaugeModel>('retention-gauge', (rows, options) => computeGauge(rows, options));

/** The gauge from typed figures (attributes), when the element has no records. */
export const gaugeNumbersJob = engineJob<GaugeNumbers, GaugeModel>('retention-gauge-numbers', (_records, numbers) => gaugeFromNumbers(numbers));
