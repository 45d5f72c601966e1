/**
 * Schema-driven reading of the smaller record shapes (subscriptions, customers,
 * survey responses, cancellations, invoices): field mapping, a Zod schema per
 * record, and Zod's issues turned into the kit's "record, field, expected,
 * found" reports. The value schemas below apply the coercion rules of
 * values.ts and dates.ts, so every shape reads a CSV cell the same way.
 */
import * as z from 'zod/mini';
import { DATE_EXPECTATION, ZonedDayMapper, dayFromDateValue, isValidTimeZone } from './dates.ts';
import { IssueCollector, describeValue, fail, ok, optionError, type InputWarning, type Result } from './issues.ts';
import { IDENTIFIER_EXPECTATION, NUMBER_EXPECTATION, toFiniteNumber, toIdentifier } from './values.ts';

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

/** A finite number (or decimal text), optionally bounded. */
export function numberValue(bounds: { min?: number; max?: number; integer?: boolean } = {}) {
  const { min = -Infinity, max = Infinity, integer = false } = bounds;
  const expected = describeBounds(min, max, integer);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      const number = toFiniteNumber(value);
      if (number !== number || number < min || number > max || (integer && !Number.isInteger(number))) return reject(ctx, expected, value);
      return number;
    }),
  );
}

/** Like {@link numberValue}, but absent or blank is allowed (undefined). */
export function optionalNumberValue(bounds: { min?: number; max?: number; integer?: boolean } = {}) {
  const required = numberValue(bounds);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      if (value === undefined || value === null || value === '') return undefined;
      const parsed = required.safeParse(value);
      return parsed.success ? parsed.data : reject(ctx, parsed.error.issues[0].message, value);
    }),
  );
}

function describeBounds(min: number, max: number, integer: boolean): string {
  const noun = integer ? 'a whole number' : NUMBER_EXPECTATION;
  if (min > -Infinity && max < Infinity) return `${noun} from ${min} to ${max}`;
  if (min > -Infinity) return `${noun} of at least ${min}`;
  if (max < Infinity) return `${noun} of at most ${max}`;
  return noun;
}

/** A date (ISO text, epoch ms, Date) as a local day number in `zone`. */
export function dateValue(zone: ZonedDayMapper) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      const day = dayFromDateValue(value, zone);
      return day === day ? day : reject(ctx, DATE_EXPECTATION, value);
    }),
  );
}

/** An optional date: absent, blank or null mean "none" (an open subscription, an unpaid invoice). */
export function optionalDateValue(zone: ZonedDayMapper) {
  const required = dateValue(zone);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx: Ctx) => {
      if (value === undefined || value === null || value === '') return undefined;
      const parsed = required.safeParse(value);
      return parsed.success ? parsed.data : reject(ctx, DATE_EXPECTATION, value);
    }),
  );
}

/** Text; numbers are taken as their decimal text (a CSV reader may have made "5" a number). */
export const textValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return reject(ctx, 'text', value);
  }),
);

export const optionalTextValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return reject(ctx, 'text', value);
  }),
);

/** Common options of every schema-read shape. */
export interface ReadOptions<Canonical extends string> {
  /** Maps the kit's field names to the user's column names, e.g. `{ customer: 'email' }`. */
  fields?: Partial<Record<Canonical, string>>;
  /** IANA zone for instants; default `UTC`. */
  timeZone?: string;
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
  rows: readonly unknown[],
  schema: z.ZodMiniType<Output>,
  canonicalFields: readonly Canonical[],
  options: { fields?: Partial<Record<Canonical, string>>; what: string },
): Result<Output[]> {
  if (!Array.isArray(rows)) return fail(optionError('data', `an array of ${options.what}`, rows));
  const userName = (canonical: Canonical) => options.fields?.[canonical] || canonical;
  const columns = canonicalFields.map((canonical) => [canonical, userName(canonical)] as const);
  const issues = new IssueCollector();
  const out: Output[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      issues.add(i, '(record)', 'an object with named fields', row);
      continue;
    }
    const canonical: Record<string, unknown> = {};
    for (const [name, column] of columns) canonical[name] = (row as Record<string, unknown>)[column];
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
