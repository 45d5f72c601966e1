-- Repeat and loyal customers per period (retention-kit repeat-counts/1), month periods.
-- A customer of a period bought in it; a repeat customer bought at least twice, a loyal one at least 3 times.
WITH RECURSIVE
-- The rows as the kit reads them: customer id as text, the local day, return or not, money.
read_rows AS (
  SELECT
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS customer,
    TO_DATE("ordered_at") AS day,
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
periods AS (
  SELECT CAST(0 AS BIGINT) AS j, DATE_TRUNC('MONTH', s.first_day) AS period_start FROM bounds s
  UNION ALL
  SELECT p.j + 1, DATEADD(MONTH, 1, p.period_start)
  FROM periods p CROSS JOIN bounds s
  WHERE DATEADD(MONTH, 1, p.period_start) <= DATE_TRUNC('MONTH', s.as_of)
),
-- Purchases per customer and period: each row is an order of its own (no order column); returns are never purchases,
-- two orders on one day are two purchases.
purchases AS (
  SELECT customer, DATE_TRUNC('MONTH', day) AS period_start, COUNT(*) AS orders
  FROM used_rows
  WHERE is_return = 0
  GROUP BY customer, DATE_TRUNC('MONTH', day)
),
counts AS (
  SELECT period_start,
    COUNT(*) AS customers,
    SUM(CASE WHEN orders >= 2 THEN 1 ELSE 0 END) AS repeat_customers,
    SUM(CASE WHEN orders >= 3 THEN 1 ELSE 0 END) AS loyal_customers
  FROM purchases
  GROUP BY period_start
)
SELECT
  TO_CHAR(p.period_start, 'YYYY-MM-DD') AS period_start,
  COALESCE(c.customers, 0) AS customers,
  COALESCE(c.repeat_customers, 0) AS repeat_customers,
  COALESCE(c.loyal_customers, 0) AS loyal_customers,
  -- Complete unless as-of is inside the period and not its last day.
  CASE WHEN DATEADD(DAY, 1, b.as_of) >= DATEADD(MONTH, 1, p.period_start) THEN 1 ELSE 0 END AS complete,
  TO_CHAR(b.as_of, 'YYYY-MM-DD') AS as_of
FROM periods p
CROSS JOIN bounds b
LEFT JOIN counts c ON c.period_start = p.period_start
ORDER BY p.j
