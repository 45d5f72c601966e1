/**
 * Which lifetime value to lead with. <ltv-forecast> can compute three, and
 * they answer different questions; shown side by side they leave a reader to
 * guess which to trust. The rule, from what the data can support:
 *
 * 1. Subscriptions → the SaaS formula (ARPA × gross margin ÷ churn): the page
 *    gave ARPA or churn (a figure only a subscription business has), or the
 *    payments recur like billing (billing.ts, `recurringBilling`). Purchase
 *    models assume buying at random moments, which billing is not.
 * 2. Orders with enough repeat buyers → predicted (BG/NBD purchases ×
 *    Gamma-Gamma spend): at least {@link MIN_REPEAT_CUSTOMERS} customers bought
 *    again before the calibration end, and both fits converged. The spend
 *    model is fitted on the repeat buyers alone (three parameters), and the
 *    purchase model's dropout part is learned from them too: with a handful,
 *    one customer moves the forecast.
 * 3. Otherwise → historic (net revenue per customer so far), saying why:
 *    too few repeat buyers, or a fit that failed or did not converge.
 *
 * A page may ask for one (`method`); when it has no value the rule above
 * picks, and the element says which was asked for and why it is not shown.
 *
 * No imports: the element reads the method names and thresholds from here
 * without carrying any metric into the page.
 */

export const LTV_METHODS = ['predicted', 'historic', 'saas'] as const;
export type LtvMethod = (typeof LTV_METHODS)[number];

/** Repeat buyers needed before the predicted value leads (see the module comment). */
export const MIN_REPEAT_CUSTOMERS = 30;

/** Why the headline is the method it is. */
export type LtvHeadlineReason =
  /** The page asked for it (`method`). */
  | 'asked'
  /** The page gave ARPA or churn: a subscription business. */
  | 'figures-given'
  /** Payments recur at a regular interval, like billing. */
  | 'recurring-billing'
  /** Only the SaaS figures, no data. */
  | 'figures-only'
  /** Enough repeat buyers and both fits converged. */
  | 'enough-repeat-customers'
  /** Fewer repeat buyers than {@link MIN_REPEAT_CUSTOMERS}. */
  | 'few-repeat-customers'
  /** Enough repeat buyers, but a model could not be fitted or did not converge. */
  | 'fit-failed'
  /** Nothing better has a value. */
  | 'only-value';

export interface LtvHeadlineFacts {
  /** Which method the page asked for. */
  asked: LtvMethod | 'auto';
  /** Which methods have a value. */
  available: Readonly<Record<LtvMethod, boolean>>;
  /** Customers who bought on two days or more before the calibration end (null: no data). */
  repeatCustomers: number | null;
  /** Both models converged (false when either was not fitted). */
  fitsConverged: boolean;
  /** The page gave ARPA or churn. */
  figuresGiven: boolean;
  /** The payments look like billing (billing.ts). */
  recurring: boolean;
}

export interface LtvHeadline {
  method: LtvMethod;
  reason: LtvHeadlineReason;
  /** The method the page asked for when it has no value (the headline is then the rule's). */
  unavailable?: LtvMethod;
}

/** The headline, or null when no method has a value. */
export function chooseLtvHeadline(facts: LtvHeadlineFacts): LtvHeadline | null {
  const { asked, available } = facts;
  if (asked !== 'auto' && available[asked]) return { method: asked, reason: 'asked' };
  const chosen = ruleHeadline(facts);
  if (!chosen) return null;
  return asked !== 'auto' ? { ...chosen, unavailable: asked } : chosen;
}

function ruleHeadline(facts: LtvHeadlineFacts): LtvHeadline | null {
  const { available, repeatCustomers } = facts;
  if (available.saas && repeatCustomers === null) return { method: 'saas', reason: 'figures-only' };
  if (available.saas && facts.figuresGiven) return { method: 'saas', reason: 'figures-given' };
  if (available.saas && facts.recurring) return { method: 'saas', reason: 'recurring-billing' };
  const enough = repeatCustomers !== null && repeatCustomers >= MIN_REPEAT_CUSTOMERS;
  if (available.predicted && enough && facts.fitsConverged) return { method: 'predicted', reason: 'enough-repeat-customers' };
  if (available.historic) return { method: 'historic', reason: enough ? 'fit-failed' : 'few-repeat-customers' };
  const first = (['predicted', 'saas'] as const).find((method) => available[method]);
  return first ? { method: first, reason: 'only-value' } : null;
}

/** How far (as a share of the median gap) a gap may be from it and still be "one billing interval" (billing.ts): 28–31-day months around 30. */
export const BILLING_TOLERANCE = 0.15;
