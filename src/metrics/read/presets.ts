/**
 * Platform presets: for each export a business really downloads (Shopify
 * orders, Stripe payments and subscriptions, Etsy sold orders, WooCommerce
 * orders, a product event log), the platform's column for each of the kit's
 * fields, the date format it writes when that is not ISO, and what each of its
 * status words means. The layouts and the sources they were read from are
 * listed in tests/fixtures/exports/README.md; each preset has a fixture there
 * in the platform's own column order.
 *
 * Order-level money (Shopify `Total`, WooCommerce `Order Total Amount`, their
 * refunded amounts) is one figure per order, not per line: Shopify writes it on
 * the order's first line only and leaves it blank on the others, WooCommerce's
 * order export repeats it on every line. Either way it counts once per `order`;
 * status and currency apply to every line of the order.
 */

export const PRESET_NAMES = ['shopify-orders', 'stripe-payments', 'stripe-subscriptions', 'etsy-orders', 'woocommerce-orders', 'events'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
export type RowRole = 'purchase' | 'refund' | 'ignore';

type PresetField = 'customer' | 'date' | 'amount' | 'quantity' | 'price' | 'order' | 'type' | 'refund' | 'currency' | 'start' | 'end' | 'mrr' | 'plan' | 'event';

export interface ExportPreset {
  name: PresetName;
  /** Shown by the snippet builder: 'Shopify orders export'. */
  label: string;
  /** What the rows are. */
  kind: 'transactions' | 'subscriptions' | 'events';
  /** Columns whose presence in a header identifies the export (all must be present; compare exactly, after trimming and removing a BOM). */
  signature: readonly string[];
  /** The platform's column for each of the kit's fields (only those that apply). Transactions: customer, date, amount, quantity, price, order, type, refund, currency. Subscriptions: customer, start, end, mrr, plan, currency. Events: customer, date, event. */
  fields: Readonly<Partial<Record<PresetField, string>>>;
  /** `date-format` value when the platform writes a non-ISO date ('MM/DD/YY' for Etsy). */
  dateFormat?: string;
  /** Status word (lower-cased, trimmed) → what the row is. Words not listed are an error naming the word. */
  typeMap?: Readonly<Record<string, RowRole>>;
  /** One sentence, for docs: what the preset reads and how (which columns, what is left out). */
  description: string;
}

const SHOPIFY_ORDERS: ExportPreset = {
  name: 'shopify-orders',
  label: 'Shopify orders export',
  kind: 'transactions',
  signature: ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Created at'],
  fields: {
    customer: 'Email',
    date: 'Created at',
    order: 'Name',
    amount: 'Total',
    refund: 'Refunded Amount',
    type: 'Financial Status',
    currency: 'Currency',
  },
  typeMap: {
    paid: 'purchase',
    partially_paid: 'purchase',
    partially_refunded: 'purchase',
    refunded: 'purchase',
    pending: 'ignore',
    authorized: 'ignore',
    voided: 'ignore',
    expired: 'ignore',
  },
  description:
    'Reads Admin › Orders › Export (one row per line item; an order\'s own columns only on its first line): the customer is Email (the export has no customer id; Id is the order\'s), ' +
    'the day is Created at (Paid at is blank on unpaid orders), and the money is the order\'s Total less its Refunded Amount, counted once per order (Name), ' +
    'because Lineitem quantity × Lineitem price leaves out shipping, taxes and order discounts while Refunded Amount includes them; ' +
    'paid, partially paid and (partially) refunded orders are purchases netted by Refunded Amount, pending, authorized, voided and expired ones are left out as money never received.',
};

const STRIPE_PAYMENTS: ExportPreset = {
  name: 'stripe-payments',
  label: 'Stripe payments export',
  kind: 'transactions',
  signature: ['id', 'Amount', 'Amount Refunded', 'Currency', 'Status', 'Customer ID'],
  fields: {
    customer: 'Customer ID',
    date: 'Created date (UTC)',
    order: 'id',
    amount: 'Amount',
    refund: 'Amount Refunded',
    type: 'Status',
    currency: 'Currency',
  },
  typeMap: {
    paid: 'purchase',
    succeeded: 'purchase',
    refunded: 'purchase',
    'partially refunded': 'purchase',
    disputed: 'purchase',
    failed: 'ignore',
    canceled: 'ignore',
    incomplete: 'ignore',
    blocked: 'ignore',
    uncaptured: 'ignore',
    pending: 'ignore',
  },
  description:
    'Reads Payments › Export (the unified payments CSV, one row per charge): the customer is Customer ID (cus_…; charges without one are not a customer\'s), the day is Created date (UTC) (older exports call it Created (UTC): they are recognised but the date column must then be set by hand), ' +
    'and each charge is a purchase of Amount in its own Currency less Amount Refunded, so a refunded charge still counts as the customer\'s purchase and partial refunds net exactly; ' +
    'failed, canceled, blocked, incomplete, uncaptured and pending charges are left out; Converted Amount (the settlement currency) is not used.',
};

const STRIPE_SUBSCRIPTIONS: ExportPreset = {
  name: 'stripe-subscriptions',
  label: 'Stripe subscriptions export',
  kind: 'subscriptions',
  signature: ['id', 'Customer ID', 'Status', 'Created (UTC)', 'Current Period Start (UTC)', 'Current Period End (UTC)', 'Canceled At (UTC)', 'Ended At (UTC)'],
  fields: {
    customer: 'Customer ID',
    start: 'Start Date (UTC)',
    end: 'Ended At (UTC)',
    mrr: 'Amount',
    plan: 'Plan',
    currency: 'Currency',
  },
  description:
    'Reads Billing › Subscriptions › Export (one row per subscription): it runs from Start Date (UTC) (older exports call it Start (UTC)) to Ended At (UTC), ' +
    'not Canceled At (UTC), which is when the customer asked and may precede the period end they paid for; Amount is the price per billing Interval and per unit, ' +
    'so it is a monthly figure only for monthly plans with Quantity 1 (Interval and Quantity are not read).',
};

const ETSY_ORDERS: ExportPreset = {
  name: 'etsy-orders',
  label: 'Etsy sold orders export',
  kind: 'transactions',
  signature: ['Sale Date', 'Order ID', 'Buyer User ID', 'Full Name', 'Order Value', 'Order Total', 'Adjusted Order Total', 'Buyer'],
  fields: {
    customer: 'Buyer User ID',
    date: 'Sale Date',
    order: 'Order ID',
    amount: 'Order Total',
    currency: 'Currency',
  },
  dateFormat: 'MM/DD/YY',
  description:
    'Reads Shop Manager › Settings › Options › Download Data › Orders (EtsySoldOrders…csv, one row per order): the customer is Buyer User ID (Buyer is a changeable display name), ' +
    'the day is Sale Date written MM/DD/YY, and each order is a purchase of Order Total (items, shipping and tax, less discounts) in its Currency; ' +
    'refunds are not netted, because Etsy writes no refund amount, only an Adjusted Order Total on orders it adjusted, and Status is not read since Etsy leaves it blank on ordinary orders.',
};

const WOOCOMMERCE_ORDERS: ExportPreset = {
  name: 'woocommerce-orders',
  label: 'WooCommerce orders export (Advanced Order Export)',
  kind: 'transactions',
  signature: ['Order Number', 'Order Status', 'Order Date', 'Email (Billing)', 'Order Refund Amount', 'Order Total Amount'],
  fields: {
    customer: 'Email (Billing)',
    date: 'Order Date',
    order: 'Order Number',
    amount: 'Order Total Amount',
    refund: 'Order Refund Amount',
    type: 'Order Status',
  },
  typeMap: {
    completed: 'purchase',
    processing: 'purchase',
    refunded: 'purchase',
    'on hold': 'ignore',
    'pending payment': 'ignore',
    cancelled: 'ignore',
    failed: 'ignore',
    draft: 'ignore',
  },
  description:
    'Reads the default CSV of the Advanced Order Export For WooCommerce plugin (WooCommerce itself only downloads Analytics › Orders, whose Customer column is a name, not an identity), ' +
    'one row per product with the order\'s columns repeated on each: the customer is Email (Billing), the day is Order Date, and the money is Order Total Amount less Order Refund Amount, counted once per Order Number; ' +
    'completed, processing and refunded orders are purchases, on-hold, pending-payment, cancelled, failed and draft ones are left out; the default columns carry no currency (the shop has one).',
};

const EVENTS: ExportPreset = {
  name: 'events',
  label: 'Product event log (Segment tracks)',
  kind: 'events',
  signature: ['user_id', 'timestamp', 'event'],
  fields: {
    customer: 'user_id',
    date: 'timestamp',
    event: 'event',
  },
  description:
    'Reads an event log in the Segment / RudderStack warehouse tracks layout (one row per event): the customer is user_id, the moment is timestamp (ISO 8601 with offset, read as UTC) and the event name is event; ' +
    'anonymous_id rows without a user_id belong to no customer and are left out.',
};

export const PRESETS: Readonly<Record<PresetName, ExportPreset>> = Object.freeze({
  'shopify-orders': SHOPIFY_ORDERS,
  'stripe-payments': STRIPE_PAYMENTS,
  'stripe-subscriptions': STRIPE_SUBSCRIPTIONS,
  'etsy-orders': ETSY_ORDERS,
  'woocommerce-orders': WOOCOMMERCE_ORDERS,
  events: EVENTS,
});

/** A header cell as compared with a signature: trimmed, without a byte-order mark. */
function headerName(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

/** The preset whose signature the header matches, most specific (longest signature) first; undefined when none. */
export function detectPreset(header: readonly string[]): ExportPreset | undefined {
  const names = new Set(header.map((cell) => headerName(String(cell ?? ''))));
  const candidates = PRESET_NAMES.map((name) => PRESETS[name]).sort((a, b) => b.signature.length - a.signature.length);
  return candidates.find((preset) => preset.signature.every((column) => names.has(column)));
}
