/**
 * The gallery's built-in sample data, as the files a page author would have:
 * a shop's order export (CSV), a SaaS business's subscription export (JSON),
 * its NPS survey answers, cancellation survey, product activity log and
 * invoices (CSV). They are generated with fixed seeds by the project's
 * generator, so every visitor sees the same numbers, and served at stable URLs
 * (by the Vite plugin in vite.config.ts) so each snippet on the gallery is
 * plain, copyable HTML.
 *
 * Runs in Node (Vite config) only; no DOM.
 */
import { csvFormat } from 'd3-dsv';
import {
  generateActivityEvents,
  generateCancellations,
  generateSubscriptions,
  generateSurveyResponses,
  generateTransactions,
} from '../data/generate.ts';
import { invoicesFromSubscriptions } from './sample-invoices.ts';

export interface SampleFile {
  /** Path below the site root, without a leading slash. */
  path: string;
  type: 'text/csv' | 'application/json';
  body: string;
}

/** Seeds and sizes: big enough for smooth charts, small enough to compute inline at once. */
export const SHOP_SAMPLE = { seed: 20240611, transactions: 12_000, start: '2023-01-01', months: 24 } as const;
export const SAAS_SAMPLE = { seed: 7, customers: 900, start: '2023-01-01', months: 24 } as const;
/** About 75 answers a month: enough for a trustworthy NPS in every month. */
export const SURVEY_SAMPLE = { seed: 31, responses: 1_800, start: '2023-01-01', months: 24 } as const;
export const CANCELLATION_SAMPLE = { seed: 43, cancellations: 480, start: '2023-01-01', months: 24 } as const;
/** Half a year of logins, usage, tickets and renewals of 240 accounts (health scores look at recent months). */
export const ACTIVITY_SAMPLE = { seed: 59, customers: 240, start: '2024-07-01', months: 6 } as const;
/** The subscription window's first day after its end: invoices are issued and paid before it. */
export const SAAS_WINDOW_END = '2025-01-01';

export function sampleFiles(): SampleFile[] {
  const orders = generateTransactions({ ...SHOP_SAMPLE });
  const subscriptions = generateSubscriptions({ ...SAAS_SAMPLE });
  const responses = generateSurveyResponses({ ...SURVEY_SAMPLE });
  const cancellations = generateCancellations({ ...CANCELLATION_SAMPLE });
  const events = generateActivityEvents({ ...ACTIVITY_SAMPLE });
  const invoices = invoicesFromSubscriptions(subscriptions, SAAS_WINDOW_END);
  return [
    {
      path: 'data/sample/shop-orders.csv',
      type: 'text/csv',
      body: csvFormat(orders, ['order', 'product', 'customer', 'date', 'quantity', 'amount', 'type']),
    },
    {
      path: 'data/sample/saas-subscriptions.json',
      type: 'application/json',
      body: JSON.stringify(subscriptions),
    },
    {
      path: 'data/sample/nps-responses.csv',
      type: 'text/csv',
      body: csvFormat(responses, ['customer', 'date', 'score', 'comment']),
    },
    {
      path: 'data/sample/cancellations.csv',
      type: 'text/csv',
      body: csvFormat(cancellations, ['customer', 'date', 'reason', 'mrr', 'comment']),
    },
    {
      path: 'data/sample/activity-events.csv',
      type: 'text/csv',
      body: csvFormat(events, ['customer', 'date', 'type', 'value']),
    },
    {
      path: 'data/sample/invoices.csv',
      type: 'text/csv',
      body: csvFormat(invoices, ['id', 'issueDate', 'amount', 'paidDate']),
    },
  ];
}
