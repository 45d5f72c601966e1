/**
 * The gallery's built-in sample data, as the files a page author would have:
 * a shop's order export (CSV) and a SaaS subscription export (JSON). They are
 * generated with fixed seeds by the project's generator, so every visitor sees
 * the same numbers, and served at stable URLs (by the Vite plugin in
 * vite.config.ts) so each snippet on the gallery is plain, copyable HTML.
 *
 * Runs in Node (Vite config) only; no DOM.
 */
import { csvFormat } from 'd3-dsv';
import { generateSubscriptions, generateTransactions } from '../data/generate.ts';

export interface SampleFile {
  /** Path below the site root, without a leading slash. */
  path: string;
  type: 'text/csv' | 'application/json';
  body: string;
}

/** Seeds and sizes: big enough for smooth charts, small enough to compute inline at once. */
export const SHOP_SAMPLE = { seed: 20240611, transactions: 12_000, start: '2023-01-01', months: 24 } as const;
export const SAAS_SAMPLE = { seed: 7, customers: 900, start: '2023-01-01', months: 24 } as const;

export function sampleFiles(): SampleFile[] {
  const orders = generateTransactions({ ...SHOP_SAMPLE });
  const subscriptions = generateSubscriptions({ ...SAAS_SAMPLE });
  return [
    {
      path: 'data/sample/shop-orders.csv',
      type: 'text/csv',
      body: csvFormat(orders, ['order', 'customer', 'date', 'quantity', 'amount', 'type']),
    },
    {
      path: 'data/sample/saas-subscriptions.json',
      type: 'application/json',
      body: JSON.stringify(subscriptions),
    },
  ];
}
