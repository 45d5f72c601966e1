// The data of the SQL tests, loaded the same way into the engine, DuckDB and PostgreSQL:
// - the real UK export (../shared/data, relative to the repository): 525,461 order lines, guest
//   orders without a customer, "C" cancellations with negative quantities, a partial last month;
// - a generated table of the other traps: instants near midnight read in a time zone, a type
//   column with return words in any case, negative amounts without a type, blank customers.
import { csvParse } from 'd3-dsv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root } from './load-ts.mjs';

export const UK_EXPORT = join(root, '../shared/data/online-retail-ii-2009-2010.csv.gz');
/** The export's columns, mapped as the demo maps them (customer-key="Customer ID" …). */
export const UK_FIELDS = { customer: 'Customer ID', date: 'InvoiceDate', quantity: 'Quantity', unitPrice: 'Price' };

let ukRecords;
/** The export as the engine reads a CSV: records of text cells. */
export function ukExportRecords() {
  ukRecords ??= csvParse(gunzipSync(readFileSync(UK_EXPORT)).toString('utf8'));
  return ukRecords;
}

/** A small deterministic PRNG (mulberry32): the generated table is the same on every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Column names that are SQL if pasted unquoted: the generated SQL must read them as names. */
export const HOSTILE = { customer: '"; drop table x; --', date: "it's a date", amount: 'a`b\\c "d"', type: 'kind -- comment' };

export const TRAPS_FIELDS = { customer: 'customer', date: 'paid_at', amount: 'amount', type: 'kind' };

/**
 * 6,000 rows from 2023-01-01 to 2024-06-17 (a Monday: the last week, month, quarter
 * and year are partial): times within two hours of midnight UTC, so that Europe/Oslo
 * and America/New_York put many on another day than UTC; amounts in cents.
 */
export function trapRows() {
  const next = random(14);
  const rows = [];
  const first = Date.UTC(2023, 0, 1);
  const days = 534;
  const kinds = ['order', 'Order', 'sale', ' purchase ', 'refund', 'RETURN', 'Cancellation', '', ''];
  for (let i = 0; i < 6000; i++) {
    const customer = next() < 0.05 ? (next() < 0.5 ? '' : '   ') : `c${Math.floor(next() ** 1.6 * 700) + 1}`;
    const day = Math.floor(next() * days);
    const minutes = Math.floor((next() - 0.5) * 240);
    const ms = first + day * 86_400_000 + minutes * 60_000;
    const kind = kinds[Math.floor(next() * kinds.length)];
    let cents = Math.floor(next() * 20_000) - (kind === '' && next() < 0.2 ? 15_000 : 0);
    if (next() < 0.02) cents = 0;
    rows.push({ customer, paid_at: new Date(ms).toISOString(), kind, amount: (cents / 100).toFixed(2) });
  }
  // The last row fixes as-of on a Monday in the middle of a month.
  rows.push({ customer: 'c1', paid_at: '2024-06-17T12:00:00.000Z', kind: 'order', amount: '10.00' });
  return rows;
}

/** VALUES rows of the generated table, for an INSERT in either database (the values are ours). */
function trapValues() {
  const text = (v) => (v === '' ? "''" : `'${v.replaceAll("'", "''")}'`);
  return trapRows()
    .map((r) => `(${text(r.customer)}, TIMESTAMPTZ '${r.paid_at.replace('T', ' ').replace('Z', '+00')}', ${text(r.kind)}, ${r.amount})`)
    .join(',\n');
}

/** Loads both tables into DuckDB: `uk` straight from the compressed CSV, `traps` from VALUES. */
export async function loadDuckdb(connection) {
  const path = UK_EXPORT.replaceAll("'", "''");
  await connection.run(`CREATE TABLE uk AS SELECT * FROM read_csv('${path}', header = true, types = {'Customer ID': 'VARCHAR', 'Invoice': 'VARCHAR', 'StockCode': 'VARCHAR'})`);
  await connection.run('CREATE TABLE traps (customer VARCHAR, paid_at TIMESTAMPTZ, kind VARCHAR, amount DECIMAL(12, 2))');
  await connection.run(`INSERT INTO traps VALUES ${trapValues()}`);
}

/** Loads both tables into PostgreSQL, the export in batches of arrays (unnest) from the parsed records. */
export async function loadPostgres(client) {
  await client.query(`CREATE TABLE uk ("Invoice" text, "StockCode" text, "Description" text, "Quantity" integer, "InvoiceDate" timestamp, "Price" numeric, "Customer ID" text, "Country" text)`);
  const records = ukExportRecords();
  const columns = ['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'];
  const types = ['text', 'text', 'text', 'integer', 'timestamp', 'numeric', 'text', 'text'];
  const batch = 50_000;
  for (let from = 0; from < records.length; from += batch) {
    const slice = records.slice(from, from + batch);
    const arrays = columns.map((c) => slice.map((r) => (r[c] === '' ? null : r[c])));
    await client.query(`INSERT INTO uk SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`, arrays);
  }
  await client.query('CREATE TABLE traps (customer text, paid_at timestamptz, kind text, amount numeric(12, 2))');
  await client.query(`INSERT INTO traps VALUES ${trapValues()}`);
  await client.query('ANALYZE');
}
