/**
 * The part every subscription query shares: the user's table of subscriptions
 * read the way the engine reads them (metrics/subscriptions.ts), beside
 * source.ts's table of orders. The calendar (a period's first day, the next
 * period), the option checks and the quoting are source.ts's and dialects.ts's.
 *
 * - the customer is the id as text, trimmed; blank or NULL belongs to nobody:
 *   left out and counted by {@link subscriptionRowCountsSql} (the engine
 *   refuses such a row, naming it; a table cannot be refused row by row, so
 *   the command line counts them and says so);
 * - start and end are days: as written for wall-clock columns (DATE,
 *   TIMESTAMP), the local day in `timeZone` for instants; the end is the first
 *   day the subscription no longer runs, NULL while it runs;
 * - rows the engine refuses (no start day, no MRR or a negative one, an end
 *   before the start) are left out and counted, so that a caller can refuse
 *   them as the engine does (the command line does);
 * - the data's last day is the last start or end day; `asOf` (default: that
 *   day) only says which periods are complete, it leaves no row out.
 */
import { PRESETS, PRESET_NAMES, type PresetName } from '../metrics/read/presets.ts';
import type { Dialect } from './dialects.ts';
import { resolveSql, type ResolvedSql, type SqlOptions } from './source.ts';

/** The user's subscription columns, named as in the elements' field mapping (customer, start, end, mrr, plan). */
export interface SubscriptionSqlFields {
  /** Customer id column; default `customer`. */
  customer?: string;
  /** First day active; default `start`. */
  start?: string;
  /** First day no longer active, NULL while running; default `end`. */
  end?: string;
  /** Recurring revenue per month, at least 0; default `mrr`. */
  mrr?: string;
  /** Plan column: not needed by any figure, read by no query (kept for the same mapping as the elements). */
  plan?: string;
}

export interface SubscriptionSqlOptions extends Omit<SqlOptions, 'fields' | 'asOf'> {
  fields?: SubscriptionSqlFields;
  /** The day deciding which periods are complete, `YYYY-MM-DD`; default the last start or end day. */
  asOf?: string;
}

export interface ResolvedSubscriptionSql {
  d: Dialect;
  /** The calendar of the periods (source.ts): granularity, week start, period start, next period. */
  calendar: ResolvedSql;
  /** The shared CTEs (without WITH), ending with `subscription_rows` and `bounds` (first_day, last_day, as_of). */
  prologue: string;
  /** The rows before any are left out, with the columns customer, start_day, end_day, mrr. */
  readRows: string;
}

const DEFAULT_FIELDS = { customer: 'customer', start: 'start', end: 'end', mrr: 'mrr' };

/** Checks the options (throwing a specific Error) and writes the shared part. */
export function resolveSubscriptionSql(options: SubscriptionSqlOptions): ResolvedSubscriptionSql {
  const fields = { ...DEFAULT_FIELDS, ...withoutBlanks(options.fields ?? {}) };
  // source.ts checks the dialect, table, calendar, dates, zone and as-of, and writes the calendar;
  // its own prologue (orders) is not used here.
  const calendar = resolveSql({ ...options, fields: { customer: fields.customer, date: fields.start } });
  const { d } = calendar;
  const dates = options.dates ?? 'local';
  const timeZone = options.timeZone ?? 'UTC';
  const column = (name: string) => d.identifier(name);
  const day = (name: string) => (dates === 'instant' ? d.instantDay(column(name), timeZone) : d.localDay(column(name)));
  const asOf = options.asOf ? d.date(options.asOf) : 'MAX(GREATEST(start_day, COALESCE(end_day, start_day)))';
  const readRows = `SELECT
    NULLIF(TRIM(CAST(${column(fields.customer)} AS ${d.text})), '') AS customer,
    ${day(fields.start)} AS start_day,
    ${day(fields.end)} AS end_day,
    ${column(fields.mrr)} AS mrr
  FROM ${calendar.fromClause}`;
  const prologue = `-- The subscriptions as the kit reads them: customer id as text, the local start and end days, the MRR.
read_subscriptions AS (
  ${readRows}
),
-- Without a customer a subscription belongs to nobody; without a start day or an MRR of 0 or more, or ending
-- before it starts, it is not one the kit reads. Those rows are left out here and counted by the row counts.
subscription_rows AS (
  SELECT customer, start_day, end_day, mrr
  FROM read_subscriptions
  WHERE customer IS NOT NULL AND start_day IS NOT NULL AND mrr >= 0 AND (end_day IS NULL OR end_day >= start_day)
),
-- The data's first start day, its last start or end day, and as-of (${options.asOf ? 'given' : 'that last day'}): periods whose last day is after it are still running.
bounds AS (
  SELECT MIN(start_day) AS first_day, MAX(GREATEST(start_day, COALESCE(end_day, start_day))) AS last_day, ${asOf} AS as_of
  FROM subscription_rows
)`;
  return { d, calendar, prologue, readRows };
}

/** Counts of the subscriptions read and of those left out, for a summary beside a shape (and for refusing what the engine refuses). */
export function subscriptionRowCountsSql(options: SubscriptionSqlOptions): string {
  const { d, readRows } = resolveSubscriptionSql(options);
  const kept = 'customer IS NOT NULL AND start_day IS NOT NULL';
  return `-- Subscriptions read, and those no figure counts: without a customer; and those the kit refuses
-- (without a start day, without an MRR or with a negative one, ending before they start).
WITH read_subscriptions AS (
  ${readRows}
)
SELECT
  COUNT(*) AS rows_read,
  SUM(CASE WHEN customer IS NULL THEN 1 ELSE 0 END) AS rows_without_customer,
  SUM(CASE WHEN customer IS NOT NULL AND start_day IS NULL THEN 1 ELSE 0 END) AS rows_without_start,
  SUM(CASE WHEN ${kept} AND (mrr IS NULL OR mrr < 0) THEN 1 ELSE 0 END) AS rows_without_mrr,
  SUM(CASE WHEN ${kept} AND end_day < start_day THEN 1 ELSE 0 END) AS rows_ending_before_start,
  ${d.dayText(`MIN(CASE WHEN ${kept} THEN start_day END)`)} AS first_day,
  ${d.dayText(`MAX(CASE WHEN ${kept} THEN GREATEST(start_day, COALESCE(end_day, start_day)) END)`)} AS last_day
FROM read_subscriptions
${d.settings}`;
}

/** A subscriptions preset (metrics/read/presets.ts) as the SQL's field mapping: the columns an element reads with `preset="…"`. */
export function subscriptionFieldsOfPreset(name: string): { fields: SubscriptionSqlFields; dateFormat?: string } {
  if (!(PRESET_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown preset "${name}": one of ${PRESET_NAMES.join(', ')}`);
  const preset = PRESETS[name as PresetName];
  if (preset.kind !== 'subscriptions') throw new Error(`The preset ${name} reads ${preset.kind}, not subscriptions`);
  const { customer, start, end, mrr, plan } = preset.fields;
  const fields = withoutBlanks({ customer, start, end, mrr, plan });
  return preset.dateFormat ? { fields, dateFormat: preset.dateFormat } : { fields };
}

function withoutBlanks(fields: SubscriptionSqlFields): SubscriptionSqlFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === 'string' && value !== '')) as SubscriptionSqlFields;
}
