// The command line, spawned as a user runs it: on a small CSV of traps, the same rows as
// Parquet and in a PostgreSQL table, and on the real UK export; its JSON equals the engine's
// shape; its messages name the flag, column, record and value.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { importTs, root } from './load-ts.mjs';
import { trapRows, TRAPS_FIELDS, UK_EXPORT, UK_FIELDS, ukExportRecords } from './fixtures.mjs';
import { compareCohortMatrices, comparePeriodCounts } from './compare.mjs';
import { startPostgres } from './postgres-cluster.mjs';
import { runCli as cli } from './databases.mjs';

const kit = await importTs('tests/sql/engine-entry.ts');
const dir = mkdtempSync(join(tmpdir(), 'rk-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TRAP_FLAGS = ['--customer-key', 'customer', '--date-key', 'paid_at', '--amount-key', 'amount', '--type-key', 'kind'];
const trapsCsv = join(dir, 'traps.csv');
const trapsParquet = join(dir, 'traps.parquet');

before(async () => {
  const quote = (v) => (/[",\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = trapRows();
  writeFileSync(trapsCsv, ['customer,paid_at,kind,amount', ...rows.map((r) => [r.customer, r.paid_at, r.kind, r.amount].map(quote).join(','))].join('\n') + '\n');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${trapsCsv}', header = true, types = {'customer': 'VARCHAR'})) TO '${trapsParquet}' (FORMAT parquet)`);
  connection.closeSync();
});

function engineTraps(timeZone) {
  const table = kit.readTransactions(trapRows(), { fields: TRAPS_FIELDS, timeZone });
  assert.ok(table.ok);
  return table.value;
}

describe('retention-kit aggregate', () => {
  it('a CSV of traps: the cohort matrix equals the engine, in a time zone', async () => {
    const out = join(dir, 'cohort.json');
    const run = await cli('aggregate', trapsCsv, '--metric', 'cohort', '--measure', 'revenue', '--time-zone', 'Europe/Oslo', '--out', out, ...TRAP_FLAGS);
    assert.equal(run.code, 0, run.stderr);
    const matrix = kit.cohortMatrix(engineTraps('Europe/Oslo'), { granularity: 'month' });
    assert.ok(compareCohortMatrices(JSON.parse(readFileSync(out, 'utf8')), kit.cohortMatrixShapeOf(matrix.value, { measure: 'revenue' })) > 100);
    assert.match(run.stderr, /6,001 rows read/);
    assert.match(run.stderr, /\d+ without a customer .* left out/);
    assert.match(run.stderr, /cohort-matrix\/1: 19 cohorts, 19 periods, as of 2024-06-17 \(the last period is still running\) → cohort.json/);
  });

  it('the same rows as Parquet give the same JSON as the CSV; without --out it goes to standard output', async () => {
    const args = ['--metric', 'periods', '--granularity', 'week', '--week-start', '0', '--window-days', '28', '--time-zone', 'America/New_York', ...TRAP_FLAGS];
    const [csv, parquet] = await Promise.all([cli('aggregate', trapsCsv, ...args), cli('aggregate', trapsParquet, ...args)]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.equal(parquet.code, 0, parquet.stderr);
    assert.deepEqual(JSON.parse(parquet.stdout), JSON.parse(csv.stdout));
    const series = kit.churnSeries(engineTraps('America/New_York'), { granularity: 'week', weekStart: 0, windowDays: 28 });
    assert.ok(comparePeriodCounts(JSON.parse(csv.stdout), kit.periodCountsShapeOf(series.value, { weekStart: 0 })) > 500);
  });

  it('JSON, and text dates with and without an offset in one column, are read as the engine reads them', async () => {
    const json = join(dir, 'traps.json');
    writeFileSync(json, JSON.stringify(trapRows()));
    const run = await cli('aggregate', json, '--metric', 'cohort', '--measure', 'revenue', '--time-zone', 'Europe/Oslo', ...TRAP_FLAGS);
    assert.equal(run.code, 0, run.stderr);
    const matrix = kit.cohortMatrix(engineTraps('Europe/Oslo'), { granularity: 'month' });
    compareCohortMatrices(JSON.parse(run.stdout), kit.cohortMatrixShapeOf(matrix.value, { measure: 'revenue' }));

    // Wall clock is the day as written; an instant is placed in the zone (2024-02-01 in Oslo).
    const records = [
      { customer: 'a', date: '2024-01-31 23:30:00' },
      { customer: 'b', date: '2024-01-31T23:30:00Z' },
      { customer: 'c', date: '2024-01-15' },
      { customer: 'd', date: '2024-03-01 00:10:00+02:00' },
    ];
    const mixed = join(dir, 'mixed.csv');
    writeFileSync(mixed, `customer,date\n${records.map((r) => `${r.customer},${r.date}`).join('\n')}\n`);
    const mixedRun = await cli('aggregate', mixed, '--metric', 'cohort', '--time-zone', 'Europe/Oslo');
    assert.equal(mixedRun.code, 0, mixedRun.stderr);
    const table = kit.readTransactions(records, { timeZone: 'Europe/Oslo' }).value;
    const expected = kit.cohortMatrixShapeOf(kit.cohortMatrix(table, { granularity: 'month' }).value, { measure: 'count' });
    assert.deepEqual(JSON.parse(mixedRun.stdout), expected);
    assert.deepEqual(expected.cohorts.map((c) => [c.key, c.size]), [['2024-01', 2], ['2024-02', 2]]);
  });

  it('the real UK export (525,461 rows, gzipped): cohorts and periods equal the engine', async () => {
    const flags = ['--customer-key', UK_FIELDS.customer, '--date-key', UK_FIELDS.date, '--quantity-key', UK_FIELDS.quantity, '--price-key', UK_FIELDS.unitPrice];
    const relative = '../shared/data/online-retail-ii-2009-2010.csv.gz';
    assert.equal(join(root, relative), UK_EXPORT);
    const [cohorts, periods] = [await cli('aggregate', relative, '--metric', 'cohort', ...flags), await cli('aggregate', relative, '--metric', 'periods', ...flags)];
    assert.equal(cohorts.code, 0, cohorts.stderr);
    assert.equal(periods.code, 0, periods.stderr);
    assert.match(cohorts.stderr, /525,461 rows read .* 107,927 without a customer/);
    const table = kit.readTransactions(ukExportRecords(), { fields: UK_FIELDS }).value;
    compareCohortMatrices(JSON.parse(cohorts.stdout), kit.cohortMatrixShapeOf(kit.cohortMatrix(table, { granularity: 'month' }).value, { measure: 'count' }));
    // Without --window-days: the elements' suggestion, 84 days on this export.
    assert.match(periods.stderr, /activity window: 84 days \(3 × the median 28 days between purchases/);
    comparePeriodCounts(JSON.parse(periods.stdout), kit.periodCountsShapeOf(kit.churnSeries(table, { granularity: 'month', windowDays: 84 }).value));
    // The real-data page draws these two documents beside the elements computing in the browser:
    // they are exactly what the command line writes today.
    assert.deepEqual(JSON.parse(readFileSync(join(root, 'demo/warehouse/online-retail-cohort.json'), 'utf8')), JSON.parse(cohorts.stdout), 'demo/warehouse/online-retail-cohort.json');
    assert.deepEqual(JSON.parse(readFileSync(join(root, 'demo/warehouse/online-retail-periods.json'), 'utf8')), JSON.parse(periods.stdout), 'demo/warehouse/online-retail-periods.json');
    // And the purchase cycle's document (purchase-gaps.test.mjs checks it against the engine).
    const gaps = await cli('aggregate', relative, '--metric', 'gaps', ...flags);
    assert.equal(gaps.code, 0, gaps.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(root, 'demo/warehouse/online-retail-gaps.json'), 'utf8')), JSON.parse(gaps.stdout), 'demo/warehouse/online-retail-gaps.json');
  });

  it('a postgres:// URL runs the SQL in the database and gives what DuckDB gives', async () => {
    const server = await startPostgres();
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query('CREATE SCHEMA shop');
      await client.query('CREATE TABLE shop.payments (customer text, paid_at timestamptz, kind text, amount numeric(12, 2))');
      const rows = trapRows();
      await client.query('INSERT INTO shop.payments SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::numeric[])', [
        rows.map((r) => r.customer),
        rows.map((r) => r.paid_at),
        rows.map((r) => r.kind),
        rows.map((r) => r.amount),
      ]);
      await client.end();
      const args = ['--metric', 'cohort', '--granularity', 'quarter', '--time-zone', 'Asia/Tokyo', ...TRAP_FLAGS];
      const [fromPostgres, fromFile] = [await cli('aggregate', server.url, '--table', 'shop.payments', ...args), await cli('aggregate', trapsCsv, ...args)];
      assert.equal(fromPostgres.code, 0, fromPostgres.stderr);
      assert.deepEqual(JSON.parse(fromPostgres.stdout), JSON.parse(fromFile.stdout));
      assert.match(fromPostgres.stderr, /reading shop.payments in postgres:/);
      const wrong = await cli('aggregate', server.url, '--table', 'shop.orders', ...args);
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /the database has no table shop.orders/);
    } finally {
      server.stop();
    }
  });
});

describe('retention-kit messages', () => {
  const bad = (name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('a column that is not there: the flag, the column, the columns there are', async () => {
    const run = await cli('aggregate', trapsCsv, '--metric', 'cohort', '--customer-key', 'Customer', '--date-key', 'paid_at');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /traps.csv has no column "Customer" \(--customer-key, default "customer"\); did you mean "customer"\?; its columns are: "customer", "paid_at", "kind", "amount"/);
  });

  it('a date it cannot read: the record, the line, the field and the value', async () => {
    // (A day-first 31.01.2024 among ISO dates is read as the engine reads it: the column is day-first. See presets.test.mjs.)
    const file = bad('dates.csv', 'customer,date\na,2024-01-05\nb,2024-01-06\nc,2024-02-30\n');
    const run = await cli('aggregate', file, '--metric', 'cohort');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /record 3 \(line 4\), field "date": expected a date .*, found "2024-02-30"/);
    const fixed = await cli('aggregate', bad('dates-dmy.csv', 'customer,date\na,05.01.2024\nb,31.01.2024\n'), '--metric', 'cohort', '--date-format', 'DD.MM.YYYY');
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.deepEqual(JSON.parse(fixed.stdout).cohorts, [{ key: '2024-01', size: 2, values: [2] }]);
  });

  it('money written with a decimal comma: the record and the value', async () => {
    const file = bad('money.csv', 'customer,date,amount\na,2024-01-05,12.50\nb,2024-01-06,"12,50"\n');
    const run = await cli('aggregate', file, '--metric', 'cohort', '--measure', 'revenue', '--amount-key', 'amount');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /record 2 \(line 3\), field "amount": expected a number .*, found "12,50"/);
  });

  it('usage mistakes exit 2 with the reason', async () => {
    const cases = [
      [['aggregate', trapsCsv], /--metric is needed: cohort, periods/],
      [['sql', '--dialect', 'duckdb', '--table', 't', '--metric', 'periods'], /--window-days is needed to write the periods query/],
      [['aggregate', trapsCsv, '--metric', 'cohort', '--granularity', 'fortnight'], /--granularity takes day, week, month, quarter, year, not "fortnight"/],
      [['aggregate', trapsCsv, '--metric', 'cohort', '--week-start', '7'], /--week-start takes a whole number from 0 to 6, not "7"/],
      [['aggregate', trapsCsv, '--metric', 'cohort', '--colour', 'red'], /unknown option --colour/],
      [['summarise'], /unknown command "summarise"/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
    const missing = await cli('aggregate', join(dir, 'nope.csv'), '--metric', 'cohort');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read .*nope.csv: no such file/);
    const preset = await cli('aggregate', trapsCsv, '--metric', 'cohort', '--preset', 'shopify-orders');
    // The preset's columns are looked for (tests/sql/presets.test.mjs reads the real exports).
    assert.match(preset.stderr, /traps.csv has no column "Email" \(--customer-key, default "customer"\)/);
  });

  it('retention-kit sql prints the query for a warehouse', async () => {
    const run = await cli('sql', '--dialect', 'bigquery', '--table', 'shop.orders', '--metric', 'periods', '--window-days', '60', '--customer-key', 'customer_id', '--date-key', 'ordered_at');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, kit.periodCountsSql({ dialect: 'bigquery', table: ['shop', 'orders'], fields: { customer: 'customer_id', date: 'ordered_at' }, granularity: 'month', windowDays: 60 }));
    assert.match(run.stdout, /FROM `shop`.`orders`/);
  });
});
