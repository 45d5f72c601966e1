-- Days between purchases (retention-kit purchase-gaps/1): the gaps between a customer's consecutive purchase days, counted per length.
WITH
-- The rows as the kit reads them: customer id as text, the local day, return or not, money.
read_rows AS (
  SELECT
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS customer,
    TO_DATE(CONVERT_TIMEZONE('Europe/Oslo', "ordered_at")) AS day,
    CASE
      WHEN LOWER(TRIM(CAST("status" AS VARCHAR))) IN ('return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback') THEN 1
      WHEN LOWER(TRIM(CAST("status" AS VARCHAR))) IN ('purchase', 'order', 'sale', 'invoice', 'payment', 'charge') THEN 0
      ELSE CASE WHEN "quantity" < 0 THEN 1 ELSE 0 END
    END AS is_return,
    "quantity" * "unit_price" AS money
  FROM "shop"."orders"
),
-- Rows without a customer (guest orders) belong to nobody: they are left out of every figure.
-- A return's money is negative, whatever sign the table wrote it with.
customer_rows AS (
  SELECT customer, day, is_return, CASE WHEN is_return = 1 THEN -ABS(money) ELSE money END AS amount
  FROM read_rows
  WHERE customer IS NOT NULL AND day IS NOT NULL
),
-- The data's first day, and the last day used (as-of, given).
bounds AS (
  SELECT MIN(day) AS first_day, DATE '2024-10-31' AS as_of FROM customer_rows
),
-- Rows after as-of are left out.
used_rows AS (
  SELECT r.customer, r.day, r.is_return, r.amount
  FROM customer_rows r CROSS JOIN bounds b
  WHERE r.day <= b.as_of
),
-- Purchase days in the frame [2024-01-01, 2025-01-01): returns are not purchases; several orders on one day are one purchase day.
purchase_days AS (
  SELECT DISTINCT customer, day FROM used_rows WHERE is_return = 0 AND day >= DATE '2024-01-01' AND day < DATE '2025-01-01'
),
-- Each purchase day after a customer's first leaves a gap of a whole number of days >= 1.
gaps AS (
  SELECT customer, DATEDIFF(DAY, LAG(day) OVER (PARTITION BY customer ORDER BY day), day) AS gap
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
  TO_CHAR(b.as_of, 'YYYY-MM-DD') AS as_of
FROM totals t
CROSS JOIN median m
CROSS JOIN bounds b
LEFT JOIN histogram h ON h.one = t.one
ORDER BY h.days
