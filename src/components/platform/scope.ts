/**
 * The words of a chart's subtitle: what it covers. Every element's `scope()`
 * builds its line from these, so subtitles read alike across the kit:
 * "Monthly · Jan 2024 – Mar 2024 · 2,140 customers".
 */
import { periodLabel, type PeriodKeys } from '../../metrics/calendar/calendar.ts';
import type { Formatter } from './locale.ts';

/** The separator between the parts of a subtitle (a middle dot reads in every script the kit speaks). */
const SEPARATOR = ' · ';

/** The parts of a subtitle joined, the empty ones left out. */
export function scopeLine(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(SEPARATOR);
}

/**
 * The periods from `first` to `last` (keys of the `keys` calendar) as people
 * read them: "Jan 2024 – Mar 2024", or one label when they are the same
 * period; '' without periods. Keys of no calendar are shown as they are.
 */
export function periodSpan(format: Formatter, keys: PeriodKeys, first: string | undefined, last: string | undefined): string {
  if (first === undefined || last === undefined) return '';
  return labelSpan(format, periodLabel(first, keys, format.locale), periodLabel(last, keys, format.locale));
}

/** Two labels as a span ("Jan 2024 – Mar 2024"), or one when they are the same. */
export function labelSpan(format: Formatter, from: string, to: string): string {
  return from === to ? from : format.term('scopeSpan', from, to);
}

/** The period length as a subtitle part ("Monthly"); '' for keys of no calendar. */
export function granularityPart(format: Formatter, keys: PeriodKeys): string {
  return keys.granularity ? format.term('scopeGranularity', keys.granularity) : '';
}

/** Cohorts by first period as a subtitle part ("Monthly cohorts"); '' for keys of no calendar. */
export function cohortsPart(format: Formatter, keys: PeriodKeys): string {
  return keys.granularity ? format.term('scopeCohorts', keys.granularity) : '';
}
