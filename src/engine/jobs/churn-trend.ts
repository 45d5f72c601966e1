/**
 * The churn-trend job: records in, a plain, cloneable view model out. Runs in
 * the page for small inputs and in the metrics worker for big ones (the
 * platform's job registry decides), so nothing here touches the DOM.
 *
 * Three kinds of input, chosen by `input` (or detected, see {@link detectInput}):
 * - `transactions`: customer churn from purchase activity (churnSeries; a
 *   customer is active while their last purchase is within `windowDays`);
 * - `subscriptions`: customer churn (subscriptionChurnSeries) or revenue
 *   churn (revenueMovements: net revenue churn = 1 − NRR, negative when
 *   expansion outweighs losses);
 * - `periods`: per-period numbers aggregated elsewhere (a warehouse), one
 *   record per period: `{ period, start, lost, expansion?, complete? }`.
 *   Rates come from the one definition in rates.ts.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import { PRESETS } from '../../metrics/read/presets.ts';
import * as z from 'zod/mini';
import { churnSeries } from '../../metrics/activity.ts';
import { calendarOfKeys, GRANULARITIES, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { ZonedDayMapper, today } from '../../metrics/calendar/dates.ts';
import { IssueCollector, fail, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { firstRecord, isRecordList, type RecordList } from '../../metrics/read/csv-records.ts';
import { suggestedWindowDays } from '../../metrics/purchase-gaps.ts';
import { customerChurnRate, revenueChurnRate } from '../../metrics/rates.ts';
import { numberValue, readRecords, textValue, optionalBooleanValue } from '../../metrics/read/records.ts';
import { revenueMovements, subscriptionChurnSeries } from '../../metrics/revenue-movements.ts';
import { readSubscriptions, type SubscriptionField } from '../../metrics/subscriptions.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { transactionTableFor } from '../table-cache.ts';
import { engineJob } from '../job.ts';
import { latestPeriods } from './drawn-periods.ts';
import { PERIOD_COUNTS_SHAPE, periodCountsShapeSchema } from '../../metrics/shapes/period-counts.ts';
import { contradictedAttribute, readVersionedShape } from '../../metrics/shapes/versioned.ts';
import { isSmallSample, wilsonInterval, type Interval } from '../../metrics/uncertainty.ts';

export const CHURN_METRICS = ['customer', 'revenue'] as const;
export type ChurnMetric = (typeof CHURN_METRICS)[number];
export const CHURN_INPUTS = ['auto', 'transactions', 'subscriptions', 'periods'] as const;
export type ChurnInput = (typeof CHURN_INPUTS)[number];
export type ResolvedInput = Exclude<ChurnInput, 'auto'>;

/** Field names of pre-aggregated period records. */
export const PERIOD_FIELDS = ['period', 'start', 'lost', 'expansion', 'complete', 'censored'] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];

/** One period of the chart. Plain data: it crosses postMessage. */
export interface ChurnPoint {
  /** Period key (`2024-03`), or the period as a pre-aggregated record named it; the page labels it. */
  key: string;
  /** S: customers (or recurring revenue) at period start. */
  start: number;
  /** Customers lost, or revenue lost to cancellations and downgrades. */
  lost: number;
  /** Revenue gained from upgrades of the starting base (revenue metric; 0 otherwise). */
  expansion: number;
  /**
   * Churn as a fraction; null when undefined (S = 0) or still warming up.
   * Net revenue churn may be negative.
   */
  rate: number | null;
  /** False for a period still running: drawn dashed. */
  complete: boolean;
  /**
   * True when the activity window before the period start reaches back before
   * the data (transactions): customers who bought before the export began are
   * not seen, so S is undercounted, and until the window is covered nobody can
   * be lost (the first window-length of periods would read 0 %, which is no
   * churn figure). The rate is null and the chart marks the period "not enough history".
   */
  censored: boolean;
  /** 95 % Wilson interval of customer churn (lost of S); null for revenue churn and without a rate. */
  interval: Interval | null;
  /** Customer churn resting on fewer than SMALL_SAMPLE customers at the period start: marked on the chart. */
  smallSample: boolean;
}

export interface ChurnTrendModel {
  metric: ChurnMetric;
  input: ResolvedInput;
  /** Null for pre-aggregated input whose keys are not calendar keys. */
  granularity: Granularity | null;
  /** First day of `week` periods (labels of their keys). */
  weekStart?: Weekday;
  /** Activity window used for transactions (given or suggested); null otherwise. */
  windowDays: number | null;
  points: ChurnPoint[];
}

export interface ChurnTrendJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  metric: ChurnMetric;
  input: ChurnInput;
  granularity: Granularity;
  /** The page's `granularity` when it set one: a versioned document of other periods is refused, not drawn (shapes/versioned.ts). */
  givenGranularity?: Granularity;
  /** Null: suggest 3 × the median days between purchases. */
  windowDays: number | null;
  weekStart?: Weekday;
  asOf?: string;
  timeZone?: string;
  transactionFields?: TransactionFields;
  subscriptionFields?: Partial<Record<SubscriptionField, string>>;
  periodFields?: Partial<Record<PeriodField, string>>;
  /** Clock (epoch ms) deciding whether the last subscription period is complete; default now. */
  now?: number;
}

/**
 * `auto`: records with a `period` column (after field mapping) are
 * pre-aggregated periods; records with an `mrr` column, or any input for the
 * revenue metric, are subscriptions, and so is an export whose preset is one
 * of subscriptions (stripe-subscriptions); anything else is transactions.
 */
export function detectInput(rows: unknown, options: Pick<ChurnTrendJobOptions, 'input' | 'metric' | 'periodFields' | 'subscriptionFields' | 'reading'>): ResolvedInput {
  if (options.input !== 'auto') return options.input;
  if (options.reading?.preset && (PRESETS as Record<string, { kind: string }>)[options.reading.preset]?.kind === 'subscriptions') return 'subscriptions';
  const first = firstRecord(rows);
  const has = (column: string) => first !== undefined && Object.hasOwn(first as object, column);
  if (has(options.periodFields?.period || 'period')) return 'periods';
  if (options.metric === 'revenue' || has(options.subscriptionFields?.mrr || 'mrr')) return 'subscriptions';
  return 'transactions';
}

/** How sure a customer-churn rate is: its interval and whether it rests on few customers. */
function customerUncertainty(start: number, lost: number, rate: number | null): Pick<ChurnPoint, 'interval' | 'smallSample'> {
  if (rate === null) return { interval: null, smallSample: false };
  return { interval: wilsonInterval(lost, start), smallSample: isSmallSample(start) };
}

/** Revenue churn is a ratio of amounts, not of customers: no count-based interval. */
const NO_UNCERTAINTY: Pick<ChurnPoint, 'interval' | 'smallSample'> = { interval: null, smallSample: false };

export function computeChurnTrend(rows: unknown, options: ChurnTrendJobOptions): Result<ChurnTrendModel> {
  if (!CHURN_METRICS.includes(options.metric)) return fail(optionError('metric', 'customer or revenue', options.metric));
  if (!CHURN_INPUTS.includes(options.input)) return fail(optionError('input', CHURN_INPUTS.join(', '), options.input));
  if (!GRANULARITIES.includes(options.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options.granularity));
  // A period-counts/1 document (the command line's and retention-kit/sql's output) brings its
  // periods with the calendar and activity window they were counted on.
  const versioned = readVersionedShape(rows, PERIOD_COUNTS_SHAPE, periodCountsShapeSchema);
  if (versioned && !versioned.ok) return versioned;
  if (versioned) {
    if (options.metric !== 'customer') return fail(optionError('metric', `customer for a ${PERIOD_COUNTS_SHAPE} document (it counts customers)`, options.metric));
    const { periods, granularity, weekStart, windowDays } = versioned.value;
    const refused = contradictedAttribute(PERIOD_COUNTS_SHAPE, [
      ['granularity', granularity, options.givenGranularity],
      ['window-days', windowDays, options.windowDays],
    ]);
    if (refused) return fail(refused);
    const model = fromPeriods(periods, { ...options, granularity, weekStart: weekStart as Weekday | undefined, periodFields: {} });
    return model.ok ? latestPeriods({ ...model.value, windowDays, ...(weekStart === undefined ? {} : { weekStart: weekStart as Weekday }) }, 'points', model.warnings) : model;
  }
  if (!isRecordList(rows)) return fail(optionError('data', 'an array of records', rows));
  const model = trendOf(rows, options);
  return model.ok ? latestPeriods(model.value, 'points', model.warnings) : model;
}

function trendOf(rows: RecordList, options: ChurnTrendJobOptions): Result<ChurnTrendModel> {
  switch (detectInput(rows, options)) {
    case 'periods':
      return fromPeriods(rows, options);
    case 'subscriptions':
      return fromSubscriptions(rows, options);
    case 'transactions':
      return options.metric === 'revenue'
        ? fail(optionError('input', 'subscriptions or periods for revenue churn (transactions carry no recurring revenue)', 'transactions'))
        : fromTransactions(rows, options);
  }
}

function fromTransactions(rows: RecordList, options: ChurnTrendJobOptions): Result<ChurnTrendModel> {
  const table = transactionTableFor(rows, { fields: options.transactionFields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const warnings: InputWarning[] = [...table.warnings];
  let windowDays = options.windowDays;
  if (windowDays === null) {
    const suggested = suggestedWindowDays(table.value);
    if (!suggested.ok) return suggested;
    if (suggested.value === null) {
      return fail(optionError('window-days', 'a number of days (no customer bought on two days, so none can be suggested)', undefined), warnings);
    }
    windowDays = suggested.value;
  }
  const series = churnSeries(table.value, {
    granularity: options.granularity,
    windowDays,
    weekStart: options.weekStart,
    asOf: options.asOf,
  });
  if (!series.ok) return fail(series.error, warnings);
  const points = series.value.periods.map((p): ChurnPoint => {
    const rate = p.startCensored ? null : p.churnRate;
    return {
      key: p.key,
      start: p.start,
      lost: p.lost,
      expansion: 0,
      rate,
      complete: p.complete,
      censored: p.startCensored,
      ...customerUncertainty(p.start, p.lost, rate),
    };
  });
  return ok({ metric: 'customer', input: 'transactions', granularity: options.granularity, weekStart: options.weekStart, windowDays, points }, [...warnings, ...series.warnings]);
}

function fromSubscriptions(rows: RecordList, options: ChurnTrendJobOptions): Result<ChurnTrendModel> {
  const subscriptions = readSubscriptions(rows, { fields: options.subscriptionFields, timeZone: options.timeZone, reading: options.reading });
  if (!subscriptions.ok) return subscriptions;
  const todayDay = today(new ZonedDayMapper(options.timeZone ?? 'UTC'), options.now);
  // A period that has not ended yet is measured on its snapshot so far: dashed, like the activity series.
  const complete = (endDay: number) => endDay <= todayDay + 1;
  const range = { granularity: options.granularity, weekStart: options.weekStart, timeZone: options.timeZone };
  const base = { input: 'subscriptions' as const, granularity: options.granularity, weekStart: options.weekStart, windowDays: null };
  if (options.metric === 'customer') {
    const series = subscriptionChurnSeries(subscriptions.value, range);
    if (!series.ok) return series;
    const points = series.value.map(
      (p): ChurnPoint => ({
        key: p.period.key,
        start: p.customersAtStart,
        lost: p.lostCustomers,
        expansion: 0,
        rate: p.churnRate,
        complete: complete(p.period.endDay),
        censored: false,
        ...customerUncertainty(p.customersAtStart, p.lostCustomers, p.churnRate),
      }),
    );
    return ok({ ...base, metric: 'customer', points }, series.warnings);
  }
  const movements = revenueMovements(subscriptions.value, range);
  if (!movements.ok) return movements;
  const points = movements.value.periods.map(
    (m): ChurnPoint => ({
      key: m.period.key,
      start: m.startingMrr,
      lost: m.churnedMrr + m.contractionMrr,
      expansion: m.expansionMrr,
      rate: m.netRevenueChurn,
      complete: complete(m.period.endDay),
      censored: false,
      ...NO_UNCERTAINTY,
    }),
  );
  return ok({ ...base, metric: 'revenue', points }, movements.warnings);
}


function periodSchema(metric: ChurnMetric) {
  return z.object({
    period: textValue,
    start: metric === 'customer' ? numberValue({ min: 0, integer: true }) : numberValue({ min: 0 }),
    lost: metric === 'customer' ? numberValue({ min: 0, integer: true }) : numberValue({ min: 0 }),
    expansion: z.optional(numberValue({ min: 0 })),
    complete: optionalBooleanValue,
    // A warm-up period (its activity window reaches back before the data): no rate, as from transactions.
    censored: optionalBooleanValue,
  });
}

function fromPeriods(rows: RecordList, options: ChurnTrendJobOptions): Result<ChurnTrendModel> {
  const fields = options.periodFields ?? {};
  const records = readRecords(rows, periodSchema(options.metric), PERIOD_FIELDS, { fields, what: 'periods' });
  if (!records.ok) return records;
  const column = (name: PeriodField) => fields[name] || name;
  const issues = new IssueCollector();
  const points: ChurnPoint[] = [];
  records.value.forEach((record, i) => {
    const { start, lost } = record;
    const expansion = record.expansion ?? 0;
    const censored = record.censored ?? false;
    let rate: number | null = null;
    if (start > 0 && !censored) {
      // One definition per metric: the rates module checks consistency (lost ≤ start) too.
      const result =
        options.metric === 'customer'
          ? customerChurnRate({ start, lost })
          : revenueChurnRate({ startRevenue: start, churned: lost, contraction: 0, expansion });
      if (!result.ok) {
        for (const issue of result.error.issues) {
          const field = issue.field === 'churned' ? 'lost' : issue.field === 'startRevenue' ? 'start' : issue.field;
          issues.add(i, PERIOD_FIELDS.includes(field as PeriodField) ? column(field as PeriodField) : field, issue.expected, record[field as 'start']);
        }
        return;
      }
      rate = typeof result.value === 'number' ? result.value : result.value.netRevenueChurn;
    } else if (start === 0 && lost > 0) {
      issues.add(i, column('lost'), 'nothing lost in a period that starts with nothing', lost);
      return;
    }
    const uncertainty = options.metric === 'customer' ? customerUncertainty(start, lost, rate) : NO_UNCERTAINTY;
    points.push({ key: record.period, start, lost, expansion, rate, complete: record.complete ?? true, censored, ...uncertainty });
  });
  if (issues.hasIssues) return fail(issues.toError('periods'));

  const seen = new Map<string, number>();
  points.forEach((point, i) => {
    const earlier = seen.get(point.key);
    if (earlier !== undefined) issues.add(i, column('period'), `a period not already given by record ${earlier + 1}`, point.key);
    seen.set(point.key, i);
  });
  if (issues.hasIssues) return fail(issues.toError('periods'));

  const calendar = calendarOfKeys(
    points.map((p) => p.key),
    options.granularity,
  );
  if (calendar) {
    // Calendar keys sort by time, whatever order the export had (the page labels them in its language).
    points.sort((a, b) => calendar.indexOfKey(a.key) - calendar.indexOfKey(b.key));
  }
  return ok({ metric: options.metric, input: 'periods', granularity: calendar?.granularity ?? null, windowDays: null, points });
}

export const churnTrendJob = engineJob<ChurnTrendJobOptions, ChurnTrendModel>('churn-trend', (rows, options) => computeChurnTrend(rows, options));
