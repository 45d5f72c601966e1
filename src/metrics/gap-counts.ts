/**
 * Gaps between purchase days counted per whole number of days: the one
 * representation the engine (purchase-gaps.ts), the `purchase-gaps/1` shape
 * and the SQL share, and the median read off it. A module of its own, with no
 * imports, so the SQL package carries no transaction reader for it.
 */

/**
 * How many gaps of each whole number of days the customers' purchase days
 * leave, and the customers they rest on: everything the distribution, its
 * median and mean are computed from, exactly.
 */
export interface PurchaseGapCounts {
  /** counts[g] = gaps of exactly g days (index 0 is always 0). */
  counts: Float64Array;
  /** Customers with purchases on at least two days in the frame. */
  customersWithRepeat: number;
  /** Customers with a purchase in the frame. */
  customersWithPurchase: number;
}

/** The median of `gapCount` counted gaps: the middle one, or the mean of the two middle ones for an even count. */
export function medianGap(counts: Float64Array, gapCount: number): number {
  return (gapAtRank(counts, Math.floor((gapCount - 1) / 2)) + gapAtRank(counts, Math.floor(gapCount / 2))) / 2;
}

/** The gap at 0-based rank k in sorted order, read off the counting histogram. */
export function gapAtRank(counts: Float64Array, rank: number): number {
  let seen = 0;
  for (let g = 1; g < counts.length; g++) {
    seen += counts[g];
    if (seen > rank) return g;
  }
  return counts.length - 1;
}
