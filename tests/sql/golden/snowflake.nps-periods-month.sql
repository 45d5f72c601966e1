-- NPS responses per period (retention-kit nps-periods/1), month periods.
-- Every response counts, each in the period of its day: answering twice counts twice, as in the engine.
WITH RECURSIVE
-- The responses as the kit reads them: respondent (if mapped), the local day, the score as a number.
read_responses AS (
  SELECT
    NULLIF(TRIM(CAST("person_id" AS VARCHAR)), '') AS customer,
    TO_DATE("answered_at") AS day,
    CAST("score" AS VARCHAR) AS score_text,
    TRY_TO_DOUBLE(TRIM(CAST("score" AS VARCHAR))) AS score
  FROM "feedback"."nps_responses"
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
-- The first dated response's day, and the last day used (as-of: the last response's day).
bounds AS (
  SELECT MIN(day) AS first_day, MAX(day) AS as_of
  FROM scored_responses
  WHERE response_group IS NOT NULL AND day IS NOT NULL
),
periods AS (
  SELECT CAST(0 AS BIGINT) AS j, DATE_TRUNC('MONTH', s.first_day) AS period_start FROM bounds s
  UNION ALL
  SELECT p.j + 1, DATEADD(MONTH, 1, p.period_start)
  FROM periods p CROSS JOIN bounds s
  WHERE DATEADD(MONTH, 1, p.period_start) <= DATE_TRUNC('MONTH', s.as_of)
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
  FROM dated_responses r JOIN periods p ON p.period_start = DATE_TRUNC('MONTH', r.day)
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
  TO_CHAR(p.period_start, 'YYYY-MM-DD') AS period_start,
  COALESCE(c.promoters, 0) AS promoters,
  COALESCE(c.passives, 0) AS passives,
  COALESCE(c.detractors, 0) AS detractors,
  -- Complete unless as-of is before the period's last day.
  CASE WHEN DATEADD(MONTH, 1, p.period_start) <= DATEADD(DAY, 1, b.as_of) THEN 1 ELSE 0 END AS complete,
  TO_CHAR(b.as_of, 'YYYY-MM-DD') AS as_of,
  COALESCE(t.undated_promoters, 0) AS undated_promoters,
  COALESCE(t.undated_passives, 0) AS undated_passives,
  COALESCE(t.undated_detractors, 0) AS undated_detractors,
  COALESCE(t.invalid_scores, 0) AS invalid_scores
FROM periods p
CROSS JOIN bounds b
CROSS JOIN totals t
LEFT JOIN period_counts c ON c.j = p.j
ORDER BY p.j
