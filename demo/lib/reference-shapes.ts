/**
 * The data each element takes, for its reference page: the record shapes (which fields,
 * which attribute maps each, what it holds) and a few example records. Field lists come
 * from the metrics readers' own constants where they have one, so a field added there
 * shows up here (tests/reference/ fails until it is described); the examples are real
 * input: tests/reference/ gives each element each of its shapes' examples and expects a
 * result, not an error.
 */
import { ACTIVITY_EVENTS, ACTIVITY_FIELDS } from '../../src/metrics/health.ts';
import { SURVEY_FIELDS } from '../../src/metrics/surveys.ts';
import { SUBSCRIPTION_FIELDS } from '../../src/metrics/subscriptions.ts';
import { CANCELLATION_FIELDS } from '../../src/metrics/cancellations.ts';
import { INVOICE_FIELDS } from '../../src/metrics/invoices.ts';

export interface ShapeField {
  /** The field's default name in a record (or CSV header). */
  name: string;
  /** The attribute that names another column for it. */
  attribute?: string;
  type: string;
  required: boolean;
  meaning: string;
}

export interface RecordShape {
  id: string;
  title: string;
  /** One sentence: what a record (or the object) is. */
  what: string;
  /** Attributes the element needs to read this shape (e.g. `input="subscriptions"`). */
  attributes?: Array<[string, string]>;
  fields: ShapeField[];
  /** Real input for the element: an array of records, or the pre-aggregated object. */
  example: unknown;
}

/** Every field of `names` described, in that order; a name without words is a mistake here, not a blank row. */
function fieldsOf(names: readonly string[], words: Record<string, Omit<ShapeField, 'name'>>): ShapeField[] {
  return names.map((name) => {
    const field = words[name];
    if (!field) throw new Error(`reference-shapes.ts: the field ${name} has no description`);
    return { name, ...field };
  });
}

const TRANSACTION_FIELDS = ['customer', 'date', 'amount', 'quantity', 'unitPrice', 'order', 'type', 'refund', 'currency'] as const;

const transactions: RecordShape = {
  id: 'transactions',
  title: 'Transactions (orders, payments, order lines)',
  what: 'One purchase, payment or order line per record, as a shop, a payment provider or an accounting export writes it. Customer and date are enough to count customers; money needs an amount (or quantity × unit price).',
  fields: fieldsOf(TRANSACTION_FIELDS, {
    customer: { attribute: 'customer-key', type: 'text', required: true, meaning: 'Who bought: an id, an e-mail, anything stable per customer.' },
    date: { attribute: 'date-key', type: 'date', required: true, meaning: 'When: ISO 8601, a platform timestamp (2024-01-25 13:23:17 +0100), US or European dates (`date-format`), epoch seconds.' },
    amount: { attribute: 'amount-key', type: 'number', required: false, meaning: 'Money of the row, signed (refunds negative); decimal commas are read.' },
    quantity: { attribute: 'quantity-key', type: 'number', required: false, meaning: 'Units of an order line (negative for returns).' },
    unitPrice: { attribute: 'price-key', type: 'number', required: false, meaning: 'Unit price: amount = quantity × unit price.' },
    order: { attribute: 'order-key', type: 'text', required: false, meaning: 'Order or invoice id: the lines of one order are one purchase.' },
    type: { attribute: 'type-key', type: 'text', required: false, meaning: 'Transaction type or payment status; `type-map` says what its words mean (paid, refunded, failed …).' },
    refund: { attribute: 'refund-key', type: 'number', required: false, meaning: 'Money refunded on the row’s order, netted once per order.' },
    currency: { attribute: 'currency-key', type: 'ISO 4217 code', required: false, meaning: 'Currency of the row: currencies are never summed; `currency` picks the one shown.' },
  }),
  example: [
    { customer: 'ada@example.com', date: '2024-01-05', amount: 49.9, order: 'A-1001' },
    { customer: 'ben@example.com', date: '2024-01-12', amount: 19.0, order: 'A-1002' },
    { customer: 'cy@example.com', date: '2024-01-20', amount: 72.5, order: 'A-1003' },
    { customer: 'dee@example.com', date: '2024-01-28', amount: 35.0, order: 'A-1004' },
    { customer: 'ada@example.com', date: '2024-02-09', amount: 52.0, order: 'A-1005' },
    { customer: 'eli@example.com', date: '2024-02-14', amount: 28.0, order: 'A-1006' },
    { customer: 'ben@example.com', date: '2024-02-21', amount: 21.0, order: 'A-1007' },
    { customer: 'ada@example.com', date: '2024-03-08', amount: 47.5, order: 'A-1008' },
    { customer: 'eli@example.com', date: '2024-03-15', amount: 30.0, order: 'A-1009' },
    { customer: 'fay@example.com', date: '2024-03-22', amount: 64.0, order: 'A-1010' },
    { customer: 'ben@example.com', date: '2024-04-03', amount: 18.5, order: 'A-1011' },
    { customer: 'ada@example.com', date: '2024-04-10', amount: 50.0, order: 'A-1012' },
  ],
};

const subscriptions: RecordShape = {
  id: 'subscriptions',
  title: 'Subscriptions',
  what: 'One subscription per record: when it started, when it ended (blank while it runs) and its recurring revenue per month.',
  attributes: [['input', 'subscriptions']],
  fields: fieldsOf(SUBSCRIPTION_FIELDS, {
    customer: { attribute: 'customer-key', type: 'text', required: true, meaning: 'Who subscribes.' },
    start: { attribute: 'start-key', type: 'date', required: true, meaning: 'First day of the subscription.' },
    end: { attribute: 'end-key', type: 'date', required: false, meaning: 'Day it ended or was cancelled; blank while it runs.' },
    mrr: { attribute: 'mrr-key', type: 'number', required: true, meaning: 'Recurring revenue per month.' },
    plan: { attribute: 'plan-key', type: 'text', required: false, meaning: 'Plan name; a plan change on the same customer is an upgrade or downgrade.' },
  }),
  example: [
    { customer: 'acme', start: '2024-01-03', end: '', mrr: 99, plan: 'Team' },
    { customer: 'globex', start: '2024-01-10', end: '2024-03-10', mrr: 49, plan: 'Starter' },
    { customer: 'initech', start: '2024-01-15', end: '2024-02-20', mrr: 49, plan: 'Starter' },
    { customer: 'initech', start: '2024-02-20', end: '', mrr: 99, plan: 'Team' },
    { customer: 'umbrella', start: '2024-02-01', end: '', mrr: 299, plan: 'Business' },
    { customer: 'hooli', start: '2024-02-12', end: '2024-04-12', mrr: 99, plan: 'Team' },
    { customer: 'stark', start: '2024-03-05', end: '', mrr: 49, plan: 'Starter' },
  ],
};

const responses: RecordShape = {
  id: 'responses',
  title: 'Survey answers (NPS)',
  what: 'One answer to “How likely are you to recommend us?” per record, scored 0–10.',
  fields: fieldsOf(SURVEY_FIELDS, {
    customer: { attribute: 'customer-key', type: 'text', required: false, meaning: 'Who answered (optional).' },
    date: { attribute: 'date-key', type: 'date', required: true, meaning: 'When they answered: the trend’s periods.' },
    score: { attribute: 'score-key', type: 'number 0–10', required: true, meaning: '9–10 promoter, 7–8 passive, 0–6 detractor.' },
  }),
  example: [
    { customer: 'ada', date: '2024-01-08', score: 10 },
    { customer: 'ben', date: '2024-01-15', score: 9 },
    { customer: 'cy', date: '2024-01-22', score: 6 },
    { customer: 'dee', date: '2024-02-02', score: 8 },
    { customer: 'eli', date: '2024-02-11', score: 10 },
    { customer: 'fay', date: '2024-02-19', score: 3 },
    { customer: 'gus', date: '2024-03-04', score: 9 },
    { customer: 'hal', date: '2024-03-12', score: 7 },
  ],
};

const cancellations: RecordShape = {
  id: 'cancellations',
  title: 'Cancellation survey answers',
  what: 'One cancellation per record with the reason the customer gave, optionally the revenue it cost.',
  fields: fieldsOf(CANCELLATION_FIELDS, {
    customer: { attribute: 'customer-key', type: 'text', required: false, meaning: 'Who cancelled (optional).' },
    date: { attribute: 'date-key', type: 'date', required: false, meaning: 'When: the trend’s periods (optional).' },
    reason: { attribute: 'reason-key', type: 'text', required: true, meaning: 'The answer, as written; rare ones are folded together.' },
    lostRevenue: { attribute: 'lost-revenue-key', type: 'number', required: false, meaning: 'Recurring revenue lost: `weight-by="revenue"` weighs reasons by it.' },
  }),
  example: [
    { customer: 'acme', date: '2024-01-09', reason: 'Too expensive', lostRevenue: 99 },
    { customer: 'globex', date: '2024-01-17', reason: 'Missing features', lostRevenue: 49 },
    { customer: 'initech', date: '2024-02-03', reason: 'Too expensive', lostRevenue: 49 },
    { customer: 'hooli', date: '2024-02-21', reason: 'Switched to a competitor', lostRevenue: 299 },
    { customer: 'stark', date: '2024-03-06', reason: 'Too expensive', lostRevenue: 99 },
    { customer: 'wayne', date: '2024-03-18', reason: 'No longer needed', lostRevenue: 49 },
  ],
};

const activity: RecordShape = {
  id: 'activity',
  title: 'Activity events',
  what: `One thing a customer did per record: ${ACTIVITY_EVENTS.join(', ')}.`,
  fields: fieldsOf(ACTIVITY_FIELDS, {
    customer: { attribute: 'customer-key', type: 'text', required: true, meaning: 'Who did it.' },
    date: { attribute: 'date-key', type: 'date', required: true, meaning: 'When.' },
    event: { attribute: 'event-key', type: ACTIVITY_EVENTS.join(' | '), required: true, meaning: 'What happened (case does not matter).' },
    value: { attribute: 'value-key', type: 'number ≥ 0', required: false, meaning: 'How much: minutes of usage, number of logins …; 1 when missing.' },
  }),
  example: [
    { customer: 'acme', date: '2024-03-01', event: 'login', value: 12 },
    { customer: 'acme', date: '2024-03-10', event: 'usage', value: 340 },
    { customer: 'globex', date: '2024-03-02', event: 'login', value: 2 },
    { customer: 'globex', date: '2024-03-15', event: 'ticket', value: 3 },
    { customer: 'globex', date: '2024-03-20', event: 'downgrade', value: 1 },
    { customer: 'initech', date: '2024-03-05', event: 'renewal', value: 1 },
    { customer: 'initech', date: '2024-03-18', event: 'usage', value: 95 },
  ],
};

const invoices: RecordShape = {
  id: 'invoices',
  title: 'Invoices (for DSO)',
  what: 'One invoice per record: issued, amount, paid or still open.',
  attributes: [['metric', 'dso']],
  fields: fieldsOf(INVOICE_FIELDS, {
    id: { type: 'text', required: false, meaning: 'Invoice number (optional).' },
    issueDate: { attribute: 'issue-date-key', type: 'date', required: true, meaning: 'Day the invoice was issued (a credit sale).' },
    amount: { attribute: 'amount-key', type: 'number', required: true, meaning: 'Invoice amount.' },
    paidDate: { attribute: 'paid-date-key', type: 'date', required: false, meaning: 'Day it was paid; blank while it is open (receivable).' },
  }),
  example: [
    { id: 'INV-1', issueDate: '2024-01-05', amount: 1200, paidDate: '2024-01-30' },
    { id: 'INV-2', issueDate: '2024-01-18', amount: 800, paidDate: '2024-02-25' },
    { id: 'INV-3', issueDate: '2024-02-02', amount: 1500, paidDate: '2024-03-01' },
    { id: 'INV-4', issueDate: '2024-02-20', amount: 600, paidDate: '' },
    { id: 'INV-5', issueDate: '2024-03-04', amount: 950, paidDate: '' },
  ],
};

/** Pre-aggregated input: a site whose data is too big for a browser hands the element these. */
const churnPeriods: RecordShape = {
  id: 'churn-periods',
  title: 'Per-period counts (pre-aggregated)',
  what: 'One period per record, counted in your database: customers at its start and customers lost in it.',
  attributes: [['input', 'periods']],
  fields: [
    { name: 'period', attribute: 'period-key', type: 'period key (2024-01, 2024-W05, 2024-Q1 …)', required: true, meaning: 'Which period.' },
    { name: 'start', attribute: 'start-count-key', type: 'number', required: true, meaning: 'Customers (or recurring revenue) at the period’s start.' },
    { name: 'lost', attribute: 'lost-key', type: 'number', required: true, meaning: 'Lost during the period.' },
    { name: 'expansion', attribute: 'expansion-key', type: 'number', required: false, meaning: 'Revenue gained from existing customers (revenue churn may go negative).' },
    { name: 'complete', type: 'boolean', required: false, meaning: '`false` for a period still running.' },
  ],
  example: [
    { period: '2024-01', start: 500, lost: 25 },
    { period: '2024-02', start: 520, lost: 52 },
    { period: '2024-03', start: 480, lost: 24 },
  ],
};

const cohortMatrix = (attributes?: Array<[string, string]>): RecordShape => ({
  id: 'cohort-matrix',
  title: 'Cohort matrix (pre-aggregated)',
  what: 'One object: per cohort its size and how many were active (or their revenue) in each period since, period 0 first.',
  attributes: [['input', 'matrix'], ...(attributes ?? [])],
  fields: [
    { name: 'measure', type: '"count" | "revenue"', required: false, meaning: 'What the values are (default count).' },
    { name: 'cohorts[].key', type: 'period key', required: true, meaning: 'The cohort’s first period.' },
    { name: 'cohorts[].label', type: 'text', required: false, meaning: 'Its label, for cohorts by property.' },
    { name: 'cohorts[].size', type: 'number', required: true, meaning: 'Customers in the cohort.' },
    { name: 'cohorts[].values', type: 'number[]', required: true, meaning: 'Active customers (or revenue) k periods later, k = 0, 1, 2 …' },
  ],
  example: {
    measure: 'count',
    cohorts: [
      { key: '2024-01', size: 120, values: [120, 54, 41, 35] },
      { key: '2024-02', size: 95, values: [95, 40, 31] },
      { key: '2024-03', size: 110, values: [110, 52] },
    ],
  },
});

const movementPeriods: RecordShape = {
  id: 'movement-periods',
  title: 'Per-period revenue movements (pre-aggregated)',
  what: 'One period per record: the recurring revenue at its start and how it moved.',
  attributes: [['input', 'periods']],
  fields: [
    { name: 'period', type: 'period key', required: true, meaning: 'Which period.' },
    { name: 'startMrr', type: 'number', required: true, meaning: 'Recurring revenue at the period’s start.' },
    { name: 'new', type: 'number', required: true, meaning: 'From new customers.' },
    { name: 'expansion', type: 'number', required: true, meaning: 'From upgrades.' },
    { name: 'reactivation', type: 'number', required: true, meaning: 'From customers who came back.' },
    { name: 'contraction', type: 'number', required: true, meaning: 'Lost to downgrades (positive).' },
    { name: 'churn', type: 'number', required: true, meaning: 'Lost to cancellations (positive).' },
    { name: 'complete', type: 'boolean', required: false, meaning: '`false` for a period still running.' },
  ],
  example: [
    { period: '2024-01', startMrr: 10000, new: 1200, expansion: 300, reactivation: 0, contraction: 150, churn: 400 },
    { period: '2024-02', startMrr: 10950, new: 900, expansion: 450, reactivation: 100, contraction: 200, churn: 350 },
    { period: '2024-03', startMrr: 11850, new: 1100, expansion: 250, reactivation: 0, contraction: 100, churn: 600 },
  ],
};

const kpiPeriods: RecordShape = {
  id: 'kpi-periods',
  title: 'Per-period figures (pre-aggregated)',
  what: 'One period per record with the metric’s value, computed elsewhere.',
  attributes: [['input', 'periods'], ['metric', 'nrr']],
  fields: [
    { name: 'period', attribute: 'period-key', type: 'period key', required: true, meaning: 'Which period.' },
    { name: 'value', attribute: 'value-key', type: 'number', required: true, meaning: 'The metric in that period (rates as fractions).' },
  ],
  example: [
    { period: '2024-01', value: 1.04 },
    { period: '2024-02', value: 1.02 },
    { period: '2024-03', value: 1.06 },
  ],
};

const npsCounts: RecordShape = {
  id: 'nps-counts',
  title: 'Per-period counts (pre-aggregated)',
  what: 'One period per record with its promoters, passives and detractors counted.',
  fields: [
    { name: 'period', attribute: 'period-key', type: 'period key', required: true, meaning: 'Which period.' },
    { name: 'promoters', attribute: 'promoters-key', type: 'number', required: true, meaning: 'Answers 9–10.' },
    { name: 'passives', attribute: 'passives-key', type: 'number', required: true, meaning: 'Answers 7–8.' },
    { name: 'detractors', attribute: 'detractors-key', type: 'number', required: true, meaning: 'Answers 0–6.' },
  ],
  example: [
    { period: '2024-01', promoters: 52, passives: 30, detractors: 18 },
    { period: '2024-02', promoters: 58, passives: 27, detractors: 15 },
  ],
};

/** The shapes each element reads, the usual one first. */
export const ELEMENT_SHAPES: Record<string, RecordShape[]> = {
  'retention-gauge': [transactions],
  'churn-trend': [transactions, subscriptions, churnPeriods],
  'cohort-heatmap': [transactions, cohortMatrix()],
  'retention-curve': [transactions, cohortMatrix()],
  'revenue-movements': [subscriptions, movementPeriods],
  'kpi-tile': [
    { ...transactions, attributes: [['metric', 'repeat-purchase-rate']] },
    { ...responses, attributes: [['metric', 'nps']] },
    invoices,
    kpiPeriods,
  ],
  'nps-score': [responses, npsCounts],
  'churn-reasons': [cancellations],
  'purchase-cycle': [transactions],
  'customer-health': [activity],
  'ltv-forecast': [transactions],
  'retention-calculator': [],
  'retention-source': [transactions, subscriptions, responses, cancellations, activity],
};

/** The shapes of an element (none for one whose attributes are its input). */
export function shapesOf(tag: string): RecordShape[] {
  return ELEMENT_SHAPES[tag] ?? [];
}
