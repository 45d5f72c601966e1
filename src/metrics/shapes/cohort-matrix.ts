/**
 * `cohort-matrix/1`: the cohort triangle, pre-aggregated. What <cohort-heatmap>
 * reads as a matrix (`{ measure, cohorts: [{ key, size, values }] }`, see
 * engine/jobs/cohort-heatmap.ts), written down as a versioned document so that
 * a warehouse query, the command line and the engine hand over the same thing:
 *
 *   {
 *     "shape": "cohort-matrix/1",
 *     "measure": "count",            // what values hold: count | percent | revenue
 *     "granularity": "month",        // day | week | month | quarter | year
 *     "weekStart": 1,                // week periods only: 0 Sunday … 6 Saturday
 *     "asOf": "2010-12-09",          // last day of data used, inclusive
 *     "partialLastPeriod": true,     // asOf is not the last day of its period
 *     "cohorts": [
 *       { "key": "2009-12", "size": 955, "values": [955, 337, 319, …], "running": 12 }
 *     ]
 *   }
 *
 * A cohort is the customers whose first purchase fell in period `key`; value k
 * is about period k after it (k = 0 is the cohort's own period). The array
 * stops at the last period reached by `asOf` ("not reached yet" is absent,
 * never 0). `running` is the k of the cell whose period `asOf` is inside of
 * when that period is still running; it is left out of averages.
 */
import * as z from 'zod/mini';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Weekday } from '../calendar/calendar.ts';
import { isoDate } from '../calendar/dates.ts';
import type { CohortMatrix, CohortValue } from '../cohorts.ts';

export const COHORT_MATRIX_SHAPE = 'cohort-matrix/1';

const weekday = z.int().check(z.minimum(0), z.maximum(6));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const cohortMatrixCohortSchema = z.object({
  key: z.string().check(z.minLength(1)),
  size: z.int().check(z.minimum(0)),
  values: z.array(z.nullable(z.number())),
  running: z.optional(z.int().check(z.minimum(0))),
});

export const cohortMatrixShapeSchema = z.object({
  shape: z.literal(COHORT_MATRIX_SHAPE),
  measure: z.enum(['count', 'percent', 'revenue']),
  granularity: z.enum(GRANULARITIES),
  weekStart: z.optional(weekday),
  asOf: isoDay,
  partialLastPeriod: z.boolean(),
  cohorts: z.array(cohortMatrixCohortSchema),
});

export type CohortMatrixShape = z.infer<typeof cohortMatrixShapeSchema>;
export type CohortMatrixShapeCohort = z.infer<typeof cohortMatrixCohortSchema>;

/** Values up to the last one reached: trailing nulls say nothing the length does not. */
export function withoutTrailingNulls<T>(values: readonly (T | null)[]): (T | null)[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === null) end--;
  return values.slice(0, end);
}

/**
 * The shape of what the engine computed (cohortMatrix over first-purchase
 * cohorts): so "the shape" is by definition what the engine computes, and a
 * warehouse's answer can be compared with it value by value. `measure` picks
 * the engine's counts, shares or net revenue, whatever `matrix.value` was.
 */
export function cohortMatrixShapeOf(matrix: CohortMatrix, options: { measure: CohortValue; weekStart?: Weekday }): CohortMatrixShape {
  const cohorts = matrix.cohorts.map((cohort): CohortMatrixShapeCohort => {
    const source = options.measure === 'revenue' ? cohort.revenue : cohort.counts;
    const values = source.map((value, k) => (value === null ? null : options.measure === 'percent' ? (cohort.reached[k] > 0 ? value / cohort.reached[k] : null) : value));
    const shaped: CohortMatrixShapeCohort = { key: cohort.key, size: cohort.size, values: withoutTrailingNulls(values) };
    if (cohort.running >= 0) shaped.running = cohort.running;
    return shaped;
  });
  return {
    shape: COHORT_MATRIX_SHAPE,
    measure: options.measure,
    granularity: matrix.granularity,
    ...weekStartOf(matrix.granularity, options.weekStart),
    asOf: isoDate(matrix.asOfDay),
    partialLastPeriod: matrix.partialLastPeriod,
    cohorts,
  };
}

/** `weekStart` is said for week periods only (ISO Monday unless given): other periods do not depend on it. */
export function weekStartOf(granularity: Granularity, weekStart: Weekday | undefined): { weekStart?: Weekday } {
  return granularity === 'week' ? { weekStart: weekStart ?? 1 } : {};
}

/** The calendar a shape's keys are on. */
export function calendarOfShape(shape: { granularity: Granularity; weekStart?: number }): PeriodCalendar {
  return new PeriodCalendar({ granularity: shape.granularity, weekStart: (shape.weekStart ?? 1) as Weekday });
}
