/**
 * Per-period series of the scalar metrics that are defined "within a time
 * frame" (repeat purchase rate, loyal customer rate, time between purchases,
 * product return rate, historic lifetime value), of DSO from invoices, and of
 * ARPA from revenue movements: what a KPI tile needs for its value, its change
 * and its sparkline. Nothing is redefined here: each period runs the metric's
 * own function (purchases.ts, purchase-gaps.ts, invoices.ts) on that period's
 * time frame.
 */
import { GRANULARITIES, PeriodCalendar, type Granularity, type Weekday } from './calendar/calendar.ts';
import { isoDate } from './calendar/dates.ts';
import { resolvePeriodOptions, type PeriodOptions } from './activity.ts';
import { dsoFromInvoices, type Invoice } from './invoices.ts';
import { fail, ok, optionError, type Result } from './issues.ts';
import { timeBetweenPurchases } from './purchase-gaps.ts';
import { historicLifetimeValue, loyalCustomerRate, productReturnRate, repeatPurchaseRate } from './purchases.ts';
import type { RevenueMovementPeriod } from './revenue-movements.ts';
import type { TimeFrame } from './calendar/timeframe.ts';
import type { TransactionTable } from './read/transactions.ts';

/** One period of a series. Plain data (it crosses postMessage). */
export interface PeriodValue {
  /** Calendar index of the period. */
  index: number;
  key: string;
  /** The metric; null where it is undefined (nobody bought, nothing sold, no credit sales). */
  value: number | null;
  /** False for the period that contains the last day of data when that day is not its last. */
  complete: boolean;
  /** Rates of customers (repeat, loyal): the customers behind the value, for its interval. */
  counts?: { successes: number; trials: number };
}

export const PURCHASE_SERIES_METRICS = ['repeat-purchase-rate', 'loyal-customer-rate', 'time-between-purchases', 'return-rate', 'ltv'] as const;
export type PurchaseSeriesMetric = (typeof PURCHASE_SERIES_METRICS)[number];

/**
 * What each period's time frame covers:
 * - `period`: the period alone (a repeat purchase within the month);
 * - `cumulative`: everything up to the period's end (lifetime value "as of"
 *   that month; the median gap of all purchase days so far).
 */
export type SeriesFrame = 'period' | 'cumulative';

/**
 * The frame each metric is read in by default. Lifetime value and the gap
 * between purchases describe a customer's whole history: a one-month frame
 * would cap every gap at a month and every lifetime at one month's spend.
 * The rates are of the period itself, as their definitions say.
 */
export const DEFAULT_SERIES_FRAME: Record<PurchaseSeriesMetric, SeriesFrame> = {
  'repeat-purchase-rate': 'period',
  'loyal-customer-rate': 'period',
  'return-rate': 'period',
  'time-between-purchases': 'cumulative',
  ltv: 'cumulative',
};

export interface PurchaseSeriesOptions extends PeriodOptions {
  metric: PurchaseSeriesMetric;
  /** Default {@link DEFAULT_SERIES_FRAME} of the metric. */
  frame?: SeriesFrame;
  /** Purchases that make a customer loyal (loyal-customer-rate); default that of purchases.ts. */
  loyaltyThreshold?: number;
  /** Only the last this many periods (up to asOf) are computed; default all. */
  lastPeriods?: number;
}

/**
 * One value per period, from the period of the table's first row (or the
 * first of the last `lastPeriods`) to the period of asOf. The running period's
 * frame ends after asOf, so it holds what happened so far.
 * Time between purchases is the MEDIAN gap (the kit's headline figure for it).
 */
export function purchaseMetricSeries(table: TransactionTable, options: PurchaseSeriesOptions): Result<PeriodValue[]> {
  const metric = options?.metric;
  if (!PURCHASE_SERIES_METRICS.includes(metric)) return fail(optionError('metric', `one of ${PURCHASE_SERIES_METRICS.join(', ')}`, metric));
  const frame = options.frame ?? DEFAULT_SERIES_FRAME[metric];
  if (frame !== 'period' && frame !== 'cumulative') return fail(optionError('frame', 'period or cumulative', frame));
  const resolved = resolvePeriodOptions(table, options);
  if (!resolved.ok) return resolved;
  const { calendar, asOfDay } = resolved.value;
  const range = periodRange(calendar, table.length > 0 ? table.firstDay : Number.NaN, asOfDay, options.lastPeriods);
  if (!range.ok) return range;

  const out: PeriodValue[] = [];
  for (const index of range.value) {
    const endDay = Math.min(calendar.endDay(index), asOfDay + 1);
    const timeFrame: TimeFrame = { to: isoDate(endDay) };
    if (frame === 'period') timeFrame.from = isoDate(calendar.startDay(index));
    const value = purchaseValue(table, metric, timeFrame, options.loyaltyThreshold);
    if (!value.ok) return value;
    out.push({ index, key: calendar.key(index), ...value.value, complete: asOfDay + 1 >= calendar.endDay(index) });
  }
  return ok(out);
}

type PurchaseValue = Pick<PeriodValue, 'value' | 'counts'>;

function purchaseValue(table: TransactionTable, metric: PurchaseSeriesMetric, timeFrame: TimeFrame, threshold: number | undefined): Result<PurchaseValue> {
  switch (metric) {
    case 'repeat-purchase-rate': {
      const r = repeatPurchaseRate(table, { timeFrame });
      return r.ok ? ok({ value: r.value.rate, counts: { successes: r.value.repeatCustomers, trials: r.value.customers } }) : r;
    }
    case 'loyal-customer-rate': {
      const r = loyalCustomerRate(table, { timeFrame, threshold });
      return r.ok ? ok({ value: r.value.rate, counts: { successes: r.value.loyalCustomers, trials: r.value.customers } }) : r;
    }
    case 'return-rate': {
      // Units, not customers: one customer's returned dozen are not twelve independent draws, so no interval.
      const r = productReturnRate(table, { timeFrame });
      return r.ok ? ok({ value: r.value.rate }) : r;
    }
    case 'time-between-purchases': {
      const r = timeBetweenPurchases(table, { timeFrame });
      return r.ok ? ok({ value: r.value.median }) : r;
    }
    case 'ltv': {
      const r = historicLifetimeValue(table, { timeFrame });
      return r.ok ? ok({ value: r.value.value }) : r;
    }
  }
}

/** Calendar indexes from the period of firstDay to that of lastDay, the last `lastPeriods` of them. */
function periodRange(calendar: PeriodCalendar, firstDay: number, lastDay: number, lastPeriods: number | undefined): Result<number[]> {
  if (lastPeriods !== undefined && (!Number.isInteger(lastPeriods) || lastPeriods < 1)) {
    return fail(optionError('lastPeriods', 'a whole number of periods, 1 or more', lastPeriods));
  }
  if (!(lastDay >= firstDay)) return ok([]);
  const last = calendar.indexOfDay(lastDay);
  let first = calendar.indexOfDay(firstDay);
  if (lastPeriods !== undefined) first = Math.max(first, last - lastPeriods + 1);
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) indexes.push(index);
  return ok(indexes);
}

export interface DsoSeriesOptions {
  granularity: Granularity;
  weekStart?: Weekday;
  lastPeriods?: number;
}

/**
 * DSO of every period from the first to the last issue day. A period without
 * credit sales has no DSO (null), not an error: its receivables may still be
 * open, but there are no sales to measure them against.
 */
export function dsoSeries(invoices: readonly Invoice[], options: DsoSeriesOptions): Result<PeriodValue[]> {
  if (!GRANULARITIES.includes(options?.granularity)) return fail(optionError('granularity', `one of ${GRANULARITIES.join(', ')}`, options?.granularity));
  const calendar = new PeriodCalendar(options);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const invoice of invoices) {
    firstDay = Math.min(firstDay, invoice.issueDay);
    lastDay = Math.max(lastDay, invoice.issueDay);
  }
  const range = periodRange(calendar, firstDay, lastDay, options.lastPeriods);
  if (!range.ok) return range;
  const out: PeriodValue[] = [];
  for (const index of range.value) {
    const from = isoDate(calendar.startDay(index));
    const to = isoDate(calendar.endDay(index));
    // Day numbers are already local: the boundaries are read in UTC to stay the same days.
    const dso = dsoFromInvoices(invoices, { from, to, timeZone: 'UTC' });
    out.push({ index, key: calendar.key(index), value: dso.ok ? dso.value.dso : null, complete: true });
  }
  return ok(out);
}

/**
 * Average revenue per account at a period end: ending MRR / paying customers
 * at that end; null without paying customers. Measured on the same snapshot
 * as the movements, so it moves with them.
 */
export function averageRevenuePerAccount(period: Pick<RevenueMovementPeriod, 'endingMrr' | 'customersAtEnd'>): number | null {
  return period.customersAtEnd > 0 ? period.endingMrr / period.customersAtEnd : null;
}
