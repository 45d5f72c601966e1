-- Days between purchases (retention-kit): the median gap, of which the suggested activity window is 3 ×.
WITH
-- The rows as the kit reads them: customer id as text, the local day, return or not, money.
read_rows AS (
  SELECT
    NULLIF(TRIM(CAST(`customer_id` AS String)), '') AS customer,
    toDate(`ordered_at`) AS day,
    CASE
      WHEN LOWER(TRIM(CAST(`status` AS String))) IN ('return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback') THEN 1
      WHEN LOWER(TRIM(CAST(`status` AS String))) IN ('purchase', 'order', 'sale', 'invoice', 'payment', 'charge') THEN 0
      ELSE CASE WHEN `quantity` < 0 THEN 1 ELSE 0 END
    END AS is_return,
    `quantity` * `unit_price` AS money
  FROM `shop`.`orders`
),
-- Rows without a customer (guest orders) belong to nobody: they are left out of every figure.
-- A return's money is negative, whatever sign the table wrote it with.
customer_rows AS (
  SELECT customer, day, is_return, CASE WHEN is_return = 1 THEN -ABS(money) ELSE money END AS amount
  FROM read_rows
  WHERE customer IS NOT NULL AND day IS NOT NULL
),
-- The data's first day, and the last day used (as-of: the last day of any customer's row).
bounds AS (
  SELECT MIN(day) AS first_day, MAX(day) AS as_of FROM customer_rows
),
-- Rows after as-of are left out.
used_rows AS (
  SELECT r.customer, r.day, r.is_return, r.amount
  FROM customer_rows r CROSS JOIN bounds b
  WHERE r.day <= b.as_of
),
purchase_days AS (
  SELECT DISTINCT customer, day FROM customer_rows WHERE is_return = 0
),
gaps AS (
  SELECT dateDiff('day', lagInFrame(toNullable(day), 1) OVER (PARTITION BY customer ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), day) AS gap
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
SETTINGS join_use_nulls = 1
