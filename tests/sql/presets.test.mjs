// The platform order exports (tests/fixtures/exports: Shopify, its German Excel re-save, Stripe
// payments, its US Excel re-save, WooCommerce, its BOM + CRLF re-save) read by the command line
// with --preset and by the SQL on PostgreSQL, against the engine reading the same file as the
// elements do (the engine's CSV reader, the preset, a `;` file's decimal-comma hint): an order
// counted once, its refund netted once, ignored statuses left out and counted, several currencies
// never summed. Counts exactly, money to the cent. Also: golden SQL of a preset in the five
// dialects, every preset query parsed per dialect, hostile column names, and the refusals where
// the SQL would otherwise decide differently from the engine.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from '@polyglot-sql/sdk';
import pg from 'pg';
import { importTs, root } from './load-ts.mjs';
import { HOSTILE } from './fixtures.mjs';
import { compareCohortMatrices, comparePeriodCounts } from './compare.mjs';
import { startPostgres } from './postgres-cluster.mjs';
import { runCli as cli } from './databases.mjs';

const kit = await importTs('tests/sql/presets-entry.ts');
const EXPORTS = join(root, 'tests/fixtures/exports');
const GOLDEN = join(root, 'tests/sql/golden');
const dir = mkdtempSync(join(tmpdir(), 'rk-presets-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The six real-format exports, and how a person would load each into PostgreSQL: the text cells
 * cast to the column types the file means (a day-first or month-first date, decimal commas).
 */
const FIXTURES = [
  { file: 'shopify-orders.csv', preset: 'shopify-orders', rows: 61, pgDate: (v) => `CAST(${v} AS timestamptz)`, dates: 'instant' },
  { file: 'shopify-orders-excel-de.csv', preset: 'shopify-orders', rows: 61, pgDate: (v) => `CAST(to_timestamp(${v}, 'DD.MM.YYYY HH24:MI') AS timestamp)`, comma: true },
  { file: 'stripe-payments.csv', preset: 'stripe-payments', rows: 49, pgDate: (v) => `CAST(${v} AS timestamp)` },
  { file: 'stripe-payments-us-excel.csv', preset: 'stripe-payments', rows: 49, pgDate: (v) => `CAST(to_timestamp(${v}, 'MM/DD/YY HH24:MI') AS timestamp)` },
  { file: 'woocommerce-orders.csv', preset: 'woocommerce-orders', rows: 70, pgDate: (v) => `CAST(${v} AS timestamp)` },
  { file: 'woocommerce-orders-bom-crlf.csv', preset: 'woocommerce-orders', rows: 70, pgDate: (v) => `CAST(${v} AS timestamp)` },
];

/** The file as an element reads it: the engine's CSV reader, then readTransactions with the preset. */
function engineRead(path, preset, reading = {}) {
  const parsed = kit.parseText(readFileSync(path, 'utf8'), 'csv', path);
  assert.ok(parsed.ok, JSON.stringify(parsed.error));
  const records = parsed.rows;
  const read = kit.readTransactions(records, { reading: { preset, ...(records.delimiter === ';' ? { decimalHint: ',' } : {}), ...reading } });
  return { records, read };
}

function engineTable(path, preset, reading) {
  const { records, read } = engineRead(path, preset, reading);
  assert.ok(read.ok, JSON.stringify(read.error));
  const ignored = read.warnings.find((w) => w.code === 'ignored-status')?.count ?? 0;
  const otherCurrency = read.warnings.find((w) => w.code === 'other-currency')?.count ?? 0;
  return { records, table: read.value, ignored, otherCurrency };
}

function engineShapes(table, windowDays) {
  const cohorts = kit.cohortMatrixShapeOf(kit.cohortMatrix(table, { granularity: 'month' }).value, { measure: 'revenue' });
  const periods = kit.periodCountsShapeOf(kit.churnSeries(table, { granularity: 'month', windowDays }).value);
  return { cohorts, periods };
}

/** What the report says per fixture: rows, orders, values compared. */
const figures = [];
after(() => {
  for (const f of figures) console.log(`# ${f.where} ${f.file}: ${f.rows} rows, ${f.orders} orders, ${f.customers} customers, ${f.ignored} ignored rows, window ${f.windowDays} days; ${f.cells} values equal`);
});

describe('the command line reads each export as the elements do', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture.file} (--preset ${fixture.preset}): cohort revenue and customers per period`, async () => {
      const path = join(EXPORTS, fixture.file);
      const { records, table, ignored, otherCurrency } = engineTable(path, fixture.preset);
      assert.equal(records.length, fixture.rows);
      const windowDays = kit.suggestedWindowDays(table).value;
      const expected = engineShapes(table, windowDays);
      const [cohorts, periods] = await Promise.all([
        cli('aggregate', path, '--preset', fixture.preset, '--metric', 'cohort', '--measure', 'revenue'),
        cli('aggregate', path, '--preset', fixture.preset, '--metric', 'periods'),
      ]);
      assert.equal(cohorts.code, 0, cohorts.stderr);
      assert.equal(periods.code, 0, periods.stderr);
      let cells = compareCohortMatrices(JSON.parse(cohorts.stdout), expected.cohorts);
      cells += comparePeriodCounts(JSON.parse(periods.stdout), expected.periods);
      // The summary counts what the engine's notices count.
      assert.match(cohorts.stderr, new RegExp(`${fixture.rows} rows read .*; 0 without a customer and 0 without a date are left out`));
      assert.ok(ignored > 0);
      assert.match(cohorts.stderr, new RegExp(`\\n${ignored} rows with the status .* are left out \\(type map: ignore\\)`));
      if (otherCurrency) assert.match(cohorts.stderr, new RegExp(`\\n${otherCurrency} rows in EUR count as activity but not in money figures, which are in ${table.currency}`));
      else assert.doesNotMatch(cohorts.stderr, /count as activity but not in money/);
      assert.match(periods.stderr, new RegExp(`activity window: ${windowDays} days`));
      figures.push({ where: 'CLI', file: fixture.file, rows: records.length, orders: table.orderCount, customers: table.customerIds.length, ignored, windowDays, cells });
    });
  }

  it('the other presets of the SQL (Etsy, now read per order with its currency; the event log) still equal the engine', async () => {
    for (const [file, preset, measure] of [['etsy-orders.csv', 'etsy-orders', 'revenue'], ['etsy-orders-tab.csv', 'etsy-orders', 'revenue'], ['events.csv', 'events', 'count']]) {
      const path = join(EXPORTS, file);
      const { table } = engineTable(path, preset);
      const run = await cli('aggregate', path, '--preset', preset, '--metric', 'cohort', '--measure', measure);
      assert.equal(run.code, 0, run.stderr);
      const expected = kit.cohortMatrixShapeOf(kit.cohortMatrix(table, { granularity: 'month' }).value, { measure });
      assert.ok(compareCohortMatrices(JSON.parse(run.stdout), expected) > 20, file);
    }
  });

  it('a re-save gives its original\'s figures (the German re-save loses the offset: its days are wall clock, equal here)', async () => {
    const run = (file, preset) => cli('aggregate', join(EXPORTS, file), '--preset', preset, '--metric', 'cohort', '--measure', 'revenue');
    for (const [original, resave, preset] of [
      ['stripe-payments.csv', 'stripe-payments-us-excel.csv', 'stripe-payments'],
      ['woocommerce-orders.csv', 'woocommerce-orders-bom-crlf.csv', 'woocommerce-orders'],
      ['shopify-orders.csv', 'shopify-orders-excel-de.csv', 'shopify-orders'],
    ]) {
      const [a, b] = await Promise.all([run(original, preset), run(resave, preset)]);
      assert.deepEqual(JSON.parse(b.stdout), JSON.parse(a.stdout), resave);
    }
  });

  it('--currency EUR shows the euro charges, as currency="EUR" does on an element', async () => {
    const path = join(EXPORTS, 'stripe-payments.csv');
    const { records, table } = engineTable(path, 'stripe-payments', { currency: 'EUR' });
    assert.equal(table.currency, 'EUR');
    // Rows (charges) in dollars that are not left out: the engine's notice also counts their refunds.
    const { typeMap } = kit.sqlFieldsOfPreset('stripe-payments');
    const currency = records.column('Currency');
    const status = records.column('Status');
    const dollarRows = currency.filter((code, i) => code === 'usd' && typeMap[status[i].toLowerCase()] !== 'ignore').length;
    assert.equal(dollarRows, 35);
    const run = await cli('aggregate', path, '--preset', 'stripe-payments', '--metric', 'cohort', '--measure', 'revenue', '--currency', 'eur');
    assert.equal(run.code, 0, run.stderr);
    compareCohortMatrices(JSON.parse(run.stdout), engineShapes(table, 30).cohorts);
    assert.match(run.stderr, new RegExp(`\\n${dollarRows} rows in USD count as activity but not in money figures, which are in EUR`));
    const wrong = await cli('aggregate', path, '--preset', 'stripe-payments', '--metric', 'cohort', '--currency', 'GBP');
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /--currency: expected a currency of the data \(USD, EUR\), found "GBP"/);
    const none = await cli('aggregate', join(EXPORTS, 'woocommerce-orders.csv'), '--preset', 'woocommerce-orders', '--metric', 'cohort', '--currency', 'EUR');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /--currency needs a currency column: --currency-key \(the preset woocommerce-orders has none\)/);
  });

  it('retention-kit sql writes the preset\'s query for a warehouse', async () => {
    const run = await cli('sql', '--dialect', 'snowflake', '--table', 'shop.orders_export', '--metric', 'cohort', '--preset', 'shopify-orders');
    assert.equal(run.code, 0, run.stderr);
    const { fields, typeMap, amountPer } = kit.sqlFieldsOfPreset('shopify-orders');
    assert.equal(run.stdout, kit.cohortMatrixSql({ dialect: 'snowflake', table: ['shop', 'orders_export'], fields: { customer: 'customer', date: 'date', ...fields }, typeMap, amountPer, granularity: 'month' }));
  });
});

describe('refused where the SQL would decide differently from the engine', () => {
  const variant = (name, from, change) => {
    const file = join(dir, name);
    writeFileSync(file, change(readFileSync(join(EXPORTS, from), 'utf8')));
    return file;
  };

  it('a status word neither the preset nor the built-in words know: both refuse, naming it', async () => {
    const file = variant('woo-shipped.csv', 'woocommerce-orders.csv', (text) => text.replace('2302,Completed,', '2302,Shipped,'));
    assert.equal(engineRead(file, 'woocommerce-orders').read.ok, false);
    const run = await cli('aggregate', file, '--preset', 'woocommerce-orders', '--metric', 'cohort');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /field "Order Status": expected a word of the type map \(completed, processing, refunded, on hold, .*\) or transaction type \(.*\), found "shipped" on 1 rows/);
  });

  it('an order whose lines disagree on its total (the engine takes the first line\'s; a table has no first line)', async () => {
    const file = variant('woo-disagree.csv', 'woocommerce-orders.csv', (text) => {
      const lines = text.split('\r\n');
      const second = lines.findIndex((line, i) => i > 1 && line.startsWith('2319,') && lines[i - 1].startsWith('2319,'));
      lines[second] = lines[second].replace(',38.45,', ',40.00,');
      return lines.join('\r\n');
    });
    const run = await cli('aggregate', file, '--preset', 'woocommerce-orders', '--metric', 'cohort', '--measure', 'revenue');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /order "2319" \(Order Number\) has lines that disagree on its amount \("Order Total Amount"\)/);
  });

  it('as many purchases in two currencies: --currency says which', async () => {
    const file = join(dir, 'tie.csv');
    writeFileSync(file, 'customer,date,amount,currency\na,2024-01-01,10,USD\nb,2024-01-02,20,EUR\n');
    const run = await cli('aggregate', file, '--amount-key', 'amount', '--currency-key', 'currency', '--metric', 'cohort', '--measure', 'revenue');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /as many purchases in EUR as in USD \(1 rows each\): give --currency/);
    const chosen = await cli('aggregate', file, '--amount-key', 'amount', '--currency-key', 'currency', '--currency', 'USD', '--metric', 'cohort', '--measure', 'revenue');
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.deepEqual(JSON.parse(chosen.stdout).cohorts, [{ key: '2024-01', size: 2, values: [10], running: 0 }]);
  });

  it('dates whose order no value tells, and money the SQL cannot read as the engine does', async () => {
    const early = variant('stripe-early.csv', 'stripe-payments-us-excel.csv', (text) =>
      text.split('\r\n').map((line, i) => (i === 0 ? line : line.replace(/^(ch_\w+),(\d+)\/(\d+)\/24/, (_, id, m) => `${id},${m}/${m}/24`))).join('\r\n'),
    );
    assert.equal(engineRead(early, 'stripe-payments').read.ok, false);
    const ambiguous = await cli('aggregate', early, '--preset', 'stripe-payments', '--metric', 'cohort');
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.stderr, /record 1 \(line 2\), field "Created date \(UTC\)": expected dates whose order can be told: .* set --date-format to the column's layout, such as DD\/MM\/YY HH:mm or MM\/DD\/YY HH:mm, found "1\/1\/24 9:38"/);
    const stated = await cli('aggregate', early, '--preset', 'stripe-payments', '--metric', 'cohort', '--date-format', 'MM/DD/YY HH:mm');
    assert.equal(stated.code, 0, stated.stderr);
    const { table } = engineTable(early, 'stripe-payments', { dateFormat: 'MM/DD/YY HH:mm' });
    compareCohortMatrices(JSON.parse(stated.stdout), kit.cohortMatrixShapeOf(kit.cohortMatrix(table, { granularity: 'month' }).value, { measure: 'count' }));

    const euro = variant('shopify-euro.csv', 'shopify-orders-excel-de.csv', (text) => text.replace(';58;0;9,26;58;', ';58;0;9,26;58 €;'));
    assert.equal(engineRead(euro, 'shopify-orders').read.ok, true, 'the engine reads 58 €');
    const sign = await cli('aggregate', euro, '--preset', 'shopify-orders', '--metric', 'cohort', '--measure', 'revenue');
    assert.equal(sign.code, 1);
    assert.match(sign.stderr, /record 1 \(line 2\), field "Total": expected a number with a decimal comma such as 1\.234,50 or 12,5 \(no currency sign\), found "58 €"/);
  });
});

describe('the SQL on PostgreSQL', () => {
  let server;
  let client;
  before(async () => {
    server = await startPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("SET TimeZone = 'UTC'");
  });
  after(async () => {
    await client?.end();
    server?.stop();
  });

  /** The export's mapped columns as a typed table, from the engine's parsed records (text cells). */
  async function load(fixture, name) {
    const { fields } = kit.sqlFieldsOfPreset(fixture.preset);
    const { records } = engineRead(join(EXPORTS, fixture.file), fixture.preset);
    const columns = Object.values(fields);
    await client.query(`CREATE TABLE raw_${name} (${columns.map((c) => `"${c}" text`).join(', ')})`);
    await client.query(
      `INSERT INTO raw_${name} SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')})`,
      columns.map((c) => records.column(c)),
    );
    const cell = (c) => `NULLIF(TRIM("${c}"), '')`;
    const number = (c) => (fixture.comma ? `CAST(REPLACE(${cell(c)}, ',', '.') AS numeric)` : `CAST(${cell(c)} AS numeric)`);
    const typed = columns.map((c) => (c === fields.date ? fixture.pgDate(cell(c)) : c === fields.amount || c === fields.refund ? number(c) : `"${c}"`) + ` AS "${c}"`);
    await client.query(`CREATE TABLE ${name} AS SELECT ${typed.join(', ')} FROM raw_${name}`);
    return records;
  }

  for (const [i, fixture] of FIXTURES.entries()) {
    it(`${fixture.file}: cohorts, periods and row counts equal the engine`, async () => {
      const name = `export_${i}`;
      const records = await load(fixture, name);
      const { table, ignored } = engineTable(join(EXPORTS, fixture.file), fixture.preset);
      const windowDays = kit.suggestedWindowDays(table).value;
      const expected = engineShapes(table, windowDays);
      const { fields, typeMap, amountPer } = kit.sqlFieldsOfPreset(fixture.preset);
      const options = { dialect: 'postgres', table: name, fields, typeMap, amountPer, dates: fixture.dates ?? 'local' };
      const query = async (sql) => (await client.query(sql)).rows;
      let cells = compareCohortMatrices(kit.cohortMatrixFromRows(await query(kit.cohortMatrixSql(options)), { measure: 'revenue' }), expected.cohorts);
      cells += comparePeriodCounts(kit.periodCountsFromRows(await query(kit.periodCountsSql({ ...options, windowDays })), { windowDays }), expected.periods);
      const [gaps] = await query(kit.purchaseGapsSql(options));
      assert.equal(kit.windowDaysFromGaps(gaps), windowDays, 'the suggested window');
      const [counts] = await query(kit.rowCountsSql(options));
      assert.deepEqual([Number(counts.rows_read), Number(counts.rows_without_customer), Number(counts.rows_ignored)], [records.length, 0, ignored]);
      figures.push({ where: 'PostgreSQL', file: fixture.file, rows: records.length, orders: table.orderCount, customers: table.customerIds.length, ignored, windowDays, cells });
    });
  }

  it('hostile column names are run as names: the same cells, and table x is still there', async () => {
    await client.query('CREATE TABLE x (keep integer)');
    const { fields, typeMap, amountPer } = kit.sqlFieldsOfPreset('shopify-orders');
    const quote = (name) => `"${name.replaceAll('"', '""')}"`;
    await client.query(`CREATE TABLE hostile AS SELECT ${Object.entries(fields).map(([field, column]) => `${quote(column)} AS ${quote(NAMES[field])}`).join(', ')} FROM export_0`);
    const hostileFields = Object.fromEntries(Object.keys(fields).map((field) => [field, NAMES[field]]));
    const run = async (table, f) => kit.cohortMatrixFromRows((await client.query(kit.cohortMatrixSql({ dialect: 'postgres', table, fields: f, typeMap, amountPer, dates: 'instant' }))).rows, { measure: 'revenue' });
    assert.deepEqual(await run('hostile', hostileFields), await run('export_0', fields));
    assert.deepEqual((await client.query('SELECT COUNT(*)::int AS n FROM x')).rows, [{ n: 0 }]);
  });

  it('the command line on a postgres:// URL gives what it gives on the file', async () => {
    const args = ['--preset', 'shopify-orders', '--metric', 'cohort', '--measure', 'revenue'];
    const [fromPostgres, fromFile] = await Promise.all([cli('aggregate', server.url, '--table', 'export_0', ...args), cli('aggregate', join(EXPORTS, 'shopify-orders.csv'), ...args)]);
    assert.equal(fromPostgres.code, 0, fromPostgres.stderr);
    assert.deepEqual(JSON.parse(fromPostgres.stdout), JSON.parse(fromFile.stdout));
    assert.match(fromPostgres.stderr, /\n9 rows with the status .* are left out/);
  });
});

/** Column names that are SQL if pasted unquoted, for each field of an order export. */
const NAMES = { ...HOSTILE, order: 'o"rder; drop table x; --', refund: 're\\fund "x" --', currency: 'cur -- rency' };

const PARSER_DIALECT = { duckdb: 'duckdb', postgres: 'postgresql', bigquery: 'bigquery', snowflake: 'snowflake', clickhouse: 'clickhouse' };

/** One statement, a SELECT (or WITH … SELECT), and nothing the parser read as a DROP. */
function assertOneQuery(sql, dialect) {
  const result = parse(sql, PARSER_DIALECT[dialect]);
  assert.ok(result.success, `${dialect}: ${result.error}\n${sql}`);
  assert.equal(result.ast.length, 1, `${dialect}: one statement`);
  assert.ok(!/"drop"\s*:/i.test(JSON.stringify(result.ast)), `${dialect}: no DROP statement`);
}

describe('the preset SQL as text', () => {
  const shopify = () => {
    const { fields, typeMap, amountPer } = kit.sqlFieldsOfPreset('shopify-orders');
    return { table: ['shop', 'orders_export'], fields, typeMap, amountPer };
  };

  for (const dialect of kit.DIALECTS) {
    it(`${dialect}: golden cohort matrix of a Shopify export`, () => {
      const file = join(GOLDEN, `${dialect}.preset-shopify-orders-cohort-matrix.sql`);
      const sql = kit.cohortMatrixSql({ dialect, ...shopify(), granularity: 'month', dates: 'instant', timeZone: 'Europe/Berlin' });
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, sql);
      }
      assert.equal(sql, readFileSync(file, 'utf8'), `${file} differs: review the change, then UPDATE_GOLDEN=1`);
    });
  }

  it('every preset query parses in each dialect', () => {
    let parsed = 0;
    for (const dialect of kit.DIALECTS) {
      for (const preset of ['shopify-orders', 'stripe-payments', 'woocommerce-orders', 'etsy-orders']) {
        const { fields, typeMap, amountPer } = kit.sqlFieldsOfPreset(preset);
        for (const dates of ['local', 'instant']) {
          for (const currency of [undefined, ...(fields.currency ? ['EUR'] : [])]) {
            const options = { dialect, table: 'orders_export', fields, typeMap, amountPer, dates, currency, granularity: 'week', weekStart: 0 };
            for (const sql of [
              kit.cohortMatrixSql(options),
              kit.periodCountsSql({ ...options, windowDays: 60 }),
              kit.rowCountsSql(options),
              kit.purchaseGapsSql(options),
              kit.statusCountsSql(options),
              kit.currencyCountsSql(options),
              kit.orderConflictsSql(options),
            ]) {
              assertOneQuery(sql, dialect);
              parsed++;
            }
          }
        }
      }
    }
    assert.equal(parsed, 5 * 14 * 7);
  });

  it('the default reading is untouched: without order, refund, currency or a type map the text has no order CTEs', () => {
    const sql = kit.cohortMatrixSql({ dialect: 'duckdb', table: 'orders', fields: { customer: 'c', date: 'd', amount: 'a', type: 't' } });
    assert.doesNotMatch(sql, /order_lines|shown_currency/);
    assert.match(kit.cohortMatrixSql({ dialect: 'duckdb', table: 'orders', fields: { customer: 'c', date: 'd', amount: 'a', order: 'o' } }), /order_lines/);
  });

  it('options refused with their reason', () => {
    const base = { dialect: 'duckdb', table: 'orders', fields: { customer: 'c', date: 'd', amount: 'a', order: 'o' } };
    assert.throws(() => kit.cohortMatrixSql({ ...base, typeMap: { paid: 'keep' } }), /typeMap "paid" must be purchase, refund or ignore, not "keep"/);
    assert.throws(() => kit.cohortMatrixSql({ ...base, currency: 'EUR' }), /currency needs fields.currency/);
    assert.throws(() => kit.cohortMatrixSql({ ...base, fields: { ...base.fields, currency: 'cur' }, currency: "EUR'; --" }), /currency must be a currency code/);
    assert.throws(() => kit.cohortMatrixSql({ ...base, fields: { ...base.fields, quantity: 'q' } }), /fields.quantity without fields.unitPrice is per line/);
    assert.throws(() => kit.sqlFieldsOfPreset('stripe-subscriptions'), /reads subscriptions/);
  });
});

describe('hostile column names are names', () => {

  it('on DuckDB, a Shopify export under hostile names gives what it gives under plain names, and table x survives', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
    await connection.run('CREATE TABLE x (keep INTEGER)');
    const { fields, typeMap, amountPer } = kit.sqlFieldsOfPreset('shopify-orders');
    const path = join(EXPORTS, 'shopify-orders.csv').replaceAll("'", "''");
    await connection.run(`CREATE TABLE plain AS SELECT * FROM read_csv('${path}', header = true, all_varchar = true)`);
    const d = kit.dialects.duckdb;
    const select = Object.entries(fields).map(([field, column]) => {
      const value = field === 'date' ? `CAST(regexp_replace(${d.identifier(column)}, ' ([+-]\\d{4})$', '\\1') AS TIMESTAMPTZ)` : field === 'amount' || field === 'refund' ? `CAST(${d.identifier(column)} AS DOUBLE)` : d.identifier(column);
      return `${value} AS ${d.identifier(NAMES[field])}`;
    });
    await connection.run(`CREATE TABLE hostile AS SELECT ${select.join(', ')} FROM plain`);
    await connection.run(`CREATE TABLE typed AS SELECT ${Object.entries(fields).map(([field]) => `${d.identifier(NAMES[field])} AS ${d.identifier(field)}`).join(', ')} FROM hostile`);
    const plainFields = Object.fromEntries(Object.keys(fields).map((field) => [field, field]));
    const hostileFields = Object.fromEntries(Object.keys(fields).map((field) => [field, NAMES[field]]));
    const options = { dialect: 'duckdb', typeMap, amountPer, dates: 'instant', granularity: 'month' };
    for (const write of [kit.cohortMatrixSql, kit.rowCountsSql, kit.statusCountsSql, kit.currencyCountsSql, kit.orderConflictsSql]) {
      const viaHostile = await rows(write({ ...options, table: 'hostile', fields: hostileFields }));
      assert.deepEqual(viaHostile, await rows(write({ ...options, table: 'typed', fields: plainFields })));
    }
    const matrix = kit.cohortMatrixFromRows(await rows(kit.cohortMatrixSql({ ...options, table: 'hostile', fields: hostileFields })), { measure: 'revenue' });
    const { table } = engineTable(join(EXPORTS, 'shopify-orders.csv'), 'shopify-orders');
    compareCohortMatrices(matrix, engineShapes(table, 30).cohorts);
    assert.deepEqual(await rows('SELECT COUNT(*) AS n FROM x'), [{ n: 0n }]);
    // PostgreSQL's text is run with these names below; the parser's PostgreSQL mode trips over `"; drop table x; --`
    // inside quotes (the default reading's SQL too, which dialects.test.mjs parses in these four).
    // Its Snowflake mode reads three double quotes as a triple-quoted string: there the customer column's quote is not its first character.
    for (const dialect of ['duckdb', 'bigquery', 'snowflake', 'clickhouse']) {
      const names = dialect === 'snowflake' ? { ...hostileFields, customer: 'x"; drop table x; --' } : hostileFields;
      assertOneQuery(kit.cohortMatrixSql({ ...options, dialect, table: 'orders', fields: names }), dialect);
    }
    connection.closeSync();
  });
});
