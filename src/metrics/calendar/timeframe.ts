/**
 * Time frames for metrics measured "within a time frame" (repeat purchase
 * rate, loyal customer rate, return rate …): `from` inclusive, `to` exclusive,
 * either side open. Dates are read like record dates, in the data's zone.
 */
import { ZonedDayMapper } from './dates.ts';
import { dayOfOption } from '../read/limits.ts';
import { fail, ok, optionError, type Result } from '../issues.ts';

export type DateInput = string | number | Date;

export interface TimeFrame {
  /** First day included (ISO date, epoch ms or Date). Open when absent. */
  from?: DateInput;
  /** First day no longer included. Open when absent. */
  to?: DateInput;
}

/** A time frame as day numbers: fromDay ≤ day < toDay. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

export function resolveTimeFrame(frame: TimeFrame | undefined, timeZone = 'UTC'): Result<DayRange> {
  const zone = new ZonedDayMapper(timeZone);
  let fromDay = -Infinity;
  let toDay = Infinity;
  if (frame?.from !== undefined) {
    const from = dayOfOption('timeFrame.from', frame.from, zone);
    if (!from.ok) return from;
    fromDay = from.value;
  }
  if (frame?.to !== undefined) {
    const to = dayOfOption('timeFrame.to', frame.to, zone);
    if (!to.ok) return to;
    toDay = to.value;
  }
  if (toDay < fromDay) return fail(optionError('timeFrame.to', 'a date on or after timeFrame.from', frame?.to));
  return ok({ fromDay, toDay });
}
