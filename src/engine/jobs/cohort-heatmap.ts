/**
 * The cohort-heatmap job: transactions (plus, for property cohorts, customer
 * records) or a pre-aggregated matrix in; a plain, cloneable view model out.
 * Runs in the page or in the metrics worker, so no DOM here.
 *
 * Pre-aggregated matrix (what a warehouse query hands over):
 *
 *   { "measure": "count", "cohorts": [{ "key": "2024-01", "size": 120, "values": [120, 54, 41, null] }] }
 *
 * `measure` says what `values` hold: `count` (customers active k periods
 * later; default), `percent` (that share as a fraction, 0.45) or `revenue`.
 * `null` (or a shorter array) means "not reached yet", never 0. A count
 * matrix can be shown as count or percent, a percent matrix as percent or
 * count (share × size), a revenue matrix only as revenue.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import * as z from 'zod/mini';
import { calendarOfKeys, GRANULARITIES, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { COHORT_VALUES, cohortAverage, cohortAverageCounts, cohortMatrix, type CohortCounts, type CohortValue } from '../../metrics/cohorts.ts';
import { readCustomers } from '../../metrics/read/customers.ts';
import { IssueCollector, describeValue, fail, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { isRecordList } from '../../metrics/read/csv-records.ts';
import { idValue, numberValue, optionalTextValue, readRecords } from '../../metrics/read/records.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { transactionTableFor } from '../table-cache.ts';
import { engineJob } from '../job.ts';
import { COHORT_MATRIX_SHAPE, calendarOfShape, cohortMatrixShapeSchema } from '../../metrics/shapes/cohort-matrix.ts';
import { contradictedAttribute, readVersionedShape } from '../../metrics/shapes/versioned.ts';

export const HEATMAP_INPUTS = ['auto', 'transactions', 'matrix'] as const;
export type HeatmapInput = (typeof HEATMAP_INPUTS)[number];

/** One row of the triangle. Plain data: it crosses postMessage. */
export interface HeatmapCohort {
  /** Period key (`2024-03`), or the property value of a property cohort ('' for customers without one). */
  key: string;
  /** The label a pre-aggregated matrix gave the cohort; else the page labels the key in its language. */
  label?: string;
  size: number;
  /** The shown value per period k; null = not reached yet (drawn blank). */
  cells: (number | null)[];
  /** Active customers per period k when known (for tooltips); null where not reached or not known. */
  counts: (number | null)[];
  /**
   * Customers who reached period k: the denominator of the percent cells and
   * of their intervals (the cohort's size for first-purchase cohorts and
   * matrices; fewer in later periods of property cohorts); 0 where not reached.
   */
  reached: number[];
  /** k of the cell whose period is still running (marked, left out of the average); -1 when none. */
  running: number;
}

export interface HeatmapModel {
  value: CohortValue;
  input: 'transactions' | 'matrix';
  /** Null for a matrix whose keys are not calendar keys, or for property cohorts. */
  granularity: Granularity | null;
  /** First day of `week` periods (labels of their keys). */
  weekStart?: Weekday;
  /** Name of the customer property cohorts are grouped by; null for first-period cohorts. */
  cohortBy: string | null;
  periods: number;
  cohorts: HeatmapCohort[];
  /** Weighted average row (see cohortMatrix); null where no cohort has reached period k. */
  average: (number | null)[];
  /**
   * The customers behind the average row per period k (active of reached, summed over every cohort it
   * counts, drawn or not): its share's interval comes from these. Null where none counts or the input
   * has no counts (a revenue matrix).
   */
  averageCounts: (CohortCounts | null)[];
  /** The newest column of each cohort is still filling (for property cohorts too, though not marked per cell). */
  partialLastPeriod: boolean;
}

/**
 * Cohorts drawn by default: the latest three years of months. A heatmap of 1,500 monthly
 * cohorts (one order dated 1900 among recent ones) can be neither read nor drawn in time.
 */
export const DEFAULT_MAX_COHORTS = 36;
/** Columns drawn unless max-periods says otherwise: five years of months (one 1900 order would make 1,500). */
export const DEFAULT_MAX_PERIODS = 60;

export interface CohortHeatmapJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  value: CohortValue;
  input: HeatmapInput;
  granularity: Granularity;
  /** The page's `granularity` when it set one: a versioned document of other periods is refused, not drawn (shapes/versioned.ts). */
  givenGranularity?: Granularity;
  maxPeriods?: number;
  /** At most this many cohorts, the latest (default {@link DEFAULT_MAX_COHORTS}); the average row still counts them all. */
  maxCohorts?: number;
  weekStart?: Weekday;
  asOf?: string;
  timeZone?: string;
  transactionFields?: TransactionFields;
  /** Group by this customer property; needs `customers`. */
  cohortBy?: string;
  /** Customer records (id + properties) for property cohorts: the `customers` property, or the engine's parse of `customers-src`. */
  customers?: unknown;
}

export function computeCohortHeatmap(data: unknown, options: CohortHeatmapJobOptions): Result<HeatmapModel> {
  if (!COHORT_VALUES.includes(options.value)) return fail(optionError('value', 'percent, count or revenue', options.value));
  if (!HEATMAP_INPUTS.includes(options.input)) return fail(optionError('input', HEATMAP_INPUTS.join(', '), options.input));
  if (!GRANULARITIES.includes(options.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options.granularity));
  if (options.maxPeriods !== undefined && !(Number.isInteger(options.maxPeriods) && options.maxPeriods >= 1)) {
    return fail(optionError('max-periods', 'a whole number of at least 1', options.maxPeriods));
  }
  const maxCohorts = options.maxCohorts ?? DEFAULT_MAX_COHORTS;
  if (!(Number.isInteger(maxCohorts) && maxCohorts >= 1)) return fail(optionError('max-cohorts', 'a whole number of at least 1', options.maxCohorts));
  const isMatrix = options.input === 'matrix' || (options.input === 'auto' && data !== null && typeof data === 'object' && !isRecordList(data) && 'cohorts' in data);
  // One column more than drawn by default, to know whether any were left out.
  const computed = { ...options, maxPeriods: options.maxPeriods ?? DEFAULT_MAX_PERIODS + 1 };
  const model = isMatrix ? fromMatrix(data, computed) : fromTransactions(data, computed);
  if (!model.ok) return model;
  const drawn = latestCohorts(model.value, maxCohorts, model.warnings);
  return drawn.ok && options.maxPeriods === undefined ? firstPeriods(drawn.value, DEFAULT_MAX_PERIODS, drawn.warnings) : drawn;
}

/** The first `max` columns, said in a warning when there were more (max-periods was not given). */
function firstPeriods(model: HeatmapModel, max: number, warnings: InputWarning[]): Result<HeatmapModel> {
  if (model.periods <= max) return ok(model, warnings);
  const cut = <T>(values: readonly T[]) => values.slice(0, max);
  const cohorts = model.cohorts.map((c) => ({ ...c, cells: cut(c.cells), counts: cut(c.counts), reached: cut(c.reached), running: c.running < max ? c.running : -1 }));
  return ok({ ...model, cohorts, periods: max, average: cut(model.average), averageCounts: cut(model.averageCounts) }, [...warnings, periodsLeftOut(max)]);
}

/** The warning of a chart that draws its first `max` periods of more (the heatmap's and the curves'). */
export function periodsLeftOut(max: number): InputWarning {
  return {
    code: 'periods-left-out',
    count: 1,
    params: { shown: max },
    message: `Periods after the first ${max} are not drawn: max-periods shows more (up to 120).`,
    examples: [],
  };
}

/**
 * The latest `max` cohorts, with the columns they reach; the average row, computed over every
 * cohort, is cut to those columns. Property cohorts (no calendar order) are all kept. Said in a
 * warning, so nobody takes the rows shown for all there are.
 */
function latestCohorts(model: HeatmapModel, max: number, warnings: InputWarning[]): Result<HeatmapModel> {
  const left = model.cohorts.length - max;
  if (left <= 0 || model.cohortBy !== null) return ok(model, warnings);
  const shown = model.cohorts.slice(left);
  const reach = (cells: readonly (number | null)[]) => {
    for (let k = cells.length - 1; k >= 0; k--) if (cells[k] !== null) return k + 1;
    return 0;
  };
  const periods = Math.max(1, ...shown.map((c) => reach(c.cells)));
  const cut = <T>(values: readonly T[]) => values.slice(0, periods);
  const cohorts = shown.map((c) => ({ ...c, cells: cut(c.cells), counts: cut(c.counts), reached: cut(c.reached), running: c.running < periods ? c.running : -1 }));
  const warning: InputWarning = {
    code: 'cohorts-left-out',
    count: left,
    params: { shown: max },
    message: `The ${left} oldest cohorts are not drawn: the latest ${max} are (max-cohorts); the average row counts them all.`,
    examples: [],
  };
  return ok({ ...model, cohorts, periods, average: cut(model.average), averageCounts: cut(model.averageCounts) }, [...warnings, warning]);
}

function fromTransactions(rows: unknown, options: CohortHeatmapJobOptions): Result<HeatmapModel> {
  if (!isRecordList(rows)) return fail(optionError('data', 'an array of transactions, or a cohort matrix { cohorts: […] }', rows));
  const table = transactionTableFor(rows, { fields: options.transactionFields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  let cohortBy: { property: string; customers: import('../../metrics/read/customers.ts').CustomerProperties } | undefined;
  if (options.cohortBy) {
    const rows = options.customers;
    if (!isRecordList(rows)) {
      return fail(optionError('customers', `customer records with a "${options.cohortBy}" column (the customers property or customers-src)`, rows), table.warnings);
    }
    const customers = readCustomers(rows, { fields: { customer: options.transactionFields?.customer } });
    if (!customers.ok) return fail(customers.error, table.warnings);
    cohortBy = { property: options.cohortBy, customers: customers.value };
  }
  const matrix = cohortMatrix(table.value, {
    value: options.value,
    granularity: options.granularity,
    weekStart: options.weekStart,
    asOf: options.asOf,
    maxPeriods: options.maxPeriods,
    cohortBy,
  });
  if (!matrix.ok) return fail(matrix.error, table.warnings);
  const m = matrix.value;
  return ok(
    {
      value: m.value,
      input: 'transactions',
      granularity: cohortBy ? null : m.granularity,
      weekStart: options.weekStart,
      cohortBy: cohortBy ? cohortBy.property : null,
      periods: m.periods,
      cohorts: m.cohorts.map((c) => ({ key: c.key, size: c.size, cells: c.cells, counts: c.counts, reached: c.reached, running: c.running })),
      average: m.average,
      averageCounts: m.averageCounts,
      partialLastPeriod: m.partialLastPeriod,
    },
    [...table.warnings, ...matrix.warnings],
  );
}

const VALUES_EXPECTATION = 'an array of numbers, with null for periods not reached yet';

/** A row's values: finite numbers (or numeric text) and null; anything else is reported. */
const valuesValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx) => {
    const fromNumber = numberValue();
    if (!Array.isArray(value)) {
      ctx.issues.push({ code: 'custom', message: VALUES_EXPECTATION, input: value });
      return z.NEVER;
    }
    const out: (number | null)[] = [];
    for (const item of value) {
      if (item === null || item === '') {
        out.push(null);
        continue;
      }
      const parsed = fromNumber.safeParse(item);
      if (!parsed.success) {
        ctx.issues.push({ code: 'custom', message: `${VALUES_EXPECTATION} (found ${describeValue(item)} at position ${out.length + 1})`, input: value });
        return z.NEVER;
      }
      out.push(parsed.data);
    }
    return out;
  }),
);

const cohortRowSchema = z.object({
  key: idValue,
  label: optionalTextValue,
  size: numberValue({ min: 0, integer: true }),
  values: valuesValue,
});

const matrixSchema = z.object({
  measure: z.optional(z.enum(COHORT_VALUES as [CohortValue, ...CohortValue[]])),
  cohorts: z.array(z.unknown()),
});

/** Which views a matrix of one measure can give, and how. */
const CONVERTIBLE: Record<CohortValue, readonly CohortValue[]> = {
  count: ['count', 'percent'],
  percent: ['percent', 'count'],
  revenue: ['revenue'],
};

function fromMatrix(data: unknown, options: CohortHeatmapJobOptions): Result<HeatmapModel> {
  // A cohort-matrix/1 document (the command line's and retention-kit/sql's output) is read
  // whole: its granularity, running cells and partial last period are the warehouse's word.
  const versioned = readVersionedShape(data, COHORT_MATRIX_SHAPE, cohortMatrixShapeSchema);
  if (versioned && !versioned.ok) return versioned;
  const document = versioned?.value;
  const refused = document && contradictedAttribute(COHORT_MATRIX_SHAPE, [['granularity', document.granularity, options.givenGranularity]]);
  if (refused) return fail(refused);
  const shape = matrixSchema.safeParse(data);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const field = String(issue.path[0] ?? 'data');
    const found = field === 'data' ? data : (data as Record<string, unknown>)[field];
    const expected = field === 'measure' ? 'count, percent or revenue' : field === 'cohorts' ? 'an array of cohorts' : 'an object { measure, cohorts: […] }';
    return fail(optionError(field, expected, found));
  }
  const measure = shape.data.measure ?? 'count';
  if (!CONVERTIBLE[measure].includes(options.value)) {
    return fail(optionError('value', `${CONVERTIBLE[measure].join(' or ')} for a matrix of measure "${measure}"`, options.value));
  }
  const rows = readRecords(shape.data.cohorts, cohortRowSchema, ['key', 'label', 'size', 'values'] as const, { what: 'cohorts' });
  if (!rows.ok) return rows;

  const issues = new IssueCollector();
  rows.value.forEach((row, i) => {
    for (const v of row.values) {
      if (v === null) continue;
      if (measure === 'count' && !(Number.isInteger(v) && v >= 0 && v <= row.size)) {
        issues.add(i, 'values', `whole numbers from 0 to the cohort size ${row.size}`, v);
        return;
      }
      if (measure === 'percent' && !(v >= 0 && v <= 1)) {
        issues.add(i, 'values', 'shares from 0 to 1 (0.45 for 45 %)', v);
        return;
      }
    }
  });
  const seen = new Map<string, number>();
  rows.value.forEach((row, i) => {
    if (seen.has(row.key)) issues.add(i, 'key', `a cohort key not already used by record ${seen.get(row.key)! + 1}`, row.key);
    seen.set(row.key, i);
  });
  if (issues.hasIssues) return fail(issues.toError('cohorts'));

  const periods = Math.min(
    rows.value.reduce((longest, row) => Math.max(longest, row.values.length), 0),
    options.maxPeriods ?? Infinity,
  );
  const calendar = document
    ? calendarOfShape(document)
    : calendarOfKeys(
        rows.value.map((row) => row.key),
        options.granularity,
      );
  const cohorts: HeatmapCohort[] = rows.value.map((row, i) => {
    const counts: (number | null)[] = [];
    const cells: (number | null)[] = [];
    for (let k = 0; k < periods; k++) {
      const v = row.values[k] ?? null;
      const count = v === null || measure === 'revenue' ? null : measure === 'count' ? v : v * row.size;
      counts.push(count);
      cells.push(v === null ? null : options.value === measure ? v : options.value === 'percent' ? (row.size > 0 ? v / row.size : null) : count);
    }
    const reached = cells.map((cell) => (cell === null ? 0 : row.size));
    const running = document?.cohorts[i].running;
    const cohort: HeatmapCohort = { key: row.key, size: row.size, cells, counts, reached, running: running !== undefined && running < periods ? running : -1 };
    if (row.label !== undefined) cohort.label = row.label;
    return cohort;
  });
  if (calendar) cohorts.sort((a, b) => calendar.indexOfKey(a.key) - calendar.indexOfKey(b.key));
  return ok({
    value: options.value,
    input: 'matrix',
    granularity: calendar?.granularity ?? null,
    cohortBy: null,
    periods,
    cohorts,
    average: matrixAverage(cohorts, periods, options.value),
    // A percent matrix's counts are its shares × sizes (a share's interval needs only the share and the size);
    // a revenue matrix has none, and no average counts either.
    averageCounts: cohortAverageCounts(cohorts.map((c) => ({ values: c.counts, weights: c.reached, skip: c.running })), periods),
    partialLastPeriod: document?.partialLastPeriod ?? false,
  });
}

/** The average row of a pre-aggregated matrix: cohorts.ts's definition, with each cohort's size as its weight. */
function matrixAverage(cohorts: readonly HeatmapCohort[], periods: number, value: CohortValue): (number | null)[] {
  return cohortAverage(
    cohorts.map((cohort) => ({
      values: value === 'percent' ? cohort.cells.map((cell) => (cell === null ? null : cell * cohort.size)) : cohort.cells,
      weights: cohort.cells.map((cell) => (cell === null ? 0 : cohort.size)),
      // A cell whose period is still running (a cohort-matrix/1 document says which) stays out, as computed averages leave it.
      skip: cohort.running,
    })),
    periods,
    value === 'percent' ? 'ratio' : 'mean',
  );
}

export const cohortHeatmapJob = engineJob<CohortHeatmapJobOptions, HeatmapModel>('cohort-heatmap', (data, options) => computeCohortHeatmap(data, options));
