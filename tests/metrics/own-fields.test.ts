import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseText } from '../../src/engine/parse.ts';
import { cohortMatrix } from '../../src/metrics/cohorts.ts';
import { repeatPurchaseRate } from '../../src/metrics/purchases.ts';
import { ZonedDayMapper } from '../../src/metrics/calendar/dates.ts';
import { readCustomers } from '../../src/metrics/read/customers.ts';
import { transactionRecordSchema, validateRecord } from '../../src/metrics/read/schemas.ts';
import { readTransactions, type TransactionFields } from '../../src/metrics/read/transactions.ts';
import { readSubscriptions, type SubscriptionField } from '../../src/metrics/subscriptions.ts';

/**
 * Column names and customer ids are the user's text. Names that a plain
 * object already answers to (its prototype's members) must read exactly like
 * any other name: the data's own fields, never Object's.
 */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const NOW = Date.UTC(2025, 0, 1);

/**
 * Records as JSON text, parsed as the engine parses a file (JSON.parse keeps
 * "__proto__" an own key). A blank cell is a key the record lacks, where a
 * read that looks past the record's own fields finds Object's members.
 */
function asJson(header: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number>): unknown {
  const field = (cell: string, c: number) => `${JSON.stringify(header[c])}:${numeric.has(c) ? cell : JSON.stringify(cell)}`;
  const text = `[${rows.map((row) => `{${row.flatMap((cell, c) => (cell === '' ? [] : [field(cell, c)])).join(',')}}`).join(',')}]`;
  const parsed = parseText(text, 'json', 'own-fields.json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.rows;
}

/** The same records as CSV text, through the engine's CSV reader. */
function asCsv(header: readonly string[], rows: readonly (readonly string[])[]): unknown {
  const parsed = parseText([header, ...rows].map((row) => row.join(',')).join('\n'), 'csv', 'own-fields.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.rows;
}

/** Each of `roles` renamed to a prototype name (in the order given) or kept, by `renamed`. */
function renaming<Role extends string>(roles: readonly Role[], names: readonly string[], renamed: readonly boolean[]): Record<Role, string> {
  return Object.fromEntries(roles.map((role, i) => [role, renamed[i] ? names[i] : role])) as Record<Role, string>;
}

const renamings = (count: number) =>
  fc.record({
    names: fc.shuffledSubarray([...PROTOTYPE_NAMES], { minLength: count, maxLength: count }),
    renamed: fc.array(fc.boolean(), { minLength: count, maxLength: count }).filter((flags) => flags.some(Boolean)),
  });

const id = fc.constantFrom('a', 'b', ...PROTOTYPE_NAMES);
const day = fc.constantFrom('2024-01-05', '2024-02-10', '2024-03-15', '2024-06-30');

// ---------------------------------------------------------------------------
// Transactions: every column of the fast path.

const TRANSACTION_ROLES = ['customer', 'date', 'amount', 'quantity', 'type', 'order'] as const;
/** Positions of the columns JSON writes as numbers. */
const TRANSACTION_NUMBERS = new Set([2, 3]);

const transactionRow = fc.tuple(
  id,
  day,
  fc.constantFrom('12.5', '3', '0', '40'),
  fc.constantFrom('1', '2', '-1'),
  fc.constantFrom('purchase', 'refund', ''),
  fc.constantFrom('o1', 'o2', 'o3', ''),
);

function transactionFields(columns: Record<(typeof TRANSACTION_ROLES)[number], string>): TransactionFields {
  return { customer: columns.customer, date: columns.date, amount: columns.amount, quantity: columns.quantity, type: columns.type, order: columns.order };
}

describe('user column names that a plain object already has', () => {
  for (const format of ['json', 'csv'] as const) {
    it(`readTransactions reads them like any other name (${format})`, () => {
      let read = 0;
      fc.assert(
        fc.property(
          // Repeated rows, so the duplicate-row comparison of whole records runs too.
          fc.array(transactionRow, { minLength: 1, maxLength: 12 }).chain((rows) => fc.tuple(fc.constant(rows), fc.subarray(rows))),
          renamings(TRANSACTION_ROLES.length),
          ([rows, repeated], { names, renamed }) => {
            const all = [...rows, ...repeated];
            const plain = renaming(TRANSACTION_ROLES, TRANSACTION_ROLES, TRANSACTION_ROLES.map(() => false));
            const hostile = renaming(TRANSACTION_ROLES, names, renamed);
            const input = (columns: typeof plain) => {
              const header = TRANSACTION_ROLES.map((role) => columns[role]);
              return format === 'json' ? asJson(header, all, TRANSACTION_NUMBERS) : asCsv(header, all);
            };
            const expected = readTransactions(input(plain) as unknown[], { fields: transactionFields(plain), now: NOW });
            const actual = readTransactions(input(hostile) as unknown[], { fields: transactionFields(hostile), now: NOW });
            expect(expected.ok, 'the data under ordinary names is valid').to.equal(true);
            expect(actual).to.deep.equal(expected);
            read++;
          },
        ),
        { numRuns: 150 },
      );
      expect(read).to.equal(150);
    });

    it(`readSubscriptions reads them like any other name (${format})`, () => {
      const roles = ['customer', 'start', 'end', 'mrr', 'plan'] as const satisfies readonly SubscriptionField[];
      const subscription = fc.tuple(id, fc.constantFrom('2024-01-01', '2024-02-15'), fc.constantFrom('', '2024-03-01', '2024-09-30'), fc.constantFrom('0', '9.5', '20'), fc.constantFrom('basic', 'pro', ''));
      fc.assert(
        fc.property(fc.array(subscription, { minLength: 1, maxLength: 8 }), renamings(roles.length), (rows, { names, renamed }) => {
          const read = (columns: Record<(typeof roles)[number], string>) => {
            const header = roles.map((role) => columns[role]);
            const records = format === 'json' ? asJson(header, rows, new Set([3])) : asCsv(header, rows);
            return readSubscriptions(records as unknown[], { fields: columns });
          };
          const expected = read(renaming(roles, roles, roles.map(() => false)));
          expect(expected.ok, 'the data under ordinary names is valid').to.equal(true);
          expect(read(renaming(roles, names, renamed))).to.deep.equal(expected);
        }),
        { numRuns: 100 },
      );
    });

    it(`readCustomers keeps them as properties (${format})`, () => {
      const header = ['customer', ...PROTOTYPE_NAMES];
      const rows = [
        ['a', 'x0', 'x1', 'x2', 'x3', 'x4', 'x5'],
        ['constructor', 'y0', '', 'y2', 'y3', 'y4', 'y5'],
      ];
      const result = readCustomers((format === 'json' ? asJson(header, rows, new Set()) : asCsv(header, rows)) as unknown[]);
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.value.ids).to.deep.equal(['a', 'constructor']);
      expect(Object.keys(result.value.properties)).to.deep.equal([...PROTOTYPE_NAMES]);
      PROTOTYPE_NAMES.forEach((name, c) => expect(result.value.properties[name], name).to.deep.equal([rows[0][c + 1], rows[1][c + 1] || undefined]));
    });

    it(`a missing column named after a prototype member is missing (${format})`, () => {
      const header = ['customer', 'date', 'amount'];
      const records = (format === 'json' ? asJson(header, [['a', '2024-01-05', '5']], new Set([2])) : asCsv(header, [['a', '2024-01-05', '5']])) as unknown[];
      const transactions = readTransactions(records, { fields: { customer: 'constructor' }, now: NOW });
      expect(!transactions.ok && transactions.error.issues.map((issue) => [issue.field, issue.found])).to.deep.equal([['constructor', 'nothing']]);
      expect(!transactions.ok && transactions.error.message).to.contain('which no record has');
      const money = readTransactions(records, { fields: { amount: 'toString' }, now: NOW });
      expect(!money.ok && money.error.issues.map((issue) => [issue.field, issue.found])).to.deep.equal([['toString', 'nothing']]);
      const subscriptions = readSubscriptions(records, { fields: { start: 'date', mrr: 'valueOf' } });
      expect(!subscriptions.ok && subscriptions.error.issues.map((issue) => [issue.field, issue.found])).to.deep.equal([['valueOf', 'nothing']]);
    });
  }
});

describe('transactionRecordSchema over columns that a plain object already has', () => {
  const fields: TransactionFields = { customer: '__proto__', date: 'constructor', amount: 'toString', quantity: 'valueOf', type: 'hasOwnProperty', order: 'prototype' };
  const schema = transactionRecordSchema(new ZonedDayMapper('UTC'), fields);

  it('reads a record keyed by them', () => {
    const record = JSON.parse('{"__proto__":"a","constructor":"2024-01-31","toString":"3.5","valueOf":2,"hasOwnProperty":"Refund","prototype":"o1"}');
    const result = validateRecord(schema, record, 0);
    // Typed as a refund, so amount and quantity turn negative; 2024-01-31 is day 19753.
    expect(result.ok && result.value).to.deep.equal({ customer: 'a', day: 19753, amount: -3.5, quantity: -2, kind: 1, order: 'o1' });
  });

  it('reports bad and missing cells by those column names', () => {
    const result = validateRecord(schema, JSON.parse('{"__proto__":{},"constructor":"soon","toString":"x"}'), 4);
    expect(!result.ok && result.error.issues.map((issue) => [issue.index, issue.field, issue.found])).to.deep.equal([
      [4, '__proto__', 'an object'],
      [4, 'constructor', '"soon"'],
      [4, 'toString', '"x"'],
      [4, 'valueOf', 'nothing'],
    ]);
  });
});

describe('customer ids that a plain object already has', () => {
  it('are customers like any other', () => {
    const records = PROTOTYPE_NAMES.flatMap((customer) => [
      { customer, date: '2024-01-05', amount: 10 },
      { customer, date: '2024-02-05', amount: 10 },
    ]);
    const table = readTransactions(records, { now: NOW });
    expect(table.ok).to.equal(true);
    if (!table.ok) return;
    expect(table.value.customerIds).to.deep.equal([...PROTOTYPE_NAMES]);
    const repeat = repeatPurchaseRate(table.value);
    expect(repeat.ok && repeat.value).to.deep.equal({ rate: 1, repeatCustomers: PROTOTYPE_NAMES.length, customers: PROTOTYPE_NAMES.length });

    // Grouped by a customer property whose name and ids are prototype names too.
    const customers = readCustomers(PROTOTYPE_NAMES.map((customer, i) => ({ customer, constructor: i % 2 ? 'paid' : 'organic' })));
    expect(customers.ok).to.equal(true);
    if (!customers.ok) return;
    const cohorts = cohortMatrix(table.value, { granularity: 'month', value: 'count', cohortBy: { property: 'constructor', customers: customers.value } });
    expect(cohorts.ok).to.equal(true);
    if (!cohorts.ok) return;
    expect(cohorts.value.cohorts.map((cohort) => [cohort.label, cohort.size])).to.deep.equal([
      ['organic', 3],
      ['paid', 3],
    ]);
  });
});
