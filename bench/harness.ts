/**
 * The benchmark's workload, run the same way in Node and in Chromium: the
 * runners bundle this module, create a {@link BenchSession} per input size and
 * drive it step by step. Timing loops run here, inside the engine, so no
 * cross-process call sits inside a measurement; memory is read by the runner
 * between steps (Node: process.memoryUsage, Chromium: the DevTools protocol).
 *
 * Every measurement is relative to `JSON.parse` of the same text in the same
 * run: the cost a page pays anyway to get the data into memory.
 */
import { generateTransactions, type TransactionRecord } from '../demo/data/generate.ts';
import { churnSeries } from '../src/metrics/activity.ts';
import { cohortMatrix } from '../src/metrics/cohorts.ts';
import type { Result } from '../src/metrics/issues.ts';
import { repeatPurchaseRate } from '../src/metrics/purchases.ts';
import { readTransactions, type ReadTransactionsOptions, type TransactionTable } from '../src/metrics/read/transactions.ts';
import { CsvColumnReader } from '../src/engine/csv-stream.ts';
import type { CsvRecords } from '../src/metrics/read/csv-records.ts';

/** The same rows as CSV text read into columns as a download would be, then validated into a table. */
export const CSV_TO_TABLE = 'csv → table';

/** The columns a shop export maps: every one of them is validated. */
const READ_OPTIONS: ReadTransactionsOptions = {
  fields: { customer: 'customer', date: 'date', amount: 'amount', quantity: 'quantity', order: 'order', type: 'type' },
  now: Date.UTC(2026, 0, 1),
};

export const CASES = ['JSON.parse', 'parse+validate', 'validate', 'cohortMatrix', 'churnSeries', 'repeatPurchaseRate', CSV_TO_TABLE] as const;
export type CaseName = (typeof CASES)[number];

/** What each case needs before it runs: the text, the parsed rows, or the table. */
const NEEDS: Record<CaseName, 'text' | 'rows' | 'table'> = {
  'JSON.parse': 'text',
  'parse+validate': 'text',
  validate: 'rows',
  cohortMatrix: 'table',
  churnSeries: 'table',
  repeatPurchaseRate: 'table',
  [CSV_TO_TABLE]: 'text',
};

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`);
  return result.value;
}

/** Full GC where the engine exposes it (node --expose-gc, chromium --js-flags=--expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const CSV_COLUMNS = ['customer', 'date', 'amount', 'quantity', 'order', 'product', 'type'] as const;

/** Records as a shop's CSV export: a header, one line per record, cells quoted only where they must be. */
function csvTextOf(records: readonly TransactionRecord[]): string {
  const cell = (value: unknown) => {
    const text = value === undefined || value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${CSV_COLUMNS.join(',')}\n${records.map((record) => CSV_COLUMNS.map((column) => cell(record[column])).join(',')).join('\n')}\n`;
}

/** CSV bytes into columns in 64 KiB chunks, as the engine reads a download. */
function readCsv(bytes: Uint8Array): CsvRecords {
  const reader = new CsvColumnReader({ origin: 'bench.csv' });
  for (let at = 0; at < bytes.length; at += 65_536) reader.push(bytes.subarray(at, at + 65_536));
  const outcome = reader.finish();
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.rows;
}

export class BenchSession {
  readonly size: number;
  private text = '';
  /** The same records as a CSV export's bytes, for {@link CSV_TO_TABLE}. */
  private readonly csvBytes: Uint8Array;
  private rows: unknown[] | undefined;
  private table: TransactionTable | undefined;
  /** Result of the last {@link runAndKeep}, held so its memory can be read. */
  private kept: unknown;
  /** Defeats dead-code elimination of results in timing loops. */
  sink = 0;

  constructor(size: number, seed: number) {
    this.size = size;
    // Generated and serialised here, then dropped: only the text is kept, as if it had just been downloaded.
    const records = generateTransactions({ seed, transactions: size });
    this.text = JSON.stringify(records);
    this.csvBytes = new TextEncoder().encode(csvTextOf(records));
  }

  get inputBytes(): number {
    return this.text.length;
  }

  /** Gets the inputs of a case ready (outside any measurement) and drops what it does not need. */
  setUp(name: CaseName): void {
    const need = NEEDS[name];
    if (need === 'text') {
      this.rows = undefined;
      this.table = undefined;
      return;
    }
    this.rows ??= JSON.parse(this.text) as unknown[];
    if (need === 'table') {
      this.table ??= unwrap(readTransactions(this.rows, READ_OPTIONS), 'readTransactions');
      this.rows = undefined;
    }
  }

  private run(name: CaseName): unknown {
    switch (name) {
      case 'JSON.parse':
        return JSON.parse(this.text);
      case 'parse+validate':
        return unwrap(readTransactions(JSON.parse(this.text) as unknown[], READ_OPTIONS), name);
      case 'validate':
        return unwrap(readTransactions(this.rows!, READ_OPTIONS), name);
      case 'cohortMatrix':
        return unwrap(cohortMatrix(this.freshTable(), { granularity: 'month', value: 'percent' }), name);
      case 'churnSeries':
        return unwrap(churnSeries(this.freshTable(), { granularity: 'month', windowDays: 90 }), name);
      case 'repeatPurchaseRate':
        return unwrap(repeatPurchaseRate(this.freshTable()), name);
      case CSV_TO_TABLE:
        return unwrap(readTransactions(readCsv(this.csvBytes), READ_OPTIONS), name);
    }
  }

  /**
   * The table under a new identity (same columns): metrics cache work per
   * table (purchases.ts keeps each table's rows grouped by customer in a
   * WeakMap), and what an element pays is the first call on a fresh table.
   */
  private freshTable(): TransactionTable {
    return { ...this.table! };
  }

  /**
   * Milliseconds per call for each timed sample, after `warmup` untimed calls.
   * Short calls are repeated within a sample until it lasts about 20 ms, as
   * browsers coarsen performance.now() to 0.1 ms.
   */
  time(name: CaseName, warmup: number, runs: number): number[] {
    let slowest = 0;
    for (let i = 0; i < Math.max(1, warmup); i++) {
      const start = performance.now();
      this.consume(this.run(name));
      slowest = Math.max(slowest, performance.now() - start);
    }
    const calls = Math.min(200, Math.max(1, Math.ceil(20 / Math.max(slowest, 0.05))));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A single-call sample starts from a collected heap, so it does not pay for the previous sample's garbage.
      // (Not for repeated short calls: a forced GC shrinks the young generation, which then slows them.)
      if (calls === 1) collectGarbage();
      const start = performance.now();
      for (let k = 0; k < calls; k++) this.consume(this.run(name));
      times.push((performance.now() - start) / calls);
    }
    return times;
  }

  /** Runs once and holds the result, so the runner can read memory with it alive. */
  runAndKeep(name: CaseName): void {
    this.kept = this.run(name);
  }

  /** Parses the text and holds the rows: their retained size is the "parsed input" memory. */
  keepParsedInput(): void {
    this.kept = JSON.parse(this.text);
  }

  release(): void {
    this.kept = undefined;
  }

  /** A short fingerprint of a result, so a run that returned nothing useful is noticed. */
  summary(name: CaseName): string {
    this.setUp(name);
    const result = this.run(name) as Record<string, unknown>;
    if (Array.isArray(result)) return `${result.length} rows`;
    if ('length' in result) return `${String(result.length)} rows, ${(result as unknown as TransactionTable).customerIds.length} customers`;
    if ('cohorts' in result && Array.isArray(result.cohorts)) return `${result.cohorts.length} cohorts`;
    if ('periods' in result && Array.isArray(result.periods)) return `${result.periods.length} periods`;
    if ('rate' in result) return `rate ${Number(result.rate).toFixed(4)}`;
    return Object.keys(result).join(',');
  }

  private consume(result: unknown): void {
    this.sink = (this.sink + (result === undefined ? 0 : 1)) | 0;
  }
}

/**
 * The benchmark's seeded records as a list, for runners that write them to
 * files (bench/big-export/ serves them as CSV and JSON): the same generator
 * and seed as a {@link BenchSession} of that size.
 */
export function generateBenchTransactions(size: number, seed: number): ReturnType<typeof generateTransactions> {
  return generateTransactions({ seed, transactions: size });
}

/** The column of each field in those records, which an element's `*-key` attributes map. */
export const BENCH_FIELDS = READ_OPTIONS.fields;
