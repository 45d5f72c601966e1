// `retention-kit aggregate` and `retention-kit sql`: argument checks, the source (a file read
// by DuckDB, or a PostgreSQL table), then the kit's SQL and the shape it turns into.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, UsageError, USAGE } from './args.mjs';
import { loadKit } from './kit.mjs';
import { duckdbSource } from './duckdb-source.mjs';
import { postgresSource } from './postgres-source.mjs';
import { METRICS } from './metrics/index.mjs';
import { checkOrders } from './orders.mjs';

export async function main(argv, io) {
  const say = (line) => io.stderr.write(`${line}\n`);
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    (argv.length === 0 ? io.stderr : io.stdout).write(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`retention-kit: ${error.message}\n(retention-kit --help lists the options)`);
    return 2;
  }
  try {
    const kit = await loadKit();
    const options = args.options;
    // A metric of other records (subscriptions) maps its own columns.
    const metric = METRICS[options.metric];
    const fields = metric.fields ? metric.fields(kit, options) : mappedFields(kit, options);
    if (args.command === 'sql') {
      const sqlOptions = { dialect: options.dialect, table: options.table.split('.'), fields, ...calendarOptions(options), ...readingOptions(options) };
      io.stdout.write(metric.sql(kit, sqlOptions, options));
      return 0;
    }
    return await aggregate(kit, args.input, options, fields, io, say);
  } catch (error) {
    say(`retention-kit: ${error.message}`);
    return 1;
  }
}

/** The preset's columns, then the flags, then the engine's defaults (customer, date). */
function mappedFields(kit, options) {
  const preset = options.preset ? kit.sqlFieldsOfPreset(options.preset) : { fields: {} };
  if (preset.dateFormat && !options.dateFormat) options.dateFormat = preset.dateFormat;
  if (preset.typeMap) options.typeMap = preset.typeMap;
  if (preset.amountPer && !options.amountPer) options.amountPer = preset.amountPer;
  const fields = { customer: 'customer', date: 'date', ...preset.fields };
  for (const [key, value] of Object.entries(options.fields)) if (value !== undefined) fields[key] = value;
  if (options.fields.amount !== undefined && preset.fields.quantity && options.fields.unitPrice === undefined) delete fields.unitPrice;
  if (fields.unitPrice && !fields.quantity) throw new UsageError('--price-key needs --quantity-key (money = quantity × price)');
  if (options.currency && !fields.currency) throw new UsageError(`--currency needs a currency column: --currency-key${options.preset ? ` (the preset ${options.preset} has none)` : ''}`);
  return fields;
}

function calendarOptions(options) {
  return { granularity: options.granularity, weekStart: options.weekStart, asOf: options.asOf, timeZone: options.timeZone };
}

/** The preset's status words, the currency asked for and what an amount is per: an order export's reading (src/sql/orders.ts). */
function readingOptions(options) {
  return {
    ...(options.typeMap ? { typeMap: options.typeMap } : {}),
    ...(options.currency ? { currency: options.currency } : {}),
    ...(options.amountPer ? { amountPer: options.amountPer } : {}),
  };
}

/** Order rows read and left out, said on stderr; an order export's statuses and currencies checked. */
async function countOrderRows(kit, source, sqlOptions, say, seconds) {
  const { fields } = sqlOptions;
  const [counts] = await source.query(kit.rowCountsSql(sqlOptions), 'counting rows');
  const read = Number(counts.rows_read);
  const guests = Number(counts.rows_without_customer);
  const undated = Number(counts.rows_without_date);
  const ignored = Number(counts.rows_ignored ?? 0);
  say(`${read.toLocaleString('en')} rows read (${seconds()}); ${guests.toLocaleString('en')} without a customer and ${undated.toLocaleString('en')} without a date are left out`);
  if (counts.rows_ignored !== undefined) await checkOrders(kit, source, sqlOptions, ignored, say);
  if (read - guests - undated - ignored === 0) throw new Error(`no row of ${source.name} has both a customer (${fields.customer}) and a date (${fields.date})`);
}

async function aggregate(kit, input, options, fields, io, say) {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const isUrl = /^postgres(ql)?:\/\//i.test(input);
  if (!isUrl) {
    if (!existsSync(input)) throw new Error(`cannot read ${input}: no such file`);
    if (!statSync(input).isFile()) throw new Error(`cannot read ${input}: not a file`);
    if (options.table) throw new UsageError('--table is for a database URL; a file is its own table');
  } else if (!options.table) {
    throw new UsageError('--table is needed with a postgres:// URL: the table of orders (schema.table)');
  }
  const source = isUrl ? await postgresSource(kit, input, options, fields, say) : await duckdbSource(kit, input, options, fields, say);
  try {
    const sqlOptions = { ...source.sqlOptions, fields: source.fields, ...calendarOptions(options), dates: source.dates, ...readingOptions(options) };
    const metric = METRICS[options.metric];
    await (metric.countRows ?? countOrderRows)(kit, source, sqlOptions, say, seconds);
    await metric.prepare?.(kit, source, sqlOptions, options, say);
    const rows = await source.query(metric.sql(kit, sqlOptions, options), `computing the ${metric.what}`);
    const shape = metric.fromRows(kit, rows, options);
    const valid = metric.schema(kit).safeParse(shape);
    if (!valid.success) throw new Error(`the result does not fit ${shape.shape}: ${valid.error.issues[0]?.message} at ${valid.error.issues[0]?.path.join('.')}`);
    const json = `${JSON.stringify(shape)}\n`;
    if (options.out) writeFileSync(options.out, json);
    else io.stdout.write(json);
    say(`${shape.shape}: ${metric.size(shape)}, as of ${shape.asOf}${metric.running(shape) ? ' (the last period is still running)' : ''} → ${options.out ? basename(options.out) : 'standard output'} in ${seconds()}`);
    return 0;
  } finally {
    await source.close();
  }
}
