/**
 * Bounded drawing for long period series (issue #16): 5,000 daily periods do
 * not fit in a sparkline or a list, and drawing them one by one freezes the
 * page. Periods beyond a limit are summed into the first coarser calendar
 * period (week, month, quarter, year) that leaves at most `limit` of them, so
 * what is shown stays calendar periods a reader can name, and the element says
 * so with the platform's term `periodsGrouped`.
 *
 * Used by <churn-reasons> (the trend) and <ltv-forecast> (the cohorts).
 */
import { GRANULARITIES, PeriodCalendar, type Granularity, type PeriodKeys } from '../../metrics/calendar/calendar.ts';

/** Consecutive periods `from` … `to` − 1 summed into the coarser period `key`. */
export interface PeriodGroup {
  key: string;
  from: number;
  to: number;
}

export interface PeriodGroups {
  /** The coarser calendar the periods are summed into (same week start). */
  keys: PeriodKeys & { granularity: Granularity };
  groups: PeriodGroup[];
}

/**
 * Groups of the ascending period `keys` (of `calendar`) when there are more
 * than `limit`; null when they fit, or when the keys are of no calendar.
 * Years are the coarsest: they are returned even if still more than `limit`.
 */
export function groupPeriods(keys: readonly string[], calendar: PeriodKeys, limit: number): PeriodGroups | null {
  const fine = calendar.granularity;
  if (keys.length <= limit || !fine) return null;
  const source = new PeriodCalendar({ granularity: fine, weekStart: calendar.weekStart });
  // Ascending distinct keys from the first's index to first + n − 1 are every period between: no key to parse but one.
  const first = source.indexOfKey(keys[0]);
  const consecutive = source.key(first + keys.length - 1) === keys[keys.length - 1];
  const days = keys.map((key, i) => source.startDay(consecutive ? first + i : source.indexOfKey(key)));
  if (!days.every(Number.isFinite)) return null;
  for (const granularity of GRANULARITIES.slice(GRANULARITIES.indexOf(fine) + 1)) {
    const coarse = new PeriodCalendar({ granularity, weekStart: calendar.weekStart });
    const groups: PeriodGroup[] = [];
    for (let i = 0; i < days.length && (groups.length <= limit || granularity === 'year'); i++) {
      const key = coarse.key(coarse.indexOfDay(days[i]));
      const last = groups[groups.length - 1];
      if (last?.key === key) last.to = i + 1;
      else groups.push({ key, from: i, to: i + 1 });
    }
    if (groups.length <= limit || granularity === 'year') return { keys: { granularity, weekStart: calendar.weekStart }, groups };
  }
  return null;
}

/** `values` (aligned with the grouped periods) summed per group. */
export function sumByGroup(values: readonly number[], groups: readonly PeriodGroup[]): number[] {
  return groups.map(({ from, to }) => {
    let total = 0;
    for (let i = from; i < to; i++) total += values[i];
    return total;
  });
}
