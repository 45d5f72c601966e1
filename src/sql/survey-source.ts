/**
 * Survey responses read the way the engine reads them (metrics/surveys.ts
 * readSurveyResponses), for the queries of survey shapes. Not the orders'
 * prologue (source.ts): a response without a customer is anonymous, not a
 * guest order, and counts; a response without a date counts in the score and
 * in no period; and there are no returns or money.
 *
 * - the day is the date as written for wall-clock columns, or the local day in
 *   `timeZone` for instants (the calendar of source.ts);
 * - the score is the number the column holds, whatever its type (a text
 *   column's text read as a number); 9–10 is a promoter, 7–8 a passive, 0–6 a
 *   detractor (metrics/rates.ts npsGroup);
 * - a score that is blank, not a number, outside 0–10 or not whole is no
 *   response: its group is NULL and it is counted apart (`invalid_scores`),
 *   because the engine refuses the whole input when it meets one, and a reader
 *   of the query's rows must do the same rather than drop it.
 */
import { resolveCalendar, type ResolvedCalendar, type SqlOptions } from './source.ts';

/** The survey's columns, named as in <nps-score>'s attributes (customer-key, date-key, score-key). */
export interface SurveySqlFields {
  /** Respondent column; optional (anonymous surveys have none), only counted in the summary: every response counts. */
  customer?: string;
  /** Date or timestamp of the answer; default `date`. */
  date?: string;
  /** The 0–10 answer; default `score`. */
  score?: string;
}

export interface SurveySqlOptions extends Omit<SqlOptions, 'fields'> {
  fields?: SurveySqlFields;
}

export interface ResolvedSurveySql extends ResolvedCalendar {
  /** The CTEs (without WITH) `read_responses` and `scored_responses` (customer, day, score_text, response_group). */
  prologue: string;
  hasCustomer: boolean;
}

export function resolveSurveySql(options: SurveySqlOptions): ResolvedSurveySql {
  const { fields: given, ...rest } = options;
  const calendar = resolveCalendar(rest);
  const { d } = calendar;
  const named = (value: string | undefined, fallback?: string) => (typeof value === 'string' && value !== '' ? value : fallback);
  const customer = named(given?.customer);
  const date = named(given?.date, 'date')!;
  const score = named(given?.score, 'score')!;
  const column = (name: string) => d.identifier(name);
  const prologue = `-- The responses as the kit reads them: respondent (if mapped), the local day, the score as a number.
read_responses AS (
  SELECT
    ${customer ? `NULLIF(TRIM(CAST(${column(customer)} AS ${d.text})), '')` : `CAST(NULL AS ${d.text})`} AS customer,
    ${calendar.dayOf(column(date))} AS day,
    CAST(${column(score)} AS ${d.text}) AS score_text,
    ${d.numberOfText(`CAST(${column(score)} AS ${d.text})`)} AS score
  FROM ${calendar.fromClause}
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
)`;
  return { ...calendar, prologue, hasCustomer: customer !== undefined };
}

/** Counts of the responses read, for a summary beside a shape: rows, without a respondent, without a date, with a bad score, after as-of. */
export function surveyRowCountsSql(options: SurveySqlOptions): string {
  const sql = resolveSurveySql(options);
  const { d } = sql;
  return `-- Responses read; those without a respondent or a date (both still count in the score), and bad scores.
WITH
${sql.prologue}
SELECT
  COUNT(*) AS rows_read,
  ${sql.hasCustomer ? 'SUM(CASE WHEN customer IS NULL THEN 1 ELSE 0 END)' : 'CAST(NULL AS BIGINT)'} AS rows_without_customer,
  SUM(CASE WHEN day IS NULL THEN 1 ELSE 0 END) AS rows_without_date,
  SUM(CASE WHEN response_group IS NULL THEN 1 ELSE 0 END) AS invalid_scores,
  ${sql.asOf ? `SUM(CASE WHEN day > ${d.date(sql.asOf)} THEN 1 ELSE 0 END)` : '0'} AS rows_after_as_of,
  ${d.dayText('MIN(day)')} AS first_day,
  ${d.dayText('MAX(day)')} AS last_day
FROM scored_responses
${d.settings}`;
}

/** Up to `limit` scores that are no response, as the table holds them (NULL for a blank one), for a message like the engine's. */
export function invalidScoresSql(options: SurveySqlOptions, limit = 5): string {
  const sql = resolveSurveySql(options);
  return `-- Scores that are not a whole number from 0 to 10, as written.
WITH
${sql.prologue}
SELECT score_text AS score
FROM scored_responses
WHERE response_group IS NULL
LIMIT ${Math.max(1, Math.floor(limit))}
${sql.d.settings}`;
}
