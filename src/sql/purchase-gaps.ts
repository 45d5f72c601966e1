/**
 * SQL for the activity window the elements suggest (purchase-gaps.ts,
 * suggestedWindowDays): three purchase cycles, 3 × the median days between a
 * customer's consecutive purchase days (returns are not purchases; two orders
 * on one day are one purchase day), rounded up to a whole day. The median of
 * an even number of gaps is the mean of the two middle ones.
 */
import { resolveSql, type SqlOptions } from './source.ts';

export const WINDOW_CYCLES = 3;

/** The SQL of the gaps' median: columns gap_count, median_days (NULL when nobody bought on two days). */
export function purchaseGapsSql(options: SqlOptions): string {
  const sql = resolveSql({ ...options, asOf: undefined });
  const { d } = sql;
  return `-- Days between purchases (retention-kit): the median gap, of which the suggested activity window is ${WINDOW_CYCLES} ×.
WITH
${sql.prologue},
purchase_days AS (
  SELECT DISTINCT customer, day FROM customer_rows WHERE is_return = 0
),
gaps AS (
  SELECT ${d.dayDiff('LAG(day) OVER (PARTITION BY customer ORDER BY day)', 'day')} AS gap
  FROM purchase_days
),
ranked AS (
  SELECT gap, ROW_NUMBER() OVER (ORDER BY gap) - 1 AS k, COUNT(*) OVER () AS n
  FROM gaps
  WHERE gap IS NOT NULL
)
-- The middle gap, or the mean of the two middle ones: ranks k with n - 2 <= 2k <= n.
SELECT MAX(n) AS gap_count, AVG(gap) AS median_days
FROM ranked
WHERE 2 * k >= n - 2 AND 2 * k <= n
${d.settings}`;
}

/** The suggested window from the query's row; null when no customer bought on two days. */
export function windowDaysFromGaps(row: { median_days: number | string | null } | undefined): number | null {
  if (!row || row.median_days === null) return null;
  return Math.ceil(WINDOW_CYCLES * Number(row.median_days));
}
