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
 * - `input="periods"`: pre-aggregated `{ period, value }` records;
 * - a versioned document (kpi-shapes.ts), whatever `input` says: a
 *   `period-counts/1` document for customer-churn, crr and active-customers;
 *   `revenue-movements/1` for nrr, grr, revenue-churn, arpa, and customer-churn,
 *   crr and active-customers of paying customers; `nps-periods/1` for nps;
 *   `repeat-counts/1` for repeat-purchase-rate and loyal-customer-rate.
 *
 * The tile's period is the last complete period with a value (a running
 * month would compare half a month with a whole one); without one, the last
 * period with a value. Later periods are left out of the sparkline.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import { churnSeries } from '../../metrics/activity.ts';
import { calendarOfKeys, GRANULARITIES, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { ZonedDayMapper, today } from '../../metrics/calendar/dates.ts';
import { readInvoices, type InvoiceField } from '../../metrics/invoices.ts';
import { fail, IssueCollector, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { firstRecord, isRecordList, type RecordList } from '../../metrics/read/csv-records.ts';
import { averageRevenuePerAccount, dsoSeries, purchaseMetricSeries, type PeriodValue, type SeriesFrame } from '../../metrics/kpi-series.ts';
import { suggestedWindowDays } from '../../metrics/purchase-gaps.ts';
import { numberValue, readRecords, textValue } from '../../metrics/read/records.ts';
import { revenueMovements, subscriptionChurnSeries } from '../../metrics/revenue-movements.ts';
import { readSubscriptions, type SubscriptionField } from '../../metrics/subscriptions.ts';
import { npsByPeriod, readSurveyResponses, type SurveyField } from '../../metrics/surveys.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { withFields } from '../../metrics/read/validation.ts';
import * as z from 'zod/mini';
import { engineJob } from '../job.ts';
import { transactionTableFor } from '../table-cache.ts';
import {
  DEFAULT_KPI_WINDOW_DAYS,
  KPI_DEFINITIONS,
  KPI_INPUTS,
  KPI_METRICS,
  kpiValueRange,
  type KpiInput,
  type KpiMetric,
  type KpiModel,
  type KpiPoint,
  type ResolvedKpiInput,
  type KpiNumbers,
} from '../../metrics/kpi-catalogue.ts';
import { churnOrRetention, customerCountPoint, kpiFromNumbers, tileModel, type Series } from './kpi-model.ts';
import { kpiSeriesFromShape } from './kpi-shapes.ts';

export * from '../../metrics/kpi-catalogue.ts';
export * from './kpi-model.ts';

export interface KpiJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  metric: KpiMetric;
  input: KpiInput;
  granularity: Granularity;
  weekStart?: Weekday;
  asOf?: string;
  timeZone?: string;
  /** The `granularity` the page set, if it did: a versioned document of another calendar is refused rather than drawn over. */
  givenGranularity?: Granularity;
  /** Periods in the sparkline, the shown one included. */
  periods: number;
  /** Null: 3 × the median days between purchases, else {@link DEFAULT_KPI_WINDOW_DAYS}. */
  windowDays: number | null;
  loyaltyThreshold?: number;
  frame?: SeriesFrame;
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
  const first = firstRecord(rows);
  const has = (column: string) => first !== undefined && Object.hasOwn(first as object, column);
  if (has(options.periodFields?.period || 'period') && has(options.periodFields?.value || 'value')) return 'periods';
  return KPI_DEFINITIONS[options.metric].source;
}


export function computeKpi(rows: unknown, options: KpiJobOptions): Result<KpiModel> {
  if (!KPI_METRICS.includes(options.metric)) return fail(optionError('metric', KPI_METRICS.join(', '), options.metric));
  if (!KPI_INPUTS.includes(options.input)) return fail(optionError('input', KPI_INPUTS.join(', '), options.input));
  if (!GRANULARITIES.includes(options.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options.granularity));
  if (!Number.isInteger(options.periods) || options.periods < 1) return fail(optionError('periods', 'a whole number of periods, 1 or more', options.periods));
  // A versioned document (period-counts/1 …: the command line's and retention-kit/sql's output) brings
  // its calendar and window; it is read for the metrics it holds one figure per period of.
  const shaped = kpiSeriesFromShape(rows, {
    metric: options.metric,
    givenGranularity: options.givenGranularity,
    windowDays: options.windowDays,
    loyaltyThreshold: options.loyaltyThreshold,
    frame: options.frame,
  });
  if (shaped) return shaped.ok ? ok(tileModel(options.metric, 'periods', shaped.value, options.periods), shaped.warnings) : shaped;
  if (!isRecordList(rows)) return fail(optionError('data', 'an array of records, or a versioned document (period-counts/1, revenue-movements/1, nps-periods/1, repeat-counts/1)', rows));
  const input = detectKpiInput(rows, options);
  const series = seriesOf(input, rows, options);
  if (!series.ok) return series;
  return ok(tileModel(options.metric, input, series.value, options.periods), series.warnings);
}

function seriesOf(input: ResolvedKpiInput, rows: RecordList, options: KpiJobOptions): Result<Series> {
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

function periodPoints(values: readonly PeriodValue[]): KpiPoint[] {
  return values.map((p) => ({ key: p.key, value: p.value, complete: p.complete, ...(p.counts ? { counts: p.counts } : {}) }));
}

function fromTransactions(rows: RecordList, options: KpiJobOptions): Result<Series> {
  const table = transactionTableFor(rows, { fields: options.transactionFields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const warnings: InputWarning[] = [...table.warnings];
  const metric = options.metric;
  if (metric === 'customer-churn' || metric === 'crr' || metric === 'active-customers') {
    let windowDays = options.windowDays;
    if (windowDays === null) {
      const suggested = suggestedWindowDays(table.value);
      windowDays = (suggested.ok ? suggested.value : null) ?? DEFAULT_KPI_WINDOW_DAYS;
    }
    const series = churnSeries(table.value, { granularity: options.granularity, weekStart: options.weekStart, asOf: options.asOf, windowDays });
    if (!series.ok) return fail(series.error, warnings);
    const points = series.value.periods.map((p) => customerCountPoint(metric, p));
    return ok({ granularity: options.granularity, weekStart: options.weekStart, points, windowDays }, [...warnings, ...series.warnings]);
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
  return ok({ granularity: options.granularity, weekStart: options.weekStart, points: periodPoints(series.value), windowDays: null }, warnings);
}

function fromSubscriptions(rows: RecordList, options: KpiJobOptions): Result<Series> {
  const subscriptions = readSubscriptions(rows, { fields: options.subscriptionFields, timeZone: options.timeZone, reading: options.reading });
  if (!subscriptions.ok) return subscriptions;
  const todayDay = today(new ZonedDayMapper(options.timeZone ?? 'UTC'), options.now);
  const range = { granularity: options.granularity, weekStart: options.weekStart, timeZone: options.timeZone };
  const point = (period: { key: string; endDay: number }, value: number | null): KpiPoint => ({
    key: period.key,
    value,
    // A period that has not ended is measured on its snapshot so far.
    complete: period.endDay <= todayDay + 1,
  });
  const metric = options.metric;
  if (metric === 'customer-churn' || metric === 'crr') {
    const series = subscriptionChurnSeries(subscriptions.value, range);
    if (!series.ok) return series;
    const points = series.value.map((p) => ({
      ...point(p.period, null),
      ...churnOrRetention(metric, p.customersAtStart, p.customersAtEnd - p.newCustomers, p.lostCustomers, p.retentionRate, p.churnRate),
    }));
    return ok({ granularity: options.granularity, weekStart: options.weekStart, points, windowDays: null }, series.warnings);
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
  return ok({ granularity: options.granularity, weekStart: options.weekStart, points, windowDays: null }, movements.warnings);
}

function fromResponses(rows: RecordList, options: KpiJobOptions): Result<Series> {
  const responses = readSurveyResponses(rows, { fields: options.responseFields, timeZone: options.timeZone, reading: options.reading });
  if (!responses.ok) return responses;
  const periods = npsByPeriod(responses.value, { granularity: options.granularity, weekStart: options.weekStart });
  if (!periods.ok) return periods;
  const points = periods.value.map(
    (p): KpiPoint => ({
      key: p.period.key,
      value: p.nps?.score ?? null,
      complete: true,
      ...(p.nps ? { answers: { promoters: p.nps.promoters, detractors: p.nps.detractors, responses: p.nps.responses } } : {}),
    }),
  );
  return ok({ granularity: options.granularity, weekStart: options.weekStart, points, windowDays: null }, responses.warnings);
}

function fromInvoices(rows: RecordList, options: KpiJobOptions): Result<Series> {
  const invoices = readInvoices(rows, { fields: options.invoiceFields, timeZone: options.timeZone, reading: options.reading });
  if (!invoices.ok) return invoices;
  const series = dsoSeries(invoices.value, { granularity: options.granularity, weekStart: options.weekStart, lastPeriods: options.periods + 1 });
  if (!series.ok) return series;
  return ok({ granularity: options.granularity, weekStart: options.weekStart, points: periodPoints(series.value), windowDays: null }, invoices.warnings);
}

const periodRecordSchema = withFields(['period', 'value'], z.object({ period: textValue, value: numberValue() }));

/** Pre-aggregated `{ period, value }`: values computed elsewhere; rates as fractions (0.05 = 5 %). */
function fromPeriods(rows: RecordList, options: KpiJobOptions): Result<Series> {
  const fields = { period: options.periodFields?.period, value: options.periodFields?.value };
  const records = readRecords(rows, periodRecordSchema, ['period', 'value'] as const, { fields, what: 'periods' });
  if (!records.ok) return records;
  const range = kpiValueRange(options.metric);
  const outside = new IssueCollector();
  records.value.forEach((r, i) => {
    if (r.value !== null && (r.value < range.min || r.value > range.max)) outside.add(i, options.periodFields?.value || 'value', range.expected, r.value);
  });
  if (outside.hasIssues) return fail(outside.toError('periods'));
  const calendar = calendarOfKeys(records.value.map((r) => r.period), options.granularity);
  const ordered = calendar ? [...records.value].sort((a, b) => calendar.indexOfKey(a.period) - calendar.indexOfKey(b.period)) : records.value;
  return ok({ granularity: calendar?.granularity ?? null, points: ordered.map((r) => ({ key: r.period, value: r.value, complete: true })), windowDays: null }, records.warnings);
}

export const kpiTileJob = engineJob<KpiJobOptions, KpiModel>('kpi-tile', (rows, options) => computeKpi(rows, options));

/** A tile from figures typed as attributes (a portal's own warehouse), when the element has no records. */
export const kpiNumbersJob = engineJob<KpiNumbers, KpiModel>('kpi-tile-numbers', (_records, numbers) => kpiFromNumbers(numbers));
