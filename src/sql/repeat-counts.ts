/**
 * SQL for `repeat-counts/1`, with the definitions of the KPIs
 * repeat-purchase-rate and loyal-customer-rate per period
 * (metrics/purchases.ts, metrics/kpi-series.ts): per period, the customers
 * with at least one purchase in it, with at least 2, and with at least the
 * loyalty threshold. A purchase is an order: with an order column the
 * prologue (orders.ts) gives one row per order, without one each row is an
 * order of its own, as in the engine; so every row of `used_rows` that is not
 * a return is one purchase. The series runs from the period of the data's
 * first row to the period of as-of, none missing.
 */
import { PeriodCalendar, type Weekday } from '../metrics/calendar/calendar.ts';
import { DEFAULT_LOYALTY_THRESHOLD } from '../metrics/purchases.ts';
import { weekStartOf } from '../metrics/shapes/cohort-matrix.ts';
import { REPEAT_COUNTS_SHAPE, type RepeatCountsShape } from '../metrics/shapes/repeat-counts.ts';
import { dayOfText } from './cohort-matrix.ts';
import { periodsCte, resolveSql, type SqlOptions } from './source.ts';

export interface RepeatCountsSqlOptions extends SqlOptions {
  /** Purchases in a period that make a customer loyal: a whole number ≥ 2, default 3 (the engine's). */
  loyaltyThreshold?: number;
}

function checkedThreshold(threshold: number | undefined): number {
  const value = threshold ?? DEFAULT_LOYALTY_THRESHOLD;
  if (!(Number.isInteger(value) && value >= 2)) throw new Error(`loyaltyThreshold must be a whole number of purchases of at least 2, not ${JSON.stringify(threshold)}`);
  return value;
}

/** The SQL of the series: columns period_start, customers, repeat_customers, loyal_customers, complete, as_of. */
export function repeatCountsSql(options: RepeatCountsSqlOptions): string {
  const threshold = checkedThreshold(options.loyaltyThreshold);
  const sql = resolveSql(options);
  const { d } = sql;
  return `-- Repeat and loyal customers per period (retention-kit ${REPEAT_COUNTS_SHAPE}), ${sql.granularity} periods${sql.granularity === 'week' ? `, weeks starting on weekday ${sql.weekStart} (0 = Sunday)` : ''}.
-- A customer of a period bought in it; a repeat customer bought at least twice, a loyal one at least ${threshold} times.
WITH RECURSIVE
${sql.prologue},
${periodsCte(sql, 'bounds', 'first_day', 'as_of')},
-- Purchases per customer and period: ${sql.readsOrders ? 'one row per order (its lines are one purchase)' : 'each row is an order of its own (no order column)'}; returns are never purchases,
-- two orders on one day are two purchases.
purchases AS (
  SELECT customer, ${sql.periodStart('day')} AS period_start, COUNT(*) AS orders
  FROM used_rows
  WHERE is_return = 0
  GROUP BY customer, ${sql.periodStart('day')}
),
counts AS (
  SELECT period_start,
    COUNT(*) AS customers,
    SUM(CASE WHEN orders >= 2 THEN 1 ELSE 0 END) AS repeat_customers,
    SUM(CASE WHEN orders >= ${threshold} THEN 1 ELSE 0 END) AS loyal_customers
  FROM purchases
  GROUP BY period_start
)
SELECT
  ${d.dayText('p.period_start')} AS period_start,
  COALESCE(c.customers, 0) AS customers,
  COALESCE(c.repeat_customers, 0) AS repeat_customers,
  COALESCE(c.loyal_customers, 0) AS loyal_customers,
  -- Complete unless as-of is inside the period and not its last day.
  CASE WHEN ${d.addDays('b.as_of', '1')} >= ${sql.nextPeriod('p.period_start')} THEN 1 ELSE 0 END AS complete,
  ${d.dayText('b.as_of')} AS as_of
FROM periods p
CROSS JOIN bounds b
LEFT JOIN counts c ON c.period_start = p.period_start
ORDER BY p.j
${d.settings}`;
}

export interface RepeatCountsRow {
  period_start: string;
  customers: number | bigint | string;
  repeat_customers: number | bigint | string;
  loyal_customers: number | bigint | string;
  complete: number | bigint | string;
  as_of: string;
}

/** The shape from the query's rows, periods keyed on the kit's calendar. */
export function repeatCountsFromRows(rows: readonly RepeatCountsRow[], options: Pick<RepeatCountsSqlOptions, 'granularity' | 'weekStart' | 'loyaltyThreshold' | 'asOf'> = {}): RepeatCountsShape {
  const granularity = options.granularity ?? 'month';
  const calendar = new PeriodCalendar({ granularity, weekStart: options.weekStart });
  return {
    shape: REPEAT_COUNTS_SHAPE,
    granularity,
    ...weekStartOf(granularity, options.weekStart as Weekday | undefined),
    // No rows: no customer row at all; the as-of asked for, if any, is still the document's.
    asOf: rows[0]?.as_of ?? options.asOf ?? '',
    frame: 'period',
    loyaltyThreshold: checkedThreshold(options.loyaltyThreshold),
    periods: rows.map((row) => ({
      period: calendar.key(calendar.indexOfDay(dayOfText(row.period_start))),
      customers: Number(row.customers),
      repeatCustomers: Number(row.repeat_customers),
      loyalCustomers: Number(row.loyal_customers),
      complete: Number(row.complete) === 1,
    })),
  };
}
