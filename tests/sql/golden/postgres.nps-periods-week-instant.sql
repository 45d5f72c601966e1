-- NPS responses per period (retention-kit nps-periods/1), week periods, weeks starting on weekday 0 (0 = Sunday).
-- Every response counts, each in the period of its day: answering twice counts twice, as in the engine.
WITH RECURSIVE
-- The responses as the kit reads them: respondent (if mapped), the local day, the score as a number.
read_responses AS (
  SELECT
    NULLIF(TRIM(CAST("person_id" AS TEXT)), '') AS customer,
    CAST(CAST("answered_at" AS TIMESTAMPTZ) AT TIME ZONE 'Europe/Oslo' AS DATE) AS day,
    CAST("score" AS TEXT) AS score_text,
    CASE WHEN TRIM(CAST("score" AS TEXT)) ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN CAST(TRIM(CAST("score" AS TEXT)) AS DOUBLE PRECISION) END AS score
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
-- The first dated response's day, and the last day used (as-of, given: later responses are left out).
bounds AS (
  SELECT MIN(day) AS first_day, DATE '2024-06-17' AS as_of
  FROM scored_responses
  WHERE response_group IS NOT NULL AND day IS NOT NULL AND day <= DATE '2024-06-17'
),
periods AS (
  SELECT CAST(0 AS BIGINT) AS j, (s.first_day + CAST(-MOD(CAST(EXTRACT(DOW FROM s.first_day) AS INTEGER) + 7, 7) AS INTEGER)) AS period_start FROM bounds s
  UNION ALL
  SELECT p.j + 1, (p.period_start + 7)
  FROM periods p CROSS JOIN bounds s
  WHERE (p.period_start + 7) <= (s.as_of + CAST(-MOD(CAST(EXTRACT(DOW FROM s.as_of) AS INTEGER) + 7, 7) AS INTEGER))
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
  FROM dated_responses r JOIN periods p ON p.period_start = (r.day + CAST(-MOD(CAST(EXTRACT(DOW FROM r.day) AS INTEGER) + 7, 7) AS INTEGER))
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
  to_char(p.period_start, 'YYYY-MM-DD') AS period_start,
  COALESCE(c.promoters, 0) AS promoters,
  COALESCE(c.passives, 0) AS passives,
  COALESCE(c.detractors, 0) AS detractors,
  -- Complete unless as-of is before the period's last day.
  CASE WHEN (p.period_start + 7) <= (b.as_of + 1) THEN 1 ELSE 0 END AS complete,
  to_char(b.as_of, 'YYYY-MM-DD') AS as_of,
  COALESCE(t.undated_promoters, 0) AS undated_promoters,
  COALESCE(t.undated_passives, 0) AS undated_passives,
  COALESCE(t.undated_detractors, 0) AS undated_detractors,
  COALESCE(t.invalid_scores, 0) AS invalid_scores
FROM periods p
CROSS JOIN bounds b
CROSS JOIN totals t
LEFT JOIN period_counts c ON c.j = p.j
ORDER BY p.j
