-- Cohort matrix (retention-kit cohort-matrix/1), month periods.
-- One row per cohort and period k after it, up to the period of as-of.
WITH RECURSIVE
-- Each line as written; an order's own cells (customer, date, status, total, refund, currency)
-- may be blank on its later lines.
order_lines AS (
  SELECT
    NULLIF(TRIM(CAST("Name" AS TEXT)), '') AS order_id,
    NULLIF(TRIM(CAST("Email" AS TEXT)), '') AS customer,
    CAST(CAST("Created at" AS TIMESTAMPTZ) AT TIME ZONE 'Europe/Berlin' AS DATE) AS day,
    LOWER(NULLIF(TRIM(CAST("Financial Status" AS TEXT)), '')) AS status,
    CAST("Total" AS DOUBLE PRECISION) AS money,
    CAST(ABS("Refunded Amount") AS DOUBLE PRECISION) AS refund,
    UPPER(NULLIF(TRIM(CAST("Currency" AS TEXT)), '')) AS currency
  FROM "shop"."orders_export"
),
-- What an order's lines say between them, once: its total counted once, its refund netted once.
order_cells AS (
  SELECT order_id, MAX(customer) AS customer, MAX(day) AS day, MAX(status) AS status,
    MAX(money) AS money, MAX(refund) AS refund, MAX(currency) AS currency
  FROM order_lines
  WHERE order_id IS NOT NULL
  GROUP BY order_id
),
-- One entry per order, and each line without an order id as an order of its own; what its status means
-- (type map, then the built-in words; an unknown word or none: the sign of the money).
order_entries AS (
  SELECT customer, day, money, refund, currency,
    CASE
      WHEN status IN ('paid', 'partially_paid', 'partially_refunded', 'refunded') THEN 'purchase'
      WHEN status IN ('pending', 'authorized', 'voided', 'expired') THEN 'ignore'
      WHEN status IN ('return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback') THEN 'refund'
      WHEN status IN ('purchase', 'order', 'sale', 'invoice', 'payment', 'charge') THEN 'purchase'
    END AS role
  FROM (
    SELECT customer, day, status, money, refund, currency FROM order_cells
    UNION ALL
    SELECT customer, day, status, money, refund, currency FROM order_lines WHERE order_id IS NULL
  ) AS orders
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
      COALESCE(o.money, l.money) AS money,
      COALESCE(l.currency, o.currency) AS currency,
      CASE
        WHEN COALESCE(l.status, o.status) IN ('paid', 'partially_paid', 'partially_refunded', 'refunded') THEN 'purchase'
        WHEN COALESCE(l.status, o.status) IN ('pending', 'authorized', 'voided', 'expired') THEN 'ignore'
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
periods AS (
  SELECT CAST(0 AS BIGINT) AS j, CAST(date_trunc('month', s.first_day) AS DATE) AS period_start FROM span s
  UNION ALL
  SELECT p.j + 1, CAST(p.period_start + INTERVAL '1 months' AS DATE)
  FROM periods p CROSS JOIN span s
  WHERE CAST(p.period_start + INTERVAL '1 months' AS DATE) <= CAST(date_trunc('month', s.as_of) AS DATE)
),
-- The cohort of each customer: the number j of their first purchase's period.
cohort_of AS (
  SELECT f.customer, f.first_day, p.j AS cohort_j
  FROM first_purchases f JOIN periods p ON p.period_start = CAST(date_trunc('month', f.first_day) AS DATE)
),
-- Per customer and period k after their cohort's: active (a purchase in it) and net money.
-- Rows before a customer's first purchase belong to no period.
customer_periods AS (
  SELECT c.cohort_j, p.j - c.cohort_j AS k, c.customer,
    MAX(CASE WHEN u.is_return = 0 THEN 1 ELSE 0 END) AS active,
    SUM(u.amount) AS amount
  FROM used_rows u
  JOIN cohort_of c ON c.customer = u.customer
  JOIN periods p ON p.period_start = CAST(date_trunc('month', u.day) AS DATE)
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
  SELECT MAX(p.j) AS j, MAX(CASE WHEN (s.as_of + 1) < CAST(CAST(date_trunc('month', s.as_of) AS DATE) + INTERVAL '1 months' AS DATE) THEN 1 ELSE 0 END) AS running
  FROM periods p CROSS JOIN span s
)
SELECT
  to_char(cp.period_start, 'YYYY-MM-DD') AS cohort_start,
  pp.j - s.cohort_j AS k,
  s.cohort_size,
  COALESCE(c.active_customers, 0) AS active_customers,
  COALESCE(c.net_revenue, 0) AS net_revenue,
  CASE WHEN pp.j = l.j AND l.running = 1 THEN 1 ELSE 0 END AS running,
  to_char(sp.as_of, 'YYYY-MM-DD') AS as_of
FROM sizes s
JOIN periods cp ON cp.j = s.cohort_j
CROSS JOIN periods pp
CROSS JOIN last_period l
CROSS JOIN span sp
LEFT JOIN cells c ON c.cohort_j = s.cohort_j AND c.k = pp.j - s.cohort_j
WHERE pp.j >= s.cohort_j
ORDER BY s.cohort_j, k
