/**
 * CSV records as the engine reads them: one array of text cells per column,
 * never an object per row. A million-row export is then a handful of arrays
 * of strings, and readers that only need a few columns (readTransactions)
 * read just those. Readers of small shapes (subscriptions, survey answers)
 * may still ask for row objects: {@link recordObjects} builds them once.
 *
 * Lives in the metrics layer (not the engine) so the readers can take CSV
 * records without importing the engine that parses them.
 */

import { ownField } from './values.ts';

/** Records of a CSV file, by column. Built by the engine's CSV reader; treat as read-only. */
export class CsvRecords {
  /**
   * Column names in file order. A name the header repeats is one column, holding
   * the last of those cells: what `record[name] = cell` gave when CSV became
   * row objects. An empty name is a column named ''.
   */
  readonly header: readonly string[];
  /** The cells of each column of {@link header}, one per record; '' for a cell a short row lacks. */
  readonly columns: readonly (readonly string[])[];
  /** How many records (data rows; the header and empty lines are none). */
  readonly length: number;
  /** The file's delimiter: a `;`-separated file is Excel's European save, whose numbers have decimal commas. */
  readonly delimiter: string;
  private readonly indexOf = new Map<string, number>();

  constructor(header: readonly string[], columns: readonly (readonly string[])[], length: number, delimiter: string) {
    this.header = header;
    this.columns = columns;
    this.length = length;
    this.delimiter = delimiter;
    header.forEach((name, index) => this.indexOf.set(name, index));
  }

  /** The cells of a column, or undefined when the file has no such column. */
  column(name: string): readonly string[] | undefined {
    const index = this.indexOf.get(name);
    return index === undefined ? undefined : this.columns[index];
  }
}

/** What readers take: an array of records (any JSON; each reader checks them) or CSV records by column. */
export type RecordList = readonly unknown[] | CsvRecords;

export function isCsvRecords(rows: unknown): rows is CsvRecords {
  return rows instanceof CsvRecords;
}

/** Whether an input is a list of records rather than one pre-aggregated object (counts, a cohort matrix). */
export function isRecordList(rows: unknown): rows is RecordList {
  return Array.isArray(rows) || rows instanceof CsvRecords;
}

const objectsOf = new WeakMap<CsvRecords, Record<string, string>[]>();

/**
 * The records as row objects with text cells, for readers of small shapes.
 * Built on first request and kept as long as the records, so several readers
 * of one download share them; an array of records is returned as it is.
 * The objects have no prototype (see {@link rowObject}).
 */
export function recordObjects(rows: RecordList): readonly unknown[] {
  if (!(rows instanceof CsvRecords)) return rows;
  let objects = objectsOf.get(rows);
  if (!objects) {
    const { header, columns, length } = rows;
    objects = new Array(length);
    for (let r = 0; r < length; r++) objects[r] = rowObject(header, columns, r);
    objectsOf.set(rows, objects);
  }
  return objects;
}

/**
 * The first record that passes `accept` (by default: an object), which input
 * detection looks at to tell pre-aggregated periods from raw records. For CSV
 * records that is the first row, when there is one.
 */
export function firstRecord(rows: unknown, accept: (row: unknown) => boolean = isObject): unknown {
  if (rows instanceof CsvRecords) return rows.length > 0 ? recordAt(rows, 0) : undefined;
  return Array.isArray(rows) ? rows.find(accept) : undefined;
}

function isObject(row: unknown): boolean {
  return row !== null && typeof row === 'object';
}

function recordAt(rows: CsvRecords, index: number): Record<string, string> {
  return rowObject(rows.header, rows.columns, index);
}

/**
 * One CSV row as an object keyed by the header. Without a prototype, because
 * the header is the user's text: on a plain `{}` a column `__proto__` would be
 * assigned as the prototype instead of becoming a field, and a file without a
 * `constructor` column would still "have" one.
 */
function rowObject(header: readonly string[], columns: readonly (readonly string[])[], index: number): Record<string, string> {
  const record: Record<string, string> = Object.create(null);
  for (let c = 0; c < header.length; c++) record[header[c]] = columns[c][index];
  return record;
}

/**
 * The cells of one field by record index, as an array: a CSV column as it is
 * (no copy), or the field read once out of each record of an array (undefined
 * where a record is no object or lacks it). Readers loop over these columns
 * instead of over records. Only own fields count (see {@link ownField}).
 */
export function columnOf(rows: RecordList, name: string): ArrayLike<unknown> {
  if (rows instanceof CsvRecords) return rows.column(name) ?? new Array<undefined>(rows.length);
  const cells = new Array<unknown>(rows.length);
  for (let r = 0; r < rows.length; r++) cells[r] = ownField(rows[r], name);
  return cells;
}

/** Whether any record has the field (for CSV: the header names it and there is a record). */
export function someRecordHas(rows: RecordList, name: string, lookAt = Infinity): boolean {
  if (rows instanceof CsvRecords) return rows.length > 0 && rows.column(name) !== undefined;
  for (let r = 0; r < rows.length && r < lookAt; r++) {
    const row = rows[r];
    if (row !== null && typeof row === 'object' && Object.hasOwn(row, name)) return true;
  }
  return false;
}

/** Whether record `b` repeats record `a` in every field, not only the fields a reader maps. */
export function sameRecordAt(rows: RecordList, a: number, b: number): boolean {
  if (rows instanceof CsvRecords) {
    for (const column of rows.columns) if (column[a] !== column[b]) return false;
    return true;
  }
  return sameObject(rows[a], rows[b]);
}

function sameObject(a: unknown, b: unknown): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    // Same number of own keys, so every key of `left` must be one of `right`'s own too.
    if (!Object.hasOwn(right, key)) return false;
    const x = left[key];
    const y = right[key];
    if (x !== y && !(x instanceof Date && y instanceof Date && x.getTime() === y.getTime())) return false;
  }
  return true;
}
