/**
 * The calculator's fields, results and model shape, without the maths
 * (calculator-model.ts, run by the `retention-calculator` job in the metrics
 * engine): what the form needs to draw before and between results.
 */
export const CALCULATOR_FIELDS = ['start', 'end', 'new', 'startRevenue', 'lostRevenue', 'contraction', 'expansion', 'arpa', 'grossMargin'] as const;
export type CalculatorField = (typeof CALCULATOR_FIELDS)[number];

/** The figures as typed (text from the form, or numbers from properties). */
export type CalculatorFigures = Partial<Record<CalculatorField, string | number | null>>;

/** Why a field's figure is refused; the element words it per language. */
export type FieldProblem =
  | 'not-a-number'
  | 'negative'
  | 'not-whole'
  | 'new-above-end'
  | 'start-zero'
  | 'revenue-start-zero'
  | 'losses-above-start'
  | 'margin-above-100'
  | 'margin-not-a-number';

export interface CalculatorModel {
  /** The figures read as numbers; null when empty or refused. Gross margin as a fraction (0.78), however it was typed (metrics/margin.ts). */
  figures: Record<CalculatorField, number | null>;
  /** Fields whose figure is refused, and why. */
  problems: Partial<Record<CalculatorField, FieldProblem>>;
  /** CRR = (E − N) / S. */
  retention: number | null;
  /** Customers lost = S − (E − N), assuming nobody came back; null until CRR is known. */
  lostCustomers: number | null;
  /** Customer churn = lost / S. */
  customerChurn: number | null;
  /** Net revenue churn = (lost + contraction − expansion) / start revenue; negative is net negative churn. */
  revenueChurn: number | null;
  /** Gross revenue churn = (lost + contraction) / start revenue. */
  grossRevenueChurn: number | null;
  /** NRR = (start − lost − contraction + expansion) / start revenue. */
  netRevenueRetention: number | null;
  /** SaaS LTV = ARPA × gross margin / customer churn. */
  lifetimeValue: number | null;
  /** Why LTV is missing although its own fields are filled in: churn 0 makes it unbounded. */
  lifetimeValueNote: 'no-churn' | null;
  /** E − N above S: customers came back, so churn is taken as 0 and CRR can pass 100 %. */
  reactivated: number | null;
}

/** The fields each result needs (empty optional fields count as 0 and are not listed). */
export const RESULT_INPUTS = {
  retention: ['start', 'end'],
  customerChurn: ['start', 'end'],
  revenueChurn: ['startRevenue', 'lostRevenue'],
  netRevenueRetention: ['startRevenue', 'lostRevenue'],
  lifetimeValue: ['arpa', 'grossMargin', 'start', 'end'],
} as const satisfies Record<string, readonly CalculatorField[]>;

/** The model before the first result: nothing read, nothing refused, no result. */
export function blankCalculatorModel(): CalculatorModel {
  const figures = Object.fromEntries(CALCULATOR_FIELDS.map((field) => [field, null])) as Record<CalculatorField, number | null>;
  return {
    figures,
    problems: {},
    retention: null,
    lostCustomers: null,
    customerChurn: null,
    revenueChurn: null,
    grossRevenueChurn: null,
    netRevenueRetention: null,
    lifetimeValue: null,
    lifetimeValueNote: null,
    reactivated: null,
  };
}
