/**
 * Calendar pieces the generators share: a window of days from a start date,
 * seasonal weights, and fast formatting of day numbers and times (the
 * benchmark formats a million timestamps, so day strings are cached).
 */
import { civilFromDays, daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';
import type { Random } from './random.ts';

export interface GeneratorWindow {
  /** Day number of the first day. */
  firstDay: number;
  /** Day number one past the last day. */
  endDay: number;
}

/** The window of `months` calendar months starting at `start` (YYYY-MM-DD). */
export function generatorWindow(start: string, months: number): GeneratorWindow {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!match) throw new RangeError(`start must be YYYY-MM-DD, got ${JSON.stringify(start)}`);
  if (!(Number.isInteger(months) && months > 0)) throw new RangeError(`months must be a positive integer, got ${months}`);
  const firstDay = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  return { firstDay, endDay: addMonths(firstDay, months) };
}

/** The same day of the month `count` months later, clamped to the month's end (billing anniversaries). */
export function addMonths(day: number, count: number): number {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  const index = year * 12 + (month - 1) + count;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysFromCivil(targetMonth === 12 ? targetYear + 1 : targetYear, targetMonth === 12 ? 1 : targetMonth + 1, 1) - 1;
  return Math.min(daysFromCivil(targetYear, targetMonth, dayOfMonth), last);
}

export function monthOf(day: number): number {
  return civilFromDays(day).month;
}

/**
 * Relative shop demand by calendar month: a quiet start of the year, a flat
 * summer, and the November (Black Friday) and December (Christmas) peaks.
 */
export const RETAIL_SEASON = [0.85, 0.78, 0.9, 0.92, 0.95, 0.9, 0.85, 0.88, 0.95, 1.02, 1.45, 1.75] as const;

/** SaaS sign-ups: a January budget bump and a summer dip, far milder than retail. */
export const SAAS_SEASON = [1.2, 1.1, 1.05, 1, 1, 0.9, 0.8, 0.85, 1.05, 1.05, 1, 0.85] as const;

/**
 * Samples days in a window with weight season(month) × a linear growth trend,
 * by binary search over the cumulative weights.
 */
export class DaySampler {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly window: GeneratorWindow,
    season: readonly number[],
    /** Weight of the last day relative to the first (a growing business acquires more customers). */
    growth = 1,
  ) {
    const days = window.endDay - window.firstDay;
    this.cumulative = new Float64Array(days);
    let total = 0;
    for (let i = 0; i < days; i++) {
      const trend = 1 + ((growth - 1) * i) / Math.max(1, days - 1);
      total += season[monthOf(window.firstDay + i) - 1] * trend;
      this.cumulative[i] = total;
    }
  }

  sample(random: Random): number {
    const cumulative = this.cumulative;
    const u = random.next() * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] <= u) low = middle + 1;
      else high = middle;
    }
    return this.window.firstDay + low;
  }
}

/** Share of a day's orders by hour: little at night, a lunch bump and an evening peak. */
const HOUR_WEIGHTS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 3, 3.4, 3.6, 4, 3.8, 3.5, 3.4, 3.5, 3.8, 4.2, 4.6, 4.8, 4.2, 2.8, 1.2];
const HOURS = HOUR_WEIGHTS.map((_, hour) => hour);

/** Seconds into the day for an order placed by a person. */
export function secondOfDay(random: Random): number {
  return random.pick(HOURS, HOUR_WEIGHTS) * 3600 + random.int(0, 3599);
}

/** Formats day numbers and second-of-day times; keeps each day's text once. */
export class DateFormatter {
  private readonly days = new Map<number, string>();

  day(day: number): string {
    let text = this.days.get(day);
    if (text === undefined) {
      text = isoDate(day);
      this.days.set(day, text);
    }
    return text;
  }

  /** `YYYY-MM-DD HH:MM:SS`, the wall-clock form shop exports use. */
  dateTime(day: number, second: number): string {
    const hour = Math.floor(second / 3600);
    const minute = Math.floor(second / 60) % 60;
    const sec = second % 60;
    return `${this.day(day)} ${hour < 10 ? '0' : ''}${hour}:${minute < 10 ? '0' : ''}${minute}:${sec < 10 ? '0' : ''}${sec}`;
  }
}

/** Zero-padded identifiers ('C000042'). */
export function identifier(prefix: string, number: number, width = 6): string {
  return prefix + String(number).padStart(width, '0');
}

/** Money to whole cents. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
