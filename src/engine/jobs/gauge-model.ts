/**
 * The model <retention-gauge> draws, and how it is made from a few typed
 * figures (S, E, N, lost, the previous rate), which the gauge's
 * `retention-gauge-numbers` job runs when the element has no records.
 */
import type { Granularity } from '../../metrics/calendar/calendar.ts';
import { fail, ok, optionError, type Result } from '../../metrics/issues.ts';
import { customerChurnRate, customerRetentionRate } from '../../metrics/rates.ts';
import { toFiniteNumber } from '../../metrics/read/values.ts';

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
      windowDays: null,
      windowSource: null,
      complete: true,
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

export type ModelParts = Omit<GaugeModel, 'churn' | 'churnMethod' | 'delta' | 'reactivated'>;

export function gaugeModel(parts: ModelParts): GaugeModel {
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

