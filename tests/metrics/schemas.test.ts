import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ZonedDayMapper } from '../../src/metrics/calendar/dates.ts';
import {
  invoiceRecordSchema,
  subscriptionRecordSchema,
  surveyResponseRecordSchema,
  transactionRecordSchema,
  validateRecord,
} from '../../src/metrics/read/schemas.ts';
import { planTransactionRead, readTransactions, type TransactionFields } from '../../src/metrics/read/transactions.ts';

const utc = new ZonedDayMapper('UTC');
const NOW = Date.UTC(2025, 0, 1);

/** Values a real export (or a careless one) puts in a cell. */
const oddValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0),
  fc.constantFrom('', ' ', '1,5', 'NaN', 'Infinity', '0x1F', ' 12.5 ', '1e3', '-7', '.5', 'abc'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom(null, undefined, true, {}, [], [1]),
  fc.date(),
  fc.constant(new Date(Number.NaN)),
);
const identifier = fc.oneof(fc.constantFrom('a', 'b', ' c ', 13085, '   ', ''), fc.string({ maxLength: 4 }));
const dateLike = fc.oneof(
  fc.constantFrom('2024-01-31', '2024-01-31T10:00:00Z', '2024-01-31 23:59:59+05:30', '20240131', '2024-02-29 00:00:00', '1704067200000'),
  fc.constantFrom('2024-02-30', '2024-13-01', 'yesterday', '2024-1-5', '2024-01-31T25:00', '31/01/2024'),
  fc.integer({ min: -1e13, max: 1e13 }),
  fc.date(),
);
const numberLike = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('3.5', '-2', ' 4 ', '1,5', ''));
const typeWord = fc.constantFrom('purchase', ' Refund ', 'RETURN', 'sale', 'order', 'cancelled', 'chargeback', 'gift', 'Purchases', '', null);

/** A cell: usually plausible for its column, sometimes anything, sometimes missing. */
function cell(plausible: fc.Arbitrary<unknown>) {
  return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: oddValue }, { weight: 1, arbitrary: fc.constant(MISSING) });
}
const MISSING = Symbol('missing');

const configurations: { name: string; fields: TransactionFields; columns: Record<string, fc.Arbitrary<unknown>> }[] = [
  { name: 'default columns', fields: {}, columns: { customer: identifier, date: dateLike, amount: numberLike } },
  {
    name: 'order lines: quantity × unit price, type, order',
    fields: { customer: 'email', date: 'created_at', quantity: 'qty', unitPrice: 'price', type: 'kind', order: 'invoice' },
    columns: { email: identifier, created_at: dateLike, qty: numberLike, price: numberLike, kind: typeWord, invoice: identifier, amount: numberLike },
  },
  {
    name: 'amount with quantity and type',
    fields: { amount: 'total', quantity: 'qty', type: 'type' },
    columns: { customer: identifier, date: dateLike, total: numberLike, qty: numberLike, type: typeWord },
  },
  { name: 'one column for customer and order', fields: { customer: 'id', order: 'id' }, columns: { id: identifier, date: dateLike, amount: numberLike } },
];

function recordArb(columns: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const entries = Object.entries(columns).map(([name, arb]) => cell(arb).map((value) => [name, value] as const));
  const record = fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== MISSING)));
  return fc.oneof({ weight: 20, arbitrary: record }, { weight: 1, arbitrary: fc.constantFrom(null, 'a,b,c', 42, [], undefined) });
}

describe('transactionRecordSchema agrees with readTransactions', () => {
  for (const { name, fields, columns } of configurations) {
    it(`accepts exactly what the fast path accepts, with the same day, amount and kind (${name})`, () => {
      let accepted = 0;
      let rejected = 0;
      fc.assert(
        fc.property(recordArb(columns), (record) => {
          const fast = readTransactions([record], { fields, now: NOW });
          // Column formats are the file's (here, the one record's), settled before any record is read.
          const plan = planTransactionRead([record], { fields });
          if (!plan.ok) {
            expect(fast.ok, 'read a file whose columns have no format').to.equal(false);
            rejected++;
            return;
          }
          const schema = transactionRecordSchema(utc, fields, plan.value);
          const customerColumn = fields.customer ?? 'customer';
          if (record !== null && typeof record === 'object' && !Array.isArray(record) && !(customerColumn in record)) {
            // Not a per-record rule: an input in which no record has the customer column is a
            // mapping mistake, reported on record 1 whatever the schema says of the record alone.
            expect(fast.ok, `accepted an input with no "${customerColumn}" column`).to.equal(false);
            const alone = schema.safeParse(record);
            // Otherwise-valid records are rejected for the missing column, and for nothing else.
            if (alone.success && !fast.ok) expect(fast.error.issues.map((issue) => [issue.index, issue.field])).to.deep.equal([[0, customerColumn]]);
            rejected++;
            return;
          }
          const parsed = schema.safeParse(record);
          expect(parsed.success, `schema ${parsed.success ? 'accepted' : 'rejected'} ${String(JSON.stringify(record))}`).to.equal(fast.ok);
          if (!fast.ok || !parsed.success) {
            rejected++;
            return;
          }
          accepted++;
          const table = fast.value;
          if (parsed.data.customer === undefined) {
            expect(table.length).to.equal(0);
            return;
          }
          expect(table.length).to.equal(1);
          expect(table.customerIds[0]).to.equal(parsed.data.customer);
          expect(table.day[0]).to.equal(parsed.data.day);
          expect(table.amount[0]).to.equal(parsed.data.amount);
          expect(table.quantity[0]).to.equal(parsed.data.quantity);
          expect(table.kind[0]).to.equal(parsed.data.kind);
        }),
        { numRuns: 400 },
      );
      // The generator must exercise both sides, or the property proves little.
      expect(accepted, 'accepted records').to.be.above(20);
      expect(rejected, 'rejected records').to.be.above(20);
    });
  }

  it('agrees on field-level reports too: the same record and field', () => {
    const record = { customer: {}, date: 'soon', amount: '1,5' };
    const fast = readTransactions([record]);
    const plan = planTransactionRead([record]);
    expect(plan.ok).to.equal(true);
    const single = validateRecord(transactionRecordSchema(utc, {}, plan.ok ? plan.value : undefined), record, 0, 'transactions');
    expect(!fast.ok && fast.error.issues.map((i) => [i.index, i.field, i.found])).to.deep.equal(
      !single.ok && single.error.issues.map((i) => [i.index, i.field, i.found]),
    );
  });
});

describe('record schemas report record and field', () => {
  function issues(result: ReturnType<typeof validateRecord>) {
    expect(result.ok).to.equal(false);
    return result.ok ? [] : result.error.issues.map((i) => [i.index, i.field, i.found]);
  }

  it('transactions: wrong types, missing fields, bad dates, NaN and Infinity', () => {
    const schema = transactionRecordSchema(utc, { amount: 'total', type: 'type' });
    expect(issues(validateRecord(schema, { customer: true, date: '2024-02-30', total: Number.NaN, type: 'gift' }, 6))).to.deep.equal([
      [6, 'customer', 'true'],
      [6, 'date', '"2024-02-30"'],
      [6, 'total', 'NaN'],
      [6, 'type', '"gift"'],
    ]);
    expect(issues(validateRecord(schema, { customer: 'a', total: Infinity }, 2))).to.deep.equal([
      [2, 'date', 'nothing'],
      [2, 'total', 'Infinity'],
    ]);
    const wrong = validateRecord(schema, ['a', '2024-01-01', 1], 0, 'transactions');
    expect(!wrong.ok && wrong.error.message).to.equal(
      '1 problem in the transactions: record 1, field "(record)": expected an object with named fields, found an array',
    );
    const unpriced = transactionRecordSchema(utc, { unitPrice: 'price' });
    expect(issues(validateRecord(unpriced, { customer: 'a', date: '2024-01-01', price: 1 }, 0))).to.deep.equal([[0, 'fields.quantity', 'nothing']]);
  });

  it('transactions: a valid record reads like the fast path', () => {
    const schema = transactionRecordSchema(utc, { quantity: 'qty', unitPrice: 'price', type: 'type' });
    // refund typed as such: −|2 × 3.5| = −7, units −2; 2024-01-31 is day 19753
    const result = validateRecord(schema, { customer: 7, date: '2024-01-31', qty: 2, price: '3.5', type: 'Refund' }, 0);
    expect(result.ok && result.value).to.deep.equal({ customer: '7', day: 19753, amount: -7, quantity: -2, kind: 1, order: undefined });
  });

  it('subscriptions', () => {
    const schema = subscriptionRecordSchema(utc);
    expect(issues(validateRecord(schema, { customer: null, start: 'Jan', mrr: -Infinity, plan: {} }, 3))).to.deep.equal([
      [3, 'customer', 'null'],
      [3, 'start', '"Jan"'],
      [3, 'mrr', '-Infinity'],
      [3, 'plan', 'an object'],
    ]);
    expect(issues(validateRecord(schema, { customer: 'a', start: '2024-02-01', end: '2024-01-01', mrr: 1 }, 0))).to.deep.equal([[0, 'end', '"2024-01-01"']]);
    expect(issues(validateRecord(schema, {}, 1))).to.deep.equal([
      [1, 'customer', 'nothing'],
      [1, 'start', 'nothing'],
      [1, 'mrr', 'nothing'],
    ]);
  });

  it('survey responses', () => {
    const schema = surveyResponseRecordSchema(utc);
    expect(issues(validateRecord(schema, { customer: [], date: new Date(Number.NaN), score: '9.5' }, 0))).to.deep.equal([
      [0, 'customer', 'an array'],
      [0, 'date', 'an invalid Date'],
      [0, 'score', '"9.5"'],
    ]);
    expect(issues(validateRecord(schema, { score: Number.NaN }, 4))).to.deep.equal([[4, 'score', 'NaN']]);
    const anonymous = validateRecord(schema, { score: '10' }, 0);
    expect(anonymous.ok && anonymous.value).to.deep.equal({ customer: undefined, day: undefined, score: 10 });
  });

  it('invoices', () => {
    const schema = invoiceRecordSchema(utc);
    expect(issues(validateRecord(schema, { id: {}, issueDate: 1e20, amount: 'ten', paidDate: 'never' }, 9))).to.deep.equal([
      [9, 'id', 'an object'],
      [9, 'issueDate', '100000000000000000000'],
      [9, 'amount', '"ten"'],
      [9, 'paidDate', '"never"'],
    ]);
    const bad = validateRecord(schema, { issueDate: '2024-01-10', amount: Infinity }, 9, 'invoices');
    expect(!bad.ok && bad.error.message).to.contain('record 10, field "amount"');
  });
});
