/**
 * The rows of an order export read as the engine reads them
 * (metrics/read/transactions.ts with an `order`, `refund`, `currency` column
 * or a type map, as the shopify-orders, stripe-payments and
 * woocommerce-orders presets set them):
 *
 * - an order's lines share its order-level cells: Shopify writes customer,
 *   date, status, total, refund and currency on the first line only, and
 *   WooCommerce repeats them on every line; either way they are the order's,
 *   read once. Lines without an order id are each an order of their own;
 * - with `amountPer: 'order'` (the engine's `amount-per="order"`, which the
 *   order-export presets set) the amount is the order's total, counted once per
 *   order; else (quantity × unit price, or amounts per line) each line keeps its
 *   own money and kind, and an order's purchase lines are one purchase;
 * - the refunded amount (a positive figure) is netted once per order as a
 *   return on the order's day: a refunded order is still the customer's purchase;
 * - a status word means what the type map says (purchase, refund, ignore),
 *   else what the built-in words say; ignored orders are left out and their
 *   lines counted ({@link statusCountsSql});
 * - with several currencies, money is shown in the one most purchase lines
 *   are in (or the one asked for) and orders in the others count as activity
 *   with no money: currencies are never summed ({@link currencyCountsSql}).
 *
 * Where the SQL and the engine could differ, the command line asks first:
 * an order whose lines disagree on an order-level cell ({@link orderConflictsSql};
 * the engine takes the first line's, a table has no first line), a status
 * neither the map nor the built-in words know (the engine refuses it; this
 * SQL decides it by the sign of the money), a tie between currencies (the
 * engine shows the one seen first; this SQL the first in alphabetical order).
 */
import type { Dialect } from './dialects.ts';
import { PURCHASE_WORDS, RETURN_WORDS, resolveSql, type SqlFields, type SqlOptions } from './source.ts';

export type SqlRowRole = 'purchase' | 'refund' | 'ignore';
const ROLES: readonly SqlRowRole[] = ['purchase', 'refund', 'ignore'];

/** Whether the fields or options ask for the order reading (else the one-row-one-amount prologue). */
export function readsOrders(fields: SqlFields, options: Pick<SqlOptions, 'typeMap' | 'currency'>): boolean {
  return Boolean(fields.order || fields.refund || fields.currency || options.typeMap || options.currency);
}

/** The type map checked and keyed as the engine keys it (trimmed, lower case); throws on a role that is not one. */
export function typeMapOf(typeMap: SqlOptions['typeMap']): Map<string, SqlRowRole> {
  const map = new Map<string, SqlRowRole>();
  if (typeMap === undefined) return map;
  if (typeMap === null || typeof typeMap !== 'object' || Array.isArray(typeMap)) throw new Error('typeMap must be an object of status word → purchase, refund or ignore');
  for (const [word, role] of Object.entries(typeMap)) {
    if (!ROLES.includes(role)) throw new Error(`typeMap "${word}" must be purchase, refund or ignore, not ${JSON.stringify(role)}`);
    map.set(word.trim().toLowerCase(), role);
  }
  return map;
}

interface OrderParts {
  d: Dialect;
  fields: SqlFields & { customer: string; date: string };
  /** The local day of the date column (an SQL expression). */
  day: string;
  /** The line's money (an SQL expression), or undefined without money. */
  money?: string;
  /** `order`: the money column is the order's total, on its lines, counted once; `line`: each line's own. */
  moneyPer: 'line' | 'order';
  typeMap: Map<string, SqlRowRole>;
  currency?: string;
  fromClause: string;
}

/**
 * `CASE` of a status word: 'ignore', 'refund', 'purchase', or NULL for a word neither the map nor the
 * built-in words know (and for no word). The map first, as the engine's roleOf.
 */
function roleCase(d: Dialect, word: string, typeMap: Map<string, SqlRowRole>): string {
  const list = (words: readonly string[]) => words.map((w) => d.string(w)).join(', ');
  const whens: string[] = [];
  for (const role of ROLES) {
    const words = [...typeMap].filter(([, r]) => r === role).map(([w]) => w);
    if (words.length) whens.push(`WHEN ${word} IN (${list(words)}) THEN '${role}'`);
  }
  whens.push(`WHEN ${word} IN (${list(RETURN_WORDS)}) THEN 'refund'`, `WHEN ${word} IN (${list(PURCHASE_WORDS)}) THEN 'purchase'`);
  return `CASE\n      ${whens.join('\n      ')}\n    END`;
}

/** `order_entries` where the money column is the order's total: one entry per order, its status read once. */
function entriesPerOrder(role: string): string {
  return `-- One entry per order, and each line without an order id as an order of its own; what its status means
-- (type map, then the built-in words; an unknown word or none: the sign of the money).
order_entries AS (
  SELECT customer, day, money, refund, currency,
    ${role} AS role
  FROM (
    SELECT customer, day, status, money, refund, currency FROM order_cells
    UNION ALL
    SELECT customer, day, status, money, refund, currency FROM order_lines WHERE order_id IS NULL
  ) AS orders
),
`;
}

/**
 * `order_entries` where each line's money is its own (quantity × unit price, or `amountPer: 'line'`):
 * as the engine reads such lines, each keeps its own kind, so an order's purchase lines are one
 * entry (one purchase, whatever its return lines add up to) and its return lines another.
 */
function entriesPerLine(lineRole: string): string {
  return `-- Each line with its order's cells where its own are blank, and what it is (type map, then the
-- built-in words; an unknown word or none: the sign of its quantity, else of its money):
-- 0 purchase, 1 return, 2 ignored.
line_kinds AS (
  SELECT order_id, customer, day, money, refund, currency,
    CASE WHEN role = 'purchase' THEN 0 WHEN role = 'refund' THEN 1 WHEN role = 'ignore' THEN 2 ELSE negative END AS kind
  FROM (
    SELECT l.order_id, l.negative,
      COALESCE(l.customer, o.customer) AS customer,
      COALESCE(l.day, o.day) AS day,
      l.money,
      COALESCE(o.refund, l.refund) AS refund,
      COALESCE(l.currency, o.currency) AS currency,
      ${lineRole} AS role
    FROM order_lines l
    LEFT JOIN order_cells o ON o.order_id = l.order_id
  ) AS lines
),
-- An order's purchase lines are one entry, its return lines another; a line without an order id is
-- an entry of its own. The order's refund is netted once, with its first entry.
order_entries AS (
  SELECT customer, day, money, refund, currency,
    CASE kind WHEN 0 THEN 'purchase' WHEN 1 THEN 'refund' ELSE 'ignore' END AS role
  FROM (
    SELECT customer, day, money, refund, currency, kind FROM line_kinds WHERE order_id IS NULL
    UNION ALL
    SELECT MAX(customer) AS customer, MAX(day) AS day, SUM(money) AS money,
      CASE WHEN kind = MIN(kind) OVER (PARTITION BY order_id) THEN MAX(refund) END AS refund,
      MAX(currency) AS currency, kind
    FROM line_kinds
    WHERE order_id IS NOT NULL
    GROUP BY order_id, kind
  ) AS entries
),
`;
}

/** The CTEs from the user's table to `customer_rows` (customer, day, is_return, amount), for {@link readsOrders}. */
export function orderPrologue(p: OrderParts): string {
  const { d, fields } = p;
  const column = (name: string) => d.identifier(name);
  // A NULL of a text type in every dialect (ClickHouse cannot CAST a NULL to a plain String).
  const NO_TEXT = "NULLIF('', '')";
  const text = (name: string) => `NULLIF(TRIM(CAST(${column(name)} AS ${d.text})), '')`;
  const perLine = p.moneyPer === 'line';
  // A line of its own money is a return by its sign, as the engine reads it: the quantity's, else the money's.
  const signed = fields.quantity ? column(fields.quantity) : p.money;
  const negative = signed ? `CASE WHEN ${signed} < 0 THEN 1 ELSE 0 END` : '0';
  const orderMoney = perLine ? 'SUM(money)' : 'MAX(money)';
  const role = roleCase(d, 'status', p.typeMap);
  const lineRole = roleCase(d, 'COALESCE(l.status, o.status)', p.typeMap).replaceAll('\n    ', '\n      ');
  // Money as the dialect's floating-point type: an integer total and a fractional refund in one
  // UNION must not meet as integers (DuckDB typed such a union BIGINT and rounded 14.5 to 15).
  const float = (value: string) => d.nullNumber.replace('NULL', value);
  const otherCurrency = `currency IN (SELECT o.currency FROM other_currencies o)`;
  return `-- Each line as written; an order's own cells (customer, date, status, total, refund, currency)
-- may be blank on its later lines.
order_lines AS (
  SELECT
    ${fields.order ? text(fields.order) : NO_TEXT} AS order_id,
    ${text(fields.customer)} AS customer,
    ${p.day} AS day,
    ${fields.type ? `LOWER(${text(fields.type)})` : NO_TEXT} AS status,
    ${p.money ? float(p.money) : d.nullNumber} AS money,${perLine ? `
    ${negative} AS negative,` : ''}
    ${fields.refund ? float(`ABS(${column(fields.refund)})`) : d.nullNumber} AS refund,
    ${fields.currency ? `UPPER(${text(fields.currency)})` : NO_TEXT} AS currency
  FROM ${p.fromClause}
),
-- What an order's lines say between them, once: its total counted once${perLine ? ' (here the sum of its lines)' : ''}, its refund netted once.
order_cells AS (
  SELECT order_id, MAX(customer) AS customer, MAX(day) AS day, MAX(status) AS status,
    ${orderMoney} AS money, MAX(refund) AS refund, MAX(currency) AS currency
  FROM order_lines
  WHERE order_id IS NOT NULL
  GROUP BY order_id
),
${perLine ? entriesPerLine(lineRole) : entriesPerOrder(role)}-- Every line with its order's cells where its own are blank: what is counted and left out.
read_rows AS (
  SELECT customer, day, status, role,
    CASE WHEN role = 'ignore' THEN 1 ELSE 0 END AS ignored,
    CASE WHEN role = 'purchase' THEN 0 WHEN role = 'refund' THEN 1 WHEN money < 0 THEN 1 ELSE 0 END AS is_return,
    currency
  FROM (
    SELECT
      COALESCE(l.customer, o.customer) AS customer,
      COALESCE(l.day, o.day) AS day,
      COALESCE(l.status, o.status) AS status,
      ${perLine ? 'l.money' : 'COALESCE(o.money, l.money)'} AS money,
      COALESCE(l.currency, o.currency) AS currency,
      ${lineRole} AS role
    FROM order_lines l
    LEFT JOIN order_cells o ON o.order_id = l.order_id
  ) AS lines
),
-- Purchase lines per currency; with two or more, money is shown in the one most are in${p.currency ? `, here ${p.currency} as asked` : ' (a tie: the first in alphabetical order)'}.
purchase_currencies AS (
  SELECT currency, COUNT(*) AS line_count
  FROM read_rows
  WHERE currency IS NOT NULL AND customer IS NOT NULL AND day IS NOT NULL AND ignored = 0 AND is_return = 0
  GROUP BY currency
),
shown_currency AS (
  SELECT currency FROM purchase_currencies
  WHERE (SELECT COUNT(*) FROM purchase_currencies) > 1${p.currency ? ` AND currency = ${d.string(p.currency.toUpperCase())}` : ''}
  ORDER BY line_count DESC, currency
  LIMIT 1
),
-- Every currency of the data but the one shown (none when nothing is shown: one currency or none).
other_currencies AS (
  SELECT DISTINCT r.currency
  FROM read_rows r CROSS JOIN shown_currency s
  WHERE r.currency IS NOT NULL AND r.currency <> s.currency
),
-- Rows without a customer (guest orders) belong to nobody; ignored statuses are money never received.
-- An order is a purchase (a return when its status or the sign says so: its money negative),
-- and its refund a return on the same day. Orders in another currency than the one shown keep
-- counting as activity, with no money.
customer_rows AS (
  SELECT customer, day, is_return,
    CASE WHEN ${otherCurrency} THEN 0 WHEN is_return = 1 THEN -ABS(money) ELSE money END AS amount
  FROM (
    SELECT customer, day, money, currency,
      CASE WHEN role = 'purchase' THEN 0 WHEN role = 'refund' THEN 1 WHEN money < 0 THEN 1 ELSE 0 END AS is_return
    FROM order_entries
    WHERE role IS NULL OR role <> 'ignore'
  ) AS entries
  WHERE customer IS NOT NULL AND day IS NOT NULL
  UNION ALL
  SELECT customer, day, 1 AS is_return, CASE WHEN ${otherCurrency} THEN 0 ELSE -refund END AS amount
  FROM order_entries
  WHERE (role IS NULL OR role <> 'ignore') AND refund > 0 AND customer IS NOT NULL AND day IS NOT NULL
)`;
}

/** Lines per status word and what it means: columns status, role ('purchase', 'refund', 'ignore' or NULL: unknown), lines. */
export function statusCountsSql(options: SqlOptions): string {
  const sql = resolveSql(options);
  if (!sql.readsOrders) throw new Error('statusCountsSql needs an order, refund, currency or type column, or a typeMap');
  return `-- Lines per status (retention-kit): what each word means (NULL: a word neither the type map nor the
-- built-in words know), how many lines it has.
WITH
${sql.prologue}
SELECT status, role, COUNT(*) AS line_count
FROM read_rows
GROUP BY status, role
ORDER BY line_count DESC, status
${sql.d.settings}`;
}

/** Purchase lines per currency: columns currency, line_count (most first), and the currency the money figures are in. */
export function currencyCountsSql(options: SqlOptions): string {
  const sql = resolveSql(options);
  if (!sql.readsOrders) throw new Error('currencyCountsSql needs an order, refund, currency or type column, or a typeMap');
  return `-- Purchase lines per currency (retention-kit): money is shown in one, never summed across them.
WITH
${sql.prologue}
SELECT p.currency, p.line_count, (SELECT s.currency FROM shown_currency s) AS shown_currency,
  (SELECT COUNT(*) FROM read_rows r WHERE r.currency IN (SELECT o.currency FROM other_currencies o) AND r.customer IS NOT NULL AND r.ignored = 0) AS other_currency_lines
FROM purchase_currencies p
ORDER BY p.line_count DESC, p.currency
${sql.d.settings}`;
}

/**
 * The first orders whose lines disagree on a cell that is the order's (two customers, dates,
 * statuses, totals, refunds or currencies): columns order_id and the number of distinct values of each.
 */
export function orderConflictsSql(options: SqlOptions): string {
  const sql = resolveSql(options);
  if (!sql.readsOrders) throw new Error('orderConflictsSql needs an order, refund, currency or type column, or a typeMap');
  const amountPerOrder = !options.fields?.unitPrice;
  // Distinct amounts compared as text: BigQuery counts no distinct FLOAT64.
  const distinct = (column: string) => `COUNT(DISTINCT CAST(${column} AS ${sql.d.text}))`;
  return `-- Orders whose lines disagree on an order-level cell (retention-kit): the engine takes the first line's.
WITH
${sql.prologue}
SELECT order_id,
  COUNT(DISTINCT customer) AS customers, COUNT(DISTINCT day) AS days, COUNT(DISTINCT status) AS statuses,
  ${amountPerOrder ? distinct('money') : '0'} AS totals, ${distinct('refund')} AS refunds, COUNT(DISTINCT currency) AS currencies
FROM order_lines
WHERE order_id IS NOT NULL
GROUP BY order_id
HAVING COUNT(DISTINCT customer) > 1 OR COUNT(DISTINCT day) > 1 OR COUNT(DISTINCT status) > 1
  OR ${amountPerOrder ? `${distinct('money')} > 1 OR ` : ''}${distinct('refund')} > 1 OR COUNT(DISTINCT currency) > 1
ORDER BY order_id
LIMIT 5
${sql.d.settings}`;
}
