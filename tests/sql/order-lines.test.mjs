// Order lines whose money is their own (quantity × unit price, or an amount per line): as the
// engine reads them, each line keeps its kind, so an order with a purchase line and a larger
// return line is still the customer's purchase, and an amount column is per line unless
// amountPer says the order's total. Small hand-made tables, every case written out, run on
// DuckDB (in process) and a real PostgreSQL, equal to the engine.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { importTs } from './load-ts.mjs';
import { compareCohortMatrices } from './compare.mjs';
import { startPostgres } from './postgres-cluster.mjs';

const kit = await importTs('tests/sql/order-lines-entry.ts');

/**
 * Customer a: order A1 buys 2 × 10 and returns 3 × 10 on 2024-01-05 (net −10: a purchase line
 * and a larger return line), A2 buys 1 × 5 in February. Customer b: B1 buys 1 × 20 in January,
 * B2 only returns it in March. Customer c: lines without an order id, each its own order.
 * Customer e: E1 has a line of a negative price (a discount): by quantity a purchase line.
 * `total` is each order's total written on its lines (as order exports write it).
 */
const LINES = [
  { order: 'A1', customer: 'a', day: '2024-01-05', quantity: 2, price: 10, total: -10 },
  { order: 'A1', customer: 'a', day: '2024-01-05', quantity: -3, price: 10, total: -10 },
  { order: 'A2', customer: 'a', day: '2024-02-10', quantity: 1, price: 5, total: 5 },
  { order: 'B1', customer: 'b', day: '2024-01-20', quantity: 1, price: 20, total: 20 },
  { order: 'B2', customer: 'b', day: '2024-03-03', quantity: -1, price: 20, total: -20 },
  { order: '', customer: 'c', day: '2024-01-09', quantity: 1, price: 7, total: 7 },
  { order: '', customer: 'c', day: '2024-03-15', quantity: 2, price: 7, total: 14 },
  { order: 'D1', customer: 'd', day: '2024-02-02', quantity: 4, price: 2.5, total: 10 },
  { order: 'D1', customer: 'd', day: '2024-02-02', quantity: 1, price: 0.5, total: 10.5 - 0.5 },
  { order: 'E1', customer: 'e', day: '2024-03-20', quantity: 1, price: -5, total: 15 },
  { order: 'E1', customer: 'e', day: '2024-03-20', quantity: 1, price: 20, total: 15 },
];
const records = LINES.map((l) => ({ order: l.order, customer: l.customer, day: l.day, quantity: String(l.quantity), price: String(l.price), amount: String(l.quantity * l.price), total: String(l.total) }));

/** Each way of mapping the columns: quantity × price; an amount per line; an order total. */
const READINGS = [
  { name: 'quantity × price', fields: { customer: 'customer', date: 'day', order: 'order', quantity: 'quantity', unitPrice: 'price' } },
  { name: 'an amount per line (the default)', fields: { customer: 'customer', date: 'day', order: 'order', amount: 'amount' } },
  { name: 'an order total (amountPer order)', fields: { customer: 'customer', date: 'day', order: 'order', amount: 'total' }, amountPer: 'order' },
];

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

function engineTable(reading) {
  const { unitPrice, ...rest } = reading.fields;
  const fields = unitPrice ? { ...rest, unitPrice } : rest;
  return value(kit.readTransactions(records, { fields, ...(reading.amountPer ? { reading: { amountPer: reading.amountPer } } : {}) }));
}

function engineRepeatCounts(table) {
  const loyaltyThreshold = kit.DEFAULT_LOYALTY_THRESHOLD;
  const repeat = value(kit.purchaseMetricSeries(table, { granularity: 'month', metric: 'repeat-purchase-rate' }));
  const loyal = value(kit.purchaseMetricSeries(table, { granularity: 'month', metric: 'loyal-customer-rate', loyaltyThreshold }));
  return kit.repeatCountsShapeOf({ repeat, loyal }, { granularity: 'month', asOfDay: table.lastDay, loyaltyThreshold });
}

const CREATE = 'CREATE TABLE lines ("order" VARCHAR, customer VARCHAR, day DATE, quantity INTEGER, price DOUBLE, amount DOUBLE, total DOUBLE)';
const VALUES = LINES.map((l) => `(${l.order ? `'${l.order}'` : 'NULL'}, '${l.customer}', DATE '${l.day}', ${l.quantity}, ${l.price}, ${l.quantity * l.price}, ${l.total})`).join(', ');

describe('order lines with money of their own, on DuckDB and PostgreSQL', () => {
  let duck;
  let client;
  let server;

  before(async () => {
    duck = await (await DuckDBInstance.create(':memory:')).connect();
    await duck.run(CREATE);
    await duck.run(`INSERT INTO lines VALUES ${VALUES}`);
    server = await startPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(CREATE.replace('DOUBLE', 'double precision').replaceAll(' DOUBLE', ' double precision'));
    await client.query(`INSERT INTO lines VALUES ${VALUES}`);
  });
  after(async () => {
    duck?.closeSync();
    await client?.end();
    server?.stop();
  });

  const engines = {
    duckdb: async (sql) => (await duck.runAndReadAll(sql)).getRowObjectsJS(),
    postgres: async (sql) => (await client.query(sql)).rows,
  };

  for (const reading of READINGS) {
    for (const dialect of ['duckdb', 'postgres']) {
      it(`${dialect}, ${reading.name}: cohorts (customers and revenue) and repeat purchases as the engine counts them`, async () => {
        const table = engineTable(reading);
        const options = { dialect, table: 'lines', fields: reading.fields, amountPer: reading.amountPer, granularity: 'month' };
        const matrix = value(kit.cohortMatrix(table, { granularity: 'month' }));
        for (const measure of ['count', 'revenue']) {
          const rows = await engines[dialect](kit.cohortMatrixSql(options));
          compareCohortMatrices(kit.cohortMatrixFromRows(rows, { granularity: 'month', measure }), kit.cohortMatrixShapeOf(matrix, { measure }));
        }
        const repeat = kit.repeatCountsFromRows(await engines[dialect](kit.repeatCountsSql(options)), { granularity: 'month', loyaltyThreshold: kit.DEFAULT_LOYALTY_THRESHOLD });
        assert.deepEqual(repeat, engineRepeatCounts(table));
      });
    }
  }

  it("the mixed order A1 is a's purchase, and her January cohort holds her (not only b and c)", async () => {
    const rows = await engines.duckdb(kit.cohortMatrixSql({ dialect: 'duckdb', table: 'lines', fields: READINGS[0].fields, granularity: 'month' }));
    const matrix = kit.cohortMatrixFromRows(rows, { granularity: 'month', measure: 'count' });
    assert.equal(matrix.cohorts.find((c) => c.key === '2024-01').size, 3);
    const revenue = kit.cohortMatrixFromRows(rows, { granularity: 'month', measure: 'revenue' });
    // January: a's 20 − 30, b's 20, c's 7.
    assert.ok(Math.abs(revenue.cohorts.find((c) => c.key === '2024-01').values[0] - 17) < 0.005);
  });

  it('an amount column with an order column is per line unless amountPer says order: the totals differ', async () => {
    const perLine = await engines.duckdb(kit.cohortMatrixSql({ dialect: 'duckdb', table: 'lines', fields: READINGS[2].fields, granularity: 'month' }));
    const perOrder = await engines.duckdb(kit.cohortMatrixSql({ dialect: 'duckdb', table: 'lines', fields: READINGS[2].fields, amountPer: 'order', granularity: 'month' }));
    // February's cohort: a (A2, 5) and d, whose order D1 totals 10 on each of its two lines.
    const february = (rows) => kit.cohortMatrixFromRows(rows, { granularity: 'month', measure: 'revenue' }).cohorts.find((c) => c.key === '2024-02').values[0];
    assert.equal(february(perLine), 25);
    assert.equal(february(perOrder), 15);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb', table: 'lines', fields: READINGS[2].fields, amountPer: 'each' }), /amountPer must be line or order, not "each"/);
  });
});
