/**
 * The cohort matrix: customers grouped by the period of their first purchase
 * (or by a customer property such as signup channel), and for each group how
 * many were active k periods after they started, what share that is, and what
 * they spent. Built in a few passes over the columnar table with typed
 * arrays, because it runs on exports of half a million rows in the page.
 */
import type { Granularity } from './calendar/calendar.ts';
import { periodLookup } from './calendar/calendar.ts';
import type { CustomerProperties } from './read/customers.ts';
import { collectWarnings, fail, ok, optionError, records, WarningCounter, type Result } from './issues.ts';
import { resolvePeriodOptions, type PeriodOptions } from './activity.ts';
import { purchaseDaysByCustomer } from './customer-rows.ts';
import { TRANSACTION_KIND, moneyMissing, type TransactionTable } from './read/transactions.ts';
import { ownField } from './read/values.ts';

export type CohortValue = 'count' | 'percent' | 'revenue';
export const COHORT_VALUES: readonly CohortValue[] = ['count', 'percent', 'revenue'];

export interface CohortMatrixOptions extends PeriodOptions {
  /** What `cells` hold: share of the cohort active (default), active customers, or net revenue. */
  value?: CohortValue;
  /** At most this many columns (periods 0 … maxPeriods − 1). */
  maxPeriods?: number;
  /** Group customers by this property of theirs instead of by first-purchase period. */
  cohortBy?: { property: string; customers: CustomerProperties };
  /** Locale of period labels; default `en`. */
  locale?: string;
  /**
   * How distinct (customer, period) activity is counted: a bitmap (fast, needs
   * customers × columns bits) or per-customer sorted purchase days. `auto`
   * picks the bitmap up to {@link BITMAP_LIMIT_BITS}. For tests.
   * @internal
   */
  strategy?: 'auto' | 'bitmap' | 'sorted';
}

export interface Cohort {
  /** Period key (`2024-03`) of a first-purchase cohort; the property value of a property cohort ('' for "(none)"). */
  key: string;
  label: string;
  /** Customers in the cohort. */
  size: number;
  /** Calendar index of the cohort's first period; null for property cohorts. */
  firstPeriod: number | null;
  /** The chosen value per period k; null where no customer of the cohort has reached period k yet. */
  cells: (number | null)[];
  /** Customers with a purchase in period k (after their own first period). */
  counts: (number | null)[];
  /** Net amount (purchases − returns) of the cohort's customers in period k. */
  revenue: (number | null)[];
  /**
   * Customers of the cohort who have reached period k by asOf: the
   * denominator of the percent cells. For a first-purchase cohort it is the
   * size or 0; for a property cohort it shrinks as k grows, since members
   * started in different periods.
   */
  reached: number[];
  /**
   * k of the cohort's period that is still running (asOf is not its last
   * day), shown but left out of the average; -1 when none is shown. Always -1
   * for property cohorts: their members' running periods differ.
   */
  running: number;
}

export interface CohortMatrix {
  granularity: Granularity;
  value: CohortValue;
  /** Number of columns (periods 0 … periods − 1). */
  periods: number;
  cohorts: Cohort[];
  /**
   * The average row. Percent: all active customers in period k / all
   * customers who reached it (a customer-weighted average, so a cohort of 3
   * does not weigh as much as one of 3,000). Count and revenue: the mean
   * over the cohorts that have reached period k. Null where none has.
   */
  average: (number | null)[];
  /**
   * The customers behind the average row per period k: active customers and
   * customers who reached k, summed over the cohorts the average counts (the
   * counts of its share, for its interval). Null where none counts.
   */
  averageCounts: (CohortCounts | null)[];
  /** True when asOf is not the last day of its period: the newest column of each cohort is still filling. */
  partialLastPeriod: boolean;
  /** Last day of data used, inclusive. */
  asOfDay: number;
}

/** Up to this many bits (8 MB) the bitmap strategy is used. */
export const BITMAP_LIMIT_BITS = 64 * 1024 * 1024;
/** Larger matrices are almost surely a mistake (daily cohorts over years): ask for coarser periods instead. */
const MAX_CELLS = 1 << 22;
const NONE_LABEL = '(none)';

/**
 * Builds the cohort matrix.
 *
 * Activity is buying: a customer is active in period k when they have a
 * purchase row (not a return) in it. Revenue cells are net (purchases minus
 * returns) of the cohort's customers; rows before a customer's first purchase
 * belong to no period and are left out. Rows after asOf are ignored, and a
 * period that asOf has not reached is null, not 0: "nobody came back" and
 * "too early to tell" must look different.
 *
 * First-purchase cohorts: period k is k periods after the cohort's period,
 * so period 0 is 100 %. Property cohorts: period k is k periods after each
 * customer's own first purchase period, and a customer counts towards period
 * k only once they have reached it. Customers without a value go to "(none)".
 */
export function cohortMatrix(table: TransactionTable, options: CohortMatrixOptions = {}): Result<CohortMatrix> {
  const resolved = resolvePeriodOptions(table, options);
  if (!resolved.ok) return resolved;
  const { calendar, asOfDay } = resolved.value;
  const value = options.value ?? 'percent';
  if (!COHORT_VALUES.includes(value)) return fail(optionError('value', 'one of count, percent, revenue', value));
  const noMoney = value === 'revenue' ? moneyMissing(table, 'revenue cohorts') : undefined;
  if (noMoney) return fail(noMoney);
  const maxPeriods = options.maxPeriods;
  if (maxPeriods !== undefined && !(Number.isInteger(maxPeriods) && maxPeriods >= 1)) {
    return fail(optionError('maxPeriods', 'a whole number of at least 1', maxPeriods));
  }
  const cohortBy = options.cohortBy;
  const propertyValues = cohortBy ? ownField(cohortBy.customers?.properties, cohortBy.property) : undefined;
  if (cohortBy && !Array.isArray(propertyValues)) {
    const known = cohortBy.customers?.properties ? Object.keys(cohortBy.customers.properties).join(', ') : '';
    return fail(optionError('cohortBy.property', known ? `one of the customer properties (${known})` : 'a customer property', cohortBy.property));
  }

  const { customer, day, kind, amount, length } = table;
  const customers = table.customerIds.length;

  // Each customer's first purchase day up to asOf; customers who never bought have no cohort.
  const NO_DAY = 0x7fffffff;
  const firstDay = new Int32Array(customers).fill(NO_DAY);
  let earliest = NO_DAY;
  for (let r = 0; r < length; r++) {
    const d = day[r];
    if (kind[r] !== TRANSACTION_KIND.purchase || d > asOfDay) continue;
    const c = customer[r];
    if (d < firstDay[c]) {
      firstDay[c] = d;
      if (d < earliest) earliest = d;
    }
  }
  const empty: CohortMatrix = { granularity: calendar.granularity, value, periods: 0, cohorts: [], average: [], averageCounts: [], partialLastPeriod: false, asOfDay };
  if (earliest === NO_DAY) return ok(empty, cohortBy ? unusedCustomerWarnings(cohortBy.customers, new Set()) : []);

  const lookup = periodLookup(calendar, earliest, asOfDay);
  const offsetOfDay = lookup.offsetOfDay;
  const lastOffset = lookup.periodCount - 1;
  const columns = Math.min(lookup.periodCount, maxPeriods ?? Infinity);
  const firstOffset = new Int32Array(customers).fill(-1);
  for (let c = 0; c < customers; c++) if (firstDay[c] !== NO_DAY) firstOffset[c] = offsetOfDay[firstDay[c] - earliest];

  const grouping = cohortBy
    ? groupByProperty(table, firstOffset, propertyValues as (string | undefined)[], cohortBy.customers)
    : { groupOf: firstOffset, groupCount: lookup.periodCount, keys: [] as string[], labels: [] as string[], warnings: [] };
  const { groupOf, groupCount } = grouping;
  if (groupCount * columns > MAX_CELLS) {
    return fail(optionError('granularity', `a coarser granularity or a smaller maxPeriods (this would be ${groupCount} cohorts × ${columns} periods)`, calendar.granularity));
  }

  // reached[g][k]: members whose own period k is on or before asOf's period.
  const reached = new Int32Array(groupCount * columns);
  for (let c = 0; c < customers; c++) {
    const g = groupOf[c];
    if (g < 0) continue;
    reached[g * columns + Math.min(columns - 1, lastOffset - firstOffset[c])]++;
  }
  for (let g = 0; g < groupCount; g++) {
    for (let k = columns - 2; k >= 0; k--) reached[g * columns + k] += reached[g * columns + k + 1];
  }

  const active = new Int32Array(groupCount * columns);
  const revenue = new Float64Array(groupCount * columns);
  const strategy = options.strategy ?? 'auto';
  const useBitmap = strategy === 'bitmap' || (strategy === 'auto' && customers * columns <= BITMAP_LIMIT_BITS);
  // One bit per (customer, k), counted the first time it is set: distinct activity in one pass, rows in any order.
  const seen = new Uint32Array(useBitmap ? Math.ceil((customers * columns) / 32) : 0);
  for (let r = 0; r < length; r++) {
    const c = customer[r];
    const d = day[r];
    if (d > asOfDay || d < firstDay[c]) continue;
    const k = offsetOfDay[d - earliest] - firstOffset[c];
    if (k >= columns) continue;
    const cell = groupOf[c] * columns + k;
    revenue[cell] += amount[r];
    if (!useBitmap || kind[r] !== TRANSACTION_KIND.purchase) continue;
    const bit = c * columns + k;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (seen[word] & mask) continue;
    seen[word] |= mask;
    active[cell]++;
  }
  if (!useBitmap) countActiveFromSortedDays(table, asOfDay, earliest, offsetOfDay, firstOffset, groupOf, columns, active);

  // asOf's period is still running unless asOf is its last day: each cohort's cell in it is marked.
  const asOfPeriod = lookup.firstPeriod + lastOffset;
  const partialLastPeriod = asOfDay + 1 < calendar.endDay(asOfPeriod);
  const cohorts: Cohort[] = [];
  const locale = options.locale ?? 'en';
  for (let g = 0; g < groupCount; g++) {
    const size = reached[g * columns];
    if (size === 0) continue; // a period in which nobody bought for the first time
    const counts: (number | null)[] = [];
    const money: (number | null)[] = [];
    const cells: (number | null)[] = [];
    const reachedRow: number[] = [];
    for (let k = 0; k < columns; k++) {
      const at = g * columns + k;
      const n = reached[at];
      reachedRow.push(n);
      counts.push(n > 0 ? active[at] : null);
      money.push(n > 0 ? revenue[at] : null);
      cells.push(n === 0 ? null : value === 'percent' ? active[at] / n : value === 'count' ? active[at] : revenue[at]);
    }
    const calendarIndex = lookup.firstPeriod + g;
    cohorts.push({
      key: cohortBy ? grouping.keys[g] : calendar.key(calendarIndex),
      label: cohortBy ? grouping.labels[g] : calendar.label(calendarIndex, locale),
      size,
      firstPeriod: cohortBy ? null : calendarIndex,
      cells,
      counts,
      revenue: money,
      reached: reachedRow,
      running: partialLastPeriod && !cohortBy && asOfPeriod - calendarIndex < columns ? asOfPeriod - calendarIndex : -1,
    });
  }
  if (cohortBy) cohorts.sort(byPropertyValue);

  return ok(
    {
      ...empty,
      periods: columns,
      cohorts,
      average: averageRow(cohorts, columns, value),
      averageCounts: cohortAverageCounts(
        cohorts.map((cohort) => ({ values: cohort.counts, weights: cohort.reached, skip: cohort.running })),
        columns,
      ),
      partialLastPeriod,
    },
    grouping.warnings,
  );
}

/** For tables too large for the bitmap: each customer's days are sorted, so a new k is a k unlike the previous one. */
function countActiveFromSortedDays(
  table: TransactionTable,
  asOfDay: number,
  earliest: number,
  offsetOfDay: Int32Array,
  firstOffset: Int32Array,
  groupOf: Int32Array,
  columns: number,
  active: Int32Array,
): void {
  const { start, end, days } = purchaseDaysByCustomer(table, asOfDay);
  for (let c = 0; c < table.customerIds.length; c++) {
    const g = groupOf[c];
    if (g < 0) continue;
    let previous = -1;
    for (let i = start[c]; i < end[c]; i++) {
      const k = offsetOfDay[days[i] - earliest] - firstOffset[c];
      if (k >= columns) break;
      if (k === previous) continue;
      previous = k;
      active[g * columns + k]++;
    }
  }
}

interface Grouping {
  groupOf: Int32Array;
  groupCount: number;
  keys: string[];
  labels: string[];
  warnings: ReturnType<typeof collectWarnings>;
}

/** Interns each buying customer's property value to a group number; blank or unknown go to "(none)". */
function groupByProperty(table: TransactionTable, firstOffset: Int32Array, values: (string | undefined)[], list: CustomerProperties): Grouping {
  const customers = table.customerIds.length;
  const groupOf = new Int32Array(customers).fill(-1);
  const groupIndex = new Map<string, number>();
  const keys: string[] = [];
  const labels: string[] = [];
  const notListed = new WarningCounter(
    'missing-property',
    (n) => `${customersText(n)} who bought are not in the customer list; they are in the cohort "${NONE_LABEL}" (examples are transaction records).`,
    () => ({ reason: 'not-in-customer-list' }),
  );
  const blank = new WarningCounter(
    'missing-property',
    (n) => `${customersText(n)} have no value for the property; they are in the cohort "${NONE_LABEL}" (examples are customer records).`,
    () => ({ reason: 'no-value' }),
  );
  const firstRowOf = new Int32Array(customers).fill(-1);
  for (let r = table.length - 1; r >= 0; r--) firstRowOf[table.customer[r]] = r;
  const buyers = new Set<number>();
  for (let c = 0; c < customers; c++) {
    if (firstOffset[c] < 0) continue;
    const at = list.indexOf.get(table.customerIds[c]);
    if (at !== undefined) buyers.add(at);
    const text = at === undefined ? undefined : values[at];
    if (text === undefined) {
      if (at === undefined) notListed.add(table.sourceIndex[firstRowOf[c]]);
      else blank.add(at);
    }
    const key = text ?? '';
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = keys.length;
      groupIndex.set(key, g);
      keys.push(key);
      labels.push(text ?? NONE_LABEL);
    }
    groupOf[c] = g;
  }
  const warnings = [...collectWarnings([notListed, blank]), ...unusedCustomerWarnings(list, buyers)];
  return { groupOf, groupCount: keys.length, keys, labels, warnings };
}

function customersText(n: number): string {
  return n === 1 ? '1 customer' : `${n.toLocaleString('en')} customers`;
}

/** Listed customers with no purchase (up to asOf) cannot be in a cohort of activity: say how many. */
function unusedCustomerWarnings(list: CustomerProperties, buyers: Set<number>) {
  const unused = new WarningCounter(
    'customer-without-purchases',
    (n) => `${records(n)} of the customer list have no purchase (up to the as-of date) and are in no cohort.`,
  );
  for (let i = 0; i < list.ids.length; i++) if (!buyers.has(i)) unused.add(i);
  return collectWarnings([unused]);
}

/** Property cohorts by value, numbers in numeric order, "(none)" last. */
function byPropertyValue(a: Cohort, b: Cohort): number {
  if (a.key === '' || b.key === '') return a.key === '' ? (b.key === '' ? 0 : 1) : -1;
  return a.key.localeCompare(b.key, 'en', { numeric: true });
}

/**
 * Each first-purchase cohort's running cell is left out of the average, as
 * retention curves do: a period half over would pull the average down for a
 * reason that has nothing to do with retention. Property cohorts mix first
 * periods, so their running cells cannot be told apart per cohort: they are
 * averaged as they are.
 */
function averageRow(cohorts: Cohort[], columns: number, value: CohortValue): (number | null)[] {
  return cohortAverage(
    cohorts.map((cohort) => ({ values: value === 'revenue' ? cohort.revenue : cohort.counts, weights: cohort.reached, skip: cohort.running })),
    columns,
    value === 'percent' ? 'ratio' : 'mean',
  );
}

/** What a cohort gives to the average row: its values per period k, who reached k (weights), and a running period to leave out. */
export interface AveragedRow {
  values: readonly (number | null)[];
  weights: readonly number[];
  skip?: number;
}

/** Customers behind a share: `active` of `reached`. */
export interface CohortCounts {
  active: number;
  reached: number;
}

/**
 * Per period k, the sum of the values, of the weights and the number of
 * cohorts that count: only cohorts that reached k (weight > 0) and not a
 * cohort whose `skip` is k (its period still running). Null where none counts.
 */
function columnTotals(cohorts: readonly AveragedRow[], columns: number): ({ sum: number; weight: number; cohorts: number } | null)[] {
  const totals: ({ sum: number; weight: number; cohorts: number } | null)[] = [];
  for (let k = 0; k < columns; k++) {
    let sum = 0;
    let weight = 0;
    let counted = 0;
    for (const cohort of cohorts) {
      const reached = cohort.weights[k] ?? 0;
      const cell = cohort.values[k];
      if (!(reached > 0) || cell === null || cell === undefined || k === cohort.skip) continue;
      sum += cell;
      weight += reached;
      counted++;
    }
    totals.push(counted > 0 ? { sum, weight, cohorts: counted } : null);
  }
  return totals;
}

/**
 * The average row of a cohort table or curve chart: the one definition for
 * computed and pre-aggregated matrices and for retention curves. Per period k
 * only cohorts that reached it count (weight > 0), and not a cohort whose
 * `skip` is k (its period still running). `ratio`: summed values over summed
 * weights — active customers over customers who reached k, the weighted
 * average retention. `mean`: the plain mean of the values (counts or revenue
 * per cohort). Null where no cohort counts.
 */
export function cohortAverage(cohorts: readonly AveragedRow[], columns: number, mode: 'ratio' | 'mean'): (number | null)[] {
  return columnTotals(cohorts, columns).map((total) => (total === null ? null : mode === 'ratio' ? total.sum / total.weight : total.sum / total.cohorts));
}

/**
 * The counts behind the `ratio` average of active customers (`values` are
 * counts, `weights` the customers who reached k): the same cohorts, summed.
 * The average's interval comes from these, not from averaging intervals.
 */
export function cohortAverageCounts(cohorts: readonly AveragedRow[], columns: number): (CohortCounts | null)[] {
  return columnTotals(cohorts, columns).map((total) => (total === null ? null : { active: total.sum, reached: total.weight }));
}
