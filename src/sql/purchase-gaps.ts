/**
 * SQL for the activity window the elements suggest (purchase-gaps.ts,
 * suggestedWindowDays): three purchase cycles, 3 × the median days between a
 * customer's consecutive purchase days (returns are not purchases; two orders
 * on one day are one purchase day), rounded up to a whole day. The median of
 * an even number of gaps is the mean of the two middle ones.
 *
 * And the SQL of `purchase-gaps/1` (shapes/purchase-gaps.ts): the gaps counted
 * per length, which <purchase-cycle> draws as it draws them from the rows.
 */
import { PURCHASE_GAPS_SHAPE, type PurchaseGapsShape } from '../metrics/shapes/purchase-gaps.ts';
import { resolveSql, type ResolvedSql, type SqlOptions } from './source.ts';

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
  SELECT ${d.dayDiff(previousDay(sql), 'day')} AS gap
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

// ---------------------------------------------------------------------------
// purchase-gaps/1: the gaps counted per length, the customers, the median.

/** The purchase days counted, as the engine's time frame: `from` inclusive, `to` exclusive, `YYYY-MM-DD`. */
export interface GapFrame {
  /** First day counted; default the data's first day. */
  from?: string;
  /** First day no longer counted; default the day after as-of. */
  to?: string;
}

export interface PurchaseGapsSqlOptions extends SqlOptions {
  /** The frame (`from` of SqlOptions is the FROM expression, hence its own object). */
  frame?: GapFrame;
}

/** The previous purchase day of the customer (NULL on the first). */
function previousDay(sql: ResolvedSql): string {
  return sql.d.previous('day', 'PARTITION BY customer ORDER BY day');
}

function checkedFrameDay(name: 'from' | 'to', value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`frame.${name} must be a day written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

/**
 * The SQL of `purchase-gaps/1`: one row per gap length (days, gaps), each
 * with the document's head repeated (customers_with_purchase,
 * customers_with_repeat, gap_count, median_days, as_of); one row with days
 * NULL when nobody bought on two days.
 */
export function purchaseGapsShapeSql(options: PurchaseGapsSqlOptions): string {
  const from = checkedFrameDay('from', options.frame?.from);
  const to = checkedFrameDay('to', options.frame?.to);
  if (from !== undefined && to !== undefined && !(from < to)) throw new Error(`frame.to (${to}) must be after frame.from (${from})`);
  const sql = resolveSql(options);
  const { d } = sql;
  const frame = [from && `day >= ${d.date(from)}`, to && `day < ${d.date(to)}`].filter(Boolean);
  return `-- Days between purchases (retention-kit ${PURCHASE_GAPS_SHAPE}): the gaps between a customer's consecutive purchase days, counted per length.
WITH
${sql.prologue},
-- Purchase days${frame.length ? ` in the frame [${from ?? '…'}, ${to ?? '…'})` : ''}: returns are not purchases; several orders on one day are one purchase day.
purchase_days AS (
  SELECT DISTINCT customer, day FROM used_rows WHERE is_return = 0${frame.map((f) => ` AND ${f}`).join('')}
),
-- Each purchase day after a customer's first leaves a gap of a whole number of days >= 1.
gaps AS (
  SELECT customer, ${d.dayDiff(previousDay(sql), 'day')} AS gap
  FROM purchase_days
),
totals AS (
  SELECT
    COUNT(DISTINCT customer) AS customers_with_purchase,
    COUNT(DISTINCT CASE WHEN gap IS NOT NULL THEN customer END) AS customers_with_repeat,
    COUNT(gap) AS gap_count,
    1 AS one
  FROM gaps
),
histogram AS (
  SELECT gap AS days, COUNT(*) AS gaps, 1 AS one FROM gaps WHERE gap IS NOT NULL GROUP BY gap
),
-- Gaps up to and including each length, to find the middle ones without sorting every gap.
running AS (
  SELECT days, SUM(gaps) OVER (ORDER BY days ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS up_to FROM histogram
),
-- Of n gaps the middle ones are at 0-based ranks floor((n - 1) / 2) and floor(n / 2): the first
-- lengths with 2 * up_to >= n and 2 * up_to > n. Their mean is the median (one gap when n is odd).
median AS (
  SELECT (MIN(CASE WHEN 2 * r.up_to >= t.gap_count THEN r.days END) + MIN(CASE WHEN 2 * r.up_to > t.gap_count THEN r.days END)) / 2.0 AS median_days
  FROM running r CROSS JOIN totals t
)
SELECT
  h.days,
  h.gaps,
  t.customers_with_purchase,
  t.customers_with_repeat,
  t.gap_count,
  m.median_days,
  ${d.dayText('b.as_of')} AS as_of
FROM totals t
CROSS JOIN median m
CROSS JOIN bounds b
LEFT JOIN histogram h ON h.one = t.one
ORDER BY h.days
${d.settings}`;
}

export interface PurchaseGapsRow {
  days: number | bigint | string | null;
  gaps: number | bigint | string | null;
  customers_with_purchase: number | bigint | string;
  customers_with_repeat: number | bigint | string;
  gap_count: number | bigint | string;
  median_days: number | string | null;
  as_of: string;
}

/** The document from the query's rows; `frame` as the query was written with it. */
export function purchaseGapsFromRows(rows: readonly PurchaseGapsRow[], frame: GapFrame = {}): PurchaseGapsShape {
  if (rows.length === 0) throw new Error('the purchase-gaps query returned no row (it returns at least one)');
  const head = rows[0];
  return {
    shape: PURCHASE_GAPS_SHAPE,
    asOf: head.as_of,
    ...(frame.from === undefined ? {} : { from: frame.from }),
    ...(frame.to === undefined ? {} : { to: frame.to }),
    customersWithPurchase: Number(head.customers_with_purchase),
    customersWithRepeat: Number(head.customers_with_repeat),
    gapCount: Number(head.gap_count),
    median: head.median_days === null ? null : Number(head.median_days),
    gaps: rows.filter((row) => row.days !== null).map((row) => ({ days: Number(row.days), count: Number(row.gaps) })),
  };
}
