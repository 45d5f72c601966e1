/**
 * The retention-gauge computation, shared by the page and the metrics worker:
 * customer retention rate (CRR) for one period, churn, and the change from the
 * previous period. Two inputs:
 *
 * - plain numbers a CMS user typed (S, E, N, optionally lost and the previous
 *   rate): {@link gaugeFromNumbers}, run in the page;
 * - transactions: churnSeries (activity.ts) gives S, E, N, lost per period for
 *   an activity window; {@link gaugeFromTransactions}, run as the
 *   `retention-gauge` job.
 *
 * Churn: lost / S when lost is known (the definition); otherwise 1 − CRR,
 * which equals it when nobody reactivates. CRR can exceed 100 % when
 * customers who had left come back (they are in E but not in S or N); the
 * complement is then taken as 0, never negative.
 */
import { churnSeries, type ChurnPeriod } from '../../metrics/activity.ts';
import { GRANULARITIES, type Granularity } from '../../metrics/calendar.ts';
import { fail, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { suggestedWindowDays } from '../../metrics/purchase-gaps.ts';
import { customerChurnRate, customerRetentionRate } from '../../metrics/rates.ts';
import type { TransactionFields } from '../../metrics/transactions.ts';
import { transactionTableFor } from '../platform/table-cache.ts';
import { toFiniteNumber } from '../../metrics/values.ts';
import { defineJob } from '../platform/jobs.ts';

/** Activity window when none is given and the data has no repeat purchases to suggest one. */
export const DEFAULT_WINDOW_DAYS = 90;

export interface GaugeModel {
  /** Where the numbers came from. */
  input: 'numbers' | 'transactions';
  /** Period key (`2024-03`) or the free text of the `period` attribute; null when none. */
  period: string | null;
  /** Calendar of the period (transactions only), for a localized label. */
  granularity: Granularity | null;
  /** Calendar index of the period (transactions only). */
  periodIndex: number | null;
  /** S, E, N. */
  start: number;
  end: number;
  new: number;
  /** Customers of S lost in the period; null when not given (plain numbers without `lost`). */
  lost: number | null;
  /** CRR = (E − N) / S, a fraction. */
  retention: number;
  /** Churn, a fraction: lost / S, or 1 − CRR (floored at 0) without `lost`. */
  churn: number;
  churnMethod: 'lost' | 'complement';
  /**
   * Customers in E − N who were not in S: they came back after a gap and count
   * as retained, which is why retention + churn can exceed 100 %. Known only
   * with `lost` (always for transactions); null otherwise.
   */
  reactivated: number | null;
  /** CRR of the previous period; null when unknown. */
  previousRetention: number | null;
  /** retention − previousRetention (a fraction: 0.012 = +1.2 points); null when unknown. */
  delta: number | null;
  /** Activity window used (transactions only). */
  windowDays: number | null;
  /** Whether the window was given, suggested from the data (3 × median gap) or the default. */
  windowSource: 'attribute' | 'suggested' | 'default' | null;
  /** False when the period is still running (measured up to the last day of data). */
  complete: boolean;
}

export interface GaugeNumbers {
  start?: number | string;
  end?: number | string;
  new?: number | string;
  lost?: number | string;
  previousRate?: number | string;
  period?: string;
}

/** CRR and churn from typed figures. Missing `new` counts as 0 (no customers acquired). */
export function gaugeFromNumbers(numbers: GaugeNumbers): Result<GaugeModel> {
  const acquired = numbers.new === undefined || numbers.new === '' ? 0 : numbers.new;
  const retention = customerRetentionRate({ start: numbers.start ?? '', end: numbers.end ?? '', new: acquired });
  if (!retention.ok) return retention;
  const start = toFiniteNumber(numbers.start);
  const hasLost = numbers.lost !== undefined && numbers.lost !== '';
  let lost: number | null = null;
  if (hasLost) {
    const churn = customerChurnRate({ start, lost: numbers.lost! });
    if (!churn.ok) return churn;
    lost = toFiniteNumber(numbers.lost);
  }
  const previous = readPreviousRate(numbers.previousRate);
  if (!previous.ok) return previous;
  return ok(
    model({
      input: 'numbers',
      period: numbers.period?.trim() || null,
      granularity: null,
      periodIndex: null,
      start,
      end: toFiniteNumber(numbers.end),
      new: toFiniteNumber(acquired),
      lost,
      retention: retention.value,
      previousRetention: previous.value,
      windowDays: null,
      windowSource: null,
      complete: true,
    }),
  );
}

function readPreviousRate(value: number | string | undefined): Result<number | null> {
  if (value === undefined || value === '') return ok(null);
  const rate = toFiniteNumber(value);
  // A retention rate is a fraction; up to 2 because reactivations can lift CRR above 1.
  if (!(rate >= 0 && rate <= 2)) return fail(optionError('previous-rate', 'a retention rate as a fraction from 0 to 2 (0.95 = 95 %)', value));
  return ok(rate);
}

type ModelParts = Omit<GaugeModel, 'churn' | 'churnMethod' | 'delta' | 'reactivated'>;

function model(parts: ModelParts): GaugeModel {
  const churn = parts.lost !== null ? parts.lost / parts.start : Math.max(0, 1 - parts.retention);
  return {
    ...parts,
    churn,
    churnMethod: parts.lost !== null ? 'lost' : 'complement',
    // E − N = (S − lost) + reactivated.
    reactivated: parts.lost !== null ? Math.max(0, parts.end - parts.new - (parts.start - parts.lost)) : null,
    delta: parts.previousRetention === null ? null : parts.retention - parts.previousRetention,
  };
}

export interface GaugeJobOptions {
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
  const table = transactionTableFor(rows, { fields: options.fields, timeZone: options.timeZone });
  if (!table.ok) return table;
  const warnings: InputWarning[] = [...table.warnings];

  let windowDays: number;
  let windowSource: GaugeModel['windowSource'];
  if (options.windowDays !== undefined && options.windowDays !== '') {
    windowDays = toFiniteNumber(options.windowDays);
    if (!Number.isInteger(windowDays) || windowDays < 1) return fail(optionError('window-days', 'a whole number of days of at least 1', options.windowDays), warnings);
    windowSource = 'attribute';
  } else {
    const suggested = suggestedWindowDays(table.value);
    const days = suggested.ok ? suggested.value : null;
    windowDays = days ?? DEFAULT_WINDOW_DAYS;
    windowSource = days === null ? 'default' : 'suggested';
  }

  const series = churnSeries(table.value, { granularity, windowDays });
  if (!series.ok) return fail(series.error, warnings);
  const periods = series.value.periods;
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

  let previousRetention: number | null = periods[position - 1]?.retentionRate ?? null;
  if (options.previousRate !== undefined && options.previousRate !== '') {
    const previous = readPreviousRate(options.previousRate);
    if (!previous.ok) return fail(previous.error, warnings);
    previousRetention = previous.value;
  }
  if (!period.complete) {
    warnings.push({ code: 'partial-period', count: 1, message: `${period.key} is still running: it is measured up to the last day of data.`, examples: [] });
  }
  return ok(
    model({
      input: 'transactions',
      period: period.key,
      granularity,
      periodIndex: period.index,
      start: period.start,
      end: period.end,
      new: period.new,
      lost: period.lost,
      retention: retention.value,
      previousRetention,
      windowDays,
      windowSource,
      complete: period.complete,
    }),
    warnings,
  );
}

/** The last complete period that started with customers; else the last with customers; else the last. */
function defaultPeriod(periods: readonly ChurnPeriod[]): number {
  for (let i = periods.length - 1; i >= 0; i--) if (periods[i].complete && periods[i].start > 0) return i;
  for (let i = periods.length - 1; i >= 0; i--) if (periods[i].start > 0) return i;
  return periods.length - 1;
}

export const retentionGaugeJob = defineJob<GaugeJobOptions, GaugeModel>('retention-gauge', (rows, options) => gaugeFromTransactions(rows, options));
