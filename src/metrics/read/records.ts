/**
 * Schema-driven reading of the smaller record shapes (subscriptions, customers,
 * survey responses, cancellations, invoices): field mapping, a Zod schema per
 * record, and Zod's issues turned into the kit's "record, field, expected,
 * found" reports. The value schemas below apply the coercion rules of
 * values.ts and dates.ts, so every shape reads a CSV cell the same way.
 */
import * as z from 'zod/mini';
import { DATE_RANGE_EXPECTATION, MAGNITUDE_EXPECTATION, dayInRange, withinMagnitude } from './limits.ts';
import { ZonedDayMapper, dayFromDateValue, isValidTimeZone } from '../calendar/dates.ts';
import { AUTO_DATE_FORMAT, describeDateFormat, type DateFormat } from './date-format.ts';
import { describeNumberFormat, toAmount, type DecimalMark } from './number-format.ts';
import type { ExportPreset } from './presets.ts';
import { dateFormatOfColumn, decimalOfColumn, presetColumn, resolveReading, type ReadingOptions } from './reading.ts';
import { IssueCollector, describeValue, fail, ok, optionError, type InputWarning, type Result } from '../issues.ts';
import { IDENTIFIER_EXPECTATION, NUMBER_EXPECTATION, ownField, toIdentifier } from './values.ts';
import { columnOf, isRecordList, recordObjects, type RecordList } from './csv-records.ts';

type Ctx = { issues: { push(issue: { code: 'custom'; message: string; input: unknown }): void } };

function reject(ctx: Ctx, expected: string, input: unknown): never {
  ctx.issues.push({ code: 'custom', message: expected, input });
  return z.NEVER as never;
}

/** A required identifier: text or number, not blank. */
export const idValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => toIdentifier(value) ?? reject(ctx, IDENTIFIER_EXPECTATION, value)),
);

/** An optional identifier: absent, blank or null mean none. */
export const optionalIdValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => {
    const id = toIdentifier(value);
    return id === null ? reject(ctx, IDENTIFIER_EXPECTATION, value) : id;
  }),
);

/** A finite number (or number text under the column's decimal mark), optionally bounded. */
export function numberValue(bounds: { min?: number; max?: number; integer?: boolean } = {}, decimal: DecimalMark = '.') {
  const { min = -Infinity, max = Infinity, integer = false } = bounds;
  const expected = describeBounds(min, max, integer, decimal);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      const number = toAmount(value, decimal);
      if (number !== number || number < min || number > max || (integer && !Number.isInteger(number))) return reject(ctx, expected, value);
      return withinMagnitude(number) ? number : reject(ctx, MAGNITUDE_EXPECTATION, value);
    }),
  );
}

/** Like {@link numberValue}, but absent or blank is allowed (undefined). */
export function optionalNumberValue(bounds: { min?: number; max?: number; integer?: boolean } = {}, decimal: DecimalMark = '.') {
  const required = numberValue(bounds, decimal);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      if (value === undefined || value === null || value === '') return undefined;
      const parsed = required.safeParse(value);
      return parsed.success ? parsed.data : reject(ctx, parsed.error.issues[0].message, value);
    }),
  );
}

function describeBounds(min: number, max: number, integer: boolean, decimal: DecimalMark): string {
  const noun = integer ? 'a whole number' : decimal === '.' ? NUMBER_EXPECTATION : describeNumberFormat(decimal);
  if (min > -Infinity && max < Infinity) return `${noun} from ${min} to ${max}`;
  if (min > -Infinity) return `${noun} of at least ${min}`;
  if (max < Infinity) return `${noun} of at most ${max}`;
  return noun;
}

/** A date (ISO text, epoch ms, Date, or the column's stated or inferred format) as a local day number in `zone`. */
export function dateValue(zone: ZonedDayMapper, format: DateFormat = AUTO_DATE_FORMAT) {
  const expected = describeDateFormat(format);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      const day = dayFromDateValue(value, zone, format);
      if (day !== day) return reject(ctx, expected, value);
      return dayInRange(day) ? day : reject(ctx, DATE_RANGE_EXPECTATION, value);
    }),
  );
}

/** An optional date: absent, blank or null mean "none" (an open subscription, an unpaid invoice). */
export function optionalDateValue(zone: ZonedDayMapper, format: DateFormat = AUTO_DATE_FORMAT) {
  const required = dateValue(zone, format);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      if (value === undefined || value === null || value === '') return undefined;
      const parsed = required.safeParse(value);
      return parsed.success ? parsed.data : reject(ctx, parsed.error.issues[0].message, value);
    }),
  );
}

/** A cell as text: text as it is, a finite number as its decimal text (a CSV reader may have made "5" a number); else undefined. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Text; numbers are taken as their decimal text. */
export const textValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => asText(value) ?? reject(ctx, 'text', value)),
);

/** Like {@link textValue}, but absent or null is allowed (undefined). */
export const optionalTextValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => (value === undefined || value === null ? undefined : (asText(value) ?? reject(ctx, 'text', value)))),
);

/** A yes/no flag (a pre-aggregated period's `complete`): true/false or their text; absent or blank is undefined. */
export const optionalBooleanValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => {
    if (value === undefined || value === null || value === '') return undefined;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    return reject(ctx, 'true or false', value);
  }),
);

/** Common options of every schema-read shape. */
export interface ReadOptions<Canonical extends string> {
  /** Maps the kit's field names to the user's column names, e.g. `{ customer: 'email' }`. */
  fields?: Partial<Record<Canonical, string>>;
  /** IANA zone for instants; default `UTC`. */
  timeZone?: string;
  /** Preset, date format and decimal mark (see reading.ts). */
  reading?: ReadingOptions;
}

/** A read's columns after the preset, and the format of each date and number column. */
export interface ColumnFormats<Canonical extends string> {
  fields: Partial<Record<Canonical, string>>;
  date(field: Canonical): DateFormat;
  decimal(field: Canonical): DecimalMark;
}

/**
 * Settles a read's columns and formats before any record is read: the
 * preset's columns under the ones given, and each date and number column's
 * format, stated or inferred from the whole column (an error for a column
 * that reads two ways).
 */
export function columnFormats<Canonical extends string>(
  rows: RecordList,
  options: ReadOptions<Canonical> & { presetKind?: ExportPreset['kind']; dates?: readonly Canonical[]; numbers?: readonly Canonical[] },
): Result<ColumnFormats<Canonical>> {
  const reading = resolveReading(options.reading);
  if (!reading.ok) return reading;
  // No prototype: `options.fields` comes from a page's JSON, where a key "__proto__" must not become one.
  const fields: Partial<Record<Canonical, string>> = Object.create(null);
  const presetFields = reading.value.preset && options.presetKind ? reading.value.preset.fields : {};
  for (const name of Object.keys(presetFields)) {
    const mapped = presetColumn(reading.value, options.presetKind!, name as keyof ExportPreset['fields']);
    if (mapped) fields[name as Canonical] = mapped;
  }
  for (const [name, column] of Object.entries(options.fields ?? {})) if (column) fields[name as Canonical] = column as string;
  const column = (name: Canonical) => fields[name] || name;
  const n = isRecordList(rows) ? rows.length : 0;
  // Each column's cells by index: CSV columns as they are, an array's records read once per column.
  const cellsOf = (name: Canonical) => {
    const cells = n > 0 ? columnOf(rows, column(name)) : [];
    return (i: number) => cells[i];
  };
  const dates = new Map<Canonical, DateFormat>();
  for (const name of options.dates ?? []) {
    const format = dateFormatOfColumn(reading.value, column(name), cellsOf(name), n);
    if (!format.ok) return format;
    dates.set(name, format.value);
  }
  const decimals = new Map<Canonical, DecimalMark>();
  for (const name of options.numbers ?? []) {
    const decimal = decimalOfColumn(reading.value, column(name), cellsOf(name), n);
    if (!decimal.ok) return decimal;
    decimals.set(name, decimal.value.decimal);
  }
  return ok({ fields, date: (name) => dates.get(name) ?? reading.value.dateFormat, decimal: (name) => decimals.get(name) ?? '.' });
}

/** The zone of a read, or an error for an unknown zone name. */
export function zoneFor(timeZone = 'UTC'): Result<ZonedDayMapper> {
  return isValidTimeZone(timeZone) ? ok(new ZonedDayMapper(timeZone)) : fail(optionError('timeZone', 'an IANA time zone such as Europe/Oslo', timeZone));
}

/**
 * Reads every record through `schema` after renaming the user's columns to the
 * canonical fields. Returns all records, or an error listing the first bad
 * ones by index and by the user's own field names.
 */
export function readRecords<Canonical extends string, Output>(
  list: RecordList,
  schema: z.ZodMiniType<Output>,
  canonicalFields: readonly Canonical[],
  options: { fields?: Partial<Record<Canonical, string>>; what: string },
): Result<Output[]> {
  if (!isRecordList(list)) return fail(optionError('data', `an array of ${options.what}`, list));
  // These shapes are small (subscriptions, survey answers): CSV records become row objects here.
  const rows = recordObjects(list);
  const userName = (canonical: Canonical) => (ownField(options.fields, canonical) as string | undefined) || canonical;
  const columns = canonicalFields.map((canonical) => [canonical, userName(canonical)] as const);
  const issues = new IssueCollector();
  const out: Output[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      issues.add(i, '(record)', 'an object with named fields', row);
      continue;
    }
    // The user's column names may be anything ("constructor", "__proto__"): only the row's own fields are read.
    const canonical: Record<string, unknown> = Object.create(null);
    for (const [name, column] of columns) canonical[name] = ownField(row, column);
    const parsed = schema.safeParse(canonical);
    if (parsed.success) {
      out.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '(record)') as Canonical;
      const column = canonicalFields.includes(name) ? userName(name) : name;
      issues.add(i, column, expectationOf(issue), canonical[name]);
    }
  }
  return issues.hasIssues ? fail(issues.toError(options.what)) : ok(out);
}

function expectationOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type') return `a value of type ${issue.expected}`;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

/** Adds warnings to a result without touching its value. */
export function withWarnings<T>(result: Result<T>, warnings: InputWarning[]): Result<T> {
  return { ...result, warnings: [...result.warnings, ...warnings] };
}
