/**
 * The retention-curve job: transactions or a pre-aggregated cohort matrix in,
 * one curve per cohort plus the average curve out. Runs in the page or in the
 * metrics worker: no DOM here.
 *
 * Transactions: cohorts by first-purchase period; `mode` `on` is the cohort
 * matrix (active in period k), `on-or-after` is unbounded retention (active
 * in period k or later), both from the metrics layer. Each cohort's running
 * period is marked, and the average is over complete periods only.
 *
 * Matrix: the shape <cohort-heatmap> takes (its parsing is reused), plus two
 * optional fields: `partialLastPeriod: true` when each cohort's last value is
 * a period still running, and `mode` naming the definition the warehouse used
 * (it must match the element's `mode`; values are drawn as given):
 *
 *   { "measure": "count", "mode": "on", "partialLastPeriod": true,
 *     "cohorts": [{ "key": "2024-01", "size": 120, "values": [120, 54, 41] }] }
 *
 * A `cohort-matrix/1` document (shapes/cohort-matrix.ts: the command line's and
 * retention-kit/sql's output) is read whole: its calendar and week start, and
 * each cohort's running cell (dashed, out of the average, as computed from the
 * orders). Its values are the `on` retention, so `mode="on-or-after"` is
 * refused for it, and so is a revenue document.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import * as z from 'zod/mini';
import { GRANULARITIES, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { cohortMatrix, type CohortCounts } from '../../metrics/cohorts.ts';
import { fail, ok, optionError, type InputError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { COHORT_MATRIX_SHAPE, cohortMatrixShapeSchema, type CohortMatrixShape } from '../../metrics/shapes/cohort-matrix.ts';
import { contradictedAttribute, readVersionedShape } from '../../metrics/shapes/versioned.ts';
import { isRecordList } from '../../metrics/read/csv-records.ts';
import {
  completePeriodAverage,
  completePeriodAverageCounts,
  RETENTION_MODES,
  unboundedRetention,
  type RetentionCohort,
  type RetentionMode,
} from '../../metrics/retention-curves.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { computeCohortHeatmap, DEFAULT_MAX_PERIODS, periodsLeftOut } from './cohort-heatmap.ts';
import { engineJob } from '../job.ts';
import { transactionTableFor } from '../table-cache.ts';

export const CURVE_INPUTS = ['auto', 'transactions', 'matrix'] as const;
export type CurveInput = (typeof CURVE_INPUTS)[number];
/** Curves shown by default: the most recent cohorts (the average still covers all). */
export const DEFAULT_MAX_COHORTS = 12;

/** One curve. Plain data: it crosses postMessage. */
export interface CurveCohort {
  /** Period key of the cohort (`2024-03`); the page labels it. */
  key: string;
  /** The label a pre-aggregated matrix gave the cohort, if any. */
  label?: string;
  size: number;
  /** Retention per period k as a fraction; null where not reached yet. */
  values: (number | null)[];
  /** Customers counted per period k when known. */
  counts: (number | null)[];
  /** Customers who reached period k (the denominator of `values` and of their intervals); 0 where not reached. */
  reached: number[];
  /** k of the period still running (drawn dashed, left out of the average); -1 when none. */
  partialPeriod: number;
}

export interface RetentionCurveModel {
  mode: RetentionMode;
  input: 'transactions' | 'matrix';
  /** Null for a matrix whose keys are not calendar keys. */
  granularity: Granularity | null;
  /** First day of `week` periods (labels of their keys). */
  weekStart?: Weekday;
  periods: number;
  /** The curves shown: the most recent `maxCohorts` cohorts, oldest first. */
  cohorts: CurveCohort[];
  /** All cohorts, shown or not: the average is over every one of them. */
  cohortCount: number;
  /** Customer-weighted average over complete periods of all cohorts; null where none is complete. */
  average: (number | null)[];
  /** The customers behind each average point (counted of reached, summed over all cohorts): its interval's counts. */
  averageCounts: (CohortCounts | null)[];
}

export interface RetentionCurveJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  mode: RetentionMode;
  input: CurveInput;
  granularity: Granularity;
  /** The page's `granularity` when it set one: a versioned document of other periods is refused, not drawn (shapes/versioned.ts). */
  givenGranularity?: Granularity;
  maxPeriods?: number;
  /** Curves shown; default {@link DEFAULT_MAX_COHORTS}. */
  maxCohorts?: number;
  weekStart?: Weekday;
  asOf?: string;
  timeZone?: string;
  transactionFields?: TransactionFields;
}

/** Options with their defaults filled in. */
type CurveOptions = RetentionCurveJobOptions & { maxCohorts: number };

export function computeRetentionCurve(data: unknown, given: RetentionCurveJobOptions): Result<RetentionCurveModel> {
  const options: CurveOptions = { ...given, maxCohorts: given.maxCohorts ?? DEFAULT_MAX_COHORTS };
  if (!RETENTION_MODES.includes(options.mode)) return fail(optionError('mode', 'on or on-or-after', options.mode));
  if (!CURVE_INPUTS.includes(options.input)) return fail(optionError('input', CURVE_INPUTS.join(', '), options.input));
  if (!GRANULARITIES.includes(options.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options.granularity));
  if (options.maxPeriods !== undefined && !(Number.isInteger(options.maxPeriods) && options.maxPeriods >= 1)) {
    return fail(optionError('max-periods', 'a whole number of at least 1', options.maxPeriods));
  }
  if (!(Number.isInteger(options.maxCohorts) && options.maxCohorts >= 1)) return fail(optionError('max-cohorts', 'a whole number of at least 1', options.maxCohorts));
  const isMatrix = options.input === 'matrix' || (options.input === 'auto' && data !== null && typeof data === 'object' && !isRecordList(data) && 'cohorts' in data);
  if (isMatrix) return fromMatrix(data, options);
  // As the heatmap: at most 60 periods unless max-periods says otherwise (one column more, to know).
  const model = fromTransactions(data, { ...options, maxPeriods: options.maxPeriods ?? DEFAULT_MAX_PERIODS + 1 });
  return model.ok && options.maxPeriods === undefined ? firstPeriods(model.value, DEFAULT_MAX_PERIODS, model.warnings) : model;
}

/** The first `max` periods of every curve and of the average, said in a warning when there were more. */
function firstPeriods(model: RetentionCurveModel, max: number, warnings: InputWarning[]): Result<RetentionCurveModel> {
  if (model.periods <= max) return ok(model, warnings);
  const cut = <T>(values: readonly T[]) => values.slice(0, max);
  const cohorts = model.cohorts.map((c) => ({
    ...c,
    values: cut(c.values),
    counts: cut(c.counts),
    reached: cut(c.reached),
    partialPeriod: c.partialPeriod < max ? c.partialPeriod : -1,
  }));
  return ok({ ...model, cohorts, periods: max, average: cut(model.average), averageCounts: cut(model.averageCounts) }, [...warnings, periodsLeftOut(max)]);
}

function fromTransactions(rows: unknown, options: CurveOptions): Result<RetentionCurveModel> {
  if (!isRecordList(rows)) return fail(optionError('data', 'an array of transactions, or a cohort matrix { cohorts: […] }', rows));
  const table = transactionTableFor(rows, { fields: options.transactionFields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const periodOptions = { granularity: options.granularity, weekStart: options.weekStart, asOf: options.asOf, maxPeriods: options.maxPeriods };
  let periods: number;
  let rowsOf: RetentionCohort[];
  let partialLastPeriod: boolean;
  let warnings: InputWarning[];
  if (options.mode === 'on') {
    const matrix = cohortMatrix(table.value, { ...periodOptions, value: 'percent' });
    if (!matrix.ok) return fail(matrix.error, table.warnings);
    ({ periods, cohorts: rowsOf, partialLastPeriod } = matrix.value);
    warnings = matrix.warnings;
  } else {
    const unbounded = unboundedRetention(table.value, periodOptions);
    if (!unbounded.ok) return fail(unbounded.error, table.warnings);
    ({ periods, cohorts: rowsOf, partialLastPeriod } = unbounded.value);
    warnings = unbounded.warnings;
  }
  const cohorts = rowsOf.map(
    (c): CurveCohort => ({
      key: c.key,
      size: c.size,
      values: c.cells,
      counts: c.counts,
      reached: c.reached,
      partialPeriod: c.running,
    }),
  );
  const average = completePeriodAverage(cohorts, periods);
  return ok(
    {
      mode: options.mode,
      input: 'transactions',
      granularity: options.granularity,
      weekStart: options.weekStart,
      periods,
      cohorts: cohorts.slice(-options.maxCohorts),
      cohortCount: cohorts.length,
      average,
      averageCounts: completePeriodAverageCounts(cohorts, periods),
    },
    [...table.warnings, ...warnings],
  );
}

/** The two fields a curve matrix adds to the heatmap's; anything else is the heatmap's to check. */
const curveMatrixSchema = z.object({
  mode: z.optional(z.enum(RETENTION_MODES as unknown as [RetentionMode, ...RetentionMode[]])),
  partialLastPeriod: z.optional(z.boolean()),
});

function fromMatrix(data: unknown, options: CurveOptions): Result<RetentionCurveModel> {
  const versioned = readVersionedShape(data, COHORT_MATRIX_SHAPE, cohortMatrixShapeSchema);
  if (versioned && !versioned.ok) return versioned;
  const document = versioned?.value;
  if (document) {
    const refused = documentRefusal(document, options);
    if (refused) return fail(refused);
  }
  const extra = curveMatrixSchema.safeParse(data);
  if (!extra.success) {
    const field = String(extra.error.issues[0]?.path[0] ?? 'data');
    const found = field === 'data' ? data : (data as Record<string, unknown>)[field];
    return fail(optionError(field, field === 'mode' ? 'on or on-or-after' : field === 'partialLastPeriod' ? 'true or false' : 'an object { cohorts: […] }', found));
  }
  if (extra.data.mode !== undefined && extra.data.mode !== options.mode) {
    return fail(optionError('mode', `"${extra.data.mode}", the retention the matrix holds (a matrix cannot be converted)`, options.mode));
  }
  // Every cohort is read (the heatmap would keep its latest 36): the average is over all of them.
  const parsed = computeCohortHeatmap(data, { value: 'percent', input: 'matrix', granularity: options.granularity, maxPeriods: options.maxPeriods, maxCohorts: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) return parsed;
  const partial = extra.data.partialLastPeriod === true;
  const cohorts = parsed.value.cohorts.map((c) => {
    let last = -1;
    for (let k = c.cells.length - 1; k >= 0; k--) {
      if (c.cells[k] !== null) {
        last = k;
        break;
      }
    }
    return {
      key: c.key,
      ...(c.label !== undefined && { label: c.label }),
      size: c.size,
      values: c.cells,
      counts: c.counts,
      reached: c.reached,
      // A cohort-matrix/1 document says which cell of each cohort is running; an unversioned matrix, at most, that every last one is.
      partialPeriod: document ? c.running : partial ? last : -1,
    };
  });
  const periods = parsed.value.periods;
  return ok(
    {
      mode: options.mode,
      input: 'matrix',
      granularity: parsed.value.granularity,
      ...(document?.weekStart === undefined ? {} : { weekStart: document.weekStart as Weekday }),
      periods,
      cohorts: cohorts.slice(-options.maxCohorts),
      cohortCount: cohorts.length,
      average: completePeriodAverage(cohorts, periods),
      averageCounts: completePeriodAverageCounts(cohorts, periods),
    },
    parsed.warnings,
  );
}

/**
 * What a cohort-matrix/1 document cannot be drawn as. Its values are customers active IN
 * period k (the `on` curves); whether they were active in any later period is not in
 * them, so `on-or-after` cannot be derived. A revenue matrix is money, not a share of
 * customers. Its calendar is the document's (as <cohort-heatmap> takes it): the keys are
 * read on it, whatever `granularity` says.
 */
function documentRefusal(document: CohortMatrixShape, options: CurveOptions): InputError | undefined {
  if (options.mode !== 'on') {
    return optionError('mode', `on for a ${COHORT_MATRIX_SHAPE} document (its values are customers active in period k; ${options.mode} cannot be derived from them)`, options.mode);
  }
  if (document.measure === 'revenue') {
    return optionError('measure', `count or percent: a retention curve draws shares of customers, and this ${COHORT_MATRIX_SHAPE} document holds revenue`, document.measure);
  }
  return contradictedAttribute(COHORT_MATRIX_SHAPE, [['granularity', document.granularity, options.givenGranularity]]);
}

export const retentionCurveJob = engineJob<RetentionCurveJobOptions, RetentionCurveModel>('retention-curve', (data, options) => computeRetentionCurve(data, options));
