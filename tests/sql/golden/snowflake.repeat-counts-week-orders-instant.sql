-- Repeat and loyal customers per period (retention-kit repeat-counts/1), week periods, weeks starting on weekday 0 (0 = Sunday).
-- A customer of a period bought in it; a repeat customer bought at least twice, a loyal one at least 4 times.
WITH RECURSIVE
-- Each line as written; an order's own cells (customer, date, status, total, refund, currency)
-- may be blank on its later lines.
order_lines AS (
  SELECT
    NULLIF(TRIM(CAST("order_number" AS VARCHAR)), '') AS order_id,
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS customer,
    TO_DATE(CONVERT_TIMEZONE('America/New_York', "ordered_at")) AS day,
    LOWER(NULLIF(TRIM(CAST("status" AS VARCHAR)), '')) AS status,
    CAST("quantity" * "unit_price" AS DOUBLE) AS money,
    CASE WHEN "quantity" < 0 THEN 1 ELSE 0 END AS negative,
    CAST(NULL AS DOUBLE) AS refund,
    NULLIF('', '') AS currency
  FROM "shop"."orders"
),
-- What an order's lines say between them, once: its total counted once (here the sum of its lines), its refund netted once.
order_cells AS (
  SELECT order_id, MAX(customer) AS customer, MAX(day) AS day, MAX(status) AS status,
    SUM(money) AS money, MAX(refund) AS refund, MAX(currency) AS currency
  FROM order_lines
  WHERE order_id IS NOT NULL
  GROUP BY order_id
),
-- Each line with its order's cells where its own are blank, and what it is (type map, then the
-- built-in words; an unknown word or none: the sign of its quantity, else of its money):
-- 0 purchase, 1 return, 2 ignored.
line_kinds AS (
  SELECT order_id, customer, day, money, refund, currency,
    CASE WHEN role = 'purchase' THEN 0 WHEN role = 'refund' THEN 1 WHEN role = 'ignore' THEN 2 ELSE negative END AS kind
  FROM (
    SELECT l.order_id, l.negative,
      COALESCE(l.customer, o.customer) AS customer,
      COALESCE(l.day, o.day) AS day,
      l.money,
      COALESCE(o.refund, l.refund) AS refund,
      COALESCE(l.currency, o.currency) AS currency,
      CASE
        WHEN COALESCE(l.status, o.status) IN ('return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback') THEN 'refund'
        WHEN COALESCE(l.status, o.status) IN ('purchase', 'order', 'sale', 'invoice', 'payment', 'charge') THEN 'purchase'
      END AS role
    FROM order_lines l
    LEFT JOIN order_cells o ON o.order_id = l.order_id
  ) AS lines
),
-- An order's purchase lines are one entry, its return lines another; a line without an order id is
-- an entry of its own. The order's refund is netted once, with its first entry.
order_entries AS (
  SELECT customer, day, money, refund, currency,
    CASE kind WHEN 0 THEN 'purchase' WHEN 1 THEN 'refund' ELSE 'ignore' END AS role
  FROM (
    SELECT customer, day, money, refund, currency, kind FROM line_kinds WHERE order_id IS NULL
    UNION ALL
    SELECT MAX(customer) AS customer, MAX(day) AS day, SUM(money) AS money,
      CASE WHEN kind = MIN(kind) OVER (PARTITION BY order_id) THEN MAX(refund) END AS refund,
      MAX(currency) AS currency, kind
    FROM line_kinds
    WHERE order_id IS NOT NULL
    GROUP BY order_id, kind
  ) AS entries
),
-- Every line with its order's cells where its own are blank: what is counted and left out.
read_rows AS (
  SELECT customer, day, status, role,
    CASE WHEN role = 'ignore' THEN 1 ELSE 0 END AS ignored,
    CASE WHEN role = 'purchase' THEN 0 WHEN role = 'refund' THEN 1 WHEN money < 0 THEN 1 ELSE 0 END AS is_return,
    currency
  FROM (
    SELECT
      COALESCE(l.customer, o.customer) AS customer,
      COALESCE(l.day, o.day) AS day,
      COALESCE(l.status, o.status) AS status,
      l.money AS money,
      COALESCE(l.currency, o.currency) AS currency,
      CASE
        WHEN COALESCE(l.status, o.status) IN ('return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback') THEN 'refund'
        WHEN COALESCE(l.status, o.status) IN ('purchase', 'order', 'sale', 'invoice', 'payment', 'charge') THEN 'purchase'
      END AS role
    FROM order_lines l
    LEFT JOIN order_cells o ON o.order_id = l.order_id
  ) AS lines
),
-- Purchase lines per currency; with two or more, money is shown in the one most are in (a tie: the first in alphabetical order).
purchase_currencies AS (
  SELECT currency, COUNT(*) AS line_count
  FROM read_rows
  WHERE currency IS NOT NULL AND customer IS NOT NULL AND day IS NOT NULL AND ignored = 0 AND is_return = 0
  GROUP BY currency
),
shown_currency AS (
  SELECT currency FROM purchase_currencies
  WHERE (SELECT COUNT(*) FROM purchase_currencies) > 1
  ORDER BY line_count DESC, currency
  LIMIT 1
),
-- Every currency of the data but the one shown (none when nothing is shown: one currency or none).
other_currencies AS (
  SELECT DISTINCT r.currency
  FROM read_rows r CROSS JOIN shown_currency s
  WHERE r.currency IS NOT NULL AND r.currency <> s.currency
),
-- Rows without a customer (guest orders) belong to nobody; ignored statuses are money never received.
-- An order is a purchase (a return when its status or the sign says so: its money negative),
-- and its refund a return on the same day. Orders in another currency than the one shown keep
-- counting as activity, with no money.
customer_rows AS (
  SELECT customer, day, is_return,
    CASE WHEN currency IN (SELECT o.currency FROM other_currencies o) THEN 0 WHEN is_return = 1 THEN -ABS(money) ELSE money END AS amount
  FROM (
    SELECT customer, day, money, currency,
      CASE WHEN role = 'purchase' THEN 0 WHEN role = 'refund' THEN 1 WHEN money < 0 THEN 1 ELSE 0 END AS is_return
    FROM order_entries
    WHERE role IS NULL OR role <> 'ignore'
  ) AS entries
  WHERE customer IS NOT NULL AND day IS NOT NULL
  UNION ALL
  SELECT customer, day, 1 AS is_return, CASE WHEN currency IN (SELECT o.currency FROM other_currencies o) THEN 0 ELSE -refund END AS amount
  FROM order_entries
  WHERE (role IS NULL OR role <> 'ignore') AND refund > 0 AND customer IS NOT NULL AND day IS NOT NULL
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
  SELECT CAST(0 AS BIGINT) AS j, DATEADD(DAY, -MOD(MOD(DAYOFWEEKISO(s.first_day), 7) + 7, 7), s.first_day) AS period_start FROM bounds s
  UNION ALL
  SELECT p.j + 1, DATEADD(DAY, 7, p.period_start)
  FROM periods p CROSS JOIN bounds s
  WHERE DATEADD(DAY, 7, p.period_start) <= DATEADD(DAY, -MOD(MOD(DAYOFWEEKISO(s.as_of), 7) + 7, 7), s.as_of)
),
-- Purchases per customer and period: one row per order (its lines are one purchase); returns are never purchases,
-- two orders on one day are two purchases.
purchases AS (
  SELECT customer, DATEADD(DAY, -MOD(MOD(DAYOFWEEKISO(day), 7) + 7, 7), day) AS period_start, COUNT(*) AS orders
  FROM used_rows
  WHERE is_return = 0
  GROUP BY customer, DATEADD(DAY, -MOD(MOD(DAYOFWEEKISO(day), 7) + 7, 7), day)
),
counts AS (
  SELECT period_start,
    COUNT(*) AS customers,
    SUM(CASE WHEN orders >= 2 THEN 1 ELSE 0 END) AS repeat_customers,
    SUM(CASE WHEN orders >= 4 THEN 1 ELSE 0 END) AS loyal_customers
  FROM purchases
  GROUP BY period_start
)
SELECT
  TO_CHAR(p.period_start, 'YYYY-MM-DD') AS period_start,
  COALESCE(c.customers, 0) AS customers,
  COALESCE(c.repeat_customers, 0) AS repeat_customers,
  COALESCE(c.loyal_customers, 0) AS loyal_customers,
  -- Complete unless as-of is inside the period and not its last day.
  CASE WHEN DATEADD(DAY, 1, b.as_of) >= DATEADD(DAY, 7, p.period_start) THEN 1 ELSE 0 END AS complete,
  TO_CHAR(b.as_of, 'YYYY-MM-DD') AS as_of
FROM periods p
CROSS JOIN bounds b
LEFT JOIN counts c ON c.period_start = p.period_start
ORDER BY p.j
