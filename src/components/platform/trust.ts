/**
 * The words an element uses to say how far a figure can be trusted, written
 * once for every element: a rate's 95 % interval, whether a change is beyond
 * noise, a rate resting on few customers, a period still warming up (the
 * activity window not yet covered), and the benchmark verdict. The numbers
 * come from metrics/uncertainty.ts and metrics/benchmarks.ts; this module only
 * words them (English terms: trust.translations.ts; other languages: src/translations/<lang>.ts).
 */
import type { ChangeTest, Interval } from '../../metrics/uncertainty.ts';
import type { Formatter } from './locale.ts';
import './trust.translations.ts';

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
