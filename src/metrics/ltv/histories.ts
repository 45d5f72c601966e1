/**
 * Checks of the per-customer inputs and model options shared by the BG/NBD
 * and Gamma-Gamma modules, so both report a bad customer or option the same way.
 */
import { IssueCollector, fail, ok, optionError, type InputError, type Result } from '../issues.ts';

/** Purchase histories in columns, as {@link rfmSummary} makes them (or parsed from a published summary). */
export interface PurchaseHistories {
  /** Repeat purchases x (whole, ≥ 0). */
  readonly frequency: ArrayLike<number>;
  /** Age at the last purchase t_x, 0 ≤ t_x ≤ T; 0 when x = 0. */
  readonly recency: ArrayLike<number>;
  /** Age at the end of calibration T (≥ 0). */
  readonly T: ArrayLike<number>;
}

/** One customer's history. */
export interface PurchaseHistory {
  frequency: number;
  recency: number;
  T: number;
}

export const POSITIVE = 'a positive finite number';
export const NON_NEGATIVE = 'a finite number ≥ 0';
const WHOLE = 'a whole number ≥ 0';

function isWhole(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/** Adds the issues of one history to `issues` (index = the customer's position). */
function checkHistoryInto(issues: IssueCollector, index: number, x: number, tx: number, T: number) {
  if (!isWhole(x)) issues.add(index, 'frequency', WHOLE, x);
  if (!(Number.isFinite(T) && T >= 0)) issues.add(index, 'T', NON_NEGATIVE, T);
  else if (!(Number.isFinite(tx) && tx >= 0 && tx <= T)) issues.add(index, 'recency', `a number between 0 and T (${T})`, tx);
  else if (x === 0 && tx !== 0) issues.add(index, 'recency', '0 for a customer without repeat purchases', tx);
}

/** All histories valid and equally long, or the error listing the first problems. */
export function checkHistories(data: PurchaseHistories): Result<number> {
  if (data === null || typeof data !== 'object' || !data.frequency || !data.recency || !data.T) {
    return fail(optionError('data', 'columns frequency, recency and T', data));
  }
  const n = data.frequency.length;
  if (data.recency.length !== n) return fail(optionError('data.recency', `${n} values, like frequency`, `${data.recency.length} values`));
  if (data.T.length !== n) return fail(optionError('data.T', `${n} values, like frequency`, `${data.T.length} values`));
  if (n === 0) return fail(optionError('data', 'at least one customer', 'none'));
  const issues = new IssueCollector();
  for (let i = 0; i < n; i++) checkHistoryInto(issues, i, data.frequency[i], data.recency[i], data.T[i]);
  return issues.hasIssues ? fail(issues.toError('customer histories')) : ok(n);
}

/** One history, or the error naming the field (`customer.frequency` …). */
export function checkHistory(history: PurchaseHistory): InputError | undefined {
  if (history === null || typeof history !== 'object') return optionError('customer', 'an object with frequency, recency and T', history);
  const issues = new IssueCollector();
  checkHistoryInto(issues, -1, history.frequency, history.recency, history.T);
  if (!issues.hasIssues) return undefined;
  const first = issues.listed[0];
  return optionError(`customer.${first.field}`, first.expected, history[first.field as keyof PurchaseHistory]);
}

/** The first parameter that is not a positive finite number, as an option error. */
export function checkPositiveParameters(parameters: object, names: readonly string[], what = 'parameters'): InputError | undefined {
  if (parameters === null || typeof parameters !== 'object') return optionError(what, `an object with ${names.join(', ')}`, parameters);
  for (const name of names) {
    const value = (parameters as Record<string, unknown>)[name];
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) return optionError(`${what}.${name}`, POSITIVE, value);
  }
  return undefined;
}

/** A time span (horizon t) ≥ 0. */
export function checkSpan(value: unknown, field: string): InputError | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : optionError(field, NON_NEGATIVE, value);
}
