/**
 * readTransactions on CSV columns gives exactly the table it gives on the row
 * objects of the same file: the real UK shop export (525,461 order lines) and
 * every platform export of tests/fixtures/exports/, compared field by field,
 * warnings and errors included. The Zod readers see the same records too.
 */
import { expect } from '@open-wc/testing';
import { UK_EXPORT_URL, fixtureText } from '../fixtures/text.ts';
import { parseText } from '../../src/engine/parse.ts';
import { CsvRecords, recordObjects } from '../../src/metrics/read/csv-records.ts';
import type { Result } from '../../src/metrics/issues.ts';
import type { ReadingOptions } from '../../src/metrics/read/reading.ts';
import { readSubscriptions } from '../../src/metrics/subscriptions.ts';
import { readTransactions, type ReadTransactionsOptions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

const EXPORTS = '/tests/fixtures/exports';
const UK_EXPORT = UK_EXPORT_URL;
const NOW = Date.UTC(2026, 0, 1);

async function csvOf(url: string): Promise<CsvRecords> {
  const text = await fixtureText(url);
  const parsed = parseText(text, 'csv', url);
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(parsed.rows).to.be.instanceOf(CsvRecords);
  return parsed.rows as CsvRecords;
}

/** Every field of two tables, typed arrays element by element. */
function expectSameTable(columnar: TransactionTable, objects: TransactionTable, what: string) {
  const keys = Object.keys(objects) as (keyof TransactionTable)[];
  expect(Object.keys(columnar).sort(), what).to.deep.equal([...keys].sort());
  for (const key of keys) {
    const a = columnar[key];
    const b = objects[key];
    if (ArrayBuffer.isView(b)) {
      expect(Array.from(a as ArrayLike<number>), `${what}: ${key}`).to.deep.equal(Array.from(b as unknown as ArrayLike<number>));
    } else {
      expect(a, `${what}: ${key}`).to.deep.equal(b);
    }
  }
}

function expectSameRead(columnar: Result<TransactionTable>, objects: Result<TransactionTable>, what: string) {
  expect(columnar.ok, `${what}: ok`).to.equal(objects.ok);
  expect(columnar.warnings, `${what}: warnings`).to.deep.equal(objects.warnings);
  if (columnar.ok && objects.ok) expectSameTable(columnar.value, objects.value, what);
  else if (!columnar.ok && !objects.ok) expect(columnar.error, `${what}: error`).to.deep.equal(objects.error);
}

function compare(rows: CsvRecords, options: ReadTransactionsOptions, what: string) {
  const columnar = readTransactions(rows, options);
  expectSameRead(columnar, readTransactions(recordObjects(rows), options), what);
  return columnar;
}

describe('readTransactions on CSV columns', () => {
  it('equals the read of row objects on the real UK shop export', async function () {
    this.timeout(120_000);
    const rows = await csvOf(UK_EXPORT);
    expect(rows.length).to.equal(525_461);
    const table = compare(rows, { fields: { customer: 'Customer ID', date: 'InvoiceDate', order: 'Invoice', quantity: 'Quantity', unitPrice: 'Price' }, now: NOW }, 'online retail');
    expect(table.ok && table.value.length).to.be.greaterThan(400_000);
  });

  const ORDER_FILES: [string, string][] = [
    ['shopify-orders.csv', 'shopify-orders'],
    ['shopify-orders-excel-de.csv', 'shopify-orders'],
    ['stripe-payments.csv', 'stripe-payments'],
    ['stripe-payments-us-excel.csv', 'stripe-payments'],
    ['etsy-orders.csv', 'etsy-orders'],
    ['etsy-orders-tab.csv', 'etsy-orders'],
    ['woocommerce-orders.csv', 'woocommerce-orders'],
    ['woocommerce-orders-bom-crlf.csv', 'woocommerce-orders'],
    ['events.csv', 'events'],
  ];
  for (const [file, preset] of ORDER_FILES) {
    it(`equals the read of row objects on ${file}`, async () => {
      const rows = await csvOf(`${EXPORTS}/${file}`);
      // What the engine adds for a ;-separated file (worker.ts): a decimal-comma hint.
      const reading: ReadingOptions = { preset, ...(rows.delimiter === ';' ? { decimalHint: ',' as const } : {}) };
      const table = compare(rows, { reading, now: NOW }, file);
      expect(table.ok, table.ok ? file : table.error.message).to.equal(true);
      // A wrong mapping fails the same way on both.
      compare(rows, { fields: { customer: 'no such column' }, reading, now: NOW }, `${file}, unmapped customer`);
    });
  }

  it('reports bad cells by record, field and value, as it does for row objects', async () => {
    const parsed = parseText('customer,date,amount,order\nC1,2024-01-02,12.5,O1\nC2,yesterday,abc,O2\nC1,2024-01-02,12.5,O1\n', 'csv', 'test.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const read = compare(parsed.rows as CsvRecords, { fields: { order: 'order' }, now: NOW }, 'bad cells');
    expect(!read.ok && read.error.message).to.equal(
      '2 problems in the transactions: record 2, field "date": expected a date (ISO 8601 such as 2024-03-31, epoch milliseconds, or a Date), found "yesterday"; record 2, field "amount": expected a number such as 1,234.50, found "abc"',
    );
  });

  it('counts a repeated row the same way on columns as on objects', async () => {
    const parsed = parseText('customer,date,amount,product\nC1,2024-01-02,5,P1\nC1,2024-01-02,5,P2\nC1,2024-01-02,5,P1\n', 'csv', 'test.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const read = compare(parsed.rows as CsvRecords, { now: NOW }, 'duplicates');
    expect(read.warnings.map((w) => [w.code, w.count, w.examples])).to.deep.equal([['duplicate-row', 1, [2]]]);
  });

  it('reads subscriptions from CSV records as from their row objects', async () => {
    const rows = await csvOf(`${EXPORTS}/stripe-subscriptions.csv`);
    const reading = { preset: 'stripe-subscriptions' };
    const columnar = readSubscriptions(rows, { reading });
    expect(columnar.ok, columnar.ok ? '' : columnar.error.message).to.equal(true);
    expect(columnar).to.deep.equal(readSubscriptions(recordObjects(rows), { reading }));
  });
});
