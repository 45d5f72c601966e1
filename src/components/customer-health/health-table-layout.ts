/**
 * Pure helpers of <customer-health>'s table: sorting, the at-risk filter and
 * the window of rows a virtual scroller renders. No DOM.
 */
import type { HealthRow } from '../../engine/jobs/customer-health.ts';

export const SORT_KEYS = ['customer', 'score', 'last-active'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

/** The direction a column sorts in when first chosen: the most urgent customers on top. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = { customer: 'ascending', score: 'ascending', 'last-active': 'ascending' };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rows filtered and sorted. Ties keep the metric's order (most at risk first):
 * Array.prototype.sort is stable. Customers never active sort as the longest inactive.
 */
export function viewRows(rows: readonly HealthRow[], key: SortKey, direction: SortDirection, atRiskOnly: boolean): HealthRow[] {
  const kept = atRiskOnly ? rows.filter((r) => r.atRisk) : rows.slice();
  const sign = direction === 'ascending' ? 1 : -1;
  const compare: (a: HealthRow, b: HealthRow) => number =
    key === 'customer'
      ? (a, b) => compareText(a.customer, b.customer)
      : key === 'score'
        ? (a, b) => a.score - b.score
        : (a, b) => (a.lastActiveDay ?? -Infinity) - (b.lastActiveDay ?? -Infinity) || 0;
  return kept.sort((a, b) => sign * compare(a, b));
}

export interface RowWindow {
  /** First rendered row (index into the view). */
  first: number;
  /** One past the last rendered row. */
  end: number;
}

/**
 * The rows to render for a scroll position: those in view plus `overscan`
 * on each side. Spacers stand in for the rest, `first` and `total − end` rows
 * high at the layout's fixed row height.
 */
export function rowWindow(total: number, scrollTop: number, viewportHeight: number, rowHeight: number, overscan = 4): RowWindow {
  if (total <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const visible = Math.max(1, Math.ceil(viewportHeight / rowHeight));
  const first = Math.max(0, Math.min(total - 1, top) - overscan);
  const end = Math.min(total, top + visible + overscan);
  return { first, end };
}

/**
 * The scrollTop that brings row `index` into view with the least movement
 * (unchanged when it already is), for keyboard moves.
 */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
