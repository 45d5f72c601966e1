/**
 * Benchmark hints of a KPI tile, pure. The reference points come from the
 * source material (DESIGN.md): customer churn above 7 % a month needs action;
 * annual retention of 35 % and above is normal for SaaS; an NPS above 0 is
 * good and above 50 excellent. Every threshold can be replaced by the page,
 * and any metric gets a target once the page sets one.
 */
import type { Granularity } from '../../metrics/calendar/calendar.ts';
import { KPI_DEFINITIONS, type KpiMetric } from '../../metrics/kpi-catalogue.ts';

export const MONTHLY_CHURN_ACTION = 0.07;
export const ANNUAL_SAAS_RETENTION = 0.35;
export const NPS_GOOD = 0;
export const NPS_EXCELLENT = 50;

/** Average days of each period, to carry a monthly benchmark over to other periods. */
const MONTHS_PER_PERIOD: Record<Granularity, number> = { day: 1 / 30.4375, week: 7 / 30.4375, month: 1, quarter: 3, year: 12 };

export type BenchmarkKind =
  /** Churn above `threshold` needs action. */
  | 'churn-action'
  /** Retention below `threshold` (the complement of the churn alarm level) needs action. */
  | 'retention-action'
  /** Retention at or above `threshold` is normal for SaaS (annual). */
  | 'saas-retention'
  /** NPS above `threshold` (0) is good, above `high` (50) excellent. */
  | 'nps'
  /** A target the page set: met when the value is on the good side of it. */
  | 'target';

export interface Benchmark {
  kind: BenchmarkKind;
  tone: 'good' | 'warn' | 'bad';
  threshold: number;
  /** NPS only: the excellent bound. */
  high?: number;
  /** NPS only: whether the value passed the excellent bound. */
  excellent?: boolean;
  /** Churn only: the monthly benchmark the threshold was carried over from, when the period is not a month. */
  monthly?: number;
}

export interface BenchmarkOptions {
  /** The page's threshold; replaces the metric's default (null = no benchmark at all). */
  threshold?: number | null;
  /** NPS excellent bound; default {@link NPS_EXCELLENT}. */
  high?: number;
}

/**
 * Churn that compounds to the same loss over a period of another length:
 * 1 − (1 − monthly)^months. 7 % a month is 19.6 % a quarter and 58.2 % a year.
 */
export function churnOverPeriod(monthly: number, granularity: Granularity | null): number {
  if (granularity === null || granularity === 'month') return monthly;
  return 1 - Math.pow(1 - monthly, MONTHS_PER_PERIOD[granularity]);
}

/** The benchmark a value is judged against, or null when the metric has none (and the page set none). */
export function benchmarkFor(metric: KpiMetric, value: number | null, granularity: Granularity | null, options: BenchmarkOptions = {}): Benchmark | null {
  if (value === null || options.threshold === null) return null;
  const own = options.threshold;
  switch (metric) {
    case 'customer-churn': {
      const threshold = own ?? churnOverPeriod(MONTHLY_CHURN_ACTION, granularity);
      const monthly = own === undefined && granularity !== null && granularity !== 'month' ? MONTHLY_CHURN_ACTION : undefined;
      return { kind: 'churn-action', tone: value > threshold ? 'bad' : 'good', threshold, monthly };
    }
    case 'crr': {
      // Annual retention has its own reference; shorter periods are the complement of the churn alarm level.
      if (granularity === 'year' || own !== undefined) {
        const threshold = own ?? ANNUAL_SAAS_RETENTION;
        return { kind: 'saas-retention', tone: value >= threshold ? 'good' : 'warn', threshold };
      }
      const threshold = 1 - churnOverPeriod(MONTHLY_CHURN_ACTION, granularity);
      const monthly = granularity !== null && granularity !== 'month' ? MONTHLY_CHURN_ACTION : undefined;
      return { kind: 'retention-action', tone: value < threshold ? 'bad' : 'good', threshold, monthly };
    }
    case 'nps': {
      const threshold = own ?? NPS_GOOD;
      const high = options.high ?? NPS_EXCELLENT;
      return { kind: 'nps', tone: value > threshold ? 'good' : 'bad', threshold, high, excellent: value > high };
    }
    default: {
      if (own === undefined) return null;
      const met = KPI_DEFINITIONS[metric].higherIsBetter ? value >= own : value <= own;
      return { kind: 'target', tone: met ? 'good' : 'bad', threshold: own };
    }
  }
}

/** Tone of a change: good when it moves the way the metric wants; none for no change. */
export function deltaTone(metric: KpiMetric, delta: number | null): 'good' | 'bad' | '' {
  if (delta === null || delta === 0) return '';
  return delta > 0 === KPI_DEFINITIONS[metric].higherIsBetter ? 'good' : 'bad';
}
