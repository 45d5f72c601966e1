/**
 * Time between purchases: how many days pass before a customer buys again,
 * and the retention window the kit suggests from it.
 *
 * Gaps are measured between consecutive distinct purchase DAYS of a customer
 * (two orders on one day are one shopping trip here, so every gap is a whole
 * number of days ≥ 1). That makes the distribution a counting histogram: the
 * median and percentiles are exact and linear, no sort needed.
 */
import { fail, ok, optionError, type Result } from './issues.ts';
import { customerRows } from './customer-rows.ts';
import { purchaseFrame, type PurchaseMetricOptions } from './purchases.ts';
import { TRANSACTION_KIND, type TransactionTable } from './read/transactions.ts';
import { gapAtRank, medianGap, type PurchaseGapCounts } from './gap-counts.ts';

export { medianGap, type PurchaseGapCounts } from './gap-counts.ts';

/** One bar of the gap distribution: gaps of `fromDays` ≤ days < `toDays`. */
export interface GapBin {
  fromDays: number;
  toDays: number;
  count: number;
}

export interface GapBinOptions {
  /** Days per bin; a whole number ≥ 1, default 7 (weeks: 1–7 days, 8–14 days …). */
  widthDays?: number;
  /**
   * Longest gap with a bin of its own; longer gaps share one last bin that
   * reaches to the longest gap. Rounded up to a whole number of bins. Default:
   * the 95th percentile of the gaps, so a few very long gaps do not squash the
   * chart, but at most {@link MAX_DEFAULT_BINS} bins.
   */
  maxDays?: number;
}

export interface TimeBetweenPurchasesOptions extends PurchaseMetricOptions {
  bins?: GapBinOptions;
}

export interface TimeBetweenPurchases {
  /** Median gap in days (mean of the two middle gaps when their count is even); null without gaps. */
  median: number | null;
  mean: number | null;
  /** Shortest and longest gap; null without gaps. */
  min: number | null;
  max: number | null;
  /** All gaps of all customers. */
  gapCount: number;
  /** Customers with purchases on at least two days in the frame. */
  customersWithRepeat: number;
  /** Customers with a purchase in the frame: of them, `customersWithRepeat` bought again on another day. */
  customersWithPurchase: number;
  /** Gap counts in bins of `widthDays`, from 1 day up; the last bin may be the overflow bin. Empty without gaps. */
  histogram: GapBin[];
  /** 3 × median, rounded up to a whole day: see {@link suggestedWindowDays}. */
  suggestedWindowDays: number | null;
}

export const DEFAULT_GAP_BIN_DAYS = 7;
export const MAX_DEFAULT_BINS = 52;
/** Purchase cycles a retention window should cover. */
export const WINDOW_CYCLES = 3;

/**
 * Gaps between consecutive purchase days of every customer in the time frame
 * (only purchase days inside the frame count; a gap from a purchase before the
 * frame is not seen). Returns median, mean and the distribution.
 */
export function timeBetweenPurchases(table: TransactionTable, options: TimeBetweenPurchasesOptions = {}): Result<TimeBetweenPurchases> {
  const bins = checkedBinOptions(options.bins);
  if (!bins.ok) return bins;
  const gaps = purchaseGapCounts(table, options);
  return gaps.ok ? ok(summarizeGaps(gaps.value, bins.value)) : gaps;
}

/** The bin options, checked: whole numbers of days ≥ 1 (named as the metric's API names them). */
function checkedBinOptions(bins: GapBinOptions | undefined): Result<{ widthDays: number; maxDays?: number }> {
  const widthDays = bins?.widthDays ?? DEFAULT_GAP_BIN_DAYS;
  if (!Number.isInteger(widthDays) || widthDays < 1) return fail(optionError('bins.widthDays', 'a whole number of days, 1 or more', widthDays));
  const maxDays = bins?.maxDays;
  if (maxDays !== undefined && (!Number.isInteger(maxDays) || maxDays < 1)) {
    return fail(optionError('bins.maxDays', 'a whole number of days, 1 or more', maxDays));
  }
  return ok({ widthDays, maxDays });
}

/** The gap counts (gap-counts.ts) of the customers' purchase days in the time frame: one walk over the rows. */
export function purchaseGapCounts(table: TransactionTable, options: PurchaseMetricOptions = {}): Result<PurchaseGapCounts> {
  const frame = purchaseFrame(table, options.timeFrame);
  if (!frame.ok) return frame;
  const { fromDay, toDay } = frame.value;

  // counts[g] = gaps of g days; no gap is longer than the table's span.
  const counts = new Float64Array(table.length ? table.lastDay - table.firstDay + 1 : 1);
  const { offsets, rows } = customerRows(table);
  const { day, kind } = table;
  let customersWithRepeat = 0;
  let customersWithPurchase = 0;
  for (let c = 0; c < table.customerIds.length; c++) {
    let previous = Number.NaN;
    let hasGap = false;
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const r = rows[i];
      const d = day[r];
      if (kind[r] !== TRANSACTION_KIND.purchase || d < fromDay || d >= toDay || d === previous) continue;
      if (previous === previous) {
        counts[d - previous]++;
        hasGap = true;
      }
      previous = d;
    }
    if (hasGap) customersWithRepeat++;
    if (previous === previous) customersWithPurchase++;
  }
  return ok({ counts, customersWithRepeat, customersWithPurchase });
}

/**
 * Median, mean, range and the binned distribution of gap counts. Integer
 * arithmetic up to the last division, so the same counts give the same
 * figures to the last bit, wherever they were counted.
 */
export function summarizeGaps(gaps: PurchaseGapCounts, bins: { widthDays: number; maxDays?: number }): TimeBetweenPurchases {
  const { counts, customersWithRepeat, customersWithPurchase } = gaps;
  let gapCount = 0;
  let gapSum = 0;
  for (let g = 1; g < counts.length; g++) {
    gapCount += counts[g];
    gapSum += g * counts[g];
  }
  if (gapCount === 0) {
    return { median: null, mean: null, min: null, max: null, gapCount, customersWithRepeat, customersWithPurchase, histogram: [], suggestedWindowDays: null };
  }
  let min = 1;
  while (counts[min] === 0) min++;
  let max = counts.length - 1;
  while (counts[max] === 0) max--;
  const median = medianGap(counts, gapCount);
  const cap = bins.maxDays ?? defaultCap(counts, gapCount, bins.widthDays);
  return {
    median,
    mean: gapSum / gapCount,
    min,
    max,
    gapCount,
    customersWithRepeat,
    customersWithPurchase,
    histogram: gapHistogram(counts, max, bins.widthDays, cap),
    suggestedWindowDays: windowFromMedian(median),
  };
}

/**
 * The retention window the kit suggests for a shop: long enough to cover
 * three typical purchase cycles (3 × the median days between purchases,
 * rounded up), so a customer who buys at their usual pace is never counted as
 * lost. Null when no customer bought on two days.
 */
export function suggestedWindowDays(table: TransactionTable, options: PurchaseMetricOptions = {}): Result<number | null> {
  const gaps = timeBetweenPurchases(table, { timeFrame: options.timeFrame });
  return gaps.ok ? ok(gaps.value.suggestedWindowDays, gaps.warnings) : gaps;
}

function windowFromMedian(median: number): number {
  return Math.ceil(WINDOW_CYCLES * median);
}

function defaultCap(counts: Float64Array, gapCount: number, widthDays: number): number {
  const p95 = gapAtRank(counts, Math.ceil(0.95 * gapCount) - 1);
  return Math.min(Math.ceil(p95 / widthDays), MAX_DEFAULT_BINS) * widthDays;
}

/**
 * Bins [1, 1 + w), [1 + w, 1 + 2w) … up to the cap (rounded up to whole bins),
 * then one overflow bin [cap + 1, max + 1) when longer gaps exist. Trailing
 * empty bins below the cap are dropped: they would only stretch the axis.
 */
function gapHistogram(counts: Float64Array, max: number, widthDays: number, maxDays: number): GapBin[] {
  const cap = Math.ceil(maxDays / widthDays) * widthDays;
  const last = Math.min(cap, max);
  const bins: GapBin[] = [];
  for (let from = 1; from <= last; from += widthDays) {
    const to = from + widthDays;
    let count = 0;
    for (let g = from; g < to && g < counts.length; g++) count += counts[g];
    bins.push({ fromDays: from, toDays: to, count });
  }
  if (max > cap) {
    let count = 0;
    for (let g = cap + 1; g <= max; g++) count += counts[g];
    bins.push({ fromDays: cap + 1, toDays: max + 1, count });
  }
  return bins;
}
