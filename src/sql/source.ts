/**
 * The part every query shares: the user's table read the way the engine
 * reads transactions (metrics/read/transactions.ts), and the period calendar
 * (metrics/calendar/calendar.ts) in SQL.
 *
 * - the customer is the id as text, trimmed; blank or NULL is a guest order:
 *   left out of every figure and counted by {@link rowCountsSql};
 * - the day is the date as written for wall-clock columns (DATE, TIMESTAMP),
 *   or the local day in `timeZone` for instants (TIMESTAMP WITH TIME ZONE);
 * - a row is a return when its type says so (return, refund, cancellation …),
 *   else when its quantity (or, without quantity, its amount) is negative;
 *   a return's money is negative whatever sign the table used;
 * - money is `amount`, or `quantity × unitPrice`; without either the rows are
 *   activity only and every revenue figure is NULL;
 * - `asOf` (default: the last day of any customer's row) ends the data:
 *   later rows are left out.
 */
import { GRANULARITIES, type Granularity, type Weekday } from '../metrics/calendar/calendar.ts';
import { dialectOf, type Dialect, type DialectName } from './dialects.ts';
import { orderPrologue, readsOrders, typeMapOf } from './orders.ts';

/** The user's columns, named as in the elements' attributes (customer-key, date-key, …). */
export interface SqlFields {
  /** Customer id column; default `customer`. */
  customer?: string;
  /** Date or timestamp column; default `date`. */
  date?: string;
  /** Signed money column. Leave out for activity data (or use quantity × unitPrice). */
  amount?: string;
  /** Units column; negative for returns. */
  quantity?: string;
  /** Unit price column: money = quantity × unit price. Needs `quantity`. */
  unitPrice?: string;
  /** Type or status column: purchase / order / sale …, return / refund / cancellation …, or words of `typeMap`. */
  type?: string;
  /** Order id column: an order's lines count once, taking blank order-level cells from the order (orders.ts). */
  order?: string;
  /** Money refunded on the order (a positive figure): netted once per order as a return. */
  refund?: string;
  /** Currency code column: several currencies are never summed (orders.ts). */
  currency?: string;
}

export interface SqlOptions {
  dialect: DialectName;
  /** The table, its name parts quoted as names: `'orders'` or `['shop', 'orders']`. */
  table?: string | readonly string[];
  /**
   * Or a FROM expression written as given (`read_parquet('orders.parquet')`):
   * trusted text, never user input.
   */
  from?: string;
  fields?: SqlFields;
  granularity?: Granularity;
  /** First day of week periods, 0 Sunday … 6 Saturday; ISO Monday (1) by default. */
  weekStart?: Weekday;
  /**
   * `local` (default): the date column is wall-clock (DATE or TIMESTAMP without zone), its day is as written.
   * `instant`: it holds instants (TIMESTAMP WITH TIME ZONE), placed on the calendar of `timeZone`.
   */
  dates?: 'local' | 'instant';
  /** IANA zone for `instant` dates; default UTC, as in the engine. */
  timeZone?: string;
  /** Last day of data used, `YYYY-MM-DD`; default the last day of any customer's row. */
  asOf?: string;
  /** Status word (any case) → purchase, refund or ignore, as the elements' `type-map` (presets set it). */
  typeMap?: Readonly<Record<string, 'purchase' | 'refund' | 'ignore'>>;
  /** With a currency column holding several: the one money is shown in (default: the one most purchase lines are in). */
  currency?: string;
  /**
   * With an order column, what an amount column holds, as the elements' `amount-per`:
   * `line` (default) each line's own amount, a return line by its sign or status; `order`
   * the order's total, written on its lines and counted once (the order-export presets set it).
   */
  amountPer?: 'line' | 'order';
}

export const PURCHASE_WORDS = ['purchase', 'order', 'sale', 'invoice', 'payment', 'charge'] as const;
export const RETURN_WORDS = ['return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback'] as const;

export interface ResolvedSql extends ResolvedCalendar {
  hasMoney: boolean;
  /** Read as an order export (orders.ts): `read_rows` has an `ignored` column, and the order CTEs are there. */
  readsOrders: boolean;
  /** The shared CTEs (without WITH), ending with `used_rows` and `bounds`. */
  prologue: string;
}

/** What every query shares besides its rows: the dialect, the table, each row's day, and the period calendar. */
export interface ResolvedCalendar {
  d: Dialect;
  granularity: Granularity;
  weekStart: Weekday;
  asOf?: string;
  /** Rows read, before any are left out: the table or FROM expression. */
  fromClause: string;
  /** The DATE of a date column: as written for wall-clock columns, in `timeZone` for instants. */
  dayOf(column: string): string;
  /** First day of the period containing a DATE expression. */
  periodStart(day: string): string;
  /** First day of the next period after a period start. */
  nextPeriod(start: string): string;
}

/** Checks the options every query takes (throwing a specific Error: they come from a program, not from data). */
export function resolveCalendar(options: SqlOptions): ResolvedCalendar {
  const d = dialectOf(options.dialect);
  const granularity = options.granularity ?? 'month';
  if (!GRANULARITIES.includes(granularity)) throw new Error(`granularity must be one of ${GRANULARITIES.join(', ')}, not ${JSON.stringify(granularity)}`);
  const weekStart = options.weekStart ?? 1;
  if (!(Number.isInteger(weekStart) && weekStart >= 0 && weekStart <= 6)) throw new Error(`weekStart must be a weekday number from 0 (Sunday) to 6 (Saturday), not ${JSON.stringify(weekStart)}`);
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new Error(`asOf must be a day written YYYY-MM-DD, not ${JSON.stringify(options.asOf)}`);
  const dates = options.dates ?? 'local';
  if (dates !== 'local' && dates !== 'instant') throw new Error(`dates must be local or instant, not ${JSON.stringify(dates)}`);
  const timeZone = options.timeZone ?? 'UTC';
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) throw new Error(`timeZone must be an IANA zone name such as Europe/London, not ${JSON.stringify(timeZone)}`);
  const fromClause = fromOf(d, options);
  const dayOf = (column: string) => (dates === 'instant' ? d.instantDay(column, timeZone) : d.localDay(column));

  const periodStart = (value: string): string => {
    switch (granularity) {
      case 'day':
        return value;
      case 'week':
        // Back to the week's first day: weekday 0 = Sunday … 6 = Saturday.
        return d.addDays(value, `-${d.mod(`${d.weekday(value)} + ${7 - weekStart}`, '7')}`);
      default:
        return d.truncate(value, granularity);
    }
  };
  const nextPeriod = (start: string): string => {
    switch (granularity) {
      case 'day':
        return d.addDays(start, '1');
      case 'week':
        return d.addDays(start, '7');
      default:
        return d.addUnits(start, granularity, 1);
    }
  };
  return { d, granularity, weekStart: weekStart as Weekday, asOf: options.asOf, fromClause, dayOf, periodStart, nextPeriod };
}

/** Checks the options and writes the shared part. */
export function resolveSql(options: SqlOptions): ResolvedSql {
  const calendar = resolveCalendar(options);
  const { d, fromClause } = calendar;
  const fields = { customer: 'customer', date: 'date', ...withoutBlanks(options.fields ?? {}) };
  if (fields.unitPrice && !fields.quantity) throw new Error('fields.unitPrice needs fields.quantity (money = quantity × unit price)');
  const orders = readsOrders(fields, options);
  if (orders && fields.quantity && !fields.unitPrice) throw new Error('fields.quantity without fields.unitPrice is per line, and an order export\'s amount is per order: map amount, or quantity and unitPrice');
  if (options.currency !== undefined && !(typeof options.currency === 'string' && /^[A-Za-z]{1,10}$/.test(options.currency.trim()))) throw new Error(`currency must be a currency code such as EUR, not ${JSON.stringify(options.currency)}`);
  if (options.currency !== undefined && !fields.currency) throw new Error('currency needs fields.currency, the column that says each row\'s currency');
  if (options.amountPer !== undefined && options.amountPer !== 'line' && options.amountPer !== 'order') throw new Error(`amountPer must be line or order, not ${JSON.stringify(options.amountPer)}`);

  const column = (name: string) => d.identifier(name);
  const day = calendar.dayOf(column(fields.date));
  const money = fields.unitPrice ? `${column(fields.quantity!)} * ${column(fields.unitPrice)}` : fields.amount ? column(fields.amount) : undefined;
  const negative = fields.quantity ? `${column(fields.quantity)} < 0` : money ? `${money} < 0` : undefined;
  const bySign = negative ? `CASE WHEN ${negative} THEN 1 ELSE 0 END` : '0';
  const words = (list: readonly string[]) => list.map((w) => d.string(w)).join(', ');
  const typeWord = fields.type ? `LOWER(TRIM(CAST(${column(fields.type)} AS ${d.text})))` : '';
  const isReturn = fields.type
    ? `CASE\n      WHEN ${typeWord} IN (${words(RETURN_WORDS)}) THEN 1\n      WHEN ${typeWord} IN (${words(PURCHASE_WORDS)}) THEN 0\n      ELSE ${bySign}\n    END`
    : bySign;

  const asOf = options.asOf ? d.date(options.asOf) : 'MAX(day)';

  const readRows = orders
    ? orderPrologue({ d, fields, day, money, moneyPer: options.amountPer === 'order' && !fields.unitPrice ? 'order' : 'line', typeMap: typeMapOf(options.typeMap), currency: options.currency?.trim(), fromClause })
    : `-- The rows as the kit reads them: customer id as text, the local day, return or not, money.
read_rows AS (
  SELECT
    NULLIF(TRIM(CAST(${column(fields.customer)} AS ${d.text})), '') AS customer,
    ${day} AS day,
    ${isReturn} AS is_return,
    ${money ?? d.nullNumber} AS money
  FROM ${fromClause}
),
-- Rows without a customer (guest orders) belong to nobody: they are left out of every figure.
-- A return's money is negative, whatever sign the table wrote it with.
customer_rows AS (
  SELECT customer, day, is_return, CASE WHEN is_return = 1 THEN -ABS(money) ELSE money END AS amount
  FROM read_rows
  WHERE customer IS NOT NULL AND day IS NOT NULL
)`;
  const prologue = `${readRows},
-- The data's first day, and the last day used (${options.asOf ? 'as-of, given' : 'as-of: the last day of any customer\'s row'}).
bounds AS (
  SELECT MIN(day) AS first_day, ${asOf} AS as_of FROM customer_rows
),
-- Rows after as-of are left out.
used_rows AS (
  SELECT r.customer, r.day, r.is_return, r.amount
  FROM customer_rows r CROSS JOIN bounds b
  WHERE r.day <= b.as_of
)`;

  return { ...calendar, hasMoney: money !== undefined, readsOrders: orders, prologue };
}

function fromOf(d: Dialect, options: SqlOptions): string {
  if (options.from !== undefined && options.table !== undefined) throw new Error('Give table or from, not both');
  if (options.from !== undefined) return options.from;
  const parts = typeof options.table === 'string' ? [options.table] : options.table;
  if (!parts || parts.length === 0 || parts.some((part) => typeof part !== 'string' || part === '')) {
    throw new Error('table must be a table name, or its name parts (["schema", "orders"])');
  }
  return parts.map((part) => d.identifier(part)).join('.');
}

function withoutBlanks(fields: SqlFields): SqlFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === 'string' && value !== '')) as SqlFields;
}

/**
 * The recursive CTE `periods`: (j, period_start) for every period from the
 * one containing `source.fromColumn` to the one containing `source.toColumn`
 * (a one-row CTE), numbered from 0, none missing: a month without a single
 * order is still a month.
 */
export function periodsCte(sql: ResolvedCalendar, source: string, fromColumn: string, toColumn: string): string {
  return `periods AS (
  SELECT CAST(0 AS BIGINT) AS j, ${sql.periodStart(`s.${fromColumn}`)} AS period_start FROM ${source} s
  UNION ALL
  SELECT p.j + 1, ${sql.nextPeriod('p.period_start')}
  FROM periods p CROSS JOIN ${source} s
  WHERE ${sql.nextPeriod('p.period_start')} <= ${sql.periodStart(`s.${toColumn}`)}
)`;
}

/** Counts of the rows read and of those left out, for a summary beside a shape. */
export function rowCountsSql(options: SqlOptions): string {
  const sql = resolveSql(options);
  // An order export's ignored statuses come first, as in the engine: an ignored guest line is ignored, not a guest's.
  const counted = sql.readsOrders ? 'ignored = 0 AND ' : '';
  return `-- Rows read, and those no figure counts: without a customer (guest orders) or without a date${sql.readsOrders ? ', or of an ignored status' : ''}.
WITH
${sql.prologue}
SELECT
  COUNT(*) AS rows_read,
  SUM(CASE WHEN ${counted}customer IS NULL THEN 1 ELSE 0 END) AS rows_without_customer,
  SUM(CASE WHEN ${counted}customer IS NOT NULL AND day IS NULL THEN 1 ELSE 0 END) AS rows_without_date,${sql.readsOrders ? '\n  SUM(ignored) AS rows_ignored,' : ''}
  ${sql.d.dayText(`MIN(CASE WHEN ${counted}customer IS NOT NULL THEN day END)`)} AS first_day,
  ${sql.d.dayText(`MAX(CASE WHEN ${counted}customer IS NOT NULL THEN day END)`)} AS last_day
FROM read_rows
${sql.d.settings}`;
}
