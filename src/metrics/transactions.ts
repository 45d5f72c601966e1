/**
 * Reads transaction records (orders, order lines, refunds) into a columnar
 * table that every transaction metric computes from.
 *
 * The table is built once and kept in typed arrays with customers and orders
 * interned to small integers, so a metric over a million rows is a few tight
 * loops over Int32Arrays rather than a million object look-ups. The checks
 * here are the same rules as `transactionRecordSchema` (schemas.ts), written
 * out by hand for speed; a property test holds the two to agreement.
 */
import { DATE_EXPECTATION, ZonedDayMapper, dayFromDateValue, isValidTimeZone, today } from './dates.ts';
import {
  IssueCollector,
  WarningCounter,
  collectWarnings,
  fail,
  ok,
  optionError,
  records,
  type Result,
} from './issues.ts';
import { IDENTIFIER_EXPECTATION, NUMBER_EXPECTATION, toFiniteNumber, toIdentifier } from './values.ts';

/** Which of the user's columns hold what. Defaults are the canonical names. */
export interface TransactionFields {
  /** Customer id column; default `customer`. */
  customer?: string;
  /** Date column; default `date`. */
  date?: string;
  /** Amount column (money, signed); default `amount`. Ignored when `unitPrice` is set. */
  amount?: string;
  /** Quantity column (units; negative for returns). Optional. */
  quantity?: string;
  /** Unit price column: amount = quantity × unit price (order-line exports). Needs `quantity`. */
  unitPrice?: string;
  /** Type column: purchase / order / sale, or refund / return / cancellation. Optional. */
  type?: string;
  /** Order or invoice id column: lines of one order count as one purchase. Optional. */
  order?: string;
}

export interface ReadTransactionsOptions {
  fields?: TransactionFields;
  /** IANA zone that instants (epoch ms, ISO with offset) are bucketed in; default `UTC`. */
  timeZone?: string;
  /** Clock for the future-date warning, epoch ms; default now. */
  now?: number;
}

export const TRANSACTION_KIND = { purchase: 0, return: 1 } as const;

/** Transactions in columns. Row i of every array is one input record that has a customer. */
export interface TransactionTable {
  readonly length: number;
  /** Customer ids by interned number. */
  readonly customerIds: string[];
  /** Interned customer of each row. */
  readonly customer: Int32Array;
  /** Local day number of each row (days since 1970-01-01). */
  readonly day: Int32Array;
  /** Money, signed: returns and refunds are negative. */
  readonly amount: Float64Array;
  /** Units, signed; 1 (or −1 for returns) when no quantity column is mapped. */
  readonly quantity: Float64Array;
  /** {@link TRANSACTION_KIND} of each row. */
  readonly kind: Uint8Array;
  /** Interned order of each row; each row is its own order when no order column is mapped. */
  readonly order: Int32Array;
  readonly orderCount: number;
  /** Index in the input of each row (rows without a customer are left out). */
  readonly sourceIndex: Int32Array;
  /** Smallest and largest day, NaN when empty. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly timeZone: string;
}

const PURCHASE_WORDS = new Set(['purchase', 'order', 'sale', 'invoice', 'payment', 'charge']);
const RETURN_WORDS = new Set(['return', 'refund', 'cancellation', 'cancelled', 'canceled', 'credit', 'chargeback']);
export const TYPE_EXPECTATION = 'a transaction type (purchase, order, sale, return, refund or cancellation)';

export function resolveTransactionFields(fields: TransactionFields = {}): Required<Pick<TransactionFields, 'customer' | 'date' | 'amount'>> & TransactionFields {
  return { customer: 'customer', date: 'date', amount: 'amount', ...stripUndefined(fields) };
}

function stripUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;
}

/** Kind from a type cell; -1 when the text is not a known type. */
export function transactionKindOf(value: unknown): number {
  if (typeof value !== 'string') return -1;
  const word = value.trim().toLowerCase();
  if (PURCHASE_WORDS.has(word)) return TRANSACTION_KIND.purchase;
  if (RETURN_WORDS.has(word)) return TRANSACTION_KIND.return;
  return -1;
}

/**
 * Validates and reads transaction records. Rows without a customer id are left
 * out and counted in a warning (guest orders are nobody's, and must never
 * become one customer with an empty id); any invalid value fails the whole
 * read with the first few problems listed.
 */
export function readTransactions(rows: readonly unknown[], options: ReadTransactionsOptions = {}): Result<TransactionTable> {
  if (!Array.isArray(rows)) return fail(optionError('data', 'an array of records', rows));
  const timeZone = options.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) return fail(optionError('timeZone', 'an IANA time zone such as Europe/Oslo', timeZone));
  const fields = resolveTransactionFields(options.fields);
  if (fields.unitPrice && !fields.quantity) {
    return fail(optionError('fields.quantity', 'a quantity column when unitPrice is mapped', undefined));
  }

  const zone = new ZonedDayMapper(timeZone);
  const todayDay = today(zone, options.now);
  const n = rows.length;
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const quantity = new Float64Array(n);
  const kind = new Uint8Array(n);
  const order = new Int32Array(n);
  const sourceIndex = new Int32Array(n);
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const orderIndex = new Map<string, number>();
  const issues = new IssueCollector();
  const missingCustomer = new WarningCounter('missing-customer', (c) => `${records(c)} without a customer id were left out (guest orders belong to no customer).`);
  const zeroAmount = new WarningCounter('zero-amount', (c) => `${records(c)} have an amount of 0; they count as activity but add no revenue.`);
  const futureDate = new WarningCounter('future-date', (c) => `${records(c)} are dated in the future.`);

  const { customer: customerField, date: dateField, quantity: quantityField, unitPrice: priceField, type: typeField, order: orderField } = fields;
  const amountField = priceField ? undefined : fields.amount;
  // Blank ids are guest orders; a column no record has is a mapping mistake.
  let customerColumnSeen = false;
  let lastCustomerId: string | undefined;
  let lastCustomer = -1;
  let lastOrderId: string | undefined;
  let lastOrder = -1;
  let length = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;

  for (let i = 0; i < n; i++) {
    const record = rows[i];
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      issues.add(i, '(record)', 'an object with named fields', record);
      continue;
    }
    const row = record as Record<string, unknown>;
    const issuesBefore = issues.total;
    if (!customerColumnSeen && customerField in row) customerColumnSeen = true;

    const id = toIdentifier(row[customerField]);
    if (id === null) issues.add(i, customerField, IDENTIFIER_EXPECTATION, row[customerField]);

    const recordDay = dayFromDateValue(row[dateField], zone);
    if (recordDay !== recordDay) issues.add(i, dateField, DATE_EXPECTATION, row[dateField]);

    let units = Number.NaN;
    if (quantityField) {
      units = toFiniteNumber(row[quantityField]);
      if (units !== units) issues.add(i, quantityField, NUMBER_EXPECTATION, row[quantityField]);
    }
    let money: number;
    if (priceField) {
      const price = toFiniteNumber(row[priceField]);
      if (price !== price) issues.add(i, priceField, NUMBER_EXPECTATION, row[priceField]);
      money = units * price;
    } else {
      money = toFiniteNumber(row[amountField!]);
      if (money !== money) issues.add(i, amountField!, NUMBER_EXPECTATION, row[amountField!]);
    }

    let recordKind = -1;
    if (typeField && row[typeField] !== undefined && row[typeField] !== '') {
      recordKind = transactionKindOf(row[typeField]);
      if (recordKind < 0) issues.add(i, typeField, TYPE_EXPECTATION, row[typeField]);
    }
    let orderId: string | undefined | null;
    if (orderField) {
      orderId = toIdentifier(row[orderField]);
      if (orderId === null) issues.add(i, orderField, IDENTIFIER_EXPECTATION, row[orderField]);
    }
    if (issues.total !== issuesBefore) continue;

    if (id === undefined) {
      missingCustomer.add(i);
      continue;
    }

    // Without a type column the sign decides: negative quantity (or amount) is a return.
    if (recordKind < 0) recordKind = (quantityField ? units : money) < 0 ? TRANSACTION_KIND.return : TRANSACTION_KIND.purchase;
    if (!quantityField) units = recordKind === TRANSACTION_KIND.return ? -1 : 1;
    // A return typed as such is money going back, whatever sign the export used.
    if (recordKind === TRANSACTION_KIND.return) {
      money = -Math.abs(money);
      units = -Math.abs(units);
    }
    if (money === 0) zeroAmount.add(i);
    if (recordDay > todayDay) futureDate.add(i);

    // Exports list an order's lines together, so the row before usually names
    // the same customer and order: compare with it before asking the Map.
    let c: number;
    if (id === lastCustomerId) {
      c = lastCustomer;
    } else {
      const known = customerIndex.get(id!);
      if (known === undefined) {
        c = customerIds.length;
        customerIds.push(id!);
        customerIndex.set(id!, c);
      } else {
        c = known;
      }
      lastCustomerId = id!;
      lastCustomer = c;
    }
    let o = -1;
    if (orderId) {
      if (orderId === lastOrderId) {
        o = lastOrder;
      } else {
        const known = orderIndex.get(orderId);
        if (known === undefined) {
          o = orderIndex.size;
          orderIndex.set(orderId, o);
        } else {
          o = known;
        }
        lastOrderId = orderId;
        lastOrder = o;
      }
    }

    customer[length] = c;
    day[length] = recordDay;
    amount[length] = money;
    quantity[length] = units;
    kind[length] = recordKind;
    order[length] = o;
    sourceIndex[length] = i;
    if (recordDay < firstDay) firstDay = recordDay;
    if (recordDay > lastDay) lastDay = recordDay;
    length++;
  }

  if (n > 0 && !customerColumnSeen && !issues.hasIssues) {
    issues.add(0, customerField, `${IDENTIFIER_EXPECTATION} in a column "${customerField}", which no record has (check the customer field mapping)`, undefined);
  }
  const warnings = collectWarnings([missingCustomer, zeroAmount, futureDate]);
  if (issues.hasIssues) return fail(issues.toError('transactions'), warnings);

  // Before rows without an order id get one each: two such rows can only be
  // duplicates while they still share "no order".
  const duplicates = countDuplicateRows(customer, day, amount, order, sourceIndex, length, rows);

  // Rows with no order id of their own are each an order: number them after the real ones.
  let orderCount = orderIndex.size;
  for (let r = 0; r < length; r++) if (order[r] < 0) order[r] = orderCount++;

  const table: TransactionTable = {
    length,
    customerIds,
    customer: customer.subarray(0, length),
    day: day.subarray(0, length),
    amount: amount.subarray(0, length),
    quantity: quantity.subarray(0, length),
    kind: kind.subarray(0, length),
    order: order.subarray(0, length),
    orderCount,
    sourceIndex: sourceIndex.subarray(0, length),
    firstDay: length ? firstDay : Number.NaN,
    lastDay: length ? lastDay : Number.NaN,
    timeZone,
  };
  return ok(table, duplicates ? [...warnings, duplicates] : warnings);
}

/**
 * Finds rows that repeat an earlier row exactly (every field of the record,
 * not only the mapped ones: two identical lines of one order for different
 * products are not duplicates). A typed open-addressing table keyed on the
 * interned columns keeps this linear; full records are compared only on a hit.
 */
function countDuplicateRows(
  customer: Int32Array,
  day: Int32Array,
  amount: Float64Array,
  order: Int32Array,
  sourceIndex: Int32Array,
  length: number,
  rows: readonly unknown[],
) {
  const counter = new WarningCounter('duplicate-row', (c) => `${records(c)} repeat an earlier record exactly; they were kept, check the export for double rows.`);
  const size = 1 << Math.ceil(Math.log2(Math.max(16, length * 2)));
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  const amountBits = new Int32Array(amount.buffer, amount.byteOffset, length * 2);
  for (let r = 0; r < length; r++) {
    let hash = Math.imul(customer[r] ^ 0x9e3779b9, 0x85ebca6b);
    hash = Math.imul(hash ^ day[r], 0xc2b2ae35);
    hash = Math.imul(hash ^ order[r], 0x27d4eb2f);
    hash = Math.imul(hash ^ amountBits[2 * r] ^ amountBits[2 * r + 1], 0x165667b1);
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const other = slots[slot];
      if (other < 0) {
        slots[slot] = r;
        break;
      }
      if (
        customer[other] === customer[r] &&
        day[other] === day[r] &&
        order[other] === order[r] &&
        amount[other] === amount[r] &&
        sameRecord(rows[sourceIndex[other]], rows[sourceIndex[r]])
      ) {
        counter.add(sourceIndex[r]);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return counter.toWarning();
}

function sameRecord(a: unknown, b: unknown): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    const x = left[key];
    const y = right[key];
    if (x !== y && !(x instanceof Date && y instanceof Date && x.getTime() === y.getTime())) return false;
  }
  return true;
}

