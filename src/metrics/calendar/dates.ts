/**
 * Dates as the metrics see them: a civil day number (days since 1970-01-01) in
 * the data's time zone. Every metric in the kit works in whole days or coarser
 * periods, so one Int32 per record is all a computation needs.
 *
 * Two kinds of input are told apart:
 * - wall-clock values, ISO strings without an offset (`2010-12-01 08:26:00`,
 *   `2010-12-01`, `20101201`, and numeric dates such as `31/12/2024` read
 *   under a {@link DateFormat}): already local to the business, so their day is
 *   read straight from the characters, whatever `timeZone` says;
 * - instants, ISO strings with `Z` or an offset, epoch milliseconds and `Date`
 *   objects: placed on the calendar of `timeZone` (UTC unless given).
 */

import { AUTO_DATE_FORMAT, describeDateFormat, type DateFormat, type DateOrder } from '../read/date-format.ts';

export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO `YYYY-MM-DD` of a day number. */
export function isoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at an instant, in minutes (Europe/Oslo in summer: +120). */
export function timeZoneOffsetMinutes(ms: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallDays = daysFromCivil(parts.year, parts.month, parts.day);
  const wallMs = wallDays * MS_PER_DAY + ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000;
  const instantSeconds = Math.floor(ms / 1000) * 1000;
  return Math.round((wallMs - instantSeconds) / 60_000);
}

/** Throws a RangeError for a name Intl does not know: callers validate options with it. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Maps instants to local day numbers in one time zone. Offsets only change at
 * transitions (DST, law changes), so we ask Intl once per UTC day and only look
 * closer on the rare day whose offset at its start and end differ.
 */
export class ZonedDayMapper {
  private readonly offsetsByUtcDay = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  dayOf(ms: number): number {
    if (this.timeZone === 'UTC') return Math.floor(ms / MS_PER_DAY);
    const utcDay = Math.floor(ms / MS_PER_DAY);
    let offset = this.offsetsByUtcDay.get(utcDay);
    if (offset === undefined) {
      const atStart = timeZoneOffsetMinutes(utcDay * MS_PER_DAY, this.timeZone);
      const atEnd = timeZoneOffsetMinutes((utcDay + 1) * MS_PER_DAY - 1, this.timeZone);
      // NaN marks a transition day: those instants get an exact look-up each.
      offset = atStart === atEnd ? atStart : Number.NaN;
      this.offsetsByUtcDay.set(utcDay, offset);
    }
    const minutes = Number.isNaN(offset) ? timeZoneOffsetMinutes(ms, this.timeZone) : offset;
    return Math.floor((ms + minutes * 60_000) / MS_PER_DAY);
  }
}

const NOT_A_DATE = Number.NaN;

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -100_000;
}

function twoDigits(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

/**
 * Reads what may follow a date: nothing, or `T`/space, a time `H:mm`,
 * `HH:mm:ss`, fractional seconds, ` AM`/` PM` (12 AM is 0h), and a zone
 * glued or after a space: `Z`, `UTC`, `GMT`, `±HH`, `±HHMM`, `±HH:MM`.
 * Without a zone the time is wall clock and leaves the day alone (only
 * 24:00, ISO's end of day, is the next one); with one, the instant is placed
 * on `zone`'s calendar. Fractions of a second are skipped: offsets are whole
 * minutes, so they never cross a day boundary.
 */
function dayWithTime(text: string, at: number, days: number, zone: ZonedDayMapper): number {
  const length = text.length;
  if (at === length) return days;
  const separator = text.charCodeAt(at);
  if (separator !== 84 /* T */ && separator !== 32 /* space */) return NOT_A_DATE;
  let hour = digit(text, ++at);
  if (hour < 0) return NOT_A_DATE;
  if (digit(text, ++at) >= 0) hour = hour * 10 + digit(text, at++);
  if (text.charCodeAt(at) !== 58 /* : */) return NOT_A_DATE;
  const minute = twoDigits(text, at + 1);
  if (minute < 0 || minute > 59) return NOT_A_DATE;
  at += 3;
  let second = 0;
  if (at < length && text.charCodeAt(at) === 58) {
    second = twoDigits(text, at + 1);
    if (second < 0 || second > 60) return NOT_A_DATE;
    at += 3;
    if (at < length && (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44)) {
      const fractionStart = ++at;
      while (at < length && digit(text, at) >= 0) at++;
      if (at === fractionStart) return NOT_A_DATE;
    }
  }
  // Most rows end here: a 24-hour wall-clock time.
  if (at === length) return hour < 24 ? days : hour === 24 && minute === 0 && second === 0 ? days + 1 : NOT_A_DATE;

  const meridiemAt = text.charCodeAt(at) === 32 ? at + 1 : at;
  const meridiem = text.charCodeAt(meridiemAt) | 0x20; // lower case
  if ((meridiem === 97 /* a */ || meridiem === 112 /* p */) && (text.charCodeAt(meridiemAt + 1) | 0x20) === 109 /* m */) {
    if (hour < 1 || hour > 12) return NOT_A_DATE;
    hour = (hour % 12) + (meridiem === 112 ? 12 : 0);
    at = meridiemAt + 2;
  } else if (hour > 24 || (hour === 24 && (minute > 0 || second > 0))) {
    return NOT_A_DATE;
  }
  if (at === length) return hour === 24 ? days + 1 : days;

  if (text.charCodeAt(at) === 32) at++;
  const zoneMark = text.charCodeAt(at);
  let offsetMinutes: number;
  if (zoneMark === 90 /* Z */ && at + 1 === length) {
    offsetMinutes = 0;
  } else if (at + 3 === length && (text.startsWith('UTC', at) || text.startsWith('GMT', at))) {
    offsetMinutes = 0;
  } else if (zoneMark === 43 /* + */ || zoneMark === 45 /* - */) {
    const offsetHours = twoDigits(text, at + 1);
    let offsetMins = 0;
    let end = at + 3;
    if (end < length) {
      if (text.charCodeAt(end) === 58) end++;
      offsetMins = twoDigits(text, end);
      end += 2;
    }
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59 || end !== length) return NOT_A_DATE;
    offsetMinutes = (zoneMark === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return NOT_A_DATE;
  }
  const ms = days * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
  return zone.dayOf(ms);
}

function validDays(year: number, month: number, day: number): number {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NOT_A_DATE;
  return daysFromCivil(year, month, day);
}

/**
 * Parses a year-first date or date-time string to a local day number, reading
 * the characters (no `Date` or regular expression on this path: it runs once
 * per row of large exports). Accepts `YYYY-MM-DD`, `YYYY/MM/DD` and
 * `YYYYMMDD`, the first two optionally followed by a time as
 * {@link dayWithTime} reads it. Returns NaN for anything else.
 */
export function dayFromIsoString(text: string, zone: ZonedDayMapper): number {
  const length = text.length;
  let days: number;
  let at: number;
  const separator = text.charCodeAt(4);
  if (length >= 10 && (separator === 45 /* - */ || separator === 47 /* / */) && text.charCodeAt(7) === separator) {
    days = validDays(twoDigits(text, 0) * 100 + twoDigits(text, 2), twoDigits(text, 5), twoDigits(text, 8));
    at = 10;
  } else if (length === 8) {
    days = validDays(twoDigits(text, 0) * 100 + twoDigits(text, 2), twoDigits(text, 4), twoDigits(text, 6));
    at = 8;
  } else {
    return NOT_A_DATE;
  }
  return Number.isNaN(days) ? NOT_A_DATE : dayWithTime(text, at, days, zone);
}

/**
 * Two-digit years pivot as POSIX strptime `%y` does: 00–68 are 2000–2068 and
 * 69–99 are 1969–1999, so spreadsheet dates of both centuries read right.
 */
function fullYear(year: number, digits: number): number {
  if (digits === 4) return year;
  return year <= 68 ? 2000 + year : 1900 + year;
}

/**
 * Reads `a{sep}b{sep}c` (one separator of `/`, `.`, `-`) in the given order:
 * day and month of 1–2 digits, year of 2 or 4, then an optional time.
 */
function dayFromOrderedString(text: string, order: DateOrder, zone: ZonedDayMapper): number {
  // Three digit runs, read without allocating: this runs once per row.
  let at = 0;
  let first = 0;
  while (at < 5 && digit(text, at) >= 0) first = first * 10 + digit(text, at++);
  const firstWidth = at;
  const separator = text.charCodeAt(at);
  if (separator !== 47 /* / */ && separator !== 46 /* . */ && separator !== 45 /* - */) return NOT_A_DATE;
  let start = ++at;
  let second = 0;
  while (at - start < 5 && digit(text, at) >= 0) second = second * 10 + digit(text, at++);
  const secondWidth = at - start;
  if (text.charCodeAt(at) !== separator) return NOT_A_DATE;
  start = ++at;
  let third = 0;
  while (at - start < 5 && digit(text, at) >= 0) third = third * 10 + digit(text, at++);
  const thirdWidth = at - start;

  const yearFirst = order === 'YMD';
  const year = yearFirst ? first : third;
  const yearWidth = yearFirst ? firstWidth : thirdWidth;
  const dayOrMonthWide = yearFirst ? secondWidth > 2 || thirdWidth > 2 : firstWidth > 2 || secondWidth > 2;
  if ((yearWidth !== 2 && yearWidth !== 4) || dayOrMonthWide || secondWidth === 0 || (yearFirst ? thirdWidth : firstWidth) === 0) {
    return NOT_A_DATE;
  }
  const month = order === 'MDY' ? first : second;
  const day = order === 'DMY' ? first : order === 'MDY' ? second : third;
  const days = validDays(fullYear(year, yearWidth), month, day);
  return Number.isNaN(days) ? NOT_A_DATE : dayWithTime(text, at, days, zone);
}

/** Largest epoch-millisecond value `Date` accepts. */
const MAX_EPOCH_MS = 8.64e15;

/** Value of text made of digits only (an optional leading '-'), else NaN. */
function digitStringValue(text: string): number {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  if (start === text.length) return NOT_A_DATE;
  for (let at = start; at < text.length; at++) {
    if (digit(text, at) < 0) return NOT_A_DATE;
  }
  return Number(text);
}

/**
 * A date value as users hand it over to a local day number; NaN when it is
 * none under `format` (see {@link DateFormat}). Every format also reads what
 * can only be read one way: year-first ISO strings and `Date` objects.
 */
export function dayFromDateValue(value: unknown, zone: ZonedDayMapper, format: DateFormat = AUTO_DATE_FORMAT): number {
  const kind = format.kind;
  if (typeof value === 'string') {
    const text = value.length > 0 && (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) ? value.trim() : value;
    if (kind === 'order') {
      const day = dayFromOrderedString(text, format.order, zone);
      if (!Number.isNaN(day)) return day;
    }
    if (kind === 'unix-s' || kind === 'unix-ms' || (text.length > 8 && text.charCodeAt(4) !== 45)) {
      // Digits only: epoch time; under auto and order only when longer than
      // YYYYMMDD. The dash test first spares the digit scan on every ISO date.
      const number = digitStringValue(text);
      if (!Number.isNaN(number)) return dayFromEpochMs(kind === 'unix-s' ? number * 1000 : number, zone);
    }
    return dayFromIsoString(text, zone);
  }
  if (typeof value === 'number') return dayFromEpochMs(kind === 'unix-s' ? value * 1000 : value, zone);
  if (value instanceof Date) return dayFromEpochMs(value.getTime(), zone);
  return NOT_A_DATE;
}

function dayFromEpochMs(ms: number, zone: ZonedDayMapper): number {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) return NOT_A_DATE;
  return zone.dayOf(ms);
}

export const DATE_EXPECTATION = describeDateFormat(AUTO_DATE_FORMAT);

/** Today's day number in `zone`; injectable clocks keep tests deterministic. */
export function today(zone: ZonedDayMapper, now: number = Date.now()): number {
  return zone.dayOf(now);
}
