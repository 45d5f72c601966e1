/**
 * One TransactionTable per (records, field mapping, time zone, reading): several widgets
 * on one shared download ask for the same table, and reading half a million
 * rows is the costliest step of their jobs. Keyed weakly on the records (a JSON
 * array or CSV columns), so a table lives exactly as long as the records it was read from.
 *
 * It also notes the currency of the tables a job reads, so the engine can tell
 * the page which currency the job's money is in (see worker.ts).
 */
import type { RecordList } from '../metrics/read/csv-records.ts';
import type { Result } from '../metrics/issues.ts';
import { isParsedRecords } from './parse.ts';
import { readTransactions, type ReadTransactionsOptions, type TransactionTable } from '../metrics/read/transactions.ts';

const tables = new WeakMap<object, Map<string, Result<TransactionTable>>>();
let currenciesRead: Set<string> | undefined;

export function transactionTableFor(rows: unknown, options: Pick<ReadTransactionsOptions, 'fields' | 'timeZone' | 'reading'>): Result<TransactionTable> {
  const table = cachedTable(rows, options);
  if (table.ok && table.value.currency) currenciesRead?.add(table.value.currency);
  return table;
}

function cachedTable(rows: unknown, options: Pick<ReadTransactionsOptions, 'fields' | 'timeZone' | 'reading'>): Result<TransactionTable> {
  if (!isParsedRecords(rows)) return readTransactions(rows as RecordList, options);
  const key = JSON.stringify([options.fields ?? {}, options.timeZone ?? 'UTC', options.reading ?? {}]);
  let byOptions = tables.get(rows as object);
  if (!byOptions) tables.set(rows as object, (byOptions = new Map()));
  let table = byOptions.get(key);
  if (!table) byOptions.set(key, (table = readTransactions(rows as RecordList, options)));
  return table;
}

/** Runs a job and says which currency the tables it read were in (undefined when unknown or several). */
export function withCurrencyOfReads<T>(run: () => T): { value: T; currency?: string } {
  const outer = currenciesRead;
  currenciesRead = new Set();
  try {
    const value = run();
    return { value, currency: currenciesRead.size === 1 ? [...currenciesRead][0] : undefined };
  } finally {
    currenciesRead = outer;
  }
}
