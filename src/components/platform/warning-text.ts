/**
 * A note about the data in the page's language. The engine says what it saw
 * as a code, a count and plain params (status words, currencies, an as-of
 * date); the sentence is made here, so it follows `lang` like every other
 * word of an element. A code this page does not know (a newer engine) keeps
 * the engine's English message.
 */
import type { InputWarning } from '../../metrics/issues.ts';
import type { Formatter } from './locale.ts';
import { registeredTerms, type TermKey, type WarningTerms } from './translations.ts';

export function warningText(warning: InputWarning, f: Formatter): string {
  const key = `warning-${warning.code}` as keyof WarningTerms;
  // English carries every term of this copy of the kit: no English term, no code this page knows.
  if (registeredTerms('en')?.[key as TermKey] === undefined) return warning.message;
  const params = { ...warning.params };
  // An ISO date reads as a date of the page's language.
  const asOf = params.asOf ? Date.parse(params.asOf) : Number.NaN;
  if (asOf === asOf) params.asOf = f.day(asOf / 86_400_000);
  return f.term(key, warning.count, f.number(warning.count), params);
}
