/**
 * SQL for `revenue-movements/1`, with revenueMovements's definitions
 * (metrics/revenue-movements.ts, metrics/subscriptions.ts):
 * - a customer's MRR in period j is the sum of their subscriptions active on
 *   its last day (start ≤ day < end): a subscription counts from the period
 *   of its start day up to, not including, the period of its end day;
 * - a customer's MRR only changes in the periods where one of their
 *   subscriptions starts or stops counting, so the query works on those
 *   change points alone (not customers × periods): at each, their MRR before
 *   (at their previous change point, 0 before the first) and after;
 * - new: 0 → above 0 in the period of the first period end they pay at;
 *   reactivated: 0 → above 0 later; expansion / contraction: up / down, above
 *   0 at both ends, by more than 1e-9 of the amount (the engine's float-noise
 *   rule); churned: above 0 → 0;
 * - MRR and paying customers at each period end are the running sums of the
 *   changes; the period before the first start had none;
 * - the periods run from the one of the first start day to the one of the
 *   last start or end day, none missing; a period is complete when its last
 *   day is on or before as-of (the last start or end day unless given).
 */
import { PeriodCalendar, type Weekday } from '../metrics/calendar/calendar.ts';
import { weekStartOf } from '../metrics/shapes/cohort-matrix.ts';
import { REVENUE_MOVEMENTS_SHAPE, type RevenueMovementsShape } from '../metrics/shapes/revenue-movements.ts';
import { dayOfText, roundMoney } from './cohort-matrix.ts';
import type { Dialect } from './dialects.ts';
import { periodsCte } from './source.ts';
import { resolveSubscriptionSql, type SubscriptionSqlOptions } from './subscription-source.ts';

/** The SQL of the movements: one row per period, columns period_start, start_mrr, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, reactivated_mrr, end_mrr, the customer counts, complete, as_of. */
export function revenueMovementsSql(options: SubscriptionSqlOptions): string {
  const { d, calendar: sql, prologue } = resolveSubscriptionSql(options);
  // A change within 1e-9 of the amount is float noise (revenue-movements.ts, SAME_AMOUNT); written as a
  // product with a whole number so that it reads the same on DECIMAL and floating-point columns.
  const beyondNoise = (larger: string, smaller: string) => `(${larger} - ${smaller}) * 1000000000 > GREATEST(before_mrr, after_mrr)`;
  return `-- Recurring revenue movements (retention-kit revenue-movements/1), ${sql.granularity} periods${sql.granularity === 'week' ? `, weeks starting on weekday ${sql.weekStart} (0 = Sunday)` : ''}.
-- A customer's MRR in a period is the sum of their subscriptions active on its last day (start <= day < end).
WITH RECURSIVE
${prologue},
${periodsCte(sql, 'bounds', 'first_day', 'last_day')},
-- Each subscription as the periods whose last day it covers: j_from (the period of its start) up to,
-- not including, j_to (the period of its end; NULL while it runs).
spans AS (
  SELECT s.customer, s.mrr, ps.j AS j_from, pe.j AS j_to
  FROM subscription_rows s
  JOIN periods ps ON ps.period_start = ${sql.periodStart('s.start_day')}
  LEFT JOIN periods pe ON pe.period_start = ${sql.periodStart('s.end_day')}
),
-- The periods in which a customer's MRR may change: one of their subscriptions starts or stops counting.
change_points AS (
  SELECT DISTINCT customer, j
  FROM (
    SELECT customer, j_from AS j FROM spans
    UNION ALL
    SELECT customer, j_to AS j FROM spans WHERE j_to IS NOT NULL
  ) AS ends
),
-- The customer's MRR at the end of each of those periods: the sum of their subscriptions covering it.
states AS (
  SELECT c.customer, c.j, SUM(CASE WHEN s.j_from <= c.j AND (s.j_to IS NULL OR s.j_to > c.j) THEN s.mrr ELSE 0 END) AS mrr
  FROM change_points c
  JOIN spans s ON s.customer = c.customer
  GROUP BY c.customer, c.j
),
-- Before and after: the MRR at the previous period's end is the MRR at the customer's previous change point
-- (0 before the first). first_paid_j: the first period end the customer pays at, which tells new from reactivated.
moves AS (
  SELECT customer, j, mrr AS after_mrr,
    ${previousMrr(d)} AS before_mrr,
    MIN(CASE WHEN mrr > 0 THEN j END) OVER (PARTITION BY customer) AS first_paid_j
  FROM states
),
period_moves AS (
  SELECT j,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j = j THEN after_mrr ELSE 0 END) AS new_mrr,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j < j THEN after_mrr ELSE 0 END) AS reactivated_mrr,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND ${beyondNoise('after_mrr', 'before_mrr')} THEN after_mrr - before_mrr ELSE 0 END) AS expansion_mrr,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND ${beyondNoise('before_mrr', 'after_mrr')} THEN before_mrr - after_mrr ELSE 0 END) AS contraction_mrr,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr <= 0 THEN before_mrr ELSE 0 END) AS churned_mrr,
    SUM(after_mrr - before_mrr) AS change_mrr,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j = j THEN 1 ELSE 0 END) AS new_customers,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j < j THEN 1 ELSE 0 END) AS reactivated_customers,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND ${beyondNoise('after_mrr', 'before_mrr')} THEN 1 ELSE 0 END) AS expanded_customers,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND ${beyondNoise('before_mrr', 'after_mrr')} THEN 1 ELSE 0 END) AS contracted_customers,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr <= 0 THEN 1 ELSE 0 END) AS lost_customers,
    SUM(CASE WHEN after_mrr > 0 THEN 1 ELSE 0 END) - SUM(CASE WHEN before_mrr > 0 THEN 1 ELSE 0 END) AS change_customers
  FROM moves
  GROUP BY j
),
-- MRR and paying customers at each period's end: the running sums of the changes, every period included.
series AS (
  SELECT p.j, p.period_start,
    COALESCE(m.change_mrr, 0) AS change_mrr,
    COALESCE(m.change_customers, 0) AS change_customers,
    SUM(COALESCE(m.change_mrr, 0)) OVER (ORDER BY p.j ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS end_mrr,
    SUM(COALESCE(m.change_customers, 0)) OVER (ORDER BY p.j ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS end_customers
  FROM periods p
  LEFT JOIN period_moves m ON m.j = p.j
  WHERE p.period_start IS NOT NULL
)
SELECT
  ${d.dayText('s.period_start')} AS period_start,
  s.end_mrr - s.change_mrr AS start_mrr,
  COALESCE(m.new_mrr, 0) AS new_mrr,
  COALESCE(m.expansion_mrr, 0) AS expansion_mrr,
  COALESCE(m.contraction_mrr, 0) AS contraction_mrr,
  COALESCE(m.churned_mrr, 0) AS churned_mrr,
  COALESCE(m.reactivated_mrr, 0) AS reactivated_mrr,
  s.end_mrr AS end_mrr,
  s.end_customers - s.change_customers AS start_customers,
  s.end_customers AS end_customers,
  COALESCE(m.new_customers, 0) AS new_customers,
  COALESCE(m.reactivated_customers, 0) AS reactivated_customers,
  COALESCE(m.expanded_customers, 0) AS expanded_customers,
  COALESCE(m.contracted_customers, 0) AS contracted_customers,
  COALESCE(m.lost_customers, 0) AS lost_customers,
  -- Complete once its last day (the day its MRR is taken) is on or before as-of.
  CASE WHEN ${sql.nextPeriod('s.period_start')} <= ${d.addDays('b.as_of', '1')} THEN 1 ELSE 0 END AS complete,
  ${d.dayText('b.as_of')} AS as_of
FROM series s
CROSS JOIN bounds b
LEFT JOIN period_moves m ON m.j = s.j
ORDER BY s.j
${d.settings}`;
}

/** The customer's MRR at their previous change point, 0 before the first. */
function previousMrr(d: Dialect): string {
  return `COALESCE(${d.previous('mrr', 'PARTITION BY customer ORDER BY j')}, 0)`;
}

type SqlNumber = number | bigint | string;

export interface RevenueMovementsRow {
  period_start: string;
  start_mrr: SqlNumber;
  new_mrr: SqlNumber;
  expansion_mrr: SqlNumber;
  contraction_mrr: SqlNumber;
  churned_mrr: SqlNumber;
  reactivated_mrr: SqlNumber;
  end_mrr: SqlNumber;
  start_customers: SqlNumber;
  end_customers: SqlNumber;
  new_customers: SqlNumber;
  reactivated_customers: SqlNumber;
  expanded_customers: SqlNumber;
  contracted_customers: SqlNumber;
  lost_customers: SqlNumber;
  complete: SqlNumber;
  as_of: string;
}

export interface RevenueMovementsFromRowsOptions extends Pick<SubscriptionSqlOptions, 'granularity' | 'weekStart'> {
  /** What the amounts are in, said in the document (the query sums whatever the MRR column holds). */
  currency?: string;
}

/** The shape from the query's rows, periods keyed on the kit's calendar, money rounded to a millionth. */
export function revenueMovementsFromRows(rows: readonly RevenueMovementsRow[], options: RevenueMovementsFromRowsOptions = {}): RevenueMovementsShape {
  if (rows.length === 0) throw new Error('no periods: the table has no subscription with a customer, a start day and an MRR of 0 or more');
  const granularity = options.granularity ?? 'month';
  const calendar = new PeriodCalendar({ granularity, weekStart: options.weekStart });
  const money = (value: SqlNumber) => roundMoney(Number(value)) || 0;
  return {
    shape: REVENUE_MOVEMENTS_SHAPE,
    granularity,
    ...weekStartOf(granularity, options.weekStart as Weekday | undefined),
    asOf: rows[0].as_of,
    ...(options.currency ? { currency: options.currency } : {}),
    periods: rows.map((row) => ({
      period: calendar.key(calendar.indexOfDay(dayOfText(row.period_start))),
      startMrr: money(row.start_mrr),
      new: money(row.new_mrr),
      expansion: money(row.expansion_mrr),
      contraction: money(row.contraction_mrr),
      churned: money(row.churned_mrr),
      reactivated: money(row.reactivated_mrr),
      endMrr: money(row.end_mrr),
      startCustomers: Number(row.start_customers),
      endCustomers: Number(row.end_customers),
      newCustomers: Number(row.new_customers),
      reactivatedCustomers: Number(row.reactivated_customers),
      expandedCustomers: Number(row.expanded_customers),
      contractedCustomers: Number(row.contracted_customers),
      lostCustomers: Number(row.lost_customers),
      complete: Number(row.complete) === 1,
    })),
  };
}
