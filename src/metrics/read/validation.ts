/**
 * Small Zod helpers shared by the rates and the record schemas: consistency
 * rules between fields, records validated one at a time, and issues turned
 * into the kit's "record, field, expected, found" reports.
 */
import * as z from 'zod/mini';
import { IssueCollector, fail, ok, type Result } from '../issues.ts';
import { ownField } from './values.ts';

type RefineCtx<T> = {
  value: T;
  issues: { push(issue: { code: 'custom'; message: string; input: unknown; path: PropertyKey[] }): void };
};

/**
 * A consistency rule between fields of one input: when `holds` is false, the
 * issue is reported on `field` with `expected` as the expectation. It runs only
 * once every field has parsed, so it may trust their types.
 */
export function rule<T extends Record<string, unknown>>(field: keyof T & string, expected: string, holds: (value: T) => boolean) {
  return z.superRefine((value: T, ctx: RefineCtx<T>) => {
    if (!holds(value)) ctx.issues.push({ code: 'custom', message: expected, input: value[field], path: [field] });
  });
}

/**
 * Hands `schema` an object with every one of `names` present (undefined when
 * the record lacks it). z.object treats a missing key differently from an
 * undefined one, while the kit means the same by both: an optional field may
 * simply be absent. Anything but a plain object passes on for z.object to reject.
 * Only a record's own fields are read (see {@link ownField}).
 */
export function withFields<S extends z.ZodMiniType>(names: readonly string[], schema: S) {
  return z.pipe(
    z.pipe(
      z.unknown(),
      z.transform((record: unknown) => {
        if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
        return Object.fromEntries(names.map((name) => [name, ownField(record, name)]));
      }),
    ),
    schema,
  );
}

type FieldIssue = { code: 'custom'; message: string; input: unknown; path: PropertyKey[] };

/**
 * An object schema keyed by the user's column names, which may be any text.
 * z.object cannot be: it drops a key `__proto__` from what it parses (and a
 * shape built on `{}` takes one as its prototype). Each of `columns` is read
 * as an own field (undefined when absent) and checked by its schema; issues
 * name the column. The result has no prototype, so every name is a plain key.
 */
export function userColumnsObject(columns: ReadonlyMap<string, z.ZodMiniType>) {
  return z.pipe(
    z.unknown(),
    z.transform((record: unknown, ctx: { issues: { push(issue: FieldIssue | Omit<FieldIssue, 'path'>): void } }) => {
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        ctx.issues.push({ code: 'custom', message: 'an object with named fields', input: record });
        return z.NEVER as never;
      }
      const row: Record<string, unknown> = Object.create(null);
      for (const [name, schema] of columns) {
        const parsed = schema.safeParse(ownField(record, name));
        if (parsed.success) row[name] = parsed.data;
        else for (const issue of parsed.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: ownField(record, name), path: [name, ...issue.path] });
      }
      return row;
    }),
  );
}

function expectationOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type') return issue.expected === 'object' ? 'an object with named fields' : `a value of type ${issue.expected}`;
  return issue.message;
}

function valueAt(input: unknown, key: PropertyKey | undefined): unknown {
  return key === undefined ? input : ownField(input, key);
}

/**
 * Runs one input (the numbers of a rate, or one record) through a schema and
 * turns Zod's issues into the kit's reports. `index` is the record's position
 * (−1 for the inputs of a call, which then read "field "start": expected …").
 */
export function validateInput<T>(schema: z.ZodMiniType<T>, input: unknown, options: { what: string; index?: number }): Result<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const index = options.index ?? -1;
  const issues = new IssueCollector();
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    issues.add(index, key === undefined ? (index < 0 ? '(input)' : '(record)') : String(key), expectationOf(issue), valueAt(input, key));
  }
  return fail(issues.toError(options.what));
}
