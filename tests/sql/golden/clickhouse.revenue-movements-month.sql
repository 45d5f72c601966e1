-- Recurring revenue movements (retention-kit revenue-movements/1), month periods.
-- A customer's MRR in a period is the sum of their subscriptions active on its last day (start <= day < end).
WITH RECURSIVE
-- The subscriptions as the kit reads them: customer id as text, the local start and end days, the MRR.
read_subscriptions AS (
  SELECT
    NULLIF(TRIM(CAST(`customer_id` AS String)), '') AS customer,
    toDate(`started_at`) AS start_day,
    toDate(`ended_at`) AS end_day,
    `mrr` AS mrr
  FROM `billing`.`subscriptions`
),
-- Without a customer a subscription belongs to nobody; without a start day or an MRR of 0 or more, or ending
-- before it starts, it is not one the kit reads. Those rows are left out here and counted by the row counts.
subscription_rows AS (
  SELECT customer, start_day, end_day, mrr
  FROM read_subscriptions
  WHERE customer IS NOT NULL AND start_day IS NOT NULL AND mrr >= 0 AND (end_day IS NULL OR end_day >= start_day)
),
-- The data's first start day, its last start or end day, and as-of (that last day): periods whose last day is after it are still running.
bounds AS (
  SELECT MIN(start_day) AS first_day, MAX(GREATEST(start_day, COALESCE(end_day, start_day))) AS last_day, MAX(GREATEST(start_day, COALESCE(end_day, start_day))) AS as_of
  FROM subscription_rows
),
periods AS (
  SELECT CAST(0 AS BIGINT) AS j, toStartOfMonth(s.first_day) AS period_start FROM bounds s
  UNION ALL
  SELECT p.j + 1, addMonths(p.period_start, 1)
  FROM periods p CROSS JOIN bounds s
  WHERE addMonths(p.period_start, 1) <= toStartOfMonth(s.last_day)
),
-- Each subscription as the periods whose last day it covers: j_from (the period of its start) up to,
-- not including, j_to (the period of its end; NULL while it runs).
spans AS (
  SELECT s.customer, s.mrr, ps.j AS j_from, pe.j AS j_to
  FROM subscription_rows s
  JOIN periods ps ON ps.period_start = toStartOfMonth(s.start_day)
  LEFT JOIN periods pe ON pe.period_start = toStartOfMonth(s.end_day)
),
-- The periods in which a customer's MRR may change: one of their subscriptions starts or stops counting.
change_points AS (
  SELECT DISTINCT customer, j
  FROM (
    SELECT customer, j_from AS j FROM spans
    UNION ALL
    SELECT customer, j_to AS j FROM spans WHERE j_to IS NOT NULL
  ) AS ends
),
-- The customer's MRR at the end of each of those periods: the sum of their subscriptions covering it.
states AS (
  SELECT c.customer, c.j, SUM(CASE WHEN s.j_from <= c.j AND (s.j_to IS NULL OR s.j_to > c.j) THEN s.mrr ELSE 0 END) AS mrr
  FROM change_points c
  JOIN spans s ON s.customer = c.customer
  GROUP BY c.customer, c.j
),
-- Before and after: the MRR at the previous period's end is the MRR at the customer's previous change point
-- (0 before the first). first_paid_j: the first period end the customer pays at, which tells new from reactivated.
moves AS (
  SELECT customer, j, mrr AS after_mrr,
    COALESCE(lagInFrame(toNullable(mrr), 1) OVER (PARTITION BY customer ORDER BY j ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), 0) AS before_mrr,
    MIN(CASE WHEN mrr > 0 THEN j END) OVER (PARTITION BY customer) AS first_paid_j
  FROM states
),
period_moves AS (
  SELECT j,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j = j THEN after_mrr ELSE 0 END) AS new_mrr,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j < j THEN after_mrr ELSE 0 END) AS reactivated_mrr,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND (after_mrr - before_mrr) * 1000000000 > GREATEST(before_mrr, after_mrr) THEN after_mrr - before_mrr ELSE 0 END) AS expansion_mrr,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND (before_mrr - after_mrr) * 1000000000 > GREATEST(before_mrr, after_mrr) THEN before_mrr - after_mrr ELSE 0 END) AS contraction_mrr,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr <= 0 THEN before_mrr ELSE 0 END) AS churned_mrr,
    SUM(after_mrr - before_mrr) AS change_mrr,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j = j THEN 1 ELSE 0 END) AS new_customers,
    SUM(CASE WHEN before_mrr > 0 THEN 0 WHEN after_mrr > 0 AND first_paid_j < j THEN 1 ELSE 0 END) AS reactivated_customers,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND (after_mrr - before_mrr) * 1000000000 > GREATEST(before_mrr, after_mrr) THEN 1 ELSE 0 END) AS expanded_customers,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr > 0 AND (before_mrr - after_mrr) * 1000000000 > GREATEST(before_mrr, after_mrr) THEN 1 ELSE 0 END) AS contracted_customers,
    SUM(CASE WHEN before_mrr > 0 AND after_mrr <= 0 THEN 1 ELSE 0 END) AS lost_customers,
    SUM(CASE WHEN after_mrr > 0 THEN 1 ELSE 0 END) - SUM(CASE WHEN before_mrr > 0 THEN 1 ELSE 0 END) AS change_customers
  FROM moves
  GROUP BY j
),
-- MRR and paying customers at each period's end: the running sums of the changes, every period included.
series AS (
  SELECT p.j, p.period_start,
    COALESCE(m.change_mrr, 0) AS change_mrr,
    COALESCE(m.change_customers, 0) AS change_customers,
    SUM(COALESCE(m.change_mrr, 0)) OVER (ORDER BY p.j ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS end_mrr,
    SUM(COALESCE(m.change_customers, 0)) OVER (ORDER BY p.j ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS end_customers
  FROM periods p
  LEFT JOIN period_moves m ON m.j = p.j
  WHERE p.period_start IS NOT NULL
)
SELECT
  toString(s.period_start) AS period_start,
  s.end_mrr - s.change_mrr AS start_mrr,
  COALESCE(m.new_mrr, 0) AS new_mrr,
  COALESCE(m.expansion_mrr, 0) AS expansion_mrr,
  COALESCE(m.contraction_mrr, 0) AS contraction_mrr,
  COALESCE(m.churned_mrr, 0) AS churned_mrr,
  COALESCE(m.reactivated_mrr, 0) AS reactivated_mrr,
  s.end_mrr AS end_mrr,
  s.end_customers - s.change_customers AS start_customers,
  s.end_customers AS end_customers,
  COALESCE(m.new_customers, 0) AS new_customers,
  COALESCE(m.reactivated_customers, 0) AS reactivated_customers,
  COALESCE(m.expanded_customers, 0) AS expanded_customers,
  COALESCE(m.contracted_customers, 0) AS contracted_customers,
  COALESCE(m.lost_customers, 0) AS lost_customers,
  -- Complete once its last day (the day its MRR is taken) is on or before as-of.
  CASE WHEN addMonths(s.period_start, 1) <= addDays(b.as_of, 1) THEN 1 ELSE 0 END AS complete,
  toString(b.as_of) AS as_of
FROM series s
CROSS JOIN bounds b
LEFT JOIN period_moves m ON m.j = s.j
ORDER BY s.j
SETTINGS join_use_nulls = 1
