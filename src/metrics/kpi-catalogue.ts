/**
 * What a KPI tile can show: the metric catalogue (unit, which way is good, the
 * records it comes from) and the tile model's shape. Read by the element (page)
 * and by the `kpi-tile` jobs (engine, engine/jobs/kpi-model.ts builds the model).
 */
import type { Granularity, Weekday } from './calendar/calendar.ts';
import { npsInterval, wilsonInterval, type ChangeTest, type Interval } from './uncertainty.ts';

export const KPI_METRICS = [
  'repeat-purchase-rate',
  'loyal-customer-rate',
  'time-between-purchases',
  'ltv',
  'arpa',
  'nrr',
  'grr',
  'revenue-churn',
  'customer-churn',
  'crr',
  'return-rate',
  'dso',
  'nps',
  'active-customers',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

/** How a value is shown: a fraction as percent, days, money, an NPS score (−100…100), a count. */
export type KpiUnit = 'fraction' | 'days' | 'money' | 'score' | 'count';
export type KpiSource = 'transactions' | 'subscriptions' | 'responses' | 'invoices';

export interface KpiDefinition {
  unit: KpiUnit;
  /** Whether a rise is good news: colours the change. */
  higherIsBetter: boolean;
  /** The records the metric is computed from by default. */
  source: KpiSource;
}

export const KPI_DEFINITIONS: Record<KpiMetric, KpiDefinition> = {
  'repeat-purchase-rate': { unit: 'fraction', higherIsBetter: true, source: 'transactions' },
  'loyal-customer-rate': { unit: 'fraction', higherIsBetter: true, source: 'transactions' },
  // Shorter gaps mean customers come back sooner.
  'time-between-purchases': { unit: 'days', higherIsBetter: false, source: 'transactions' },
  ltv: { unit: 'money', higherIsBetter: true, source: 'transactions' },
  arpa: { unit: 'money', higherIsBetter: true, source: 'subscriptions' },
  nrr: { unit: 'fraction', higherIsBetter: true, source: 'subscriptions' },
  grr: { unit: 'fraction', higherIsBetter: true, source: 'subscriptions' },
  'revenue-churn': { unit: 'fraction', higherIsBetter: false, source: 'subscriptions' },
  'customer-churn': { unit: 'fraction', higherIsBetter: false, source: 'transactions' },
  crr: { unit: 'fraction', higherIsBetter: true, source: 'transactions' },
  'return-rate': { unit: 'fraction', higherIsBetter: false, source: 'transactions' },
  dso: { unit: 'days', higherIsBetter: false, source: 'invoices' },
  nps: { unit: 'score', higherIsBetter: true, source: 'responses' },
  'active-customers': { unit: 'count', higherIsBetter: true, source: 'transactions' },
};

/**
 * The values a metric can take, with the words for a message. A figure outside
 * (a churn of -1, a percent typed as 5 where 0.05 is meant, an NPS of 140) is a
 * mistake in the figures the page gave, refused by name rather than drawn.
 */
export function kpiValueRange(metric: KpiMetric): { min: number; max: number; expected: string } {
  const unit = KPI_DEFINITIONS[metric].unit;
  if (metric === 'nrr') return { min: 0, max: Infinity, expected: 'a fraction of 0 or more (1.05 = 105 %)' };
  // Net revenue churn is negative when expansion outgrows the losses.
  if (metric === 'revenue-churn') return { min: -Infinity, max: 1, expected: 'a fraction of at most 1 (0.05 = 5 %)' };
  if (unit === 'fraction') return { min: 0, max: 1, expected: 'a fraction from 0 to 1 (0.05 = 5 %)' };
  if (unit === 'score') return { min: -100, max: 100, expected: 'a score from -100 to 100' };
  if (unit === 'days' || unit === 'count') return { min: 0, max: Infinity, expected: 'a number of 0 or more' };
  return { min: -Infinity, max: Infinity, expected: 'a number' };
}

export const KPI_INPUTS = ['auto', 'transactions', 'subscriptions', 'responses', 'invoices', 'periods'] as const;
export type KpiInput = (typeof KPI_INPUTS)[number];
export type ResolvedKpiInput = Exclude<KpiInput, 'auto'>;

/** Activity window for transactions when none is given and none can be suggested. */
export const DEFAULT_KPI_WINDOW_DAYS = 90;
export const DEFAULT_KPI_PERIODS = 12;

/** The customers behind a rate: `successes` of `trials` (lost of S, repeat customers of all buyers). */
export interface RateCounts {
  successes: number;
  trials: number;
}

/** The answers behind an NPS. */
export interface NpsCounts {
  promoters: number;
  detractors: number;
  responses: number;
}

/** One period of the tile. Plain data. */
export interface KpiPoint {
  /** Period key (`2024-03`), or the period as pre-aggregated records named it; the page labels it. */
  key: string;
  value: number | null;
  complete: boolean;
  /** Counts behind a rate of customers: its interval, and whether a change is beyond noise. */
  counts?: RateCounts;
  /** NPS: the answers behind the score, for its interval. */
  answers?: NpsCounts;
  /** Retention tiles: the period's churn (lost / S), which the verdict is judged on. */
  churn?: number | null;
  /** The activity window is not covered yet (transactions): no value and no verdict. */
  censored?: boolean;
}

export interface KpiModel {
  metric: KpiMetric;
  unit: KpiUnit;
  input: ResolvedKpiInput | 'numbers';
  /** Null for typed numbers and for pre-aggregated keys of no calendar. */
  granularity: Granularity | null;
  /** First day of `week` periods (labels of their keys). */
  weekStart?: Weekday;
  /** The shown period's key (for typed numbers: the free `period` text); null for typed numbers without one. */
  period: string | null;
  complete: boolean;
  value: number | null;
  /** Value of the period before; null when unknown. */
  previous: number | null;
  /** value − previous; null when either is unknown. */
  delta: number | null;
  /** Recent periods, oldest first, ending with the shown one. */
  points: KpiPoint[];
  /** Activity window (transaction-based churn, crr, active customers); null otherwise. */
  windowDays: number | null;
  /** The shown period is still warming up (its activity window reaches back before the data): no value, no verdict. */
  censored: boolean;
  /** Retention tiles: the shown period's churn, which the verdict is judged on; null when unknown. */
  churn: number | null;
  /** 95 % interval of the shown value: Wilson for a rate of customers, the standard NPS interval; null otherwise. */
  interval: Interval | null;
  /** The shown value rests on fewer customers (or answers) than SMALL_SAMPLE. */
  smallSample: boolean;
  /** Whether the change from the previous period is beyond noise (two-proportion test); null without counts on both sides. */
  change: ChangeTest | null;
}

export interface KpiNumbers {
  metric: KpiMetric;
  value?: number | string | null;
  previous?: number | string | null;
  /** Free label of the period the figures are of. */
  period?: string | null;
  /** Length of that period, for benchmarks that depend on it (churn per month, retention per year). */
  granularity?: Granularity | null;
}

/** The 95 % interval of a point's value from the counts behind it: Wilson for a rate of customers, the NPS interval for a score; null otherwise. */
export function pointInterval(point: KpiPoint): Interval | null {
  if (point.value === null) return null;
  if (point.counts) return wilsonInterval(point.counts.successes, point.counts.trials);
  if (point.answers) return npsInterval(point.answers.promoters, point.answers.detractors, point.answers.responses);
  return null;
}
