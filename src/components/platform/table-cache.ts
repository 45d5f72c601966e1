/**
 * One TransactionTable per (records, field mapping, time zone): several widgets
 * on one shared download ask for the same table, and reading half a million
 * rows is the costliest step of their jobs. Keyed weakly on the records array,
 * so a table lives exactly as long as the records it was read from.
 */
import type { Result } from '../../metrics/issues.ts';
import { isParsedRecords } from './input.ts';
import { readTransactions, type ReadTransactionsOptions, type TransactionTable } from '../../metrics/transactions.ts';

const tables = new WeakMap<object, Map<string, Result<TransactionTable>>>();

export function transactionTableFor(rows: unknown, options: Pick<ReadTransactionsOptions, 'fields' | 'timeZone'>): Result<TransactionTable> {
  if (!isParsedRecords(rows)) return readTransactions(rows as unknown[], options);
  const key = JSON.stringify([options.fields ?? {}, options.timeZone ?? 'UTC']);
  let byOptions = tables.get(rows as object);
  if (!byOptions) tables.set(rows as object, (byOptions = new Map()));
  let table = byOptions.get(key);
  if (!table) byOptions.set(key, (table = readTransactions(rows as unknown[], options)));
  return table;
}
