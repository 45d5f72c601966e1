/**
 * Reading a versioned pre-aggregated document (`{ "shape": "cohort-matrix/1", … }`)
 * where an element also takes the unversioned form: a document that names a shape
 * is held to that shape's schema whole, and a version this kit does not read is
 * refused by name rather than read as something it may not be.
 */
import type * as z from 'zod/mini';
import { fail, optionError, type Result } from '../issues.ts';
import { validateInput } from '../read/validation.ts';

/** The `shape` a document names, or undefined for data that names none (an array, or an object without it). */
export function namedShape(data: unknown): unknown {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, 'shape') ? (data as { shape: unknown }).shape : undefined;
}

/** The document read by `schema` when it names `expected`; undefined when it names no shape; an error for another shape. */
export function readVersionedShape<T>(data: unknown, expected: string, schema: z.ZodMiniType<T>): Result<T> | undefined {
  const shape = namedShape(data);
  if (shape === undefined) return undefined;
  if (shape !== expected) return fail(optionError('shape', `"${expected}", the version this kit reads`, shape));
  return validateInput(schema, data, { what: `${expected} document` });
}
