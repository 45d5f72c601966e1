/**
 * SQL for `cohort-matrix/1`, with cohortMatrix's definitions (metrics/cohorts.ts):
 * a customer's cohort is the period of their first purchase (up to as-of);
 * they are active in period k when they have a purchase (not a return) in the
 * k-th period after it; revenue is the net money (purchases − returns) of
 * their rows from their first purchase day on. The query returns the whole
 * triangle, one row per (cohort, k) up to as-of's period, zeros included,
 * and {@link cohortMatrixFromRows} turns those rows into the shape.
 */
import { PeriodCalendar, type Weekday } from '../metrics/calendar/calendar.ts';
import { daysFromCivil } from '../metrics/calendar/dates.ts';
import { COHORT_MATRIX_SHAPE, weekStartOf, withoutTrailingNulls, type CohortMatrixShape, type CohortMatrixShapeCohort } from '../metrics/shapes/cohort-matrix.ts';
import { periodsCte, resolveSql, type SqlOptions } from './source.ts';

export type CohortMeasure = 'count' | 'percent' | 'revenue';

/** The SQL of the cohort triangle: columns cohort_start, k, cohort_size, active_customers, net_revenue, running, as_of. */
export function cohortMatrixSql(options: SqlOptions): string {
  const sql = resolveSql(options);
  const { d } = sql;
  return `-- Cohort matrix (retention-kit cohort-matrix/1), ${sql.granularity} periods${sql.granularity === 'week' ? `, weeks starting on weekday ${sql.weekStart} (0 = Sunday)` : ''}.
-- One row per cohort and period k after it, up to the period of as-of.
WITH RECURSIVE
${sql.prologue},
-- Each customer's first purchase day (returns never start a cohort).
first_purchases AS (
  SELECT customer, MIN(day) AS first_day
  FROM used_rows
  WHERE is_return = 0
  GROUP BY customer
),
span AS (
  SELECT MIN(f.first_day) AS first_day, MAX(b.as_of) AS as_of
  FROM first_purchases f CROSS JOIN bounds b
),
${periodsCte(sql, 'span', 'first_day', 'as_of')},
-- The cohort of each customer: the number j of their first purchase's period.
cohort_of AS (
  SELECT f.customer, f.first_day, p.j AS cohort_j
  FROM first_purchases f JOIN periods p ON p.period_start = ${sql.periodStart('f.first_day')}
),
-- Per customer and period k after their cohort's: active (a purchase in it) and net money.
-- Rows before a customer's first purchase belong to no period.
customer_periods AS (
  SELECT c.cohort_j, p.j - c.cohort_j AS k, c.customer,
    MAX(CASE WHEN u.is_return = 0 THEN 1 ELSE 0 END) AS active,
    SUM(u.amount) AS amount
  FROM used_rows u
  JOIN cohort_of c ON c.customer = u.customer
  JOIN periods p ON p.period_start = ${sql.periodStart('u.day')}
  WHERE u.day >= c.first_day
  GROUP BY c.cohort_j, p.j - c.cohort_j, c.customer
),
cells AS (
  SELECT cohort_j, k, SUM(active) AS active_customers, SUM(amount) AS net_revenue
  FROM customer_periods
  GROUP BY cohort_j, k
),
sizes AS (
  SELECT cohort_j, COUNT(*) AS cohort_size FROM cohort_of GROUP BY cohort_j
),
-- The period of as-of is still running unless as-of is its last day.
last_period AS (
  SELECT MAX(p.j) AS j, MAX(CASE WHEN ${d.addDays('s.as_of', '1')} < ${sql.nextPeriod(sql.periodStart('s.as_of'))} THEN 1 ELSE 0 END) AS running
  FROM periods p CROSS JOIN span s
)
SELECT
  ${d.dayText('cp.period_start')} AS cohort_start,
  pp.j - s.cohort_j AS k,
  s.cohort_size,
  COALESCE(c.active_customers, 0) AS active_customers,
  ${sql.hasMoney ? 'COALESCE(c.net_revenue, 0)' : d.nullNumber} AS net_revenue,
  CASE WHEN pp.j = l.j AND l.running = 1 THEN 1 ELSE 0 END AS running,
  ${d.dayText('sp.as_of')} AS as_of
FROM sizes s
JOIN periods cp ON cp.j = s.cohort_j
CROSS JOIN periods pp
CROSS JOIN last_period l
CROSS JOIN span sp
LEFT JOIN cells c ON c.cohort_j = s.cohort_j AND c.k = pp.j - s.cohort_j
WHERE pp.j >= s.cohort_j
ORDER BY s.cohort_j, k
${d.settings}`;
}

/** A row of {@link cohortMatrixSql}'s result, as any driver returns it (numbers may come as text or bigint). */
export interface CohortMatrixRow {
  cohort_start: string;
  k: number | bigint | string;
  cohort_size: number | bigint | string;
  active_customers: number | bigint | string;
  net_revenue: number | bigint | string | null;
  running: number | bigint | string;
  as_of: string;
}

/** The shape from the query's rows: cohorts keyed on the kit's calendar, values of the measure asked. */
export function cohortMatrixFromRows(
  rows: readonly CohortMatrixRow[],
  options: Pick<SqlOptions, 'granularity' | 'weekStart'> & { measure?: CohortMeasure },
): CohortMatrixShape {
  const granularity = options.granularity ?? 'month';
  const measure = options.measure ?? 'count';
  const calendar = new PeriodCalendar({ granularity, weekStart: options.weekStart });
  const byCohort = new Map<string, CohortMatrixShapeCohort>();
  let asOf = '';
  let partialLastPeriod = false;
  for (const row of rows) {
    asOf = row.as_of;
    const k = Number(row.k);
    const size = Number(row.cohort_size);
    let cohort = byCohort.get(row.cohort_start);
    if (!cohort) {
      cohort = { key: calendar.key(calendar.indexOfDay(dayOfText(row.cohort_start))), size, values: [] };
      byCohort.set(row.cohort_start, cohort);
    }
    if (k !== cohort.values.length) throw new Error(`cohort ${row.cohort_start}: period ${k} came after ${cohort.values.length} periods (rows must be ordered by cohort and k)`);
    const active = Number(row.active_customers);
    if (measure === 'revenue' && row.net_revenue === null) throw new Error('revenue cohorts need money: map amount, or quantity and unitPrice');
    cohort.values.push(measure === 'count' ? active : measure === 'percent' ? (size > 0 ? active / size : null) : roundMoney(Number(row.net_revenue)));
    if (Number(row.running) === 1) {
      cohort.running = k;
      partialLastPeriod = true;
    }
  }
  return {
    shape: COHORT_MATRIX_SHAPE,
    measure,
    granularity,
    ...weekStartOf(granularity, options.weekStart as Weekday | undefined),
    asOf,
    partialLastPeriod,
    cohorts: [...byCohort.values()].map((c) => ({ ...c, values: withoutTrailingNulls(c.values) })),
  };
}

/**
 * Money as a database summed it, without the float noise of the summing order
 * (2893.9500000000016): to a millionth, far below any currency's smallest unit,
 * so a file read twice, or as CSV and as Parquet, gives the same JSON.
 */
export function roundMoney(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** Day number of `YYYY-MM-DD`. */
export function dayOfText(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) throw new Error(`not a day written YYYY-MM-DD: ${JSON.stringify(text)}`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}
