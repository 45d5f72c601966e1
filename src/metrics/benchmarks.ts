/**
 * The one benchmark table of the kit: every element that says "healthy" or
 * "needs action" (<retention-gauge>, <churn-trend>, <kpi-tile>) takes its
 * verdict from here, so two elements showing the same period of the same data
 * never disagree.
 *
 * The reference points come from the source material (DESIGN.md):
 * - "customer churn above 7 % per month calls for action";
 * - "annual retention of 35 % and above is normal for SaaS";
 * - NPS: above 0 is good, above 50 excellent.
 *
 * Verdicts are judged on CHURN for the element's period (customers lost / S),
 * never on 1 − CRR: customers who come back after a gap lift CRR, so
 * 1 − CRR understates the loss (a shop at "93 % retained" can have lost 21 %
 * of its starting customers). The monthly and annual references are carried
 * over to the period's length by compounding, as a rate that repeats every
 * month would: 7 % a month is 1 − 0.93³ ≈ 19.6 % a quarter and ≈ 58.2 % a
 * year; 35 % retained a year is 0.35^(1/12) ≈ 91.6 % a month.
 *
 * A threshold the page sets (`benchmark-churn`, `threshold`, `benchmark`) is
 * taken as it is, for the element's period: it is not converted.
 */
import { GRANULARITIES, type Granularity } from './calendar/calendar.ts';
import { KPI_DEFINITIONS, type KpiMetric } from './kpi-catalogue.ts';

/** Customer churn above this, per month, calls for action. */
export const MONTHLY_CHURN_ACTION = 0.07;
/** Annual customer retention at or above this is normal for SaaS. */
export const ANNUAL_SAAS_RETENTION = 0.35;
/** NPS above this is good. */
export const NPS_GOOD = 0;
/** NPS above this is excellent. */
export const NPS_EXCELLENT = 50;

/** Months in a period of each length (a month being 365.25 / 12 days). */
export const MONTHS_PER_PERIOD: Readonly<Record<Granularity, number>> = { day: 1 / 30.4375, week: 7 / 30.4375, month: 1, quarter: 3, year: 12 };

/** The period length a benchmark is read for when the element does not know its own: a month. */
const DEFAULT_GRANULARITY: Granularity = 'month';

/**
 * Churn that compounds to the same loss over a period of another length:
 * 1 − (1 − monthly)^months. 7 % a month is 19.6 % a quarter and 58.2 % a year.
 */
export function churnOverPeriod(monthly: number, granularity: Granularity | null): number {
  const months = MONTHS_PER_PERIOD[granularity ?? DEFAULT_GRANULARITY];
  // A month is the reference itself: 1 − 0.93¹ would read 7.000000000000006 %.
  return months === 1 ? monthly : 1 - Math.pow(1 - monthly, months);
}

/** Retention that compounds to the same share over a period of another length: annual^(months / 12). */
export function retentionOverPeriod(annual: number, granularity: Granularity | null): number {
  const months = MONTHS_PER_PERIOD[granularity ?? DEFAULT_GRANULARITY];
  return months === 12 ? annual : Math.pow(annual, months / 12);
}

/** Churn above this in one period of the given length calls for action (7 % a month, converted). */
export function churnActionLevel(granularity: Granularity | null): number {
  return churnOverPeriod(MONTHLY_CHURN_ACTION, granularity);
}

/** Retention at or above this in one period of the given length is normal for SaaS (35 % a year, converted). */
export function saasRetentionLevel(granularity: Granularity | null): number {
  return retentionOverPeriod(ANNUAL_SAAS_RETENTION, granularity);
}

/** One row of the benchmark table (README "Benchmarks"). */
export interface BenchmarkRow {
  granularity: Granularity;
  /** Churn above this calls for action. */
  churnAction: number;
  /** Retention at or above this is normal for SaaS. */
  saasRetention: number;
}

/** The table: the churn alarm level and the SaaS retention reference for every period length. */
export const BENCHMARK_TABLE: readonly BenchmarkRow[] = GRANULARITIES.map((granularity) => ({
  granularity,
  churnAction: churnActionLevel(granularity),
  saasRetention: saasRetentionLevel(granularity),
}));

/** The verdict on a period's churn. */
export interface ChurnVerdict {
  /** `bad`: churn above the threshold, needs action; `good`: at or below it. */
  tone: 'good' | 'bad';
  /** Churn threshold for the period, a fraction. */
  threshold: number;
  /** The period length the threshold is for (month when unknown). */
  granularity: Granularity;
  /** Where the threshold came from: the kit's table (converted) or the page (as given). */
  source: 'table' | 'page';
  /** The monthly level the table's threshold was converted from; only when the period is not a month. */
  monthly?: number;
}

/**
 * The verdict on `churn` (lost / S, a fraction) of one period: above the
 * threshold needs action. `threshold` is the page's own level for the period
 * (taken as given); undefined uses the table; null means no verdict at all.
 */
export function churnVerdict(churn: number, granularity: Granularity | null, threshold?: number | null): ChurnVerdict | null {
  if (threshold === null || !Number.isFinite(churn)) return null;
  const length = granularity ?? DEFAULT_GRANULARITY;
  const own = threshold !== undefined && Number.isFinite(threshold);
  const level = own ? threshold : churnActionLevel(length);
  return {
    tone: churn > level ? 'bad' : 'good',
    threshold: level,
    granularity: length,
    source: own ? 'page' : 'table',
    ...(!own && length !== 'month' ? { monthly: MONTHLY_CHURN_ACTION } : {}),
  };
}

// ---- KPI tiles ---------------------------------------------------------------------

export type BenchmarkKind =
  /** Churn of the period above `threshold` needs action (customer churn and retention tiles). */
  | 'churn-action'
  /** NPS above `threshold` (0) is good, above `high` (50) excellent. */
  | 'nps'
  /** A target the page set: met when the value is on the good side of it. */
  | 'target';

export interface Benchmark {
  kind: BenchmarkKind;
  tone: 'good' | 'warn' | 'bad';
  /** The threshold in the metric's own unit (a retention tile: the retention level, 1 − churn threshold). */
  threshold: number;
  /** The churn verdict behind a churn-action benchmark. */
  churn?: ChurnVerdict;
  /** Retention tiles: the SaaS reference for the period (35 % a year, converted). */
  saasRetention?: number;
  /** NPS only: the excellent bound. */
  high?: number;
  /** NPS only: whether the value passed the excellent bound. */
  excellent?: boolean;
  /** Churn only: the monthly benchmark the threshold was carried over from, when the period is not a month. */
  monthly?: number;
}

export interface BenchmarkOptions {
  /**
   * The page's threshold in the metric's unit, for the tile's period (a churn
   * tile: the churn alarm level; a retention tile: the retention below which
   * action is needed; any other metric: a target). Null: no benchmark at all.
   */
  threshold?: number | null;
  /** NPS excellent bound; default {@link NPS_EXCELLENT}. */
  high?: number;
  /**
   * The period's churn (lost / S) when the tile shows retention: the verdict is
   * judged on it. Without it (typed figures), on 1 − retention.
   */
  churn?: number | null;
}

/** The benchmark a tile's value is judged against, or null when the metric has none (and the page set none). */
export function benchmarkFor(metric: KpiMetric, value: number | null, granularity: Granularity | null, options: BenchmarkOptions = {}): Benchmark | null {
  if (value === null || options.threshold === null) return null;
  const own = options.threshold;
  switch (metric) {
    case 'customer-churn': {
      const verdict = churnVerdict(value, granularity, own)!;
      return { kind: 'churn-action', tone: verdict.tone, threshold: verdict.threshold, churn: verdict, monthly: verdict.monthly };
    }
    case 'crr': {
      const churn = options.churn ?? Math.max(0, 1 - value);
      const verdict = churnVerdict(churn, granularity, own === undefined ? undefined : 1 - own)!;
      return {
        kind: 'churn-action',
        tone: verdict.tone,
        threshold: 1 - verdict.threshold,
        churn: verdict,
        monthly: verdict.monthly,
        saasRetention: saasRetentionLevel(granularity),
      };
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
