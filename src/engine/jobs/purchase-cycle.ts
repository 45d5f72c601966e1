/**
 * The purchase-cycle job: transactions in, the distribution of days between a
 * customer's consecutive purchase days out (timeBetweenPurchases), with the
 * median, the mean and the retention window the kit suggests (3 × median),
 * and how many of the customers who bought in the frame bought again on
 * another day (the customers the gaps rest on; its counts give its interval).
 * Runs in the page or in the metrics worker: no DOM here.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import { fail, formatIssue, ok, optionError, type Result } from '../../metrics/issues.ts';
import { isRecordList } from '../../metrics/read/csv-records.ts';
import { timeBetweenPurchases, WINDOW_CYCLES, type GapBin } from '../../metrics/purchase-gaps.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { engineJob } from '../job.ts';
import { transactionTableFor } from '../table-cache.ts';

export interface PurchaseCycleJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  /** Days per bar; a whole number ≥ 1. */
  binWidth: number;
  /** Longest gap with a bar of its own (longer gaps share the last bar); default the 95th percentile. */
  maxDays?: number;
  /** Purchases counted: from (inclusive) … to (exclusive), ISO dates. */
  from?: string;
  to?: string;
  timeZone?: string;
  transactionFields?: TransactionFields;
}

/** Plain data: it crosses postMessage and is the `metric-change` detail. */
export interface PurchaseCycleModel {
  /** Median days between purchases; null when nobody bought on two days. */
  median: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  gapCount: number;
  customersWithRepeat: number;
  /** Customers with a purchase in the frame: `customersWithRepeat` of them bought again on another day. */
  customersWithPurchase: number;
  /** Bars: gaps of fromDays ≤ days < toDays; the last may be the overflow bar. */
  histogram: GapBin[];
  binWidth: number;
  /** 3 × median, rounded up: a window that covers three typical purchase cycles. */
  suggestedWindowDays: number | null;
  /** Purchase cycles the suggested window covers. */
  windowCycles: number;
}

export function computePurchaseCycle(rows: unknown, options: PurchaseCycleJobOptions): Result<PurchaseCycleModel> {
  if (!Number.isInteger(options.binWidth) || options.binWidth < 1) return fail(optionError('bin-width', 'a whole number of days, 1 or more', options.binWidth));
  if (options.maxDays !== undefined && !(Number.isInteger(options.maxDays) && options.maxDays >= 1)) {
    return fail(optionError('max-days', 'a whole number of days, 1 or more', options.maxDays));
  }
  if (!isRecordList(rows)) return fail(optionError('data', 'an array of transactions', rows));
  const table = transactionTableFor(rows, { fields: options.transactionFields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const timeFrame = options.from || options.to ? { from: options.from || undefined, to: options.to || undefined } : undefined;
  const gaps = timeBetweenPurchases(table.value, { timeFrame, bins: { widthDays: options.binWidth, maxDays: options.maxDays } });
  if (!gaps.ok) {
    // The metric names its options after its own API; the page knows them as attributes.
    const issues = gaps.error.issues.map((issue) => ({ ...issue, field: ATTRIBUTE_OF[issue.field] ?? issue.field }));
    const message = issues[0]?.index === -1 ? `Invalid option: ${formatIssue(issues[0])}` : gaps.error.message;
    return fail({ ...gaps.error, issues, message }, [...table.warnings, ...gaps.warnings]);
  }
  return ok({ ...gaps.value, binWidth: options.binWidth, windowCycles: WINDOW_CYCLES }, [...table.warnings, ...gaps.warnings]);
}

const ATTRIBUTE_OF: Record<string, string> = { 'timeFrame.from': 'from', 'timeFrame.to': 'to', 'bins.widthDays': 'bin-width', 'bins.maxDays': 'max-days' };

export const purchaseCycleJob = engineJob<PurchaseCycleJobOptions, PurchaseCycleModel>('purchase-cycle', (rows, options) => computePurchaseCycle(rows, options));
