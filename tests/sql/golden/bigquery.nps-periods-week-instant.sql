-- NPS responses per period (retention-kit nps-periods/1), week periods, weeks starting on weekday 0 (0 = Sunday).
-- Every response counts, each in the period of its day: answering twice counts twice, as in the engine.
WITH RECURSIVE
-- The responses as the kit reads them: respondent (if mapped), the local day, the score as a number.
read_responses AS (
  SELECT
    NULLIF(TRIM(CAST(`person_id` AS STRING)), '') AS customer,
    DATE(`answered_at`, 'Europe/Oslo') AS day,
    CAST(`score` AS STRING) AS score_text,
    SAFE_CAST(TRIM(CAST(`score` AS STRING)) AS FLOAT64) AS score
  FROM `feedback`.`nps_responses`
),
-- Each response's group: 9-10 promoter, 7-8 passive, 0-6 detractor. A score that is blank, not a
-- number, outside 0-10 or not whole has none (NULL): counted apart, as the engine refuses it.
scored_responses AS (
  SELECT customer, day, score_text,
    CASE
      WHEN score IS NULL OR score < 0 OR score > 10 OR score <> FLOOR(score) THEN NULL
      WHEN score >= 9 THEN 'promoter'
      WHEN score >= 7 THEN 'passive'
      ELSE 'detractor'
    END AS response_group
  FROM read_responses
),
-- The first dated response's day, and the last day used (as-of, given: later responses are left out).
bounds AS (
  SELECT MIN(day) AS first_day, DATE '2024-06-17' AS as_of
  FROM scored_responses
  WHERE response_group IS NOT NULL AND day IS NOT NULL AND day <= DATE '2024-06-17'
),
periods AS (
  SELECT CAST(0 AS BIGINT) AS j, DATE_ADD(s.first_day, INTERVAL -MOD((EXTRACT(DAYOFWEEK FROM s.first_day) - 1) + 7, 7) DAY) AS period_start FROM bounds s
  UNION ALL
  SELECT p.j + 1, DATE_ADD(p.period_start, INTERVAL 7 DAY)
  FROM periods p CROSS JOIN bounds s
  WHERE DATE_ADD(p.period_start, INTERVAL 7 DAY) <= DATE_ADD(s.as_of, INTERVAL -MOD((EXTRACT(DAYOFWEEK FROM s.as_of) - 1) + 7, 7) DAY)
),
dated_responses AS (
  SELECT r.day, r.response_group
  FROM scored_responses r CROSS JOIN bounds b
  WHERE r.day <= b.as_of
),
period_counts AS (
  SELECT p.j,
    SUM(CASE WHEN response_group = 'promoter' THEN 1 ELSE 0 END) AS promoters,
    SUM(CASE WHEN response_group = 'passive' THEN 1 ELSE 0 END) AS passives,
    SUM(CASE WHEN response_group = 'detractor' THEN 1 ELSE 0 END) AS detractors
  FROM dated_responses r JOIN periods p ON p.period_start = DATE_ADD(r.day, INTERVAL -MOD((EXTRACT(DAYOFWEEK FROM r.day) - 1) + 7, 7) DAY)
  GROUP BY p.j
),
-- Responses without a date (in the score, in no period), and scores that are no response.
totals AS (
  SELECT
    SUM(CASE WHEN day IS NULL AND response_group = 'promoter' THEN 1 ELSE 0 END) AS undated_promoters,
    SUM(CASE WHEN day IS NULL AND response_group = 'passive' THEN 1 ELSE 0 END) AS undated_passives,
    SUM(CASE WHEN day IS NULL AND response_group = 'detractor' THEN 1 ELSE 0 END) AS undated_detractors,
    SUM(CASE WHEN response_group IS NULL THEN 1 ELSE 0 END) AS invalid_scores
  FROM scored_responses
)
SELECT
  FORMAT_DATE('%Y-%m-%d', p.period_start) AS period_start,
  COALESCE(c.promoters, 0) AS promoters,
  COALESCE(c.passives, 0) AS passives,
  COALESCE(c.detractors, 0) AS detractors,
  -- Complete unless as-of is before the period's last day.
  CASE WHEN DATE_ADD(p.period_start, INTERVAL 7 DAY) <= DATE_ADD(b.as_of, INTERVAL 1 DAY) THEN 1 ELSE 0 END AS complete,
  FORMAT_DATE('%Y-%m-%d', b.as_of) AS as_of,
  COALESCE(t.undated_promoters, 0) AS undated_promoters,
  COALESCE(t.undated_passives, 0) AS undated_passives,
  COALESCE(t.undated_detractors, 0) AS undated_detractors,
  COALESCE(t.invalid_scores, 0) AS invalid_scores
FROM periods p
CROSS JOIN bounds b
CROSS JOIN totals t
LEFT JOIN period_counts c ON c.j = p.j
ORDER BY p.j
