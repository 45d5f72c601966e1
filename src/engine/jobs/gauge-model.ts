/**
 * The model <retention-gauge> draws, and how it is made from a few typed
 * figures (S, E, N, lost, the previous rate), which the gauge's
 * `retention-gauge-numbers` job runs when the element has no records.
 */
import type { Granularity } from '../../metrics/calendar/calendar.ts';
import { fail, ok, optionError, type Result } from '../../metrics/issues.ts';
import { customerChurnRate, customerRetentionRate } from '../../metrics/rates.ts';
import { toFiniteNumber } from '../../metrics/read/values.ts';
import { proportionChange, wilsonInterval, type ChangeTest, type Interval } from '../../metrics/uncertainty.ts';

export interface GaugeModel {
  /** Where the numbers came from: typed figures, transactions, or a `period-counts/1` document. */
  input: 'numbers' | 'transactions' | 'period-counts';
  /** Period key (`2024-03`) or the free text of the `period` attribute; null when none. */
  period: string | null;
  /** Calendar of the period (transactions and documents), for a localized label. */
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
  /** S of the previous period; null when unknown (typed figures without `previous-start`). */
  previousStart: number | null;
  /** retention − previousRetention (a fraction: 0.012 = +1.2 points); null when unknown. */
  delta: number | null;
  /** Activity window used (transactions and documents). */
  windowDays: number | null;
  /** Whether the window was given, suggested from the data (3 × median gap), the default, or the one a document was counted with. */
  windowSource: 'attribute' | 'suggested' | 'default' | 'document' | null;
  /** False when the period is still running (measured up to the last day of data). */
  complete: boolean;
  /**
   * True when the activity window before the period start reaches back before
   * the first purchase (transactions): S is undercounted and nobody could be
   * lost yet, so the rates are no verdict on the business (ChurnPeriod.startCensored).
   */
  censored: boolean;
  /** 95 % Wilson interval of CRR as a share of S; null when E − N exceeds S (reactivations) or S is 0. */
  retentionInterval: Interval | null;
  /** 95 % Wilson interval of churn (lost of S; without `lost`, the complement of the retention interval). */
  churnInterval: Interval | null;
  /** Whether the change in CRR from the previous period is beyond noise (two-proportion test); null without both periods' counts. */
  change: ChangeTest | null;
}

export interface GaugeNumbers {
  start?: number | string;
  end?: number | string;
  new?: number | string;
  lost?: number | string;
  previousRate?: number | string;
  /** Customers at the start of the previous period: with `previousRate`, whether the change is beyond noise. */
  previousStart?: number | string;
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
  const previousStart = readPreviousStart(numbers.previousStart);
  if (!previousStart.ok) return previousStart;
  return ok(
    gaugeModel({
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
      previousStart: previousStart.value,
      windowDays: null,
      windowSource: null,
      complete: true,
      censored: false,
    }),
  );
}

/** The `previous-rate` figure: a retention rate as a fraction (reactivations can lift CRR above 1). */
export function readPreviousRate(value: number | string | undefined): Result<number | null> {
  if (value === undefined || value === '') return ok(null);
  const rate = toFiniteNumber(value);
  // A retention rate is a fraction; up to 2 because reactivations can lift CRR above 1.
  if (!(rate >= 0 && rate <= 2)) return fail(optionError('previous-rate', 'a retention rate as a fraction from 0 to 2 (0.95 = 95 %)', value));
  return ok(rate);
}

/** The `previous-start` figure: customers at the start of the previous period, a whole number. */
export function readPreviousStart(value: number | string | undefined): Result<number | null> {
  if (value === undefined || value === '') return ok(null);
  const count = toFiniteNumber(value);
  if (!(Number.isInteger(count) && count > 0)) return fail(optionError('previous-start', 'a whole number of customers, 1 or more', value));
  return ok(count);
}

export type ModelParts = Omit<GaugeModel, 'churn' | 'churnMethod' | 'delta' | 'reactivated' | 'retentionInterval' | 'churnInterval' | 'change'>;

export function gaugeModel(parts: ModelParts): GaugeModel {
  const churn = parts.lost !== null ? parts.lost / parts.start : Math.max(0, 1 - parts.retention);
  // E − N of S: a share only while reactivations do not lift it above S.
  const retained = parts.end - parts.new;
  const retentionInterval = wilsonInterval(retained, parts.start);
  const churnInterval =
    parts.lost !== null ? wilsonInterval(parts.lost, parts.start) : retentionInterval && { low: 1 - retentionInterval.high, high: 1 - retentionInterval.low };
  // The previous period's retained customers, back from its rate and S (whole customers).
  const previousRetained = parts.previousRetention !== null && parts.previousStart !== null ? Math.round(parts.previousRetention * parts.previousStart) : null;
  const change =
    previousRetained !== null && parts.previousStart !== null
      ? proportionChange({ successes: previousRetained, trials: parts.previousStart }, { successes: retained, trials: parts.start })
      : null;
  return {
    ...parts,
    churn,
    churnMethod: parts.lost !== null ? 'lost' : 'complement',
    // E − N = (S − lost) + reactivated.
    reactivated: parts.lost !== null ? Math.max(0, parts.end - parts.new - (parts.start - parts.lost)) : null,
    delta: parts.previousRetention === null ? null : parts.retention - parts.previousRetention,
    retentionInterval,
    churnInterval,
    change,
  };
}

