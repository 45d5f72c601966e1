/**
 * Small Zod helpers shared by the rates and the record schemas: consistency
 * rules between fields, records validated one at a time, and issues turned
 * into the kit's "record, field, expected, found" reports.
 */
import * as z from 'zod/mini';
import { IssueCollector, fail, ok, type Result } from '../issues.ts';

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
 */
export function withFields<S extends z.ZodMiniType>(names: readonly string[], schema: S) {
  return z.pipe(
    z.pipe(
      z.unknown(),
      z.transform((record: unknown) => {
        if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
        const row = record as Record<string, unknown>;
        return Object.fromEntries(names.map((name) => [name, row[name]]));
      }),
    ),
    schema,
  );
}

function expectationOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type') return issue.expected === 'object' ? 'an object with named fields' : `a value of type ${issue.expected}`;
  return issue.message;
}

function valueAt(input: unknown, key: PropertyKey | undefined): unknown {
  if (key === undefined) return input;
  return input !== null && typeof input === 'object' ? (input as Record<PropertyKey, unknown>)[key] : undefined;
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
