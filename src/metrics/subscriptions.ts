/**
 * Subscriptions (recurring-revenue exports) and each customer's monthly
 * recurring revenue (MRR) per period, the input of revenue movements and
 * subscription churn.
 *
 * Snapshot convention: a customer's MRR in a period is their MRR on the
 * period's LAST day, the sum of the amounts of the subscriptions active that
 * day. A subscription is active on day d when start ≤ d < end: the end date is
 * the first day it no longer runs (a monthly plan from 2024-01-01 cancelled
 * to 2024-02-01 counts in January, not in February). Taking one day per period
 * rather than an average keeps every period's MRR a state that can be
 * compared with the next one, so movements add up exactly; the price is that
 * a subscription that starts and ends between two period ends is never seen.
 */
import * as z from 'zod/mini';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Period, type Weekday } from './calendar/calendar.ts';
import type { ZonedDayMapper } from './calendar/dates.ts';
import { fail, ok, optionError, type Result } from './issues.ts';
import { rule, withFields } from './read/validation.ts';
import { columnFormats, dateValue, idValue, numberValue, optionalDateValue, optionalTextValue, readRecords, zoneFor, type ColumnFormats, type ReadOptions } from './read/records.ts';
import type { RecordList } from './read/csv-records.ts';
import { resolveTimeFrame, type DateInput } from './calendar/timeframe.ts';

export const SUBSCRIPTION_FIELDS = ['customer', 'start', 'end', 'mrr', 'plan'] as const;
export type SubscriptionField = (typeof SUBSCRIPTION_FIELDS)[number];

export interface Subscription {
  customer: string;
  /** First day active (local day number). */
  startDay: number;
  /** First day no longer active; absent for a subscription still running. */
  endDay?: number;
  /** Recurring revenue per month (or per billing period), at least 0. */
  mrr: number;
  plan?: string;
}

/** One subscription: customer, start date, end date (optional, not before start), mrr (≥ 0), plan (optional). */
export function subscriptionRecordSchema(zone: ZonedDayMapper, formats?: ColumnFormats<SubscriptionField>) {
  return z.pipe(
    withFields(
      SUBSCRIPTION_FIELDS,
      z
        .object({
          customer: idValue,
          start: dateValue(zone, formats?.date('start')),
          end: optionalDateValue(zone, formats?.date('end')),
          mrr: numberValue({ min: 0 }, formats?.decimal('mrr')),
          plan: optionalTextValue,
        })
        .check(rule('end', 'an end date on or after the start date', (r) => r.end === undefined || r.end >= r.start)),
    ),
    z.transform((r): Subscription => ({ customer: r.customer, startDay: r.start, endDay: r.end, mrr: r.mrr, plan: r.plan })),
  );
}

export function readSubscriptions(rows: RecordList, options: ReadOptions<SubscriptionField> = {}): Result<Subscription[]> {
  const zone = zoneFor(options.timeZone);
  if (!zone.ok) return zone;
  const formats = columnFormats<SubscriptionField>(rows, { ...options, presetKind: 'subscriptions', dates: ['start', 'end'], numbers: ['mrr'] });
  if (!formats.ok) return formats;
  return readRecords(rows, subscriptionRecordSchema(zone.value, formats.value), SUBSCRIPTION_FIELDS, { fields: formats.value.fields, what: 'subscriptions' });
}

export interface MrrOptions {
  granularity: Granularity;
  weekStart?: Weekday;
  /** First day shown: periods start with the one containing it. Default: the first start. */
  from?: DateInput;
  /** First day no longer shown (exclusive). Default: the period of the last start or end date. */
  to?: DateInput;
  /** Zone `from` and `to` are read in; default `UTC`. */
  timeZone?: string;
}

/** MRR of each customer at each period end. */
export interface CustomerMrrTable {
  calendar: PeriodCalendar;
  periods: Period[];
  /** Customers in order of their first subscription in the input. */
  customerIds: string[];
  /** `mrr[c][p]`: MRR of customer c at the end of `periods[p]`. */
  mrr: Float64Array[];
}

/** The calendar and period range of a request, resolved against the data. */
export interface MrrRange {
  calendar: PeriodCalendar;
  /** Calendar index of the first and last period asked for (last < first when there is nothing). */
  first: number;
  last: number;
  /** First period any subscription is active at the end of (for history before `first`). */
  dataFirst: number;
}

export function resolveMrrRange(subscriptions: readonly Subscription[], options: MrrOptions): Result<MrrRange> {
  if (!GRANULARITIES.includes(options?.granularity)) {
    return fail(optionError('granularity', `one of ${GRANULARITIES.join(', ')}`, options?.granularity));
  }
  const frame = resolveTimeFrame(options, options.timeZone);
  if (!frame.ok) return frame;
  const calendar = new PeriodCalendar(options);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const s of subscriptions) {
    firstDay = Math.min(firstDay, s.startDay);
    lastDay = Math.max(lastDay, s.startDay, s.endDay ?? -Infinity);
  }
  const { fromDay, toDay } = frame.value;
  const dataFirst = firstDay === Infinity ? Infinity : calendar.indexOfDay(firstDay);
  const first = fromDay > -Infinity ? calendar.indexOfDay(fromDay) : dataFirst;
  const last = toDay < Infinity ? calendar.indexOfDay(toDay - 1) : lastDay > -Infinity ? calendar.indexOfDay(lastDay) : -Infinity;
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return ok({ calendar, first: 0, last: -1, dataFirst: 0 });
  return ok({ calendar, first, last, dataFirst: Math.min(dataFirst, first) });
}

/**
 * MRR of every customer at the end of each period from `first` to `last`
 * (calendar indexes). Each subscription adds its amount to the period ends
 * that fall inside [start, end); sums run in input order, so equal inputs
 * give bit-equal snapshots.
 */
export function mrrAtPeriodEnds(subscriptions: readonly Subscription[], calendar: PeriodCalendar, first: number, last: number) {
  const count = Math.max(0, last - first + 1);
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const mrr: Float64Array[] = [];
  for (const s of subscriptions) {
    let c = customerIndex.get(s.customer);
    if (c === undefined) {
      c = customerIds.length;
      customerIndex.set(s.customer, c);
      customerIds.push(s.customer);
      mrr.push(new Float64Array(count));
    }
    // The end of period p (its last day, endDay(p) − 1) is in [start, end) exactly for
    // p from the period containing start to the one before the period containing end.
    const from = Math.max(first, calendar.indexOfDay(s.startDay));
    const to = Math.min(last, s.endDay === undefined ? last : calendar.indexOfDay(s.endDay) - 1);
    const row = mrr[c];
    for (let p = from; p <= to; p++) row[p - first] += s.mrr;
  }
  return { customerIds, mrr };
}

/**
 * Each customer's MRR per period, by the snapshot convention of this module
 * (MRR on the period's last day). Customers with no active subscription at any
 * shown period end still get a row, of zeros.
 */
export function mrrByCustomerPeriod(subscriptions: readonly Subscription[], options: MrrOptions): Result<CustomerMrrTable> {
  const range = resolveMrrRange(subscriptions, options);
  if (!range.ok) return range;
  const { calendar, first, last } = range.value;
  const { customerIds, mrr } = mrrAtPeriodEnds(subscriptions, calendar, first, last);
  return ok({ calendar, periods: calendar.range(first, last), customerIds, mrr });
}
