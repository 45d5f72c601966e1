/**
 * The KPI tile's model: the shown period, its predecessor and the sparkline,
 * from a series or from a few typed figures (the `kpi-tile-numbers` job).
 */
import type { Granularity, Weekday } from '../../metrics/calendar/calendar.ts';
import { fail, ok, optionError, type Result } from '../../metrics/issues.ts';
import { numberValue } from '../../metrics/read/records.ts';
import { KPI_METRICS, KPI_DEFINITIONS, kpiValueRange, pointInterval, type KpiMetric, type KpiPoint, type KpiModel, type KpiNumbers } from '../../metrics/kpi-catalogue.ts';
import { isSmallSample, proportionChange } from '../../metrics/uncertainty.ts';

export interface Series {
  granularity: Granularity | null;
  weekStart?: Weekday;
  points: KpiPoint[];
  windowDays: number | null;
}

export type CustomerCountMetric = 'customer-churn' | 'crr' | 'active-customers';

/** One period's customer counts, from the orders (activity.ts ChurnPeriod) or a period-counts/1 document (counted-periods.ts). */
export interface CustomerCounts {
  key: string;
  start: number;
  end: number;
  new: number;
  lost: number;
  retentionRate: number | null;
  churnRate: number | null;
  complete: boolean;
  startCensored: boolean;
}

/**
 * A tile's point of one period of customer counts: active customers (E), or churn or retention.
 * A period whose window reaches before the data undercounts S and can lose nobody yet: no rate,
 * no verdict (ChurnPeriod.startCensored).
 */
export function customerCountPoint(metric: CustomerCountMetric, p: CustomerCounts): KpiPoint {
  if (metric === 'active-customers') return { key: p.key, value: p.end, complete: p.complete };
  if (p.startCensored) return { key: p.key, value: null, complete: p.complete, censored: true };
  return { key: p.key, complete: p.complete, ...churnOrRetention(metric, p.start, p.end - p.new, p.lost, p.retentionRate, p.churnRate) };
}

/**
 * A churn or retention point from a period's customer counts: the value, the
 * counts behind it (lost of S; E − N of S) and, for retention, the churn the
 * verdict is judged on.
 */
export function churnOrRetention(metric: 'customer-churn' | 'crr', start: number, retained: number, lost: number, retentionRate: number | null, churnRate: number | null): Pick<KpiPoint, 'value' | 'counts' | 'churn'> {
  if (metric === 'crr') return { value: retentionRate, counts: { successes: retained, trials: start }, churn: churnRate };
  return { value: churnRate, counts: { successes: lost, trials: start } };
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
  const before = shown > 0 ? points[shown - 1] : undefined;
  const previous = before?.value ?? null;
  const counts = value !== null ? current?.counts : undefined;
  const previousCounts = previous !== null ? before?.counts : undefined;
  return {
    metric,
    unit: KPI_DEFINITIONS[metric].unit,
    input,
    granularity: series.granularity,
    weekStart: series.weekStart,
    period: current?.key ?? null,
    complete: current?.complete ?? true,
    value,
    previous,
    delta: value !== null && previous !== null ? value - previous : null,
    points: shown < 0 ? [] : points.slice(Math.max(0, shown - periods + 1), shown + 1),
    windowDays: series.windowDays,
    censored: current?.censored ?? false,
    churn: value !== null ? (current?.churn ?? null) : null,
    interval: value !== null && current ? pointInterval(current) : null,
    smallSample: value !== null && current !== undefined && (current.counts ? isSmallSample(current.counts.trials) : current.answers ? isSmallSample(current.answers.responses) : false),
    change: counts && previousCounts ? proportionChange(previousCounts, counts) : null,
  };
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
    if (!parsed.success) return fail(optionError(field, `a number in the metric's unit (rates as fractions: 0.05 = 5 %)`, raw));
    const range = kpiValueRange(numbers.metric);
    return parsed.data >= range.min && parsed.data <= range.max ? ok(parsed.data) : fail(optionError(field, range.expected, raw));
  };
  const value = read('value');
  if (!value.ok) return value;
  if (value.value === null) return fail(optionError('value', 'a number', numbers.value));
  const previous = read('previous');
  if (!previous.ok) return previous;
  const period = numbers.period?.trim() || null;
  const points: KpiPoint[] = [];
  if (previous.value !== null) points.push({ key: 'previous', value: previous.value, complete: true });
  points.push({ key: period ?? 'current', value: value.value, complete: true });
  return ok({
    ...tileModel(numbers.metric, 'numbers', { granularity: numbers.granularity ?? null, points, windowDays: null }, points.length),
    period,
  });
}
