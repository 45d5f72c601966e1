// The command line's arguments: `--name value` or `--name=value`, the element attributes'
// names for the field mapping (customer-key, date-key, …), each value checked once here; a
// metric's own flags are checked by its module (metrics/).
import { oneOf, wholeNumber } from './arg-checks.mjs';
import { METRICS } from './metrics/index.mjs';
import { UsageError } from './usage-error.mjs';

export { UsageError };

const METRIC_NAMES = Object.keys(METRICS);
const metricHelp = Object.entries(METRICS)
  .map(([name, metric]) => `                               ${name}: ${metric.help}`)
  .join('\n');
const metricOptionHelp = Object.values(METRICS)
  .map((metric) => metric.optionHelp)
  .join('\n');

export const USAGE = `Usage:
  retention-kit aggregate <orders.csv|.csv.gz|.tsv|.parquet|.json|postgres://…> --metric ${METRIC_NAMES.join('|')} [options]
  retention-kit sql --dialect duckdb|postgres|bigquery|snowflake|clickhouse --table NAME --metric ${METRIC_NAMES.join('|')} [options]

Computes a pre-aggregated shape the elements take (cohort-matrix/1, period-counts/1, …) with the
engine's definitions: files through DuckDB, read from disk as a stream; a postgres:// URL in
that database (with --table). \`sql\` prints the query instead, for a warehouse's console.

Options:
  --metric NAME                what to compute:
${metricHelp}
  --granularity G              day, week, month (default), quarter, year
  --week-start N               first day of week periods, 0 Sunday … 6 Saturday (default 1)
${metricOptionHelp}
  --as-of YYYY-MM-DD           last day of data used (default: the last day in the data)
  --time-zone ZONE             IANA zone for instants (timestamps with an offset); default UTC
  --preset NAME                a platform export's columns and status words (shopify-orders,
                               stripe-payments, woocommerce-orders, etsy-orders, events)
  --customer-key COLUMN        customer id column (default customer)
  --date-key COLUMN            date column (default date)
  --amount-key COLUMN          money column (signed; negative or typed rows are returns)
  --quantity-key COLUMN        units column (negative for returns)
  --price-key COLUMN           unit price column: money = quantity × price
  --type-key COLUMN            type or status column (order, sale …, refund, return, cancellation …)
  --order-key COLUMN           order id column: an order's lines are one purchase, its refund netted once
  --amount-per line|order      with --order-key, the amount is each line's (default) or the order's total,
                               written on its lines and counted once (the order-export presets: order)
  --refund-key COLUMN          money refunded on the order, netted once per order
  --currency-key COLUMN        currency code column: currencies are never summed
  --currency CODE              with several currencies, the one money is shown in (default: most purchases')
  --date-format FORMAT         how a CSV writes its dates: DD/MM/YYYY, MM/DD/YY, …
  --table NAME                 the table of a database (schema.table)
  --memory-limit SIZE          files: DuckDB's memory before it spills to a temp folder (default 1GB)
  --dialect D                  sql: the dialect to write
  --out FILE                   where the JSON goes (default: standard output)
`;

const VALUE_OPTIONS = new Set([
  'metric', 'granularity', 'week-start', 'as-of', 'time-zone', 'preset',
  'customer-key', 'date-key', 'amount-key', 'quantity-key', 'price-key', 'type-key', 'date-format',
  'order-key', 'amount-per', 'refund-key', 'currency-key', 'currency',
  'table', 'dialect', 'out', 'memory-limit',
  ...Object.values(METRICS).flatMap((metric) => metric.options),
]);

/** { command, input, options } from argv; throws UsageError naming the argument. */
export function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = {};
  const positional = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (name in options) throw new UsageError(`--${name} is given twice`);
    options[name] = value;
  }
  if (command !== 'aggregate' && command !== 'sql') throw new UsageError(command ? `unknown command "${command}": aggregate or sql` : 'a command is needed: aggregate or sql');
  if (command === 'aggregate' && positional.length !== 1) throw new UsageError(positional.length ? `one input, not ${positional.length} (${positional.join(', ')})` : 'the input is missing: a CSV, Parquet or JSON file, or a postgres:// URL');
  if (command === 'sql' && positional.length) throw new UsageError(`sql takes no input file (found ${positional[0]}): name the table with --table`);
  return { command, input: positional[0], options: checked(command, options) };
}

function checked(command, o) {
  const metric = o.metric === undefined ? undefined : oneOf('metric', o.metric, METRIC_NAMES);
  if (!metric) throw new UsageError(`--metric is needed: ${METRIC_NAMES.join(', ')}`);
  for (const [name, other] of Object.entries(METRICS)) {
    for (const option of other.options) {
      if (o[option] !== undefined && !METRICS[metric].options.includes(option)) throw new UsageError(`--${option} is for --metric ${name}`);
    }
  }
  const options = {
    ...METRICS[metric].check(command, o),
    metric,
    granularity: oneOf('granularity', o.granularity ?? 'month', ['day', 'week', 'month', 'quarter', 'year']),
    weekStart: o['week-start'] === undefined ? undefined : wholeNumber('week-start', o['week-start'], 0, 6),
    asOf: o['as-of'],
    timeZone: o['time-zone'],
    preset: o.preset,
    dateFormat: o['date-format'],
    currency: o.currency,
    amountPer: o['amount-per'] === undefined ? undefined : oneOf('amount-per', o['amount-per'], ['line', 'order']),
    table: o.table,
    dialect: o.dialect,
    out: o.out,
    memoryLimit: o['memory-limit'] ?? '1GB',
    fields: {
      customer: o['customer-key'],
      date: o['date-key'],
      amount: o['amount-key'],
      quantity: o['quantity-key'],
      unitPrice: o['price-key'],
      type: o['type-key'],
      order: o['order-key'],
      refund: o['refund-key'],
      currency: o['currency-key'],
    },
  };
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(options.memoryLimit)) throw new UsageError(`--memory-limit takes a size such as 512MB or 2GB, not "${options.memoryLimit}"`);
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new UsageError(`--as-of takes a day written YYYY-MM-DD, not "${options.asOf}"`);
  if (command === 'sql' && !options.dialect) throw new UsageError('--dialect is needed: duckdb, postgres, bigquery, snowflake or clickhouse');
  if (command === 'sql' && !options.table) throw new UsageError('--table is needed: the table to read (schema.table)');
  return options;
}
