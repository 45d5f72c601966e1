-- Customers per period (retention-kit period-counts/1), week periods, weeks starting on weekday 0 (0 = Sunday).
-- A customer is active at day t when they bought in the 90 days before t.
WITH RECURSIVE
-- The rows as the kit reads them: customer id as text, the local day, return or not, money.
read_rows AS (
  SELECT
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS customer,
    TO_DATE(CONVERT_TIMEZONE('America/New_York', "ordered_at")) AS day,
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
  SELECT CAST(0 AS BIGINT) AS j, DATEADD(DAY, -MOD(MOD(DAYOFWEEKISO(s.first_day), 7) + 7, 7), s.first_day) AS period_start FROM bounds s
  UNION ALL
  SELECT p.j + 1, DATEADD(DAY, 7, p.period_start)
  FROM periods p CROSS JOIN bounds s
  WHERE DATEADD(DAY, 7, p.period_start) <= DATEADD(DAY, -MOD(MOD(DAYOFWEEKISO(s.as_of), 7) + 7, 7), s.as_of)
),
-- The days each period is judged on: its first day, and for the last period the day after it
-- (or the day after as-of, while that period is still running).
boundaries AS (
  SELECT j, period_start AS t FROM periods
  UNION ALL
  SELECT MAX(p.j) + 1, LEAST(DATEADD(DAY, 7, MAX(p.period_start)), DATEADD(DAY, 1, MAX(b.as_of)))
  FROM periods p CROSS JOIN bounds b
),
-- Distinct purchase days: returns never make anyone active, several rows of one day are one purchase day.
purchase_days AS (
  SELECT DISTINCT customer, day FROM used_rows WHERE is_return = 0
),
first_purchases AS (
  SELECT customer, MIN(day) AS first_day FROM purchase_days GROUP BY customer
),
-- Active at boundary t: a purchase day in [t - 90, t), i.e. day < t <= day + 90.
active AS (
  SELECT DISTINCT p.customer, b.j
  FROM purchase_days p CROSS JOIN boundaries b
  WHERE b.t > p.day AND b.t <= DATEADD(DAY, 90, p.day)
),
-- Each customer's state at both ends of period j (active at its start, at its end): an aggregate,
-- not a self-join, so a database can spill it to disk on tables of any size.
moves AS (
  SELECT customer, j, MAX(at_start) AS at_start, MAX(at_end) AS at_end
  FROM (
    SELECT customer, j, 1 AS at_start, 0 AS at_end FROM active
    UNION ALL
    SELECT customer, j - 1 AS j, 0 AS at_start, 1 AS at_end FROM active
  ) AS ends
  GROUP BY customer, j
),
counts AS (
  SELECT m.j,
    SUM(m.at_start) AS start_customers,
    SUM(m.at_end) AS end_customers,
    SUM(CASE WHEN m.at_start = 0 AND m.at_end = 1 AND f.first_day >= b.t THEN 1 ELSE 0 END) AS new_customers,
    SUM(CASE WHEN m.at_start = 1 AND m.at_end = 0 THEN 1 ELSE 0 END) AS lost_customers,
    SUM(CASE WHEN m.at_start = 0 AND m.at_end = 1 AND f.first_day < b.t THEN 1 ELSE 0 END) AS reactivated_customers
  FROM moves m
  JOIN first_purchases f ON f.customer = m.customer
  JOIN boundaries b ON b.j = m.j
  GROUP BY m.j
),
-- Net money (purchases - returns) of every row dated in the period.
revenue AS (
  SELECT p.j, SUM(u.amount) AS net_revenue
  FROM used_rows u JOIN periods p ON p.period_start = DATEADD(DAY, -MOD(MOD(DAYOFWEEKISO(u.day), 7) + 7, 7), u.day)
  GROUP BY p.j
)
SELECT
  TO_CHAR(p.period_start, 'YYYY-MM-DD') AS period_start,
  COALESCE(c.start_customers, 0) AS start_customers,
  COALESCE(c.end_customers, 0) AS end_customers,
  COALESCE(c.new_customers, 0) AS new_customers,
  COALESCE(c.lost_customers, 0) AS lost_customers,
  COALESCE(c.reactivated_customers, 0) AS reactivated_customers,
  COALESCE(r.net_revenue, 0) AS net_revenue,
  -- Complete unless it is the last period and still running at as-of.
  CASE WHEN e.t < DATEADD(DAY, 7, p.period_start) THEN 0 ELSE 1 END AS complete,
  -- The window before the period start reaches back before the data: start and lost undercount.
  CASE WHEN DATEADD(DAY, -90, p.period_start) < b.first_day THEN 1 ELSE 0 END AS censored,
  TO_CHAR(b.as_of, 'YYYY-MM-DD') AS as_of
FROM periods p
JOIN boundaries e ON e.j = p.j + 1
CROSS JOIN bounds b
LEFT JOIN counts c ON c.j = p.j
LEFT JOIN revenue r ON r.j = p.j
ORDER BY p.j
