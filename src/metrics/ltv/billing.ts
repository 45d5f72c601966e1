/**
 * Whether purchases are subscription billing (metrics/ltv/headline.ts leads
 * with the SaaS formula for them): customers pay again after one interval,
 * again and again. A shop's gaps spread from days to a year; billing's
 * cluster at its interval (monthly: 28–31 days).
 */
import { ok, type Result } from '../issues.ts';
import { timeBetweenPurchases } from '../purchase-gaps.ts';
import type { TransactionTable } from '../read/transactions.ts';
import { BILLING_TOLERANCE } from './headline.ts';

/** Gaps between payments needed before their regularity is judged. */
export const MIN_BILLING_GAPS = 20;
/** Share of gaps within {@link BILLING_TOLERANCE} of the median gap for payments to count as billing. */
export const BILLING_REGULAR_SHARE = 0.8;
/** Shortest billing interval considered: below a week, regular gaps are habits (a daily coffee), not invoices. */
export const MIN_BILLING_DAYS = 7;

export interface RecurringBilling {
  /** The payments look like billing. */
  recurring: boolean;
  /** Median days between a customer's consecutive payment days; null without gaps. */
  medianDays: number | null;
  /** Share of the gaps within ±{@link BILLING_TOLERANCE} of the median. */
  regularShare: number;
  gaps: number;
}

/**
 * Whether the payments are billing, judged on the gaps between consecutive
 * purchase days (the kit's one definition, purchase-gaps.ts):
 * at least {@link MIN_BILLING_GAPS} of them, a median of a week or more, and
 * {@link BILLING_REGULAR_SHARE} of them within {@link BILLING_TOLERANCE} of the median.
 */
export function recurringBilling(table: TransactionTable): Result<RecurringBilling> {
  // One-day bins up to the longest gap: every gap length counted exactly.
  const span = table.length ? table.lastDay - table.firstDay : 0;
  const gaps = timeBetweenPurchases(table, { bins: { widthDays: 1, maxDays: Math.max(1, span) } });
  if (!gaps.ok) return gaps;
  const { median, gapCount, histogram } = gaps.value;
  if (median === null) return ok({ recurring: false, medianDays: null, regularShare: 0, gaps: 0 });
  const low = median * (1 - BILLING_TOLERANCE);
  const high = median * (1 + BILLING_TOLERANCE);
  let near = 0;
  for (const bin of histogram) if (bin.fromDays >= low && bin.fromDays <= high) near += bin.count;
  const regularShare = near / gapCount;
  const recurring = gapCount >= MIN_BILLING_GAPS && median >= MIN_BILLING_DAYS && regularShare >= BILLING_REGULAR_SHARE;
  return ok({ recurring, medianDays: median, regularShare, gaps: gapCount });
}
