/**
 * Pre-aggregated input names its periods by key (`2024-03`, `2024-Q1`). When
 * every key belongs to one calendar we can sort them by time and label them in
 * the element's language; otherwise keys are shown as given.
 *
 * Shared by <churn-trend> and <cohort-heatmap>. It would sit better in
 * metrics/calendar.ts (requested in the helper report).
 */
import { GRANULARITIES, PeriodCalendar, type Granularity } from '../../metrics/calendar.ts';

/** The calendar all `keys` belong to, trying `preferred` first; null when none fits them all. */
export function calendarOfKeys(keys: readonly string[], preferred: Granularity = 'month'): PeriodCalendar | null {
  if (keys.length === 0) return null;
  const order: Granularity[] = [preferred, ...GRANULARITIES.filter((g) => g !== preferred)];
  for (const granularity of order) {
    const calendar = new PeriodCalendar({ granularity });
    if (keys.every((key) => !Number.isNaN(calendar.indexOfKey(key)))) return calendar;
  }
  return null;
}
