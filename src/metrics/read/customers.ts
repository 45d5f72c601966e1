/**
 * Customer properties (signup channel, plan, onboarding type …) read from a
 * customer export, so cohorts can be grouped by them instead of by the
 * period of first purchase. Values are kept as text: a property is a label to
 * group by, and "3" and 3 must land in one group.
 */
import * as z from 'zod/mini';
import { IssueCollector, fail, ok, type Result } from '../issues.ts';
import { idValue, readRecords } from './records.ts';
import { isCsvRecords, isRecordList, type RecordList } from './csv-records.ts';
import { IDENTIFIER_EXPECTATION } from './values.ts';

export interface CustomerProperties {
  /** Customer ids, in input order. */
  ids: string[];
  /** Each property's value per customer (same order as `ids`); undefined when blank or absent. */
  properties: Record<string, (string | undefined)[]>;
  /** Position in `ids` of each customer id. */
  indexOf: Map<string, number>;
}

export interface ReadCustomersOptions {
  /** The customer id column; default `customer`. */
  fields?: { customer?: string };
  /** Which columns to keep as properties; default every column but the customer id. */
  properties?: string[];
}

/** Internal name of the id field: cannot clash with a property column called `customer`. */
const ID_KEY = '\u0000customer';
/**
 * Internal name of the n-th property. Properties are the user's columns, named
 * anything; z.object drops a key `__proto__`, so the schema never sees their names.
 */
const propertyKey = (index: number) => `\u0000property ${index}`;
const PROPERTY_EXPECTATION = 'a text, number or boolean property value';

/** Text of a property cell: blank and absent mean "no value"; objects are rejected. */
const propertyValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'boolean') return String(value);
    ctx.issues.push({ code: 'custom', message: PROPERTY_EXPECTATION, input: value });
    return z.NEVER;
  }),
);

/**
 * Reads customer records. A customer id that appears twice is an error, not
 * "the later row wins": two rows for one customer with different channels are
 * ambiguous, and silently picking one would move the customer between cohorts.
 */
export function readCustomers(rows: RecordList, options: ReadCustomersOptions = {}): Result<CustomerProperties> {
  const customerColumn = options.fields?.customer || 'customer';
  const propertyNames = [...new Set(options.properties ?? propertyColumns(rows, customerColumn))].filter((name) => name !== customerColumn);
  const keys = propertyNames.map((_, index) => propertyKey(index));
  const shape: Record<string, typeof propertyValue | typeof idValue> = Object.fromEntries(keys.map((key) => [key, propertyValue]));
  shape[ID_KEY] = idValue;
  const fields = Object.fromEntries([[ID_KEY, customerColumn], ...propertyNames.map((name, index) => [keys[index], name])]);
  const read = readRecords(rows, z.object(shape), [ID_KEY, ...keys], { fields, what: 'customers' });
  if (!read.ok) return read;

  const ids: string[] = [];
  const recordOfId: number[] = [];
  const indexOf = new Map<string, number>();
  const issues = new IssueCollector();
  const properties: Record<string, (string | undefined)[]> = Object.create(null);
  for (const name of propertyNames) properties[name] = [];
  read.value.forEach((record, i) => {
    const id = record[ID_KEY] as string;
    const earlier = indexOf.get(id);
    if (earlier !== undefined) {
      issues.add(i, customerColumn, `${IDENTIFIER_EXPECTATION} not already used by record ${recordOfId[earlier] + 1}`, id);
      return;
    }
    indexOf.set(id, ids.length);
    ids.push(id);
    recordOfId.push(i);
    propertyNames.forEach((name, index) => properties[name].push(record[keys[index]] as string | undefined));
  });
  if (issues.hasIssues) return fail(issues.toError('customers'));
  return ok({ ids, properties, indexOf });
}

/** Every column seen in any record (first-seen order), except the customer id. */
function propertyColumns(rows: RecordList, customerColumn: string): string[] {
  const seen = new Set<string>();
  if (!isRecordList(rows)) return [];
  if (isCsvRecords(rows)) return rows.header.filter((name) => name !== customerColumn);
  for (const row of rows) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
    for (const key of Object.keys(row)) if (key !== customerColumn) seen.add(key);
  }
  return [...seen];
}
