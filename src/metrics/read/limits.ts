/**
 * The range the kit computes in. A value beyond it is refused by record and
 * field before any work starts, rather than overflowing a sum to Infinity
 * ("$∞" on screen) or making a metric walk millions of periods (a date in year
 * 9999 at day granularity, an epoch time at the edge of what Date holds).
 *
 * - Days from 1900-01-01 to 2200-12-31: every business record of the kit's
 *   kinds falls in it, and the period calendars stay a few thousand long.
 * - Numbers within ±1e15: a quadrillion of any currency or unit, with cents
 *   still exact in a double; sums of a million such values stay finite.
 */
import { DATE_EXPECTATION, ZonedDayMapper, dayFromDateValue, daysFromCivil } from '../calendar/dates.ts';
import { fail, ok, optionError, type Result } from '../issues.ts';

export const FIRST_DAY = daysFromCivil(1900, 1, 1);
export const LAST_DAY = daysFromCivil(2200, 12, 31);
export const MAX_MAGNITUDE = 1e15;

export const DATE_RANGE_EXPECTATION = 'a date from 1900-01-01 to 2200-12-31 (the range the kit computes in)';
export const MAGNITUDE_EXPECTATION = 'a number from -1e15 to 1e15 (the range the kit computes in)';

export function dayInRange(day: number): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}

export function withinMagnitude(value: number): boolean {
  return value >= -MAX_MAGNITUDE && value <= MAX_MAGNITUDE;
}

/**
 * A date given as an option (`as-of`, `from`, `to`, a calibration end), read
 * like a record's date in the data's zone and held to the same range: the
 * option's name, the expectation and the value when it is not.
 */
export function dayOfOption(field: string, value: unknown, zone: ZonedDayMapper): Result<number> {
  const day = dayFromDateValue(value, zone);
  if (day !== day) return fail(optionError(field, DATE_EXPECTATION, value));
  return dayInRange(day) ? ok(day) : fail(optionError(field, DATE_RANGE_EXPECTATION, value));
}
