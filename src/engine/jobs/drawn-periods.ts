/**
 * How many periods a chart of periods draws: a year of days. Every period is a
 * mark, a label, a row of the hidden data table and a few figures to word in
 * the page; 5,000 daily periods would hold the page for a second on the first
 * draw, and cannot be told apart on a screen anyway. A longer series keeps its
 * latest periods and says how many earlier ones it leaves out, so nobody takes
 * the periods shown for all there are (a coarser granularity shows them all).
 */
import { ok, type InputWarning, type Result } from '../../metrics/issues.ts';

export const MAX_DRAWN_PERIODS = 366;

/** `model` with only the latest `max` of its `items` (periods or points), and the warning when some were left out. */
export function latestPeriods<M, K extends keyof M>(model: M, key: K, warnings: InputWarning[], max = MAX_DRAWN_PERIODS): Result<M> {
  const items = model[key] as unknown as readonly unknown[];
  const left = items.length - max;
  if (left <= 0) return ok(model, warnings);
  const warning: InputWarning = {
    code: 'earlier-periods-left-out',
    count: left,
    params: { shown: max },
    message: `The ${left} earliest periods are not drawn, only the latest ${max}: a coarser granularity shows them all.`,
    examples: [],
  };
  return ok({ ...model, [key]: items.slice(left) }, [...warnings, warning]);
}
