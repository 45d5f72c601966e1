/**
 * Who is a customer, when, for businesses without subscriptions (shops,
 * rentals): nobody cancels, so a customer counts as "still a customer" while
 * their last purchase is recent enough. This module holds that activity-window
 * definition, the per-period customer counts built on it (S, E, N, lost,
 * reactivated) and the purchase-day grouping the cohort matrix shares.
 */
import { GRANULARITIES, PeriodCalendar, periodLookup, type Granularity, type Weekday } from './calendar/calendar.ts';
import { dayOfOption } from './read/limits.ts';
import { ZonedDayMapper } from './calendar/dates.ts';
import { fail, ok, optionError, type Result } from './issues.ts';
import { purchaseDaysByCustomer } from './customer-rows.ts';
import { customerChurnRate, customerRetentionRate } from './rates.ts';
import type { DateInput } from './calendar/timeframe.ts';
import type { TransactionTable } from './read/transactions.ts';

/** Period options shared by the period-based transaction metrics. */
export interface PeriodOptions {
  /** Length of a period; default `month` (follow the billing or buying cycle). */
  granularity?: Granularity;
  /** First day of the week for `week` periods (0 = Sunday … 6 = Saturday); ISO Monday by default. */
  weekStart?: Weekday;
  /**
   * Last day of data to use, inclusive (read in the table's time zone); rows
   * after it are ignored. Default: the table's last day.
   */
  asOf?: DateInput;
}

export interface ResolvedPeriodOptions {
  calendar: PeriodCalendar;
  /** Last day used, inclusive; NaN when the table is empty and no asOf was given. */
  asOfDay: number;
}

/** Validates granularity, weekStart and asOf. */
export function resolvePeriodOptions(table: TransactionTable, options: PeriodOptions): Result<ResolvedPeriodOptions> {
  const granularity = options.granularity ?? 'month';
  if (!GRANULARITIES.includes(granularity)) return fail(optionError('granularity', `one of ${GRANULARITIES.join(', ')}`, granularity));
  const weekStart = options.weekStart ?? 1;
  if (!Number.isInteger(weekStart) || weekStart < 0 || weekStart > 6) {
    return fail(optionError('weekStart', 'a weekday number from 0 (Sunday) to 6 (Saturday)', weekStart));
  }
  let asOfDay = table.lastDay;
  if (options.asOf !== undefined) {
    const asOf = dayOfOption('asOf', options.asOf, new ZonedDayMapper(table.timeZone));
    if (!asOf.ok) return asOf;
    asOfDay = asOf.value;
  }
  return ok({ calendar: new PeriodCalendar({ granularity, weekStart }), asOfDay });
}


/** Options of {@link churnSeries}. */
export interface ChurnSeriesOptions extends PeriodOptions {
  /**
   * Days a purchase keeps a customer active; required, a whole number ≥ 1.
   * The guidance is to cover at least three typical purchase cycles (3 ×
   * median days between purchases); elements fill that suggestion in.
   */
  windowDays: number;
}

/** Customer counts of one period [startDay, endDay). */
export interface ChurnPeriod {
  /** Calendar index of the period. */
  index: number;
  /** Stable period key (`2024-03`); a page labels it in its language with `periodLabel` (calendar.ts). */
  key: string;
  startDay: number;
  /** Day after the period (exclusive). */
  endDay: number;
  /** S: customers active at the period start. */
  start: number;
  /** E: customers active at the period end (for an incomplete period: the day after asOf). */
  end: number;
  /** N: customers whose first purchase ever is in the period and who are active at its end. */
  new: number;
  /** Active at the start, not at the end. */
  lost: number;
  /** Active at the end, not at the start, first purchase before the period. */
  reactivated: number;
  /** (E − N) / S; null when S = 0. */
  retentionRate: number | null;
  /** lost / S; null when S = 0. Equals 1 − retentionRate when nobody reactivates. */
  churnRate: number | null;
  /** Net amount (purchases minus returns) of all rows dated in the period (up to asOf). */
  revenue: number;
  /** False for the period containing asOf when asOf is not its last day. */
  complete: boolean;
  /**
   * True when the window before the period start reaches back before the
   * first row of data: purchases the export does not show may have made more
   * customers active at the start, so S and lost undercount and the rates are unreliable
   * (the first period always starts with S = 0). A chart may grey these out.
   */
  startCensored: boolean;
}

export interface ChurnSeries {
  granularity: Granularity;
  windowDays: number;
  /** Last day of data used, inclusive. */
  asOfDay: number;
  periods: ChurnPeriod[];
}

/**
 * Customers at period start, lost, new and reactivated per period, from
 * transactions alone.
 *
 * Definition: a customer is ACTIVE at day t when they made a purchase in
 * [t − windowDays, t), i.e. their latest purchase before t is at most
 * windowDays days earlier. Returns never make anyone active. For a period
 * [s, e): S = active at s; E = active at e; N = first purchase ever in [s, e)
 * and active at e; lost = active at s and not at e; reactivated = active at
 * e, not at s, first purchase before s. Hence E = S − lost + N + reactivated
 * exactly. Only the two boundary days count: a customer who lapses and comes
 * back within one period is neither lost nor reactivated, and a first-time
 * buyer who has lapsed again by e is not counted as new.
 *
 * The series runs from the period of the table's first row to the period of
 * asOf. For that last period, when asOf is not its last day, the end state is
 * measured on the day after asOf (the state so far) and `complete` is false:
 * measuring at e would count everyone who simply has not bought *yet* as lost.
 */
export function churnSeries(table: TransactionTable, options: ChurnSeriesOptions): Result<ChurnSeries> {
  const resolved = resolvePeriodOptions(table, options);
  if (!resolved.ok) return resolved;
  const { calendar, asOfDay } = resolved.value;
  const windowDays = options?.windowDays;
  if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1) {
    return fail(optionError('windowDays', 'a whole number of days of at least 1', windowDays));
  }
  const empty: ChurnSeries = { granularity: calendar.granularity, windowDays, asOfDay, periods: [] };
  if (!(table.length > 0 && asOfDay >= table.firstDay)) return ok(empty);

  // Boundaries t_0 … t_P: period starts, then the day the last period is measured at.
  const firstPeriod = calendar.indexOfDay(table.firstDay);
  const lastPeriod = calendar.indexOfDay(asOfDay);
  const periodCount = lastPeriod - firstPeriod + 1;
  const boundaries = new Int32Array(periodCount + 1);
  for (let j = 0; j < periodCount; j++) boundaries[j] = calendar.startDay(firstPeriod + j);
  const lastEnd = calendar.endDay(lastPeriod);
  boundaries[periodCount] = Math.min(lastEnd, asOfDay + 1);
  const { ceiling, floor } = boundaryIndexes(boundaries);
  const t0 = boundaries[0];
  const tEnd = boundaries[periodCount];
  const boundaryAtOrAfter = (x: number) => (x > tEnd ? periodCount + 1 : ceiling[x - t0]);
  const boundaryAtOrBefore = (x: number) => (x >= tEnd ? periodCount : floor[x - t0]);

  const activeDiff = new Int32Array(periodCount + 2);
  const gainedNew = new Int32Array(periodCount);
  const reactivated = new Int32Array(periodCount);
  const lost = new Int32Array(periodCount);
  const { start, end, days } = purchaseDaysByCustomer(table, asOfDay);
  const customers = table.customerIds.length;
  // A run of boundaries [from, to] at which a customer is active, inactive at from − 1 and to + 1.
  const closeRun = (from: number, to: number, firstPurchase: number) => {
    activeDiff[from]++;
    activeDiff[to + 1]--;
    // Gained in period from − 1 (spells start the day after a purchase, so from ≥ 1).
    if (firstPurchase >= boundaries[from - 1]) gainedNew[from - 1]++;
    else reactivated[from - 1]++;
    if (to < periodCount) lost[to]++;
  };

  for (let c = 0; c < customers; c++) {
    const last = end[c];
    let i = start[c];
    if (i === last) continue;
    const firstPurchase = days[i];
    // Current run of boundaries at which the customer is active, [runFrom, runTo]; -1 = none yet.
    let runFrom = -1;
    let runTo = -2;
    while (i < last) {
      // A spell of activity: days (d, d + windowDays] of a chain of purchases closer than the window.
      const spellFrom = days[i] + 1;
      let spellTo = days[i] + windowDays;
      i++;
      while (i < last && days[i] <= spellTo) spellTo = days[i++] + windowDays;
      const from = boundaryAtOrAfter(spellFrom);
      const to = boundaryAtOrBefore(spellTo);
      if (from > to) continue; // lapsed again before any boundary saw it
      if (from === runTo + 1) {
        runTo = to; // the gap fell between two boundaries: no boundary saw it
        continue;
      }
      if (runFrom >= 0) closeRun(runFrom, runTo, firstPurchase);
      runFrom = from;
      runTo = to;
    }
    if (runFrom >= 0) closeRun(runFrom, runTo, firstPurchase);

  }

  const revenue = revenueByPeriod(table, calendar, t0, asOfDay, periodCount);
  const periods: ChurnPeriod[] = [];
  let activeAtStart = activeDiff[0];
  for (let j = 0; j < periodCount; j++) {
    const activeAtEnd = activeAtStart + activeDiff[j + 1];
    const index = firstPeriod + j;
    const S = activeAtStart;
    const counts = { start: S, end: activeAtEnd, new: gainedNew[j], lost: lost[j] };
    periods.push({
      index,
      key: calendar.key(index),
      startDay: calendar.startDay(index),
      endDay: calendar.endDay(index),
      start: S,
      end: activeAtEnd,
      new: gainedNew[j],
      lost: lost[j],
      reactivated: reactivated[j],
      // The one definition of each rate (rates.ts); they are undefined, so null, when S = 0.
      retentionRate: S > 0 ? valueOrNull(customerRetentionRate(counts)) : null,
      churnRate: S > 0 ? valueOrNull(customerChurnRate(counts)) : null,
      revenue: revenue[j],
      complete: j < periodCount - 1 || asOfDay + 1 >= lastEnd,
      startCensored: boundaries[j] - windowDays < table.firstDay,
    });
    activeAtStart = activeAtEnd;
  }
  return ok({ ...empty, periods });
}

function valueOrNull(result: Result<number>): number | null {
  return result.ok ? result.value : null;
}

/**
 * For every day x in [t_0, t_P]: the first boundary index j with t_j ≥ x
 * (`ceiling`) and the last with t_j ≤ x (`floor`), so a spell of activity
 * becomes a range of boundary indexes with two array reads.
 */
function boundaryIndexes(boundaries: Int32Array): { ceiling: Int32Array; floor: Int32Array } {
  const t0 = boundaries[0];
  const span = boundaries[boundaries.length - 1] - t0 + 1;
  const ceiling = new Int32Array(span);
  const floor = new Int32Array(span);
  let j = 0;
  for (let x = 0; x < span; x++) {
    while (boundaries[j] < x + t0) j++;
    ceiling[x] = j;
    floor[x] = boundaries[j] === x + t0 ? j : j - 1;
  }
  return { ceiling, floor };
}

/** Net amount of all rows (purchases and returns) per period, rows after asOf left out. */
function revenueByPeriod(table: TransactionTable, calendar: PeriodCalendar, fromDay: number, asOfDay: number, periodCount: number): Float64Array {
  const revenue = new Float64Array(periodCount);
  const lookup = periodLookup(calendar, fromDay, asOfDay);
  const { day, amount, length } = table;
  const offsetOfDay = lookup.offsetOfDay;
  for (let r = 0; r < length; r++) {
    const d = day[r];
    if (d > asOfDay || d < fromDay) continue;
    revenue[offsetOfDay[d - fromDay]] += amount[r];
  }
  return revenue;
}

/** Options of {@link customerActivity}. */
export interface CustomerActivityOptions {
  /** Days a purchase keeps a customer active; a whole number ≥ 1. */
  windowDays: number;
  /** Last day of data used, inclusive; default the table's last day. */
  asOf?: DateInput;
}

/** Each customer's activity as of a day, indexed like `table.customerIds`. */
export interface CustomerActivity {
  windowDays: number;
  asOfDay: number;
  /** First purchase day; −1 for a customer with no purchase up to asOf. */
  firstPurchaseDay: Int32Array;
  /** Latest purchase day up to asOf; −1 when none. */
  lastPurchaseDay: Int32Array;
  /** Distinct days with a purchase, up to asOf. */
  purchaseDays: Int32Array;
  /** 1 when active at the end of asOf (a purchase in the windowDays days up to and including asOf). */
  active: Uint8Array;
  activeCount: number;
}

/**
 * Per-customer activity at the end of `asOf`, with the same window definition
 * as {@link churnSeries}: active on day asOf + 1 means a purchase in
 * [asOf + 1 − windowDays, asOf].
 */
export function customerActivity(table: TransactionTable, options: CustomerActivityOptions): Result<CustomerActivity> {
  const resolved = resolvePeriodOptions(table, { asOf: options?.asOf });
  if (!resolved.ok) return resolved;
  const { asOfDay } = resolved.value;
  const windowDays = options?.windowDays;
  if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1) {
    return fail(optionError('windowDays', 'a whole number of days of at least 1', windowDays));
  }
  const customers = table.customerIds.length;
  const firstPurchaseDay = new Int32Array(customers).fill(-1);
  const lastPurchaseDay = new Int32Array(customers).fill(-1);
  const purchaseDays = new Int32Array(customers);
  const active = new Uint8Array(customers);
  let activeCount = 0;
  const { start, end, days } = purchaseDaysByCustomer(table, asOfDay);
  for (let c = 0; c < customers; c++) {
    const count = end[c] - start[c];
    if (count === 0) continue;
    purchaseDays[c] = count;
    firstPurchaseDay[c] = days[start[c]];
    const latest = days[end[c] - 1];
    lastPurchaseDay[c] = latest;
    if (asOfDay + 1 - latest <= windowDays) {
      active[c] = 1;
      activeCount++;
    }
  }
  return ok({ windowDays, asOfDay, firstPurchaseDay, lastPurchaseDay, purchaseDays, active, activeCount });
}
