-- Rows read, and those no figure counts: without a customer (guest orders) or without a date.
WITH
-- The rows as the kit reads them: customer id as text, the local day, return or not, money.
read_rows AS (
  SELECT
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS customer,
    CAST("ordered_at" AS DATE) AS day,
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
)
SELECT
  COUNT(*) AS rows_read,
  SUM(CASE WHEN customer IS NULL THEN 1 ELSE 0 END) AS rows_without_customer,
  SUM(CASE WHEN customer IS NOT NULL AND day IS NULL THEN 1 ELSE 0 END) AS rows_without_date,
  strftime(MIN(CASE WHEN customer IS NOT NULL THEN day END), '%Y-%m-%d') AS first_day,
  strftime(MAX(CASE WHEN customer IS NOT NULL THEN day END), '%Y-%m-%d') AS last_day
FROM read_rows
