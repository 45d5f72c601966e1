/**
 * `repeat-counts/1`: per period, the customers who purchased, those who
 * purchased at least twice and those who reached the loyalty threshold: the
 * counts behind the KPIs `repeat-purchase-rate` (repeatCustomers / customers)
 * and `loyal-customer-rate` (loyalCustomers / customers), with their
 * intervals (successes of trials), as <kpi-tile> computes them per period
 * (metrics/kpi-series.ts, purchaseMetricSeries, frame `period`).
 *
 *   {
 *     "shape": "repeat-counts/1",
 *     "granularity": "month",
 *     "weekStart": 1,                  // week periods only (left out here): 0 Sunday … 6 Saturday
 *     "asOf": "2010-12-09",            // last day of data used, inclusive
 *     "frame": "period",               // each period's purchases alone
 *     "loyaltyThreshold": 3,           // purchases in the period that make a customer loyal
 *     "periods": [
 *       { "period": "2010-11", "customers": 1607, "repeatCustomers": 527, "loyalCustomers": 204, "complete": true },
 *       { "period": "2010-12", "customers": 573, "repeatCustomers": 108, "loyalCustomers": 29, "complete": false }
 *     ]
 *   }
 *
 * Definitions (the engine's, metrics/purchases.ts):
 * - a purchase is a distinct order: the lines of one order (the order id
 *   column) are one purchase however many products it holds; without an
 *   order column every row is an order of its own. Two orders on one day are
 *   two purchases (unlike the purchase days of `purchase-gaps/1`);
 * - returns, refunds and cancellations are never purchases; a customer whose
 *   only rows in a period are returns is not one of its customers; rows
 *   without a customer (guest orders) belong to nobody;
 * - a period's frame is [its first day, the next period's first day), in the
 *   reading time zone; the period `asOf` is in ends the day after `asOf` and
 *   has `complete: false` while `asOf` is not its last day;
 * - `customers`: customers with at least one purchase in the period;
 *   `repeatCustomers`: at least 2; `loyalCustomers`: at least
 *   `loyaltyThreshold` (a whole number ≥ 2; with 2 it equals repeatCustomers);
 * - the periods run from the period of the data's first row to that of
 *   `asOf`, none left out: a period without purchases has 0 customers (its
 *   rates are undefined, not 0).
 */
import * as z from 'zod/mini';
import { GRANULARITIES, type Granularity, type Weekday } from '../calendar/calendar.ts';
import { isoDate } from '../calendar/dates.ts';
import type { PeriodValue } from '../kpi-series.ts';
import { rule } from '../read/validation.ts';
import { weekStartOf } from './cohort-matrix.ts';

export const REPEAT_COUNTS_SHAPE = 'repeat-counts/1';

const count = z.int().check(z.minimum(0));

type PeriodCounts = { customers: number; repeatCustomers: number; loyalCustomers: number };

export const repeatCountsPeriodSchema = z
  .object({
    period: z.string().check(z.minLength(1)),
    customers: count,
    repeatCustomers: count,
    loyalCustomers: count,
    complete: z.boolean(),
  })
  .check(
    rule<PeriodCounts>('repeatCustomers', 'at most "customers" (a repeat customer is one of the period\'s customers)', (p) => p.repeatCustomers <= p.customers),
    rule<PeriodCounts>('loyalCustomers', 'at most "repeatCustomers" (the loyalty threshold is 2 purchases or more)', (p) => p.loyalCustomers <= p.repeatCustomers),
  );

type RepeatDocument = { loyaltyThreshold: number; periods: (PeriodCounts & { period: string; complete: boolean })[] };

export const repeatCountsShapeSchema = z
  .object({
    shape: z.literal(REPEAT_COUNTS_SHAPE),
    granularity: z.enum(GRANULARITIES),
    weekStart: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
    asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    frame: z.literal('period'),
    loyaltyThreshold: z.int().check(z.minimum(2)),
    periods: z.array(repeatCountsPeriodSchema),
  })
  .check(
    rule<RepeatDocument>('periods', 'each period once', (v) => new Set(v.periods.map((p) => p.period)).size === v.periods.length),
    rule<RepeatDocument>('periods', 'complete periods, but for the last one (the period as-of is in, while it runs)', (v) => v.periods.every((p, i) => p.complete || i === v.periods.length - 1)),
    rule<RepeatDocument>('loyaltyThreshold', 'more than 2 where loyal and repeat customers differ (with 2 purchases loyal is repeat)', (v) => v.loyaltyThreshold > 2 || v.periods.every((p) => p.loyalCustomers === p.repeatCustomers)),
  );

export type RepeatCountsShape = z.infer<typeof repeatCountsShapeSchema>;
export type RepeatCountsPeriod = z.infer<typeof repeatCountsPeriodSchema>;

/**
 * The shape of what <kpi-tile> computes per period: the engine's
 * `repeat-purchase-rate` and `loyal-customer-rate` series (purchaseMetricSeries,
 * frame `period`, one series of each over the same periods), whose counts are
 * (repeat or loyal customers) of (customers). Throws when the two series are
 * not of the same periods: that is a programming error, not data.
 */
export function repeatCountsShapeOf(
  series: { repeat: readonly PeriodValue[]; loyal: readonly PeriodValue[] },
  options: { granularity: Granularity; weekStart?: Weekday; asOfDay: number; loyaltyThreshold: number },
): RepeatCountsShape {
  const { repeat, loyal } = series;
  if (repeat.length !== loyal.length || repeat.some((p, i) => p.key !== loyal[i].key)) throw new Error('repeatCountsShapeOf: the repeat and loyal series must be of the same periods');
  return {
    shape: REPEAT_COUNTS_SHAPE,
    granularity: options.granularity,
    ...weekStartOf(options.granularity, options.weekStart),
    asOf: isoDate(options.asOfDay),
    frame: 'period',
    loyaltyThreshold: options.loyaltyThreshold,
    periods: repeat.map((p, i) => {
      const customers = p.counts?.trials ?? 0;
      if (loyal[i].counts?.trials !== customers) throw new Error(`repeatCountsShapeOf: period ${p.key} has ${customers} customers in one series, ${loyal[i].counts?.trials} in the other`);
      return { period: p.key, customers, repeatCustomers: p.counts?.successes ?? 0, loyalCustomers: loyal[i].counts?.successes ?? 0, complete: p.complete };
    }),
  };
}
