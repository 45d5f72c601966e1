-- Subscriptions read, and those no figure counts: without a customer; and those the kit refuses
-- (without a start day, without an MRR or with a negative one, ending before they start).
WITH read_subscriptions AS (
  SELECT
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS customer,
    TO_DATE("started_at") AS start_day,
    TO_DATE("ended_at") AS end_day,
    "mrr" AS mrr
  FROM "billing"."subscriptions"
)
SELECT
  COUNT(*) AS rows_read,
  SUM(CASE WHEN customer IS NULL THEN 1 ELSE 0 END) AS rows_without_customer,
  SUM(CASE WHEN customer IS NOT NULL AND start_day IS NULL THEN 1 ELSE 0 END) AS rows_without_start,
  SUM(CASE WHEN customer IS NOT NULL AND start_day IS NOT NULL AND (mrr IS NULL OR mrr < 0) THEN 1 ELSE 0 END) AS rows_without_mrr,
  SUM(CASE WHEN customer IS NOT NULL AND start_day IS NOT NULL AND end_day < start_day THEN 1 ELSE 0 END) AS rows_ending_before_start,
  TO_CHAR(MIN(CASE WHEN customer IS NOT NULL AND start_day IS NOT NULL THEN start_day END), 'YYYY-MM-DD') AS first_day,
  TO_CHAR(MAX(CASE WHEN customer IS NOT NULL AND start_day IS NOT NULL THEN GREATEST(start_day, COALESCE(end_day, start_day)) END), 'YYYY-MM-DD') AS last_day
FROM read_subscriptions
