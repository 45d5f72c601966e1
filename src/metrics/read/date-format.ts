/**
 * Which date forms a column holds. Exports write `03/01/19` meaning either the
 * 3rd of January or the 1st of March, and nothing in one value says which, so
 * the order is settled per column from values that can only be read one way
 * (a day above 12), or given by the page author — never guessed.
 *
 * Reading values under a format is `dayFromDateValue` in dates.ts; this module
 * only names, parses and infers formats, so it imports nothing.
 */

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export type DateFormat =
  /** ISO 8601 (year first), epoch milliseconds (numbers and digit strings longer than 8), Date. */
  | { kind: 'auto' }
  /** Numeric dates such as 31/12/2024, 12/31/24, 1.1.2023, 2024/3/5, with an optional time; unambiguous forms as under auto. */
  | { kind: 'order'; order: DateOrder }
  /** Numbers and digit strings as Unix seconds; other forms as under auto. */
  | { kind: 'unix-s' }
  /** Numbers and digit strings (even 8 digits long) as epoch milliseconds; other forms as under auto. */
  | { kind: 'unix-ms' };

export const AUTO_DATE_FORMAT: DateFormat = Object.freeze({ kind: 'auto' }) as DateFormat;

const DATE_FIELD = /^(D{1,2}|M{1,2}|Y{2}|Y{4})$/i;
// The time part only has to look like one: any time is read whatever the pattern says.
const TIME_PATTERN = /^[T ]+[Hh][HhmsSAaZzXxO:.,+\- ]*$/;

/**
 * The `date-format` attribute: 'auto', 'iso', 'unix-s', 'unix-ms', or a pattern
 * such as 'DD/MM/YYYY', 'MM/DD/YY HH:mm', 'D.M.YYYY', 'YYYY/MM/DD', 'M/D/YY h:mm A'
 * (letters in any case, as spreadsheets write 'dd/mm/yyyy'). Only the order of
 * D, M, Y matters for reading. Returns undefined for text it cannot read.
 */
export function parseDateFormat(spec: string): DateFormat | undefined {
  const text = spec.trim();
  const keyword = text.toLowerCase();
  if (keyword === 'auto' || keyword === 'iso' || keyword === 'yyyymmdd' || keyword === 'yyyy-mm-dd') return AUTO_DATE_FORMAT;
  if (keyword === 'unix-s') return { kind: 'unix-s' };
  if (keyword === 'unix-ms') return { kind: 'unix-ms' };

  const dateEnd = text.search(/[ T]/);
  const datePart = dateEnd < 0 ? text : text.slice(0, dateEnd);
  if (dateEnd >= 0 && !TIME_PATTERN.test(text.slice(dateEnd))) return undefined;
  const fields = datePart.split(/[/.-]/);
  if (fields.length !== 3 || !fields.every((field) => DATE_FIELD.test(field))) return undefined;
  const order = fields.map((field) => field[0].toUpperCase()).join('');
  return order === 'DMY' || order === 'MDY' || order === 'YMD' ? { kind: 'order', order } : undefined;
}

/** Human text of what the format accepts, for messages. */
export function describeDateFormat(format: DateFormat): string {
  switch (format.kind) {
    case 'auto':
      return 'a date (ISO 8601 such as 2024-03-31, epoch milliseconds, or a Date)';
    case 'unix-s':
      return 'a Unix time in seconds such as 1735603200';
    case 'unix-ms':
      return 'a Unix time in milliseconds such as 1735603200000';
    case 'order':
      if (format.order === 'DMY') return 'a day-first date such as 31/12/2024';
      if (format.order === 'MDY') return 'a month-first date such as 12/31/2024';
      return 'a year-first date such as 2024/12/31';
  }
}

export interface DateExample {
  index: number;
  example: string;
}

export type DateInference =
  | { ok: true; format: DateFormat }
  /** Dates such as 03/01/19 where no value in the column settles day-first against month-first. */
  | { ok: false; reason: 'ambiguous'; index: number; example: string }
  /** Some values can only be day-first and others only month-first. */
  | { ok: false; reason: 'mixed'; dayFirst: DateExample; monthFirst: DateExample };

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isDateSeparator(code: number): boolean {
  return code === 47 /* / */ || code === 46 /* . */ || code === 45 /* - */;
}

/**
 * `a{sep}b{sep}yy` or `a{sep}b{sep}yyyy` (a, b of 1–2 digits, one separator),
 * optionally followed by a time: returns a * 100 + b, or -1 for any other
 * text. ISO dates fail on their second or third character.
 */
function dayMonthFields(text: string): number {
  if (text.length < 6 || !isDigit(text.charCodeAt(0))) return -1;
  const firstEnd = isDigit(text.charCodeAt(1)) ? 2 : 1;
  const separator = text.charCodeAt(firstEnd);
  if (!isDateSeparator(separator)) return -1;
  let at = firstEnd + 1;
  const secondStart = at;
  while (at < text.length && at - secondStart < 3 && isDigit(text.charCodeAt(at))) at++;
  const secondLength = at - secondStart;
  if (secondLength < 1 || secondLength > 2 || text.charCodeAt(at) !== separator) return -1;
  const yearStart = ++at;
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  const yearLength = at - yearStart;
  if (yearLength !== 2 && yearLength !== 4) return -1;
  if (at < text.length && text.charCodeAt(at) !== 32 && text.charCodeAt(at) !== 84 /* T */) return -1;
  const first = firstEnd === 2 ? (text.charCodeAt(0) - 48) * 10 + text.charCodeAt(1) - 48 : text.charCodeAt(0) - 48;
  const secondLast = text.charCodeAt(secondStart + secondLength - 1) - 48;
  const second = secondLength === 2 ? (text.charCodeAt(secondStart) - 48) * 10 + secondLast : secondLast;
  return first * 100 + second;
}

/** Value of text made of digits only (an optional leading '-'), else NaN. */
function digitStringValue(text: string): number {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  if (start === text.length) return Number.NaN;
  for (let at = start; at < text.length; at++) {
    if (!isDigit(text.charCodeAt(at))) return Number.NaN;
  }
  return Number(text);
}

// Digit values in [1e8, 1e11) are 1973–5138 as Unix seconds but only
// 1970-01-02 … 1973-03-03 as milliseconds: a whole column of them is seconds.
const SECONDS_FROM = 1e8;
const SECONDS_UNTIL = 1e11;

/**
 * Infers one column's date format from its values (`value(i)` for i in
 * 0..length-1; blanks skipped) in one pass of character-code checks.
 * With `given` (other than auto) it returns `given` without scanning.
 */
export function inferDateFormat(value: (index: number) => unknown, length: number, given?: DateFormat): DateInference {
  if (given && given.kind !== 'auto') return { ok: true, format: given };
  let dayFirst: DateExample | undefined;
  let monthFirst: DateExample | undefined;
  let firstAmbiguous: DateExample | undefined;
  let secondsLike = 0;
  let otherDigits = false;
  for (let index = 0; index < length; index++) {
    const raw = value(index);
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) continue;
      if (raw >= SECONDS_FROM && raw < SECONDS_UNTIL) secondsLike++;
      else otherDigits = true;
      continue;
    }
    if (typeof raw !== 'string' || raw.length === 0) continue;
    const text = raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32 ? raw.trim() : raw;
    if (text.length === 0) continue;

    const fields = dayMonthFields(text);
    if (fields >= 0) {
      const first = Math.floor(fields / 100);
      const second = fields % 100;
      // Evidence only from values that are a date one way round: 45/03/2024 settles nothing.
      if (first > 12 && first <= 31 && second >= 1 && second <= 12) dayFirst ??= { index, example: text };
      else if (second > 12 && second <= 31 && first >= 1 && first <= 12) monthFirst ??= { index, example: text };
      else firstAmbiguous ??= { index, example: text };
      if (dayFirst && monthFirst) return { ok: false, reason: 'mixed', dayFirst, monthFirst };
      continue;
    }
    if (!otherDigits) {
      const number = digitStringValue(text);
      if (number >= SECONDS_FROM && number < SECONDS_UNTIL) secondsLike++;
      else if (!Number.isNaN(number)) otherDigits = true;
    }
  }
  if (dayFirst) return { ok: true, format: { kind: 'order', order: 'DMY' } };
  if (monthFirst) return { ok: true, format: { kind: 'order', order: 'MDY' } };
  if (firstAmbiguous) return { ok: false, reason: 'ambiguous', ...firstAmbiguous };
  if (secondsLike > 0 && !otherDigits) return { ok: true, format: { kind: 'unix-s' } };
  return { ok: true, format: AUTO_DATE_FORMAT };
}
