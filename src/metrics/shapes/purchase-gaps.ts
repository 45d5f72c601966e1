/**
 * `purchase-gaps/1`: the days between a customer's consecutive purchase days,
 * counted per whole number of days, with the customers they rest on. What
 * <purchase-cycle> draws (engine/jobs/purchase-cycle.ts), pre-aggregated: the
 * counts per day are everything its bars, median, mean and suggested window
 * are computed from, exactly, for any `bin-width` or `max-days`.
 *
 *   {
 *     "shape": "purchase-gaps/1",
 *     "asOf": "2010-12-09",            // last day of data read, inclusive
 *     "from": "2009-12-01",            // optional: first day counted (a frame was given)
 *     "to": "2010-12-10",              // optional: first day no longer counted
 *     "customersWithPurchase": 4314,   // bought on at least one day in the frame
 *     "customersWithRepeat": 2818,     // bought on at least two days: the gaps rest on them
 *     "gapCount": 12687,               // all gaps, = the sum of the counts
 *     "median": 28,                    // days; null when nobody bought on two days
 *     "gaps": [{ "days": 1, "count": 369 }, { "days": 2, "count": 315 }, …, { "days": 364, "count": 1 }]
 *   }
 *
 * Definitions (the engine's, metrics/purchase-gaps.ts):
 * - a purchase day is a local day (in the reading time zone) on which the
 *   customer has at least one row that is not a return; returns, refunds and
 *   cancellations never make a purchase day, and rows without a customer
 *   (guest orders) belong to nobody;
 * - several orders or order lines on one day are one purchase day, so every
 *   gap is a whole number of days ≥ 1;
 * - a gap is the days from one purchase day of a customer to their next, both
 *   inside the frame [from, to) and on or before `asOf`: a gap from a purchase
 *   before the frame is not seen;
 * - `gaps` lists each gap length that occurs (count ≥ 1) once, in increasing
 *   days; lengths with no gap are left out;
 * - `median` is the middle gap, or the mean of the two middle gaps when the
 *   count is even (so it is a whole or a half number of days);
 * - the element's bars are [1, 1 + w), [1 + w, 1 + 2w) … for `bin-width` w,
 *   up to `max-days` (default the 95th percentile of the gaps, at most 52
 *   bars), rounded up to whole bars, then one overflow bar up to the longest gap.
 */
import * as z from 'zod/mini';
import { isoDate } from '../calendar/dates.ts';
import { medianGap, type PurchaseGapCounts } from '../gap-counts.ts';
import { rule } from '../read/validation.ts';

export const PURCHASE_GAPS_SHAPE = 'purchase-gaps/1';

const count = z.int().check(z.minimum(0));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const purchaseGapsCountSchema = z.object({
  days: z.int().check(z.minimum(1)),
  count: z.int().check(z.minimum(1)),
});

type GapsDocument = {
  from?: string;
  to?: string;
  customersWithPurchase: number;
  customersWithRepeat: number;
  gapCount: number;
  median: number | null;
  gaps: { days: number; count: number }[];
};

const sumOfCounts = (gaps: GapsDocument['gaps']) => gaps.reduce((sum, g) => sum + g.count, 0);

export const purchaseGapsShapeSchema = z.object({
  shape: z.literal(PURCHASE_GAPS_SHAPE),
  asOf: isoDay,
  from: z.optional(isoDay),
  to: z.optional(isoDay),
  customersWithPurchase: count,
  customersWithRepeat: count,
  gapCount: count,
  median: z.nullable(z.number()),
  gaps: z.array(purchaseGapsCountSchema),
}).check(
  rule<GapsDocument>('to', 'a day after "from": the frame [from, to) holds no day otherwise', (v) => v.from === undefined || v.to === undefined || v.from < v.to),
  rule<GapsDocument>('gaps', 'gap lengths in increasing days, each listed once', (v) => v.gaps.every((g, i) => i === 0 || g.days > v.gaps[i - 1].days)),
  rule<GapsDocument>('gapCount', 'the sum of the counts in "gaps" (every gap is counted under its length)', (v) => sumOfCounts(v.gaps) === v.gapCount),
  rule<GapsDocument>('customersWithRepeat', 'at most "customersWithPurchase" (who bought again bought first)', (v) => v.customersWithRepeat <= v.customersWithPurchase),
  rule<GapsDocument>(
    'customersWithRepeat',
    'at most "gapCount", and 0 exactly when there are no gaps (each customer who bought on two days leaves at least one gap)',
    (v) => v.customersWithRepeat <= v.gapCount && (v.customersWithRepeat === 0) === (v.gapCount === 0),
  ),
  rule<GapsDocument>('median', 'the median of the gaps listed (the mean of the two middle gaps for an even count; null without gaps)', (v) => v.median === medianOfListed(v.gaps, v.gapCount)),
);

export type PurchaseGapsShape = z.infer<typeof purchaseGapsShapeSchema>;

/** The counts of a document as the engine holds them: counts[g] = gaps of g days. */
export function gapCountsOfShape(shape: Pick<PurchaseGapsShape, 'gaps' | 'customersWithPurchase' | 'customersWithRepeat'>): PurchaseGapCounts {
  const counts = new Float64Array((shape.gaps.at(-1)?.days ?? 0) + 1);
  for (const g of shape.gaps) counts[g.days] += g.count;
  return { counts, customersWithRepeat: shape.customersWithRepeat, customersWithPurchase: shape.customersWithPurchase };
}

function medianOfListed(gaps: readonly { days: number; count: number }[], gapCount: number): number | null {
  if (gapCount === 0) return null;
  return medianGap(gapCountsOfShape({ gaps: [...gaps], customersWithPurchase: 0, customersWithRepeat: 0 }).counts, gapCount);
}

/**
 * The shape of the engine's counts (purchaseGapCounts): `asOf` is the last
 * day of data the engine read (its table's last day, or an as-of it was
 * given); `from` and `to` the frame, when one was given.
 */
export function purchaseGapsShapeOf(gaps: PurchaseGapCounts, frame: { asOfDay: number; from?: string; to?: string }): PurchaseGapsShape {
  const listed: PurchaseGapsShape['gaps'] = [];
  let gapCount = 0;
  for (let g = 1; g < gaps.counts.length; g++) {
    if (gaps.counts[g] === 0) continue;
    listed.push({ days: g, count: gaps.counts[g] });
    gapCount += gaps.counts[g];
  }
  return {
    shape: PURCHASE_GAPS_SHAPE,
    asOf: isoDate(frame.asOfDay),
    ...(frame.from === undefined ? {} : { from: frame.from }),
    ...(frame.to === undefined ? {} : { to: frame.to }),
    customersWithPurchase: gaps.customersWithPurchase,
    customersWithRepeat: gaps.customersWithRepeat,
    gapCount,
    median: gapCount === 0 ? null : medianGap(gaps.counts, gapCount),
    gaps: listed,
  };
}
