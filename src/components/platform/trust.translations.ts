/** English terms of the trust words (platform/trust.ts), shared by every element that states its uncertainty. */
import { registerTranslation } from './translations.ts';

declare module './translations.ts' {
  interface Terms {
    /** "95 % interval" (a table column, a tooltip row). */
    trustInterval: string;
    /** The interval's two ends, already formatted: "12.1 % – 18.3 %". */
    trustIntervalRange: (low: string, high: string) => string;
    trustWithinNoise: string;
    trustBeyondNoise: string;
    /** A change and its noise word: "+5.0 pp (within noise)". */
    trustChange: (change: string, noise: string) => string;
    /** Few customers at the period start: the rate is uncertain. */
    trustFewCustomers: (count: number) => string;
    /** A period whose activity window reaches back before the data. */
    trustWarmUp: (days: number) => string;
    trustNotEnoughHistory: string;
    trustHealthy: string;
    trustNeedsAction: string;
    /** No verdict for a warming-up period. */
    trustNoVerdict: string;
    /** A running period: measured so far, so not judged against a whole period's benchmark. */
    trustRunning: string;
  }
}

registerTranslation('en', {
  trustInterval: '95% interval',
  trustIntervalRange: (low, high) => `${low} – ${high}`,
  trustWithinNoise: 'within noise',
  trustBeyondNoise: 'beyond noise',
  trustChange: (change, noise) => `${change} (${noise})`,
  trustFewCustomers: (count) => `only ${count} ${count === 1 ? 'customer' : 'customers'} at the start: an uncertain rate`,
  trustWarmUp: (days) => `not enough history: the ${days}-day activity window reaches back before the first purchase in the data, so the customers active at the start are undercounted`,
  trustNotEnoughHistory: 'not enough history',
  trustHealthy: 'Healthy',
  trustNeedsAction: 'Needs action',
  trustNoVerdict: 'No verdict',
  trustRunning: 'the period is still running: no verdict until it ends',
});
