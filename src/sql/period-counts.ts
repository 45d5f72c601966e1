/**
 * SQL for `period-counts/1`, with churnSeries's definitions (metrics/activity.ts):
 * a customer is active at day t when they made a purchase in [t − window, t);
 * each period [s, e) is judged on its two boundary days alone. The series runs
 * from the period of the data's first row to the period of as-of; when as-of
 * is not the last day of its period, that period's end is the day after
 * as-of and it is marked incomplete.
 */
import { PeriodCalendar, type Weekday } from '../metrics/calendar/calendar.ts';
import { weekStartOf } from '../metrics/shapes/cohort-matrix.ts';
import { PERIOD_COUNTS_SHAPE, type PeriodCountsShape } from '../metrics/shapes/period-counts.ts';
import { dayOfText, roundMoney } from './cohort-matrix.ts';
import { periodsCte, resolveSql, type SqlOptions } from './source.ts';

export interface PeriodCountsSqlOptions extends SqlOptions {
  /** Days a purchase keeps a customer active: a whole number ≥ 1 (the elements suggest 3 × the median days between purchases). */
  windowDays: number;
}

/** The SQL of the series: columns period_start, start_customers, end_customers, new_customers, lost_customers, reactivated_customers, net_revenue, complete, censored, as_of. */
export function periodCountsSql(options: PeriodCountsSqlOptions): string {
  const windowDays = options.windowDays;
  if (!(Number.isInteger(windowDays) && windowDays >= 1)) throw new Error(`windowDays must be a whole number of days of at least 1, not ${JSON.stringify(windowDays)}`);
  const sql = resolveSql(options);
  const { d } = sql;
  return `-- Customers per period (retention-kit period-counts/1), ${sql.granularity} periods${sql.granularity === 'week' ? `, weeks starting on weekday ${sql.weekStart} (0 = Sunday)` : ''}.
-- A customer is active at day t when they bought in the ${windowDays} days before t.
WITH RECURSIVE
${sql.prologue},
${periodsCte(sql, 'bounds', 'first_day', 'as_of')},
-- The days each period is judged on: its first day, and for the last period the day after it
-- (or the day after as-of, while that period is still running).
boundaries AS (
  SELECT j, period_start AS t FROM periods
  UNION ALL
  SELECT MAX(p.j) + 1, LEAST(${sql.nextPeriod('MAX(p.period_start)')}, ${d.addDays('MAX(b.as_of)', '1')})
  FROM periods p CROSS JOIN bounds b
),
-- Distinct purchase days: returns never make anyone active, several rows of one day are one purchase day.
purchase_days AS (
  SELECT DISTINCT customer, day FROM used_rows WHERE is_return = 0
),
first_purchases AS (
  SELECT customer, MIN(day) AS first_day FROM purchase_days GROUP BY customer
),
-- Active at boundary t: a purchase day in [t - ${windowDays}, t), i.e. day < t <= day + ${windowDays}.
active AS (
  SELECT DISTINCT p.customer, b.j
  FROM purchase_days p CROSS JOIN boundaries b
  WHERE b.t > p.day AND b.t <= ${d.addDays('p.day', String(windowDays))}
),
-- Each customer's state at both ends of period j (active at its start, at its end): an aggregate,
-- not a self-join, so a database can spill it to disk on tables of any size.
moves AS (
  SELECT customer, j, MAX(at_start) AS at_start, MAX(at_end) AS at_end
  FROM (
    SELECT customer, j, 1 AS at_start, 0 AS at_end FROM active
    UNION ALL
    SELECT customer, j - 1 AS j, 0 AS at_start, 1 AS at_end FROM active
  ) AS ends
  GROUP BY customer, j
),
counts AS (
  SELECT m.j,
    SUM(m.at_start) AS start_customers,
    SUM(m.at_end) AS end_customers,
    SUM(CASE WHEN m.at_start = 0 AND m.at_end = 1 AND f.first_day >= b.t THEN 1 ELSE 0 END) AS new_customers,
    SUM(CASE WHEN m.at_start = 1 AND m.at_end = 0 THEN 1 ELSE 0 END) AS lost_customers,
    SUM(CASE WHEN m.at_start = 0 AND m.at_end = 1 AND f.first_day < b.t THEN 1 ELSE 0 END) AS reactivated_customers
  FROM moves m
  JOIN first_purchases f ON f.customer = m.customer
  JOIN boundaries b ON b.j = m.j
  GROUP BY m.j
),
-- Net money (purchases - returns) of every row dated in the period.
revenue AS (
  SELECT p.j, SUM(u.amount) AS net_revenue
  FROM used_rows u JOIN periods p ON p.period_start = ${sql.periodStart('u.day')}
  GROUP BY p.j
)
SELECT
  ${d.dayText('p.period_start')} AS period_start,
  COALESCE(c.start_customers, 0) AS start_customers,
  COALESCE(c.end_customers, 0) AS end_customers,
  COALESCE(c.new_customers, 0) AS new_customers,
  COALESCE(c.lost_customers, 0) AS lost_customers,
  COALESCE(c.reactivated_customers, 0) AS reactivated_customers,
  ${sql.hasMoney ? 'COALESCE(r.net_revenue, 0)' : d.nullNumber} AS net_revenue,
  -- Complete unless it is the last period and still running at as-of.
  CASE WHEN e.t < ${sql.nextPeriod('p.period_start')} THEN 0 ELSE 1 END AS complete,
  -- The window before the period start reaches back before the data: start and lost undercount.
  CASE WHEN ${d.addDays('p.period_start', String(-windowDays))} < b.first_day THEN 1 ELSE 0 END AS censored,
  ${d.dayText('b.as_of')} AS as_of
FROM periods p
JOIN boundaries e ON e.j = p.j + 1
CROSS JOIN bounds b
LEFT JOIN counts c ON c.j = p.j
LEFT JOIN revenue r ON r.j = p.j
ORDER BY p.j
${d.settings}`;
}

export interface PeriodCountsRow {
  period_start: string;
  start_customers: number | bigint | string;
  end_customers: number | bigint | string;
  new_customers: number | bigint | string;
  lost_customers: number | bigint | string;
  reactivated_customers: number | bigint | string;
  net_revenue: number | bigint | string | null;
  complete: number | bigint | string;
  censored: number | bigint | string;
  as_of: string;
}

/** The shape from the query's rows, periods keyed on the kit's calendar. */
export function periodCountsFromRows(rows: readonly PeriodCountsRow[], options: Pick<PeriodCountsSqlOptions, 'granularity' | 'weekStart' | 'windowDays'>): PeriodCountsShape {
  const granularity = options.granularity ?? 'month';
  const calendar = new PeriodCalendar({ granularity, weekStart: options.weekStart });
  return {
    shape: PERIOD_COUNTS_SHAPE,
    granularity,
    ...weekStartOf(granularity, options.weekStart as Weekday | undefined),
    windowDays: options.windowDays,
    asOf: rows.length ? rows[0].as_of : '',
    periods: rows.map((row) => ({
      period: calendar.key(calendar.indexOfDay(dayOfText(row.period_start))),
      start: Number(row.start_customers),
      end: Number(row.end_customers),
      new: Number(row.new_customers),
      lost: Number(row.lost_customers),
      reactivated: Number(row.reactivated_customers),
      ...(row.net_revenue === null ? {} : { revenue: roundMoney(Number(row.net_revenue)) }),
      complete: Number(row.complete) === 1,
      censored: Number(row.censored) === 1,
    })),
  };
}
