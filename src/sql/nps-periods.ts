/**
 * SQL for `nps-periods/1`, with npsByPeriod's definitions (metrics/surveys.ts,
 * metrics/shapes/nps-periods.ts): every response counts (a customer who
 * answered twice in a period counts twice, anonymous responses count), each in
 * the period of its local day; the periods run from the first dated response's
 * to as-of's, none missing. Responses without a date are counted apart
 * (`undated_…`): they are in the overall score and in no period. Scores that
 * are no response (blank, outside 0–10, not whole) are counted in
 * `invalid_scores`: the engine refuses the whole input when it meets one, so
 * {@link npsPeriodsFromRows} refuses rows with any (the command line then
 * names the values, as the element names them).
 */
import { PeriodCalendar, type Weekday } from '../metrics/calendar/calendar.ts';
import { weekStartOf } from '../metrics/shapes/cohort-matrix.ts';
import { NPS_PERIODS_SHAPE, type NpsPeriodsShape } from '../metrics/shapes/nps-periods.ts';
import { SCORE_EXPECTATION } from '../metrics/rates.ts';
import { dayOfText } from './cohort-matrix.ts';
import { periodsCte } from './source.ts';
import { resolveSurveySql, type SurveySqlOptions } from './survey-source.ts';

/** The SQL of the counts: columns period_start, promoters, passives, detractors, complete, as_of, undated_promoters, undated_passives, undated_detractors, invalid_scores. */
export function npsPeriodsSql(options: SurveySqlOptions): string {
  const sql = resolveSurveySql(options);
  const { d } = sql;
  const asOf = sql.asOf ? d.date(sql.asOf) : undefined;
  const count = (group: string, also = '') => `SUM(CASE WHEN ${also}response_group = ${d.string(group)} THEN 1 ELSE 0 END)`;
  return `-- NPS responses per period (retention-kit nps-periods/1), ${sql.granularity} periods${sql.granularity === 'week' ? `, weeks starting on weekday ${sql.weekStart} (0 = Sunday)` : ''}.
-- Every response counts, each in the period of its day: answering twice counts twice, as in the engine.
WITH RECURSIVE
${sql.prologue},
-- The first dated response's day, and the last day used (${asOf ? 'as-of, given: later responses are left out' : "as-of: the last response's day"}).
bounds AS (
  SELECT MIN(day) AS first_day, ${asOf ?? 'MAX(day)'} AS as_of
  FROM scored_responses
  WHERE response_group IS NOT NULL AND day IS NOT NULL${asOf ? ` AND day <= ${asOf}` : ''}
),
${periodsCte(sql, 'bounds', 'first_day', 'as_of')},
dated_responses AS (
  SELECT r.day, r.response_group
  FROM scored_responses r CROSS JOIN bounds b
  WHERE r.day <= b.as_of
),
period_counts AS (
  SELECT p.j,
    ${count('promoter')} AS promoters,
    ${count('passive')} AS passives,
    ${count('detractor')} AS detractors
  FROM dated_responses r JOIN periods p ON p.period_start = ${sql.periodStart('r.day')}
  GROUP BY p.j
),
-- Responses without a date (in the score, in no period), and scores that are no response.
totals AS (
  SELECT
    ${count('promoter', 'day IS NULL AND ')} AS undated_promoters,
    ${count('passive', 'day IS NULL AND ')} AS undated_passives,
    ${count('detractor', 'day IS NULL AND ')} AS undated_detractors,
    SUM(CASE WHEN response_group IS NULL THEN 1 ELSE 0 END) AS invalid_scores
  FROM scored_responses
)
SELECT
  ${d.dayText('p.period_start')} AS period_start,
  COALESCE(c.promoters, 0) AS promoters,
  COALESCE(c.passives, 0) AS passives,
  COALESCE(c.detractors, 0) AS detractors,
  -- Complete unless as-of is before the period's last day.
  CASE WHEN ${sql.nextPeriod('p.period_start')} <= ${d.addDays('b.as_of', '1')} THEN 1 ELSE 0 END AS complete,
  ${d.dayText('b.as_of')} AS as_of,
  COALESCE(t.undated_promoters, 0) AS undated_promoters,
  COALESCE(t.undated_passives, 0) AS undated_passives,
  COALESCE(t.undated_detractors, 0) AS undated_detractors,
  COALESCE(t.invalid_scores, 0) AS invalid_scores
FROM periods p
CROSS JOIN bounds b
CROSS JOIN totals t
LEFT JOIN period_counts c ON c.j = p.j
ORDER BY p.j
${d.settings}`;
}

type Count = number | bigint | string;

export interface NpsPeriodsRow {
  /** NULL on the one row of a table without a dated response. */
  period_start: string | null;
  promoters: Count;
  passives: Count;
  detractors: Count;
  complete: Count;
  as_of: string | null;
  undated_promoters: Count;
  undated_passives: Count;
  undated_detractors: Count;
  invalid_scores: Count;
}

/**
 * The shape from the query's rows, periods keyed on the kit's calendar. Throws,
 * as the engine refuses the input, when a score is no response or no response
 * has a date.
 */
export function npsPeriodsFromRows(rows: readonly NpsPeriodsRow[], options: Pick<SurveySqlOptions, 'granularity' | 'weekStart'>): NpsPeriodsShape {
  const granularity = options.granularity ?? 'month';
  const calendar = new PeriodCalendar({ granularity, weekStart: options.weekStart });
  const invalid = rows.length ? Number(rows[0].invalid_scores) : 0;
  if (invalid > 0) {
    throw new Error(`${invalid === 1 ? '1 problem' : `${invalid} problems`} in the survey responses: field "score": expected ${SCORE_EXPECTATION} (blank, not a number, outside 0-10 or not whole in ${invalid} ${invalid === 1 ? 'response' : 'responses'}); the engine refuses such input whole, and so does this`);
  }
  if (rows.length === 0 || rows[0].period_start === null || rows[0].as_of === null) throw new Error('no response has a date (on or before as-of): the periods start at the first dated response');
  const undated = { promoters: Number(rows[0].undated_promoters), passives: Number(rows[0].undated_passives), detractors: Number(rows[0].undated_detractors) };
  const undatedResponses = undated.promoters + undated.passives + undated.detractors;
  return {
    shape: NPS_PERIODS_SHAPE,
    granularity,
    ...weekStartOf(granularity, options.weekStart as Weekday | undefined),
    asOf: rows[0].as_of,
    periods: rows.map((row) => {
      const promoters = Number(row.promoters);
      const passives = Number(row.passives);
      const detractors = Number(row.detractors);
      return {
        period: calendar.key(calendar.indexOfDay(dayOfText(row.period_start!))),
        promoters,
        passives,
        detractors,
        responses: promoters + passives + detractors,
        complete: Number(row.complete) === 1,
      };
    }),
    ...(undatedResponses > 0 ? { undated: { ...undated, responses: undatedResponses } } : {}),
  };
}
