/**
 * The kpi-tile job: one scalar metric per period, from whichever records that
 * metric is defined on, reduced to what a tile shows: the value of the latest
 * period, the one before it, and the recent periods for the sparkline.
 *
 * Records by metric (`input="auto"`):
 * - transactions: repeat-purchase-rate, loyal-customer-rate,
 *   time-between-purchases (median days), ltv (historic, as of each period
 *   end), return-rate, customer-churn, crr, active-customers (activity window);
 * - subscriptions: nrr, grr, revenue-churn (net), arpa; customer-churn, crr
 *   and active-customers too with `input="subscriptions"`;
 * - survey responses: nps; invoices: dso;
 * - `input="periods"`: pre-aggregated `{ period, value }` records.
 *
 * The tile's period is the last complete period with a value (a running
 * month would compare half a month with a whole one); without one, the last
 * period with a value. Later periods are left out of the sparkline.
 */
import { churnSeries } from '../../metrics/activity.ts';
import { calendarOfKeys, GRANULARITIES, PeriodCalendar, type Granularity, type Weekday } from '../../metrics/calendar.ts';
import { ZonedDayMapper, today } from '../../metrics/dates.ts';
import { readInvoices, type InvoiceField } from '../../metrics/invoices.ts';
import { fail, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { averageRevenuePerAccount, dsoSeries, purchaseMetricSeries, type PeriodValue, type SeriesFrame } from '../../metrics/kpi-series.ts';
import { suggestedWindowDays } from '../../metrics/purchase-gaps.ts';
import { numberValue, readRecords, textValue } from '../../metrics/records.ts';
import { revenueMovements, subscriptionChurnSeries } from '../../metrics/revenue-movements.ts';
import { readSubscriptions, type SubscriptionField } from '../../metrics/subscriptions.ts';
import { npsByPeriod, readSurveyResponses, type SurveyField } from '../../metrics/surveys.ts';
import type { TransactionFields } from '../../metrics/transactions.ts';
import { withFields } from '../../metrics/validation.ts';
import * as z from 'zod/mini';
import { defineJob } from '../platform/jobs.ts';
import { transactionTableFor } from '../platform/table-cache.ts';

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

export interface KpiJobOptions {
  metric: KpiMetric;
  input: KpiInput;
  granularity: Granularity;
  weekStart?: Weekday;
  asOf?: string;
  timeZone?: string;
  /** Periods in the sparkline, the shown one included. */
  periods: number;
  /** Null: 3 × the median days between purchases, else {@link DEFAULT_KPI_WINDOW_DAYS}. */
  windowDays: number | null;
  loyaltyThreshold?: number;
  frame?: SeriesFrame;
  locale: string;
  transactionFields?: TransactionFields;
  subscriptionFields?: Partial<Record<SubscriptionField, string>>;
  responseFields?: Partial<Record<SurveyField, string>>;
  invoiceFields?: Partial<Record<InvoiceField, string>>;
  periodFields?: { period?: string; value?: string };
  /** Clock (epoch ms) for whether the last subscription period has ended; default now. */
  now?: number;
}

/** `auto`: records with a `period` and a `value` column are pre-aggregated; else the metric's own source. */
export function detectKpiInput(rows: unknown, options: Pick<KpiJobOptions, 'input' | 'metric' | 'periodFields'>): ResolvedKpiInput {
  if (options.input !== 'auto') return options.input;
  const first = Array.isArray(rows) ? rows.find((row) => row !== null && typeof row === 'object') : undefined;
  const has = (column: string) => first !== undefined && Object.hasOwn(first as object, column);
  if (has(options.periodFields?.period || 'period') && has(options.periodFields?.value || 'value')) return 'periods';
  return KPI_DEFINITIONS[options.metric].source;
}

interface Series {
  granularity: Granularity | null;
  points: KpiPoint[];
  windowDays: number | null;
}

export function computeKpi(rows: unknown, options: KpiJobOptions): Result<KpiModel> {
  if (!KPI_METRICS.includes(options.metric)) return fail(optionError('metric', KPI_METRICS.join(', '), options.metric));
  if (!KPI_INPUTS.includes(options.input)) return fail(optionError('input', KPI_INPUTS.join(', '), options.input));
  if (!GRANULARITIES.includes(options.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options.granularity));
  if (!Number.isInteger(options.periods) || options.periods < 1) return fail(optionError('periods', 'a whole number of periods, 1 or more', options.periods));
  if (!Array.isArray(rows)) return fail(optionError('data', 'an array of records', rows));
  const input = detectKpiInput(rows, options);
  const series = seriesOf(input, rows, options);
  if (!series.ok) return series;
  return ok(tileModel(options.metric, input, series.value, options.periods), series.warnings);
}

function seriesOf(input: ResolvedKpiInput, rows: unknown[], options: KpiJobOptions): Result<Series> {
  const metric = options.metric;
  const allowed: Record<ResolvedKpiInput, readonly KpiMetric[]> = {
    transactions: ['repeat-purchase-rate', 'loyal-customer-rate', 'time-between-purchases', 'ltv', 'return-rate', 'customer-churn', 'crr', 'active-customers'],
    subscriptions: ['arpa', 'nrr', 'grr', 'revenue-churn', 'customer-churn', 'crr', 'active-customers'],
    responses: ['nps'],
    invoices: ['dso'],
    periods: KPI_METRICS,
  };
  if (!allowed[input].includes(metric)) {
    const inputs = (Object.keys(allowed) as ResolvedKpiInput[]).filter((key) => allowed[key].includes(metric));
    return fail(optionError('input', `${inputs.join(' or ')} for ${metric}`, input));
  }
  switch (input) {
    case 'transactions':
      return fromTransactions(rows, options);
    case 'subscriptions':
      return fromSubscriptions(rows, options);
    case 'responses':
      return fromResponses(rows, options);
    case 'invoices':
      return fromInvoices(rows, options);
    case 'periods':
      return fromPeriods(rows, options);
  }
}

function labelled(values: readonly PeriodValue[], calendar: PeriodCalendar, locale: string): KpiPoint[] {
  return values.map((p) => ({ key: p.key, label: calendar.label(p.index, locale), value: p.value, complete: p.complete }));
}

function fromTransactions(rows: unknown[], options: KpiJobOptions): Result<Series> {
  const table = transactionTableFor(rows, { fields: options.transactionFields, timeZone: options.timeZone });
  if (!table.ok) return table;
  const warnings: InputWarning[] = [...table.warnings];
  const calendar = new PeriodCalendar({ granularity: options.granularity, weekStart: options.weekStart });
  const metric = options.metric;
  if (metric === 'customer-churn' || metric === 'crr' || metric === 'active-customers') {
    let windowDays = options.windowDays;
    if (windowDays === null) {
      const suggested = suggestedWindowDays(table.value);
      windowDays = (suggested.ok ? suggested.value : null) ?? DEFAULT_KPI_WINDOW_DAYS;
    }
    const series = churnSeries(table.value, { granularity: options.granularity, weekStart: options.weekStart, asOf: options.asOf, windowDays, locale: options.locale });
    if (!series.ok) return fail(series.error, warnings);
    const points = series.value.periods.map((p): KpiPoint => {
      // A period whose window reaches before the data undercounts S: its rates are not shown (see ChurnPeriod.startCensored).
      const rate = p.startCensored ? null : metric === 'crr' ? p.retentionRate : p.churnRate;
      return { key: p.key, label: p.label, value: metric === 'active-customers' ? p.end : rate, complete: p.complete };
    });
    return ok({ granularity: options.granularity, points, windowDays }, [...warnings, ...series.warnings]);
  }
  const series = purchaseMetricSeries(table.value, {
    metric: metric as Parameters<typeof purchaseMetricSeries>[1]['metric'],
    granularity: options.granularity,
    weekStart: options.weekStart,
    asOf: options.asOf,
    frame: options.frame,
    loyaltyThreshold: options.loyaltyThreshold,
    // One more than shown: the running period may be left out.
    lastPeriods: options.periods + 1,
  });
  if (!series.ok) return fail(series.error, warnings);
  return ok({ granularity: options.granularity, points: labelled(series.value, calendar, options.locale), windowDays: null }, warnings);
}

function fromSubscriptions(rows: unknown[], options: KpiJobOptions): Result<Series> {
  const subscriptions = readSubscriptions(rows, { fields: options.subscriptionFields, timeZone: options.timeZone });
  if (!subscriptions.ok) return subscriptions;
  const calendar = new PeriodCalendar({ granularity: options.granularity, weekStart: options.weekStart });
  const todayDay = today(new ZonedDayMapper(options.timeZone ?? 'UTC'), options.now);
  const range = { granularity: options.granularity, weekStart: options.weekStart, timeZone: options.timeZone };
  const point = (period: { index: number; key: string; endDay: number }, value: number | null): KpiPoint => ({
    key: period.key,
    label: calendar.label(period.index, options.locale),
    value,
    // A period that has not ended is measured on its snapshot so far.
    complete: period.endDay <= todayDay + 1,
  });
  const metric = options.metric;
  if (metric === 'customer-churn' || metric === 'crr') {
    const series = subscriptionChurnSeries(subscriptions.value, range);
    if (!series.ok) return series;
    const points = series.value.map((p) => point(p.period, metric === 'crr' ? p.retentionRate : p.churnRate));
    return ok({ granularity: options.granularity, points, windowDays: null }, series.warnings);
  }
  const movements = revenueMovements(subscriptions.value, range);
  if (!movements.ok) return movements;
  const points = movements.value.periods.map((m) => {
    const value =
      metric === 'nrr'
        ? m.netRevenueRetention
        : metric === 'grr'
          ? m.grossRevenueRetention
          : metric === 'revenue-churn'
            ? m.netRevenueChurn
            : metric === 'arpa'
              ? averageRevenuePerAccount(m)
              : m.customersAtEnd;
    return point(m.period, value);
  });
  return ok({ granularity: options.granularity, points, windowDays: null }, movements.warnings);
}

function fromResponses(rows: unknown[], options: KpiJobOptions): Result<Series> {
  const responses = readSurveyResponses(rows, { fields: options.responseFields, timeZone: options.timeZone });
  if (!responses.ok) return responses;
  const periods = npsByPeriod(responses.value, { granularity: options.granularity, weekStart: options.weekStart });
  if (!periods.ok) return periods;
  const calendar = new PeriodCalendar({ granularity: options.granularity, weekStart: options.weekStart });
  const points = periods.value.map((p) => ({ key: p.period.key, label: calendar.label(p.period.index, options.locale), value: p.nps?.score ?? null, complete: true }));
  return ok({ granularity: options.granularity, points, windowDays: null }, responses.warnings);
}

function fromInvoices(rows: unknown[], options: KpiJobOptions): Result<Series> {
  const invoices = readInvoices(rows, { fields: options.invoiceFields, timeZone: options.timeZone });
  if (!invoices.ok) return invoices;
  const series = dsoSeries(invoices.value, { granularity: options.granularity, weekStart: options.weekStart, lastPeriods: options.periods + 1 });
  if (!series.ok) return series;
  const calendar = new PeriodCalendar({ granularity: options.granularity, weekStart: options.weekStart });
  return ok({ granularity: options.granularity, points: labelled(series.value, calendar, options.locale), windowDays: null }, invoices.warnings);
}

const periodRecordSchema = withFields(['period', 'value'], z.object({ period: textValue, value: numberValue() }));

/** Pre-aggregated `{ period, value }`: values computed elsewhere; rates as fractions (0.05 = 5 %). */
function fromPeriods(rows: unknown[], options: KpiJobOptions): Result<Series> {
  const fields = { period: options.periodFields?.period, value: options.periodFields?.value };
  const records = readRecords(rows, periodRecordSchema, ['period', 'value'] as const, { fields, what: 'periods' });
  if (!records.ok) return records;
  const calendar = calendarOfKeys(records.value.map((r) => r.period), options.granularity);
  const ordered = calendar ? [...records.value].sort((a, b) => calendar.indexOfKey(a.period) - calendar.indexOfKey(b.period)) : records.value;
  const points = ordered.map((r) => ({
    key: r.period,
    label: calendar ? calendar.label(calendar.indexOfKey(r.period), options.locale) : r.period,
    value: r.value,
    complete: true,
  }));
  return ok({ granularity: calendar?.granularity ?? null, points, windowDays: null }, records.warnings);
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

export const kpiTileJob = defineJob<KpiJobOptions, KpiModel>('kpi-tile', (rows, options) => computeKpi(rows, options));

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
