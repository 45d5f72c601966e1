/** English terms of <churn-reasons> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    reasonsScopeByCount: string;
    reasonsScopeByRevenue: string;
    reasonsLabel: string;
    reasonsSummary: (total: number, top: string, share: string) => string;
    reasonsSummaryRevenue: (total: string) => string;
    reasonsNoReason: string;
    reasonsFolded: (distinct: number) => string;
    reasonsFoldedSummary: (distinct: number, count: number) => string;
    reasonsFoldedHolds: (list: string, more: number) => string;
    reasonsRare: (threshold: number) => string;
    reasonsTail: (max: number) => string;
    reasonsKeyboardHint: string;
    reasonsReason: string;
    reasonsCount: string;
    reasonsLostRevenue: string;
    reasonsShare: string;
    reasonsByCount: string;
    reasonsByRevenue: string;
    reasonsTrend: string;
    reasonsTrendTable: string;
    reasonsPeriod: string;
    reasonsTotal: string;
    reasonsCancellations: (count: number) => string;
    reasonsSpellings: (list: string) => string;
  }
}

registerTranslation('en', {
  reasonsScopeByCount: 'By number of cancellations',
  reasonsScopeByRevenue: 'By lost revenue',
  reasonsLabel: 'Cancellation reasons',
  reasonsSummary: (total, top, share) => `${total === 1 ? '1 cancellation' : `${total} cancellations`}; the top reason is “${top}” with ${share}.`,
  reasonsSummaryRevenue: (total) => `Lost revenue ${total}.`,
  reasonsNoReason: '(no reason given)',
  // The folded bucket is named by what it is, never "Other": a survey's own "Other" answer is a reason of its own.
  reasonsFolded: (distinct) => (distinct === 1 ? '1 rarer reason' : `${distinct} rarer reasons`),
  reasonsFoldedSummary: (distinct, count) => `${distinct === 1 ? '1 rarer reason' : `${distinct} rarer reasons`}, ${count === 1 ? '1 cancellation' : `${count} cancellations`} in all`,
  reasonsFoldedHolds: (list, more) => `Holds ${list}${more > 0 ? ` and ${more} more` : ''}`,
  reasonsRare: (threshold) => `given fewer than ${threshold} times`,
  reasonsTail: (max) => `below the top ${max}`,
  reasonsKeyboardHint: 'Cancellation reasons. Arrow keys move between reasons; Enter selects a reason or opens the list of rarer reasons.',
  reasonsReason: 'Reason',
  reasonsCount: 'Cancellations',
  reasonsLostRevenue: 'Lost revenue',
  reasonsShare: 'Share',
  reasonsByCount: 'by number of cancellations',
  reasonsByRevenue: 'by lost revenue',
  reasonsTrend: 'Top reasons per period',
  reasonsTrendTable: 'Cancellations per period by reason',
  reasonsPeriod: 'Period',
  reasonsTotal: 'All reasons',
  reasonsCancellations: (count) => (count === 1 ? '1 cancellation' : `${count} cancellations`),
  reasonsSpellings: (list) => `Answers grouped here: ${list}`,
});
