/**
 * The period calendar: days, weeks, months, quarters and years as consecutive
 * integers, so a metric can use a period as an array index and "k periods
 * later" is plain addition. A period also has a stable key (`2024-03`,
 * `2024-W05`, `2024-Q1`) for data exchange and a label for people.
 */
import { civilFromDays, daysFromCivil, isoDate, weekday } from './dates.ts';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** 0 = Sunday … 6 = Saturday. ISO weeks start on Monday (1). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CalendarOptions {
  granularity: Granularity;
  /** First day of the week for `week` periods; ISO Monday by default. */
  weekStart?: Weekday;
}

export interface Period {
  /** The period's integer index on its calendar. */
  index: number;
  /** Stable key: `2024-03-05`, `2024-W05` (ISO weeks) or `2024-03-03` (week start, other week starts), `2024-03`, `2024-Q1`, `2024`. */
  key: string;
  /** First day (day number, inclusive). */
  startDay: number;
  /** Day after the last day (day number, exclusive). */
  endDay: number;
}

export class PeriodCalendar {
  readonly granularity: Granularity;
  readonly weekStart: Weekday;

  constructor(options: CalendarOptions) {
    this.granularity = options.granularity;
    this.weekStart = options.weekStart ?? 1;
  }

  /** Index of the period containing a day. Cheap: called once per record. */
  indexOfDay(day: number): number {
    switch (this.granularity) {
      case 'day':
        return day;
      case 'week':
        return Math.floor((day - this.firstWeekStart()) / 7);
      default: {
        const { year, month } = civilFromDays(day);
        return this.indexOfMonth(year, month);
      }
    }
  }

  /** Index of the period containing a civil month (for callers that read year and month from text). */
  indexOfMonth(year: number, month: number): number {
    switch (this.granularity) {
      case 'month':
        return year * 12 + month - 1;
      case 'quarter':
        return year * 4 + Math.floor((month - 1) / 3);
      case 'year':
        return year;
      default:
        return this.indexOfDay(daysFromCivil(year, month, 1));
    }
  }

  startDay(index: number): number {
    switch (this.granularity) {
      case 'day':
        return index;
      case 'week':
        return this.firstWeekStart() + index * 7;
      case 'month':
        return daysFromCivil(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
      case 'quarter':
        return daysFromCivil(Math.floor(index / 4), ((((index % 4) + 4) % 4) * 3) + 1, 1);
      case 'year':
        return daysFromCivil(index, 1, 1);
    }
  }

  endDay(index: number): number {
    return this.startDay(index + 1);
  }

  key(index: number): string {
    switch (this.granularity) {
      case 'day':
        return isoDate(index);
      case 'week':
        return this.weekStart === 1 ? isoWeekKey(this.startDay(index)) : isoDate(this.startDay(index));
      case 'month': {
        const { year, month } = civilFromDays(this.startDay(index));
        return `${year}-${String(month).padStart(2, '0')}`;
      }
      case 'quarter':
        return `${Math.floor(index / 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
      case 'year':
        return String(index);
    }
  }

  /** Inverse of {@link key}; NaN for a key that is not of this calendar. */
  indexOfKey(key: string): number {
    const patterns: Record<Granularity, RegExp> = {
      day: /^(\d{4})-(\d{2})-(\d{2})$/,
      week: this.weekStart === 1 ? /^(\d{4})-W(\d{2})$/ : /^(\d{4})-(\d{2})-(\d{2})$/,
      month: /^(\d{4})-(\d{2})$/,
      quarter: /^(\d{4})-Q([1-4])$/,
      year: /^(\d{4})$/,
    };
    const match = patterns[this.granularity].exec(key);
    if (!match) return Number.NaN;
    const [year, second, third] = match.slice(1).map(Number);
    let index: number;
    switch (this.granularity) {
      case 'day':
        index = daysFromCivil(year, second, third);
        break;
      case 'week':
        index = this.weekStart === 1 ? this.indexOfDay(isoWeekMonday(year, second)) : this.indexOfDay(daysFromCivil(year, second, third));
        break;
      case 'month':
        index = year * 12 + second - 1;
        break;
      case 'quarter':
        index = year * 4 + second - 1;
        break;
      case 'year':
        index = year;
        break;
    }
    return this.key(index) === key ? index : Number.NaN;
  }

  period(index: number): Period {
    return { index, key: this.key(index), startDay: this.startDay(index), endDay: this.endDay(index) };
  }

  /** All periods from `first` to `last` inclusive. */
  range(first: number, last: number): Period[] {
    const periods: Period[] = [];
    for (let index = first; index <= last; index++) periods.push(this.period(index));
    return periods;
  }

  /** A label for people in `locale`: "Mar 2024", "Q1 2024", "Week of 4 Mar 2024". */
  label(index: number, locale = 'en'): string {
    const start = this.startDay(index) * 86_400_000;
    const format = (options: Intl.DateTimeFormatOptions) => labelFormatter(locale, options).format(start);
    switch (this.granularity) {
      case 'day':
        return format({ dateStyle: 'medium' });
      case 'week':
        return this.key(index).includes('W') ? this.key(index) : format({ dateStyle: 'medium' });
      case 'month':
        return format({ month: 'short', year: 'numeric' });
      case 'quarter':
        return `Q${(((index % 4) + 4) % 4) + 1} ${Math.floor(index / 4)}`;
      case 'year':
        return String(index);
    }
  }

  /** Whole days in a period. */
  length(index: number): number {
    return this.endDay(index) - this.startDay(index);
  }

  private firstWeekStart(): number {
    // Day 0 (1970-01-01) was a Thursday; week 0 starts on the first `weekStart` on or before it.
    return -((weekday(0) - this.weekStart + 7) % 7);
  }
}

/**
 * The calendar all period `keys` belong to (`2024-03` → month, `2024-Q1` →
 * quarter), trying `preferred` first; null when none fits them all.
 * Pre-aggregated input names its periods by key: with the calendar known they
 * can be sorted by time and labelled in the reader's language.
 */
export function calendarOfKeys(keys: readonly string[], preferred: Granularity = 'month'): PeriodCalendar | null {
  if (keys.length === 0) return null;
  const order: Granularity[] = [preferred, ...GRANULARITIES.filter((g) => g !== preferred)];
  for (const granularity of order) {
    const calendar = new PeriodCalendar({ granularity });
    if (keys.every((key) => !Number.isNaN(calendar.indexOfKey(key)))) return calendar;
  }
  return null;
}

/**
 * The calendar a view model's period keys belong to: what a page needs, with a
 * key, to label a period. A null granularity: keys of no calendar (free names
 * in pre-aggregated input), shown as they are.
 */
export interface PeriodKeys {
  granularity: Granularity | null;
  weekStart?: Weekday;
}

const periodLabels = new Map<string, string>();

/**
 * A period key as people read it in `locale` ("Mar 2024", "Q1 2024"). Jobs
 * return keys; elements label them here when they draw, so a change of
 * language relabels a chart without computing it again. Each (calendar, key,
 * locale) is labelled once: a chart asks for the same labels on every render.
 */
export function periodLabel(key: string, keys: PeriodKeys, locale: string): string {
  if (!keys.granularity) return key;
  const id = `${keys.granularity}|${keys.weekStart ?? 1}|${locale}|${key}`;
  let label = periodLabels.get(id);
  if (label === undefined) {
    const calendar = new PeriodCalendar({ granularity: keys.granularity, weekStart: keys.weekStart });
    const index = calendar.indexOfKey(key);
    label = Number.isNaN(index) ? key : calendar.label(index, locale);
    if (periodLabels.size >= 10_000) periodLabels.clear(); // a long-lived page cycling through data stays bounded
    periodLabels.set(id, label);
  }
  return label;
}

const labelFormatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and a daily calendar labels hundreds of periods: build each once. */
function labelFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = labelFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    labelFormatters.set(key, formatter);
  }
  return formatter;
}

/** Monday of ISO week `week` of ISO week-year `year`. */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  const mondayOfWeek1 = jan4 - ((weekday(jan4) + 6) % 7);
  return mondayOfWeek1 + (week - 1) * 7;
}

function isoWeekKey(monday: number): string {
  const thursday = monday + 3;
  const year = civilFromDays(thursday).year;
  const week = Math.floor((monday - isoWeekMonday(year, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Period index of every day in [firstDay, lastDay], relative to the first
 * period, as one typed array: metrics bucket a million rows with one array
 * read each instead of a calendar computation each.
 */
export interface PeriodLookup {
  /** Calendar index of the period containing firstDay. */
  readonly firstPeriod: number;
  /** Number of periods spanned. */
  readonly periodCount: number;
  readonly firstDay: number;
  /** `offsetOfDay[day - firstDay]` = period index − firstPeriod. */
  readonly offsetOfDay: Int32Array;
}

export function periodLookup(calendar: PeriodCalendar, firstDay: number, lastDay: number): PeriodLookup {
  if (!(lastDay >= firstDay)) return { firstPeriod: 0, periodCount: 0, firstDay: 0, offsetOfDay: new Int32Array(0) };
  const firstPeriod = calendar.indexOfDay(firstDay);
  const offsetOfDay = new Int32Array(lastDay - firstDay + 1);
  let period = firstPeriod;
  let nextStart = calendar.endDay(period);
  for (let day = firstDay; day <= lastDay; day++) {
    while (day >= nextStart) nextStart = calendar.endDay(++period);
    offsetOfDay[day - firstDay] = period - firstPeriod;
  }
  return { firstPeriod, periodCount: period - firstPeriod + 1, firstDay, offsetOfDay };
}
