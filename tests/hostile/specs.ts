/**
 * Every element of the kit, as the hostile corpus drives it: the record kind it
 * reads, a small valid input of that kind (so a case changes one thing), the
 * attributes that map its fields, and, where it has them, plain number
 * attributes that need no records.
 *
 * Plain data only, no import of the kit: the hostile pages (tests/hostile/pages/) build
 * their elements from it even where the kit cannot load. tests/hostile/elements.ts adds the
 * registrations for the corpus's own tests.
 */
export type Row = Record<string, unknown>;

/** A kind of record, with the fields an element maps by attribute. */
export interface RecordKind {
  name: string;
  /** A small valid input. */
  rows: () => Row[];
  /** Field → the attribute that maps it. */
  fieldAttributes: Record<string, string>;
  /** The field holding an identifier (prototype names are tried as its values). */
  idField: string;
  /** A date field, held to 1900–2200. */
  dateField: string;
  /** A number field, held to ±1e15 (undefined: the kind has none the element reads). */
  numberField?: string;
  /** A text field that is shown on screen (markup is tried in it). */
  shownField: string;
}

const ORDERS: Row[] = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'b', date: '2024-01-12', amount: 25 },
  { customer: 'c', date: '2024-01-20', amount: 8 },
  { customer: 'a', date: '2024-02-03', amount: 20 },
  { customer: 'd', date: '2024-02-25', amount: 5 },
  { customer: 'd', date: '2024-02-10', amount: 40 },
  { customer: 'e', date: '2024-02-15', amount: 12 },
  { customer: 'a', date: '2024-03-02', amount: 15 },
  { customer: 'f', date: '2024-03-05', amount: 50 },
  { customer: 'e', date: '2024-03-10', amount: 12 },
  { customer: 'b', date: '2024-03-20', amount: 30 },
  { customer: 'g', date: '2024-03-31', amount: 9 },
];

const SUBSCRIPTIONS: Row[] = [
  { customer: 'x', start: '2024-01-01', mrr: 100 },
  { customer: 'y', start: '2024-01-01', end: '2024-02-10', mrr: 100 },
  { customer: 'w', start: '2024-01-15', end: '2024-03-20', mrr: 80 },
  { customer: 'v', start: '2024-01-10', end: '2024-03-01', mrr: 60 },
  { customer: 'z', start: '2024-02-05', mrr: 50 },
  { customer: 'x2', start: '2024-02-01', mrr: 70 },
];

const CANCELLATIONS: Row[] = [
  { customer: 'c1', date: '2024-01-05', reason: 'Too expensive', lostRevenue: 10 },
  { customer: 'c2', date: '2024-01-10', reason: 'Missing features', lostRevenue: 20 },
  { customer: 'c3', date: '2024-01-20', reason: 'Missing features', lostRevenue: 100 },
  { customer: 'c4', date: '2024-02-02', reason: 'Too expensive', lostRevenue: 10 },
  { customer: 'c5', date: '2024-02-12', reason: 'Switched', lostRevenue: 30 },
];

const EVENTS: Row[] = [
  { customer: 'ann', date: '2024-02-10', event: 'usage', value: 100 },
  { customer: 'ann', date: '2024-03-10', event: 'usage', value: 50 },
  { customer: 'bob', date: '2024-01-05', event: 'renewal' },
  { customer: 'bob', date: '2024-02-01', event: 'login', value: 10 },
  { customer: 'bob', date: '2024-03-20', event: 'login', value: 2 },
  { customer: 'cy', date: '2024-03-25', event: 'ticket' },
];

const RESPONSES: Row[] = [
  { customer: 'r1', date: '2024-01-03', score: 10 },
  { customer: 'r2', date: '2024-01-09', score: 9 },
  { customer: 'r3', date: '2024-01-15', score: 7 },
  { customer: 'r4', date: '2024-01-20', score: 3 },
  { customer: 'r5', date: '2024-02-02', score: 10 },
  { customer: 'r6', date: '2024-02-11', score: 0 },
];

const copy = (rows: Row[]) => () => rows.map((row) => ({ ...row }));

export const KINDS = {
  orders: {
    name: 'orders',
    rows: copy(ORDERS),
    fieldAttributes: { customer: 'customer-key', date: 'date-key', amount: 'amount-key' },
    idField: 'customer',
    dateField: 'date',
    numberField: 'amount',
    shownField: 'customer',
  },
  subscriptions: {
    name: 'subscriptions',
    rows: copy(SUBSCRIPTIONS),
    fieldAttributes: { customer: 'customer-key', start: 'start-key', end: 'end-key', mrr: 'mrr-key' },
    idField: 'customer',
    dateField: 'start',
    numberField: 'mrr',
    shownField: 'customer',
  },
  cancellations: {
    name: 'cancellations',
    rows: copy(CANCELLATIONS),
    fieldAttributes: { customer: 'customer-key', date: 'date-key', reason: 'reason-key', lostRevenue: 'lost-revenue-key' },
    idField: 'customer',
    dateField: 'date',
    numberField: 'lostRevenue',
    shownField: 'reason',
  },
  events: {
    name: 'events',
    rows: copy(EVENTS),
    fieldAttributes: { customer: 'customer-key', date: 'date-key', event: 'event-key', value: 'value-key' },
    idField: 'customer',
    dateField: 'date',
    numberField: 'value',
    shownField: 'customer',
  },
  responses: {
    name: 'responses',
    rows: copy(RESPONSES),
    fieldAttributes: { customer: 'customer-key', date: 'date-key', score: 'score-key' },
    idField: 'customer',
    dateField: 'date',
    numberField: 'score',
    shownField: 'customer',
  },
} satisfies Record<string, RecordKind>;

export interface ElementSpec {
  tag: string;
  /** The record kind it reads (undefined: it takes plain attributes only). */
  kind?: RecordKind;
  /** Attributes every record case gets (the options the small input needs). */
  attributes: Record<string, string>;
  /** Plain attributes that give a result without records, where the element has them. */
  plain?: Record<string, string>;
  /** Attributes that only matter in plain mode (tested against `plain`, not the records). */
  plainAttributes?: string[];
}

export const ELEMENTS: ElementSpec[] = [
  { tag: 'churn-reasons', kind: KINDS.cancellations, attributes: { 'weight-by': 'revenue' } },
  { tag: 'churn-trend', kind: KINDS.orders, attributes: { 'window-days': '30', 'as-of': '2024-03-31' } },
  { tag: 'cohort-heatmap', kind: KINDS.orders, attributes: { 'as-of': '2024-03-31' } },
  { tag: 'customer-health', kind: KINDS.events, attributes: { 'as-of': '2024-03-31' } },
  {
    tag: 'kpi-tile',
    kind: KINDS.orders,
    attributes: { metric: 'customer-churn', 'window-days': '30', 'as-of': '2024-03-31' },
    plain: { metric: 'customer-churn', value: '0.08', previous: '0.06', period: 'October' },
    plainAttributes: ['value', 'previous'],
  },
  {
    tag: 'ltv-forecast',
    kind: KINDS.orders,
    attributes: { 'calibration-end': '2024-03-31' },
    plain: { arpa: '50', 'gross-margin': '0.8', churn: '0.05' },
    plainAttributes: ['arpa', 'gross-margin', 'churn'],
  },
  {
    tag: 'nps-score',
    kind: KINDS.responses,
    attributes: {},
    plain: { promoters: '120', passives: '50', detractors: '30' },
    plainAttributes: ['promoters', 'passives', 'detractors'],
  },
  { tag: 'purchase-cycle', kind: KINDS.orders, attributes: {} },
  {
    tag: 'retention-calculator',
    attributes: {},
    plain: { start: '500', end: '520', new: '45', 'start-revenue': '10000', 'lost-revenue': '500', contraction: '200', expansion: '1000', arpa: '100', 'gross-margin': '80' },
  },
  { tag: 'retention-curve', kind: KINDS.orders, attributes: { 'as-of': '2024-03-31' } },
  {
    tag: 'retention-gauge',
    kind: KINDS.orders,
    attributes: { 'window-days': '30' },
    plain: { start: '500', end: '520', new: '45', period: '2025-Q3' },
    plainAttributes: ['start', 'end', 'new', 'lost', 'previous-rate'],
  },
  { tag: 'revenue-movements', kind: KINDS.subscriptions, attributes: {} },
];

/** The elements that read records. */
export const RECORD_ELEMENTS = ELEMENTS.filter((spec): spec is ElementSpec & { kind: RecordKind } => spec.kind !== undefined);

/** The field attributes that map a kind's fields to the given column names. */
export function fieldMapping(kind: RecordKind, columns: Record<string, string>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [field, column] of Object.entries(columns)) attributes[kind.fieldAttributes[field]] = column;
  return attributes;
}

/** The rows with their fields renamed (own properties, `__proto__` included: defined, not assigned). */
export function renameFields(rows: Row[], columns: Record<string, string>): Row[] {
  return rows.map((row) => {
    const renamed: Row = {};
    for (const [field, value] of Object.entries(row)) {
      Object.defineProperty(renamed, columns[field] ?? field, { value, enumerable: true, writable: true, configurable: true });
    }
    return renamed;
  });
}
