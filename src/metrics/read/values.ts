/**
 * Coercion rules shared by every reader and by the Zod schemas, so a CSV cell
 * "12.50" and a JSON number 12.5 mean the same thing everywhere, and a value
 * that is neither is reported, never guessed at.
 */

export const NUMBER_EXPECTATION = 'a finite number';

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A finite number from a number or a decimal string; NaN otherwise (NaN, ±Infinity, '', '1,5', '0x1F'). */
export function toFiniteNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string') {
    // Number() alone would take '' as 0 and '0x1F' as 31: both are data errors here.
    const number = Number(value);
    if (Number.isFinite(number) && value.length > 0 && NUMERIC_TEXT.test(value)) return number;
  }
  return Number.NaN;
}

/**
 * An identifier (customer, order) as a string key; undefined when absent
 * (null, undefined, empty or blank text), NaN-like for other types.
 * Numbers become their decimal text, so 13085 and "13085" are one customer.
 */
export function toIdentifier(value: unknown): string | undefined | null {
  if (typeof value === 'string') {
    if (value.length === 0) return undefined;
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    if (first > 32 && last > 32) return value;
    const trimmed = value.trim();
    return trimmed.length === 0 ? undefined : trimmed;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (value === null || value === undefined) return undefined;
  return null; // objects, booleans: not an identifier
}

export const IDENTIFIER_EXPECTATION = 'an identifier (text or number)';

/**
 * A field of a record that may not be an object, by a name the user chose.
 * Only the record's own fields count: `record["constructor"]` would otherwise
 * find Object's constructor on a record without such a column, and
 * `record["toString"]` a function, where the data has nothing.
 */
export function ownField(record: unknown, name: PropertyKey): unknown {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, name) ? (record as Record<PropertyKey, unknown>)[name] : undefined;
}
