/**
 * The purchase-cycle job: transactions in, the distribution of days between a
 * customer's consecutive purchase days out (timeBetweenPurchases), with the
 * median, the mean and the retention window the kit suggests (3 × median),
 * and how many of the customers who bought in the frame bought again on
 * another day (the customers the gaps rest on; its counts give its interval).
 * A `purchase-gaps/1` document (the command line's or retention-kit/sql's
 * output) brings the gap counts ready: the same summary is drawn from them.
 * Runs in the page or in the metrics worker: no DOM here.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import { fail, formatIssue, ok, optionError, type Result } from '../../metrics/issues.ts';
import { isRecordList } from '../../metrics/read/csv-records.ts';
import { purchaseGapCounts, summarizeGaps, WINDOW_CYCLES, type GapBin, type PurchaseGapCounts } from '../../metrics/purchase-gaps.ts';
import { gapCountsOfShape, PURCHASE_GAPS_SHAPE, purchaseGapsShapeSchema } from '../../metrics/shapes/purchase-gaps.ts';
import { contradictedAttribute, readVersionedShape } from '../../metrics/shapes/versioned.ts';
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
  const bins = { widthDays: options.binWidth, maxDays: options.maxDays };
  const versioned = readVersionedShape(rows, PURCHASE_GAPS_SHAPE, purchaseGapsShapeSchema);
  if (versioned && !versioned.ok) return versioned;
  if (versioned) {
    // The document was counted over its own frame: a different one asked of the element cannot be drawn from it.
    const refused = contradictedAttribute(PURCHASE_GAPS_SHAPE, [
      ['from', versioned.value.from, options.from || undefined],
      ['to', versioned.value.to, options.to || undefined],
    ]);
    if (refused) return fail(refused);
    return ok(modelOf(gapCountsOfShape(versioned.value), bins));
  }
  if (!isRecordList(rows)) return fail(optionError('data', `an array of transactions, or a ${PURCHASE_GAPS_SHAPE} document`, rows));
  const table = transactionTableFor(rows, { fields: options.transactionFields, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const timeFrame = options.from || options.to ? { from: options.from || undefined, to: options.to || undefined } : undefined;
  const gaps = purchaseGapCounts(table.value, { timeFrame });
  if (!gaps.ok) {
    // The metric names its options after its own API; the page knows them as attributes.
    const issues = gaps.error.issues.map((issue) => ({ ...issue, field: ATTRIBUTE_OF[issue.field] ?? issue.field }));
    const message = issues[0]?.index === -1 ? `Invalid option: ${formatIssue(issues[0])}` : gaps.error.message;
    return fail({ ...gaps.error, issues, message }, [...table.warnings, ...gaps.warnings]);
  }
  return ok(modelOf(gaps.value, bins), [...table.warnings, ...gaps.warnings]);
}

/** The model of gap counts, wherever they were counted: one summary (summarizeGaps) for rows and documents. */
function modelOf(gaps: PurchaseGapCounts, bins: { widthDays: number; maxDays?: number }): PurchaseCycleModel {
  return { ...summarizeGaps(gaps, bins), binWidth: bins.widthDays, windowCycles: WINDOW_CYCLES };
}

const ATTRIBUTE_OF: Record<string, string> = { 'timeFrame.from': 'from', 'timeFrame.to': 'to', 'bins.widthDays': 'bin-width', 'bins.maxDays': 'max-days' };

export const purchaseCycleJob = engineJob<PurchaseCycleJobOptions, PurchaseCycleModel>('purchase-cycle', (rows, options) => computePurchaseCycle(rows, options));
