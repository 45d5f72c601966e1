/**
 * `period-counts/1`: customer counts per period, pre-aggregated. Each record
 * of `periods` is what <churn-trend> reads as a pre-aggregated period
 * (`{ period, start, lost, complete }`, engine/jobs/churn-trend.ts), with the
 * rest of the engine's counts beside it (churnSeries in activity.ts):
 *
 *   {
 *     "shape": "period-counts/1",
 *     "granularity": "month",
 *     "windowDays": 90,              // a purchase keeps a customer active this many days
 *     "asOf": "2010-12-09",
 *     "periods": [
 *       { "period": "2010-11", "start": 1820, "end": 2130, "new": 310, "lost": 260,
 *         "reactivated": 260, "revenue": 1126815.07, "complete": true, "censored": false }
 *     ]
 *   }
 *
 * Definitions (the engine's): a customer is active at day t with a purchase in
 * [t − windowDays, t). For period [s, e): start (S) = active at s, end (E) =
 * active at e, new (N) = first purchase in [s, e) and active at e, lost =
 * active at s and not at e, reactivated = active at e, not at s, first
 * purchase before s; E = S − lost + N + reactivated. `revenue` is the net
 * amount (purchases − returns) of the period's rows; absent for data without
 * money. The last period, when `asOf` is not its last day, is measured on the
 * day after `asOf` and has `complete: false`. `censored`: the window before
 * the period start reaches back before the data, so S and lost undercount.
 */
import * as z from 'zod/mini';
import { GRANULARITIES, type Weekday } from '../calendar/calendar.ts';
import { isoDate } from '../calendar/dates.ts';
import type { ChurnSeries } from '../activity.ts';
import { weekStartOf } from './cohort-matrix.ts';

export const PERIOD_COUNTS_SHAPE = 'period-counts/1';

const count = z.int().check(z.minimum(0));

export const periodCountsPeriodSchema = z.object({
  period: z.string().check(z.minLength(1)),
  start: count,
  end: count,
  new: count,
  lost: count,
  reactivated: count,
  revenue: z.optional(z.number()),
  complete: z.boolean(),
  censored: z.boolean(),
});

export const periodCountsShapeSchema = z.object({
  shape: z.literal(PERIOD_COUNTS_SHAPE),
  granularity: z.enum(GRANULARITIES),
  weekStart: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
  windowDays: z.int().check(z.minimum(1)),
  asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  periods: z.array(periodCountsPeriodSchema),
});

export type PeriodCountsShape = z.infer<typeof periodCountsShapeSchema>;
export type PeriodCountsPeriod = z.infer<typeof periodCountsPeriodSchema>;

/** The shape of the engine's churnSeries; `money: false` leaves revenue out (activity data has none). */
export function periodCountsShapeOf(series: ChurnSeries, options: { weekStart?: Weekday; money?: boolean } = {}): PeriodCountsShape {
  return {
    shape: PERIOD_COUNTS_SHAPE,
    granularity: series.granularity,
    ...weekStartOf(series.granularity, options.weekStart),
    windowDays: series.windowDays,
    asOf: isoDate(series.asOfDay),
    periods: series.periods.map((p) => ({
      period: p.key,
      start: p.start,
      end: p.end,
      new: p.new,
      lost: p.lost,
      reactivated: p.reactivated,
      ...(options.money === false ? {} : { revenue: p.revenue }),
      complete: p.complete,
      censored: p.startCensored,
    })),
  };
}
