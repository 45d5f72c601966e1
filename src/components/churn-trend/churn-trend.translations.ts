/** English terms of <churn-trend> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    churnScopeWindow: (days: number) => string;
    churnScopeNet: string;
    churnTrendCustomer: string;
    churnTrendRevenue: string;
    churnPeriod: string;
    churnStartCustomers: string;
    churnStartRevenue: string;
    churnLostCustomers: string;
    churnLostRevenue: string;
    churnExpansion: string;
    churnRate: string;
    churnNetRate: string;
    churnIncomplete: string;
    churnVerdict: string;
    churnWarmUpPeriods: (count: number) => string;
    churnNoRate: string;
    churnThreshold: (value: string) => string;
    churnRange: (what: string, from: string, to: string) => string;
    churnLatest: (rate: string, period: string) => string;
    churnAbove: (count: number, total: number, threshold: string) => string;
    churnNegative: (count: number) => string;
    churnKeyboardHint: string;
    churnWindow: (days: number) => string;
  }
}

registerTranslation('en', {
  churnScopeWindow: (days) => `active = a purchase in the last ${days} days`,
  churnScopeNet: 'net of expansion',
  churnTrendCustomer: 'Customer churn',
  churnTrendRevenue: 'Revenue churn',
  churnPeriod: 'Period',
  churnStartCustomers: 'Customers at start',
  churnStartRevenue: 'Recurring revenue at start',
  churnLostCustomers: 'Customers lost',
  churnLostRevenue: 'Revenue lost',
  churnExpansion: 'Expansion',
  churnRate: 'Churn rate',
  churnNetRate: 'Net revenue churn',
  churnIncomplete: 'period not over yet',
  churnVerdict: 'Benchmark',
  churnWarmUpPeriods: (count) => `${count === 1 ? 'The first period has' : `The first ${count} periods have`} not enough history to measure churn: not drawn.`,
  churnNoRate: 'no rate (nothing at period start)',
  churnThreshold: (value) => `Threshold ${value}`,
  churnRange: (what, from, to) => `${what} per period, ${from} to ${to}.`,
  churnLatest: (rate, period) => `Latest: ${rate} in ${period}.`,
  churnAbove: (count, total, threshold) => `${count} of ${total} periods above the threshold of ${threshold}.`,
  churnNegative: (count) => `${count} ${count === 1 ? 'period' : 'periods'} with net negative churn (expansion outweighed losses).`,
  churnKeyboardHint: 'Chart: use the arrow keys to read each period.',
  churnWindow: (days) => `A customer counts as active for ${days} days after a purchase.`,
});
