/**
 * Dates as the metrics see them: a civil day number (days since 1970-01-01) in
 * the data's time zone. Every metric in the kit works in whole days or coarser
 * periods, so one Int32 per record is all a computation needs.
 *
 * Two kinds of input are told apart:
 * - wall-clock values, ISO strings without an offset (`2010-12-01 08:26:00`,
 *   `2010-12-01`, `20101201`): already local to the business, so their day is
 *   read straight from the characters, whatever `timeZone` says;
 * - instants, ISO strings with `Z` or an offset, epoch milliseconds and `Date`
 *   objects: placed on the calendar of `timeZone` (UTC unless given).
 */

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
 * Parses an ISO 8601 date or date-time string to a local day number, reading
 * the characters (no `Date` allocation on the hot path). Accepts
 * `YYYY-MM-DD`, `YYYYMMDD`, and either followed by `T` or a space and a time,
 * optionally with fractional seconds and `Z` / `±HH:MM` / `±HHMM` (then the
 * instant is converted to `zone`'s calendar). Returns NaN for anything else.
 */
export function dayFromIsoString(text: string, zone: ZonedDayMapper): number {
  const length = text.length;
  let year: number;
  let month: number;
  let day: number;
  let at: number;
  if (length >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
    month = twoDigits(text, 5);
    day = twoDigits(text, 8);
    at = 10;
  } else if (length === 8) {
    year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
    month = twoDigits(text, 4);
    day = twoDigits(text, 6);
    at = 8;
  } else {
    return NOT_A_DATE;
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NOT_A_DATE;
  const days = daysFromCivil(year, month, day);
  if (at === length) return days;

  const separator = text.charCodeAt(at);
  if (separator !== 84 /* T */ && separator !== 32 /* space */) return NOT_A_DATE;
  const hour = twoDigits(text, at + 1);
  const minute = text.charCodeAt(at + 3) === 58 ? twoDigits(text, at + 4) : -1;
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return NOT_A_DATE;
  let second = 0;
  at += 6;
  if (text.charCodeAt(at) === 58) {
    second = twoDigits(text, at + 1);
    if (second < 0 || second > 60) return NOT_A_DATE;
    at += 3;
    if (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44) {
      at++;
      const fractionStart = at;
      while (at < length && digit(text, at) >= 0) at++;
      if (at === fractionStart) return NOT_A_DATE;
    }
  }
  if (at === length) return hour === 24 ? days + 1 : days;

  const zoneMark = text.charCodeAt(at);
  let offsetMinutes: number;
  if (zoneMark === 90 /* Z */ && at + 1 === length) {
    offsetMinutes = 0;
  } else if (zoneMark === 43 /* + */ || zoneMark === 45 /* - */) {
    const offsetHours = twoDigits(text, at + 1);
    const hasColon = text.charCodeAt(at + 3) === 58;
    const offsetMins = twoDigits(text, at + (hasColon ? 4 : 3));
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return NOT_A_DATE;
    if (at + (hasColon ? 6 : 5) !== length) return NOT_A_DATE;
    offsetMinutes = (zoneMark === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return NOT_A_DATE;
  }
  const ms = days * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
  return zone.dayOf(ms);
}

/** Largest epoch-millisecond value `Date` accepts. */
const MAX_EPOCH_MS = 8.64e15;

/**
 * A date value as users hand it over (ISO string, epoch milliseconds as a
 * number or digit string, `Date`) to a local day number; NaN when it is none.
 */
export function dayFromDateValue(value: unknown, zone: ZonedDayMapper): number {
  if (typeof value === 'string') {
    const text = value.length > 0 && (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) ? value.trim() : value;
    // Digits only and longer than YYYYMMDD: epoch milliseconds. The dash test
    // first spares the regular expression on every ISO date.
    if (text.length > 8 && text.charCodeAt(4) !== 45 && /^-?\d+$/.test(text)) return dayFromEpochMs(Number(text), zone);
    return dayFromIsoString(text, zone);
  }
  if (typeof value === 'number') return dayFromEpochMs(value, zone);
  if (value instanceof Date) return dayFromEpochMs(value.getTime(), zone);
  return NOT_A_DATE;
}

function dayFromEpochMs(ms: number, zone: ZonedDayMapper): number {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) return NOT_A_DATE;
  return zone.dayOf(ms);
}

export const DATE_EXPECTATION = 'a date (ISO 8601 such as 2024-03-31, epoch milliseconds, or a Date)';

/** Today's day number in `zone`; injectable clocks keep tests deterministic. */
export function today(zone: ZonedDayMapper, now: number = Date.now()): number {
  return zone.dayOf(now);
}
