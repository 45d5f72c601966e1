/**
 * Reading a versioned pre-aggregated document (`{ "shape": "cohort-matrix/1", … }`)
 * where an element also takes the unversioned form: a document that names a shape
 * is held to that shape's schema whole, and a version this kit does not read is
 * refused by name rather than read as something it may not be.
 */
import type * as z from 'zod/mini';
import { fail, optionError, type InputError, type Result } from '../issues.ts';
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

/** An attribute of the page beside the document's value for it: [attribute, the document's, the page's (undefined or null: not set)]. */
export type AttributeCheck = readonly [attribute: string, documents: unknown, given: unknown];

/**
 * The first attribute the page set that the document contradicts, as an error naming it; undefined
 * when none. A document brings what it was counted on (its calendar, activity window, frame …), and
 * counts of one cannot be turned into another's: a quarter's new customers are not the sum of its
 * months'. Drawing the document under the page's attribute would show figures that are not the
 * ones asked for. Every element that reads a document keeps this one rule; an attribute left out
 * takes the document's value.
 */
export function contradictedAttribute(shape: string, checks: readonly AttributeCheck[]): InputError | undefined {
  for (const [attribute, documents, given] of checks) {
    if (given !== undefined && given !== null && given !== documents) {
      const expected = documents === undefined ? `none, as the ${shape} document was counted (or leave ${attribute} out)` : `${JSON.stringify(documents)}, as the ${shape} document was counted (or leave ${attribute} out)`;
      return optionError(attribute, expected, given);
    }
  }
  return undefined;
}
