/**
 * The words an element uses to say how far a figure can be trusted, written
 * once for every element: a rate's 95 % interval, whether a change is beyond
 * noise, a rate resting on few customers, a period still warming up (the
 * activity window not yet covered), and the benchmark verdict. The numbers
 * come from metrics/uncertainty.ts and metrics/benchmarks.ts; this module only
 * words them. Other languages: src/translations/<lang>.ts.
 */
import type { ChangeTest, Interval } from '../../metrics/uncertainty.ts';
import type { Formatter } from './locale.ts';
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
});

/** "12.1 % – 18.3 %": a rate's interval in percent; empty when there is none. */
export function intervalText(f: Formatter, interval: Interval | null | undefined): string {
  return interval ? f.term('trustIntervalRange', f.percent(interval.low), f.percent(interval.high)) : '';
}

/**
 * A change in points with its noise word, "+5.0 pp (within noise)"; the bare
 * change when there is no test (no counts behind it) or confidence is off.
 */
export function changeText(f: Formatter, delta: number, change: ChangeTest | null | undefined, confidence: boolean): string {
  const points = f.points(delta);
  if (!confidence || !change) return points;
  return f.term('trustChange', points, f.term(change.beyondNoise ? 'trustBeyondNoise' : 'trustWithinNoise'));
}

/** The verdict word of a tone. */
export function verdictText(f: Formatter, tone: 'good' | 'bad'): string {
  return f.term(tone === 'good' ? 'trustHealthy' : 'trustNeedsAction');
}
