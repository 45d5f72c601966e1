/** English terms of <retention-calculator> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';
import type { CalculatorField, FieldProblem } from '../../metrics/calculator-fields.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    calcLabel: string;
    calcCustomers: string;
    calcRevenue: string;
    calcValue: string;
    calcField: (field: CalculatorField) => string;
    calcProblem: (problem: FieldProblem) => string;
    /** How the gross margin field was read (0.78 and 78 both read as 78 %). */
    calcMarginRead: (percent: string) => string;
    calcResults: string;
    calcRetention: string;
    calcCustomerChurn: string;
    calcRevenueChurn: string;
    calcNrr: string;
    calcLtv: string;
    calcRetentionFormula: string;
    calcChurnFormula: string;
    calcRevenueChurnFormula: string;
    calcNrrFormula: string;
    calcLtvFormula: string;
    calcNetNegative: string;
    calcNeeds: (fields: string) => string;
    calcNoChurn: string;
    calcReactivated: (count: number) => string;
    calcLost: (count: number) => string;
    calcSummaryEmpty: string;
    calcTable: string;
    calcMeasure: string;
    calcResultValue: string;
  }
}

registerTranslation('en', {
  calcLabel: 'Customer retention calculator',
  calcCustomers: 'Customers',
  calcRevenue: 'Recurring revenue',
  calcValue: 'Customer value',
  calcField: (field) =>
    ({
    start: 'Customers at start of period',
    end: 'Customers at end of period',
    new: 'New customers in the period',
    startRevenue: 'Recurring revenue at start',
    lostRevenue: 'Revenue lost to cancellations (churned)',
    contraction: 'Revenue lost to downgrades (contraction)',
    expansion: 'Revenue gained from upgrades (expansion)',
    arpa: 'Average revenue per customer per period (ARPA)',
    grossMargin: 'Gross margin (0.78 or 78 %)',
    })[field],
  calcProblem: (problem) =>
    ({
    'not-a-number': 'Enter a number, digits only (for example 1250 or 12.5).',
    negative: 'Cannot be below 0.',
    'not-whole': 'Customers are counted: enter a whole number.',
    'new-above-end': 'New customers are among the customers at the end, so they cannot be more than those.',
    'start-zero': 'Retention needs at least 1 customer at the start of the period.',
    'revenue-start-zero': 'Revenue rates need recurring revenue above 0 at the start.',
    'losses-above-start': 'Lost revenue and contraction together cannot exceed the revenue at the start.',
    'margin-above-100': 'A gross margin is at most 100 %.',
    'margin-not-a-number': 'Enter a margin as a fraction or a percent, for example 0.78 or 78 %.',
    })[problem],
  calcMarginRead: (percent) => `Read as ${percent}.`,
  calcResults: 'Results',
  calcRetention: 'Customer retention rate (CRR)',
  calcCustomerChurn: 'Customer churn',
  calcRevenueChurn: 'Revenue churn (net)',
  calcNrr: 'Net revenue retention (NRR)',
  calcLtv: 'Customer lifetime value (LTV)',
  calcRetentionFormula: '(customers at end − new customers) ÷ customers at start',
  calcChurnFormula: 'customers lost ÷ customers at start, where lost = customers at start − (customers at end − new customers)',
  calcRevenueChurnFormula: '(revenue lost + contraction − expansion) ÷ revenue at start',
  calcNrrFormula: '(revenue at start − revenue lost − contraction + expansion) ÷ revenue at start',
  calcLtvFormula: 'ARPA × gross margin ÷ customer churn rate',
  calcNetNegative: 'Net negative churn: expansion outweighs what was lost, so the starting customers pay more than before.',
  calcNeeds: (fields) => `Fill in: ${fields}.`,
  calcNoChurn: 'With no churn, lifetime value has no upper bound.',
  calcReactivated: (count) => `${count} more customers remained than started without being new: they came back after a gap, so churn is 0 and retention is above 100 %.`,
  calcLost: (count) => `${count} ${count === 1 ? 'customer' : 'customers'} lost.`,
  calcSummaryEmpty: 'Customer retention calculator: enter figures to see the results.',
  calcTable: 'Calculated retention figures',
  calcMeasure: 'Measure',
  calcResultValue: 'Value',
});
