/**
 * Retention curves: for each first-purchase cohort, the share of its
 * customers still around k periods after they started, under one of two
 * definitions of "still around", plus an average over the complete periods.
 *
 * - `on` (classic, bounded): active in period k itself, the cohort matrix of
 *   cohorts.ts. A customer who skips a month dips the curve and lifts it again.
 * - `on-or-after` (unbounded): active in period k or any later period (up to
 *   asOf). It answers "how many have not left for good by k", is never below
 *   `on`, and never rises with k, which makes it the curve to read for
 *   shops where people buy every few months rather than every month.
 *
 * A cohort's newest period is usually still running (asOf falls inside it):
 * its share is too low for now, so curves draw it apart and the average
 * leaves it out rather than mixing a half period into a full one.
 */
import { cohortAverage, cohortAverageCounts, type Cohort, type CohortCounts } from './cohorts.ts';
import { fail, ok, optionError, type Result } from './issues.ts';
import { resolvePeriodOptions, type PeriodOptions } from './activity.ts';
import { TRANSACTION_KIND, type TransactionTable } from './read/transactions.ts';

export const RETENTION_MODES = ['on', 'on-or-after'] as const;
export type RetentionMode = (typeof RETENTION_MODES)[number];

/** A cohort row as both definitions give it (the cohort matrix's fields without revenue). */
export type RetentionCohort = Omit<Cohort, 'revenue'>;

export interface UnboundedRetention {
  /** Number of columns (periods 0 … periods − 1). */
  periods: number;
  cohorts: RetentionCohort[];
  /** True when asOf is not the last day of its period: each cohort's newest column is still filling. */
  partialLastPeriod: boolean;
  /** Calendar index of the period containing asOf (NaN without purchases). */
  asOfPeriod: number;
  asOfDay: number;
}

export interface UnboundedRetentionOptions extends PeriodOptions {
  /** At most this many columns (periods 0 … maxPeriods − 1). */
  maxPeriods?: number;
  /** Locale of cohort labels; default `en`. */
  locale?: string;
}

/**
 * Unbounded ("on or after") retention of first-purchase cohorts: `counts[k]`
 * is the number of the cohort's customers whose LAST purchase (up to asOf)
 * falls k or more periods after their first; `cells[k]` = counts[k] / size.
 * Only purchases count (a return is not a visit), as in the cohort matrix,
 * and periods asOf has not reached are null, not 0.
 *
 * Linear: one pass over the rows for each customer's first and last purchase
 * day, one over the customers, then a suffix sum per cohort.
 */
export function unboundedRetention(table: TransactionTable, options: UnboundedRetentionOptions = {}): Result<UnboundedRetention> {
  const resolved = resolvePeriodOptions(table, options);
  if (!resolved.ok) return resolved;
  const { calendar, asOfDay } = resolved.value;
  const maxPeriods = options.maxPeriods;
  if (maxPeriods !== undefined && !(Number.isInteger(maxPeriods) && maxPeriods >= 1)) {
    return fail(optionError('maxPeriods', 'a whole number of at least 1', maxPeriods));
  }
  const customers = table.customerIds.length;
  const NO_DAY = 0x7fffffff;
  const firstDay = new Int32Array(customers).fill(NO_DAY);
  const lastDay = new Int32Array(customers).fill(-NO_DAY);
  const { customer, day, kind, length } = table;
  for (let r = 0; r < length; r++) {
    const d = day[r];
    if (kind[r] !== TRANSACTION_KIND.purchase || d > asOfDay) continue;
    const c = customer[r];
    if (d < firstDay[c]) firstDay[c] = d;
    if (d > lastDay[c]) lastDay[c] = d;
  }

  const asOfPeriod = calendar.indexOfDay(asOfDay);
  let earliest = Infinity;
  const firstPeriod = new Float64Array(customers);
  const lastPeriod = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    if (firstDay[c] === NO_DAY) continue;
    firstPeriod[c] = calendar.indexOfDay(firstDay[c]);
    lastPeriod[c] = calendar.indexOfDay(lastDay[c]);
    if (firstPeriod[c] < earliest) earliest = firstPeriod[c];
  }
  const partialLastPeriod = asOfDay === asOfDay && asOfDay + 1 < calendar.endDay(asOfPeriod);
  if (earliest === Infinity) return ok({ periods: 0, cohorts: [], partialLastPeriod: false, asOfPeriod: Number.NaN, asOfDay });

  const groups = asOfPeriod - earliest + 1;
  const columns = Math.min(groups, maxPeriods ?? Infinity);
  // lastAt[g][k]: members of cohort g whose last purchase is k periods after their first (k capped at the last column).
  const lastAt = new Int32Array(groups * columns);
  const size = new Int32Array(groups);
  for (let c = 0; c < customers; c++) {
    if (firstDay[c] === NO_DAY) continue;
    const g = firstPeriod[c] - earliest;
    size[g]++;
    lastAt[g * columns + Math.min(columns - 1, lastPeriod[c] - firstPeriod[c])]++;
  }

  const cohorts: RetentionCohort[] = [];
  const locale = options.locale ?? 'en';
  for (let g = 0; g < groups; g++) {
    if (size[g] === 0) continue;
    const index = earliest + g;
    const counts: (number | null)[] = new Array(columns);
    const cells: (number | null)[] = new Array(columns);
    const reached: number[] = new Array(columns);
    let stillThere = 0;
    for (let k = columns - 1; k >= 0; k--) {
      stillThere += lastAt[g * columns + k];
      const hasReached = index + k <= asOfPeriod;
      reached[k] = hasReached ? size[g] : 0;
      counts[k] = hasReached ? stillThere : null;
      cells[k] = hasReached ? stillThere / size[g] : null;
    }
    const running = partialLastPeriod && asOfPeriod - index < columns ? asOfPeriod - index : -1;
    cohorts.push({ key: calendar.key(index), label: calendar.label(index, locale), size: size[g], firstPeriod: index, cells, counts, reached, running });
  }
  return ok({ periods: columns, cohorts, partialLastPeriod, asOfPeriod, asOfDay });
}

/** What {@link completePeriodAverage} needs of a cohort. */
export interface AveragedCohort {
  /** Customers counted in period k; null where not reached. */
  counts: readonly (number | null)[];
  /** Customers who reached period k (the denominator). */
  reached: readonly number[];
  /** k of the cohort's period that is still running; -1 when none is. */
  partialPeriod: number;
}

/**
 * The customer-weighted average curve over COMPLETE periods only: in period
 * k, all counted customers / all customers who reached k, over the cohorts
 * whose period k has ended. A running period would pull the average down for
 * a reason that has nothing to do with retention. Null where no cohort has a
 * complete period k.
 */
export function completePeriodAverage(cohorts: readonly AveragedCohort[], periods: number): (number | null)[] {
  return cohortAverage(averagedRows(cohorts), periods, 'ratio');
}

/** The customers behind {@link completePeriodAverage} per period: counted of reached, summed over the same cohorts (for its interval). */
export function completePeriodAverageCounts(cohorts: readonly AveragedCohort[], periods: number): (CohortCounts | null)[] {
  return cohortAverageCounts(averagedRows(cohorts), periods);
}

function averagedRows(cohorts: readonly AveragedCohort[]) {
  return cohorts.map((cohort) => ({ values: cohort.counts, weights: cohort.reached, skip: cohort.partialPeriod }));
}
