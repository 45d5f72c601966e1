/**
 * Pure helpers of <customer-health>'s table: sorting, the at-risk filter and
 * the window of rows a virtual scroller renders. No DOM.
 */
import type { HealthRow } from '../../engine/jobs/customer-health.ts';

/** `rank`: the call order the metric gives (risk × value); the others sort by their column. */
export const SORT_KEYS = ['rank', 'customer', 'score', 'value', 'last-active'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

/** The direction a column sorts in when first chosen: the most urgent customers on top. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  rank: 'ascending',
  customer: 'ascending',
  score: 'ascending',
  value: 'descending',
  'last-active': 'ascending',
};

/** Which rows are shown: all, the at-risk ones, and optionally one score band of the distribution. */
export interface RowFilter {
  atRiskOnly: boolean;
  /** Scores in [low, high) (high 100 includes 100); null for every score. */
  band: { low: number; high: number } | null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A row as shown, with its place in the call order (1 = call first). */
export interface RankedRow {
  row: HealthRow;
  rank: number;
}

/** Whether a score falls in a band of the distribution: [low, high), the last band including 100. */
export function inBand(score: number, band: { low: number; high: number }): boolean {
  return score >= band.low && (score < band.high || (band.high >= 100 && score <= 100));
}

/**
 * Rows filtered and sorted. Ties keep the metric's order (the call order):
 * Array.prototype.sort is stable. Customers never active sort as the longest
 * inactive; customers without a value as 0.
 */
export function viewRows(rows: readonly HealthRow[], key: SortKey, direction: SortDirection, filter: RowFilter): RankedRow[] {
  const kept: RankedRow[] = [];
  rows.forEach((row, index) => {
    if (filter.atRiskOnly && row.status !== 'at-risk') return;
    if (filter.band && !inBand(row.score, filter.band)) return;
    kept.push({ row, rank: index + 1 });
  });
  const sign = direction === 'ascending' ? 1 : -1;
  const compare: (a: RankedRow, b: RankedRow) => number =
    key === 'rank'
      ? (a, b) => a.rank - b.rank
      : key === 'customer'
        ? (a, b) => compareText(a.row.customer, b.row.customer)
        : key === 'score'
          ? (a, b) => a.row.score - b.row.score
          : key === 'value'
            ? (a, b) => (a.row.value ?? 0) - (b.row.value ?? 0)
            : (a, b) => (a.row.lastActiveDay ?? -Infinity) - (b.row.lastActiveDay ?? -Infinity) || 0;
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
