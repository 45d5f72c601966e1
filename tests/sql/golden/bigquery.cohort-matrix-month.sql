-- Cohort matrix (retention-kit cohort-matrix/1), month periods.
-- One row per cohort and period k after it, up to the period of as-of.
WITH RECURSIVE
-- The rows as the kit reads them: customer id as text, the local day, return or not, money.
read_rows AS (
  SELECT
    NULLIF(TRIM(CAST(`customer_id` AS STRING)), '') AS customer,
    CAST(`ordered_at` AS DATE) AS day,
    CASE
      WHEN LOWER(TRIM(CAST(`status` AS STRING))) IN ('return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback') THEN 1
      WHEN LOWER(TRIM(CAST(`status` AS STRING))) IN ('purchase', 'order', 'sale', 'invoice', 'payment', 'charge') THEN 0
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
  SELECT CAST(0 AS BIGINT) AS j, DATE_TRUNC(s.first_day, MONTH) AS period_start FROM span s
  UNION ALL
  SELECT p.j + 1, DATE_ADD(p.period_start, INTERVAL 1 MONTH)
  FROM periods p CROSS JOIN span s
  WHERE DATE_ADD(p.period_start, INTERVAL 1 MONTH) <= DATE_TRUNC(s.as_of, MONTH)
),
-- The cohort of each customer: the number j of their first purchase's period.
cohort_of AS (
  SELECT f.customer, f.first_day, p.j AS cohort_j
  FROM first_purchases f JOIN periods p ON p.period_start = DATE_TRUNC(f.first_day, MONTH)
),
-- Per customer and period k after their cohort's: active (a purchase in it) and net money.
-- Rows before a customer's first purchase belong to no period.
customer_periods AS (
  SELECT c.cohort_j, p.j - c.cohort_j AS k, c.customer,
    MAX(CASE WHEN u.is_return = 0 THEN 1 ELSE 0 END) AS active,
    SUM(u.amount) AS amount
  FROM used_rows u
  JOIN cohort_of c ON c.customer = u.customer
  JOIN periods p ON p.period_start = DATE_TRUNC(u.day, MONTH)
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
  SELECT MAX(p.j) AS j, MAX(CASE WHEN DATE_ADD(s.as_of, INTERVAL 1 DAY) < DATE_ADD(DATE_TRUNC(s.as_of, MONTH), INTERVAL 1 MONTH) THEN 1 ELSE 0 END) AS running
  FROM periods p CROSS JOIN span s
)
SELECT
  FORMAT_DATE('%Y-%m-%d', cp.period_start) AS cohort_start,
  pp.j - s.cohort_j AS k,
  s.cohort_size,
  COALESCE(c.active_customers, 0) AS active_customers,
  COALESCE(c.net_revenue, 0) AS net_revenue,
  CASE WHEN pp.j = l.j AND l.running = 1 THEN 1 ELSE 0 END AS running,
  FORMAT_DATE('%Y-%m-%d', sp.as_of) AS as_of
FROM sizes s
JOIN periods cp ON cp.j = s.cohort_j
CROSS JOIN periods pp
CROSS JOIN last_period l
CROSS JOIN span sp
LEFT JOIN cells c ON c.cohort_j = s.cohort_j AND c.k = pp.j - s.cohort_j
WHERE pp.j >= s.cohort_j
ORDER BY s.cohort_j, k
