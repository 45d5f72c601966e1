/**
 * What a KPI tile shows and how it is made: the metric catalogue (unit,
 * which way is good, the records it comes from), the tile model, and the
 * tile built from a few typed figures (the `kpi-tile-numbers` job). The
 * element itself reads only the catalogue from here.
 */
import type { Granularity } from '../../metrics/calendar.ts';
import { fail, ok, optionError, type Result } from '../../metrics/issues.ts';
import { numberValue } from '../../metrics/records.ts';

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

export const KPI_INPUTS = ['auto', 'transactions', 'subscriptions', 'responses', 'invoices', 'periods'] as const;
export type KpiInput = (typeof KPI_INPUTS)[number];
export type ResolvedKpiInput = Exclude<KpiInput, 'auto'>;

/** Activity window for transactions when none is given and none can be suggested. */
export const DEFAULT_KPI_WINDOW_DAYS = 90;
export const DEFAULT_KPI_PERIODS = 12;

/** One period of the tile. Plain data. */
export interface KpiPoint {
  key: string;
  label: string;
  value: number | null;
  complete: boolean;
}

export interface KpiModel {
  metric: KpiMetric;
  unit: KpiUnit;
  input: ResolvedKpiInput | 'numbers';
  /** Null for typed numbers and for pre-aggregated keys of no calendar. */
  granularity: Granularity | null;
  /** The shown period: its key and label; null for typed numbers without a `period`. */
  period: string | null;
  periodLabel: string | null;
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
}

export interface Series {
  granularity: Granularity | null;
  points: KpiPoint[];
  windowDays: number | null;
}

/** The shown period, its predecessor and the sparkline window. */
export function tileModel(metric: KpiMetric, input: KpiModel['input'], series: Series, periods: number): KpiModel {
  const points = series.points;
  let shown = -1;
  for (let i = points.length - 1; i >= 0 && shown < 0; i--) if (points[i].complete && points[i].value !== null) shown = i;
  for (let i = points.length - 1; i >= 0 && shown < 0; i--) if (points[i].value !== null) shown = i;
  if (shown < 0) shown = points.length - 1;
  const current = points[shown];
  const value = current?.value ?? null;
  const previous = shown > 0 ? points[shown - 1].value : null;
  return {
    metric,
    unit: KPI_DEFINITIONS[metric].unit,
    input,
    granularity: series.granularity,
    period: current?.key ?? null,
    periodLabel: current?.label ?? null,
    complete: current?.complete ?? true,
    value,
    previous,
    delta: value !== null && previous !== null ? value - previous : null,
    points: shown < 0 ? [] : points.slice(Math.max(0, shown - periods + 1), shown + 1),
    windowDays: series.windowDays,
  };
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

const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * A tile from figures computed elsewhere (a portal's own warehouse): `value`
 * and optionally `previous`, in the metric's unit (rates as fractions).
 */
export function kpiFromNumbers(numbers: KpiNumbers): Result<KpiModel> {
  if (!KPI_METRICS.includes(numbers.metric)) return fail(optionError('metric', KPI_METRICS.join(', '), numbers.metric));
  const read = (field: 'value' | 'previous'): Result<number | null> => {
    const raw = numbers[field];
    if (blank(raw)) return ok(null);
    const parsed = numberValue().safeParse(typeof raw === 'string' ? raw.trim() : raw);
    return parsed.success ? ok(parsed.data) : fail(optionError(field, `a number in the metric's unit (rates as fractions: 0.05 = 5 %)`, raw));
  };
  const value = read('value');
  if (!value.ok) return value;
  if (value.value === null) return fail(optionError('value', 'a number', numbers.value));
  const previous = read('previous');
  if (!previous.ok) return previous;
  const period = numbers.period?.trim() || null;
  const points: KpiPoint[] = [];
  if (previous.value !== null) points.push({ key: 'previous', label: '', value: previous.value, complete: true });
  points.push({ key: period ?? 'current', label: period ?? '', value: value.value, complete: true });
  return ok({
    ...tileModel(numbers.metric, 'numbers', { granularity: numbers.granularity ?? null, points, windowDays: null }, points.length),
    period,
    periodLabel: period,
  });
}
