// A million generated order rows (scripts/generated-orders.mjs, the warehouse benchmark's shop):
// the SQL on DuckDB and on a real PostgreSQL gives the engine's numbers, month by month — the
// cohort matrix of customers and of revenue (to the cent) and the customers per period.
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GENERATED_ORDERS_HEADER, generatedOrderCsvChunks, generatedOrders } from '../../scripts/generated-orders.mjs';
import { importTs } from './load-ts.mjs';
import { compareCohortMatrices, comparePeriodCounts } from './compare.mjs';
import { duckdbForSuite, postgresForSuite } from './databases.mjs';

const kit = await importTs('tests/sql/engine-entry.ts');
const ROWS = 1_000_000;
const FIELDS = { customer: 'customer_id', date: 'ordered_at', amount: 'amount' };
const WINDOW_DAYS = 90;
const dir = mkdtempSync(join(tmpdir(), 'rk-million-'));
const csv = join(dir, 'orders.csv');
after(() => rmSync(dir, { recursive: true, force: true }));

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

/** The engine's documents, computed once from the records as the elements read them. */
let expected;
before(async () => {
  const out = createWriteStream(csv);
  out.write(`${GENERATED_ORDERS_HEADER}\n`);
  for (const chunk of generatedOrderCsvChunks(ROWS)) if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  out.end();
  await new Promise((resolve) => out.once('finish', resolve));
  const table = value(kit.readTransactions([...generatedOrders(ROWS)], { fields: FIELDS }));
  const matrix = value(kit.cohortMatrix(table, { granularity: 'month' }));
  expected = {
    count: kit.cohortMatrixShapeOf(matrix, { measure: 'count' }),
    revenue: kit.cohortMatrixShapeOf(matrix, { measure: 'revenue' }),
    periods: kit.periodCountsShapeOf(value(kit.churnSeries(table, { granularity: 'month', windowDays: WINDOW_DAYS }))),
  };
});

async function loadPostgresOrders(client) {
  await client.query('CREATE TABLE orders (customer_id text, ordered_at timestamp, amount numeric(12, 2))');
  const batch = [];
  const flush = async () => {
    await client.query('INSERT INTO orders SELECT * FROM unnest($1::text[], $2::timestamp[], $3::numeric[])', [batch.map((r) => r.customer_id), batch.map((r) => r.ordered_at), batch.map((r) => r.amount)]);
    batch.length = 0;
  };
  for (const row of generatedOrders(ROWS)) {
    batch.push(row);
    if (batch.length === 100_000) await flush();
  }
  if (batch.length) await flush();
  await client.query('ANALYZE orders');
}

function equalityCases(dialect, query) {
  const options = { dialect, table: 'orders', fields: FIELDS, granularity: 'month' };
  it(`${dialect}: the cohort matrix of customers and of revenue, cell by cell`, async () => {
    const rows = await query(kit.cohortMatrixSql(options));
    const cells = compareCohortMatrices(kit.cohortMatrixFromRows(rows, { granularity: 'month', measure: 'count' }), expected.count);
    compareCohortMatrices(kit.cohortMatrixFromRows(rows, { granularity: 'month', measure: 'revenue' }), expected.revenue);
    assert.ok(cells > 600, `${cells} cells`);
  });
  it(`${dialect}: customers per period (S, E, N, lost, reactivated, revenue)`, async () => {
    const rows = await query(kit.periodCountsSql({ ...options, windowDays: WINDOW_DAYS }));
    assert.ok(comparePeriodCounts(kit.periodCountsFromRows(rows, { granularity: 'month', windowDays: WINDOW_DAYS }), expected.periods) > 200);
  });
}

describe(`DuckDB (in process) on ${ROWS.toLocaleString('en')} generated rows equals the engine`, () => {
  const query = duckdbForSuite((connection) =>
    connection.run(`CREATE TABLE orders AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}', header = true, types = {'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMP', 'amount': 'DECIMAL(12, 2)'})`),
  );
  equalityCases('duckdb', query);
});

describe(`PostgreSQL (a real server) on ${ROWS.toLocaleString('en')} generated rows equals the engine`, () => {
  const postgres = postgresForSuite(loadPostgresOrders);
  equalityCases('postgres', postgres.query);
});
