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
import { ZonedDayMapper, dayFromDateValue, isValidTimeZone, today } from '../calendar/dates.ts';
import { DATE_RANGE_EXPECTATION, MAGNITUDE_EXPECTATION, dayInRange, withinMagnitude } from './limits.ts';
import {
  IssueCollector,
  WarningCounter,
  collectWarnings,
  fail,
  ok,
  optionError,
  agree,
  records,
  type InputError,
  type InputWarning,
  type Result,
} from '../issues.ts';
import { IDENTIFIER_EXPECTATION, toIdentifier } from './values.ts';
import { columnOf, isCsvRecords, isRecordList, sameRecordAt, someRecordHas, type RecordList } from './csv-records.ts';
import { describeDateFormat, type DateFormat } from './date-format.ts';
import { describeNumberFormat, toAmount, type DecimalMark } from './number-format.ts';
import type { RowRole } from './presets.ts';
import { dateFormatOfColumn, decimalOfColumn, presetColumn, resolveReading, type Reading, type ReadingOptions } from './reading.ts';

/** Which of the user's columns hold what. Defaults are the canonical names. */
export interface TransactionFields {
  /** Customer id column; default `customer`. */
  customer?: string;
  /** Date column; default `date`. */
  date?: string;
  /**
   * Amount column (money, signed). Default `amount` when the records have
   * such a column; without one (and without quantity × price) the rows are
   * activity: everything that counts customers works, revenue does not.
   * Ignored when `unitPrice` is set.
   */
  amount?: string;
  /** Quantity column (units; negative for returns). Optional. */
  quantity?: string;
  /** Unit price column: amount = quantity × unit price (order-line exports). Needs `quantity`. */
  unitPrice?: string;
  /** Type or status column: purchase / order / sale, or refund / return / cancellation, or words of `typeMap`. Optional. */
  type?: string;
  /** Order or invoice id column: lines of one order count as one purchase, and take blank order-level cells from their order's first line. Optional. */
  order?: string;
  /** Money refunded on the row's order (Shopify's `Refunded Amount`, Stripe's `Amount Refunded`): netted once per order. Optional. */
  refund?: string;
  /** Currency code column (`USD`, `EUR`): several currencies are never summed together. Optional. */
  currency?: string;
}

export interface ReadTransactionsOptions {
  fields?: TransactionFields;
  /** IANA zone that instants (epoch ms, ISO with offset) are bucketed in; default `UTC`. */
  timeZone?: string;
  /** Clock for the future-date warning, epoch ms; default now. */
  now?: number;
  /** Preset, date format, decimal mark, status words and currency choice (see reading.ts). */
  reading?: ReadingOptions;
}

export const TRANSACTION_KIND = { purchase: 0, return: 1 } as const;

/** Transactions in columns. Row i of every array is one purchase or return: an input record with a customer, or the refund netted on an order. */
export interface TransactionTable {
  readonly length: number;
  /** Customer ids by interned number. */
  readonly customerIds: string[];
  /** Interned customer of each row. */
  readonly customer: Int32Array;
  /** Local day number of each row (days since 1970-01-01). */
  readonly day: Int32Array;
  /** Money, signed: returns and refunds are negative. All 0 when the data has no money ({@link hasMoney}). */
  readonly amount: Float64Array;
  /** Units, signed; 1 (or −1 for returns) when no quantity column is mapped; 0 on a refund of money only. */
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
  /** False for activity data (no amount, no quantity × price): revenue cannot be computed. */
  readonly hasMoney: boolean;
  /** The currency of `amount` when the data says (a currency column); undefined when unknown. */
  readonly currency?: string;
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

/** A type cell's role under a type map (then the built-in words), or undefined for a word neither knows. */
function roleOf(value: unknown, typeMap: ReadonlyMap<string, RowRole> | undefined): RowRole | undefined {
  if (typeMap && typeof value === 'string') {
    const role = typeMap.get(value.trim().toLowerCase());
    if (role) return role;
  }
  const kind = transactionKindOf(value);
  return kind === TRANSACTION_KIND.purchase ? 'purchase' : kind === TRANSACTION_KIND.return ? 'refund' : undefined;
}

function typeExpectation(typeMap: ReadonlyMap<string, RowRole> | undefined): string {
  if (!typeMap) return `${TYPE_EXPECTATION}; map other words with type-map`;
  return `a word of type-map (${[...typeMap.keys()].join(', ')}) or ${TYPE_EXPECTATION.slice(2)}`;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The columns a read uses, after the preset and the defaults. */
function transactionColumns(rows: RecordList, fields: TransactionFields | undefined, reading: Reading): ReturnType<typeof resolveTransactionFields> & { hasMoney: boolean } {
  const kinds = ['transactions', 'events'] as const;
  const preset: TransactionFields = {};
  for (const field of ['customer', 'date', 'amount', 'quantity', 'order', 'type', 'refund', 'currency'] as const) preset[field] = presetColumn(reading, kinds, field);
  preset.unitPrice = presetColumn(reading, kinds, 'price');
  const given = stripUndefined(fields ?? {});
  const merged = resolveTransactionFields({ ...stripUndefined(preset), ...given });
  // `amount` is a default name, not a demand: activity data (customer + date) has no money.
  const amountChosen = given.amount !== undefined || preset.amount !== undefined;
  // No records say nothing about money: an empty input is "no data", not "no money".
  const hasMoney = Boolean(merged.unitPrice) || amountChosen || rows.length === 0 || someRecordHas(rows, merged.amount, 100);
  return { ...merged, hasMoney };
}

/**
 * What each order's first line said, for its later lines whose order-level
 * cells are blank (Shopify), by order number. One array per field, not an
 * object per order: an export of a million one-line orders would otherwise
 * allocate a million objects that live as long as the read.
 */
class OrderHeads {
  readonly customer: (string | undefined)[] = [];
  readonly day: number[] = [];
  /** The type cell's meaning; undefined when it has none (the sign decides, line by line). */
  readonly role: (RowRole | undefined)[] = [];
  /** The type cell's word, for the notice about ignored rows. */
  readonly word: string[] = [];
  readonly currency: (string | undefined)[] = [];
  /** Its refund is already netted. */
  readonly refunded: boolean[] = [];
  /** Its order-level amount (`amount-per="order"`) is already counted. */
  readonly amountCounted: boolean[] = [];
  /** The kind its first line was read as (TRANSACTION_KIND), or -1 before: later lines whose money is the first line's are of that kind. */
  readonly kind: number[] = [];

  get count(): number {
    return this.day.length;
  }

  /** A new order, numbered now and filled in by its first line (so a first line with a bad cell keeps its number). */
  add(): number {
    this.customer.push(undefined);
    this.day.push(Number.NaN);
    this.role.push(undefined);
    this.word.push('');
    this.currency.push(undefined);
    this.refunded.push(false);
    this.amountCounted.push(false);
    this.kind.push(-1);
    return this.day.length - 1;
  }
}

/**
 * The error of a revenue figure asked of activity data (customer and date,
 * no amount and no quantity × price); undefined when the table has money.
 */
export function moneyMissing(table: TransactionTable, what: string): InputError | undefined {
  if (table.hasMoney) return undefined;
  return optionError('amount-key', `a money column for ${what} (amount-key, or quantity-key and price-key); this data has customers and dates only, which is enough for counts of customers but not for money`, undefined);
}

/** How a read will go, settled before any record is read: the columns, and each date and number column's format. */
export interface TransactionReadPlan {
  reading: Reading;
  fields: ReturnType<typeof transactionColumns>;
  dateFormat: DateFormat;
  /** Decimal mark of each money and quantity column, by the user's column name. */
  decimals: Record<string, DecimalMark>;
}

/**
 * The columns after the preset, and the formats their whole columns allow
 * (an error for a column that reads two ways, or amounts in two currencies
 * with no currency column). `transactionRecordSchema` takes the same plan, so
 * one record is judged by the rules its file is read with.
 */
export function planTransactionRead(rows: RecordList, options: Pick<ReadTransactionsOptions, 'fields' | 'reading'> = {}): Result<TransactionReadPlan> {
  return planRead(rows, options, columnsOf(rows));
}

/** Each field's cells, taken out of the records once per read (for CSV: the column itself). */
function columnsOf(rows: RecordList): (name: string) => ArrayLike<unknown> {
  const taken = new Map<string, ArrayLike<unknown>>();
  return (name) => {
    let cells = taken.get(name);
    if (!cells) taken.set(name, (cells = columnOf(rows, name)));
    return cells;
  };
}

function planRead(rows: RecordList, options: Pick<ReadTransactionsOptions, 'fields' | 'reading'>, column: (name: string) => ArrayLike<unknown>): Result<TransactionReadPlan> {
  const resolved = resolveReading(options.reading);
  if (!resolved.ok) return resolved;
  const reading = resolved.value;
  const fields = transactionColumns(rows, options.fields, reading);
  if (fields.unitPrice && !fields.quantity) {
    return fail(optionError('fields.quantity', 'a quantity column when unitPrice is mapped', undefined));
  }
  const cell = (name: string) => {
    const cells = column(name);
    return (i: number) => cells[i];
  };
  const n = rows.length;
  const dateFormat = dateFormatOfColumn(reading, fields.date, cell(fields.date), n);
  if (!dateFormat.ok) return dateFormat;
  const amountField = fields.unitPrice || !fields.hasMoney ? undefined : fields.amount;
  const numberColumns = [amountField, fields.quantity, fields.unitPrice, fields.refund].filter((column): column is string => Boolean(column));
  // Keyed by the user's column names: no prototype, so a column "__proto__" or "constructor" is a key like any other.
  const decimals: Record<string, DecimalMark> = Object.create(null);
  const symbols = new Set<string>();
  for (const column of numberColumns) {
    const decimal = decimalOfColumn(reading, column, cell(column), n);
    if (!decimal.ok) return decimal;
    decimals[column] = decimal.value.decimal;
    if (column !== fields.quantity) for (const symbol of decimal.value.currencySymbols) symbols.add(symbol);
  }
  if (symbols.size > 1 && !fields.currency) {
    const found = [...symbols].join(' and ');
    return fail(optionError('currency-key', `amounts in one currency, or a currency column (currency-key) to keep ${found} apart: currencies are never summed`, found));
  }
  return ok({ reading, fields, dateFormat: dateFormat.value, decimals });
}

/**
 * Validates and reads transaction records. Rows without a customer id are left
 * out and counted in a warning (guest orders are nobody's, and must never
 * become one customer with an empty id); rows whose status maps to `ignore`
 * (failed, voided, pending payments) are left out and counted; any invalid
 * value fails the whole read with the first few problems listed.
 */
export function readTransactions(rows: RecordList, options: ReadTransactionsOptions = {}): Result<TransactionTable> {
  if (!isRecordList(rows)) return fail(optionError('data', 'an array of records', rows));
  const timeZone = options.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) return fail(optionError('timeZone', 'an IANA time zone such as Europe/Oslo', timeZone));
  const column = columnsOf(rows);
  const planned = planRead(rows, options, column);
  if (!planned.ok) return planned;
  const { reading, fields, dateFormat, decimals } = planned.value;
  const { customer: customerField, date: dateField, quantity: quantityField, unitPrice: priceField, type: typeField, order: orderField, refund: refundField, currency: currencyField, hasMoney } = fields;
  const amountField = priceField || !hasMoney ? undefined : fields.amount;
  const orderLevelAmount = reading.amountPer === 'order' && Boolean(orderField);
  const n = rows.length;
  const numberExpectation = (name: string) => describeNumberFormat(decimals[name]);
  const dateExpectation = describeDateFormat(dateFormat);
  // The loop reads columns, not records: CSV records are columns already, an array's records are read into them once.
  const objectRecords = isCsvRecords(rows) ? undefined : rows;
  const customerCells = column(customerField);
  const dateCells = column(dateField);
  const quantityCells = quantityField ? column(quantityField) : undefined;
  const priceCells = priceField ? column(priceField) : undefined;
  const amountCells = amountField ? column(amountField) : undefined;
  const typeCells = typeField ? column(typeField) : undefined;
  const orderCells = orderField ? column(orderField) : undefined;
  const refundCells = refundField ? column(refundField) : undefined;
  const currencyCells = currencyField ? column(currencyField) : undefined;
  const quantityDecimal = quantityField ? decimals[quantityField] : '.';
  const priceDecimal = priceField ? decimals[priceField] : '.';
  const amountDecimal = amountField ? decimals[amountField] : '.';
  const refundDecimal = refundField ? decimals[refundField] : '.';

  const zone = new ZonedDayMapper(timeZone);
  const todayDay = today(zone, options.now);
  // A refund adds a row of its own: room for one per record when refunds are mapped.
  const capacity = refundField ? 2 * n : n;
  const customer = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const amount = new Float64Array(capacity);
  const quantity = new Float64Array(capacity);
  const kind = new Uint8Array(capacity);
  const order = new Int32Array(capacity);
  const sourceIndex = new Int32Array(capacity);
  const rowCurrency: (string | undefined)[] | undefined = currencyField ? new Array(capacity) : undefined;
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const orderIndex = new Map<string, number>();
  const heads = new OrderHeads();
  const issues = new IssueCollector();
  const missingCustomer = new WarningCounter('missing-customer', (c) => `${records(c)} without a customer id ${agree(c, 'was', 'were')} left out (guest orders belong to no customer).`);
  const zeroAmount = new WarningCounter('zero-amount', (c) => `${records(c)} ${agree(c, 'has', 'have')} an amount of 0; ${agree(c, 'it counts', 'they count')} as activity but add${agree(c, 's', '')} no revenue.`);
  const futureDate = new WarningCounter('future-date', (c) => `${records(c)} ${agree(c, 'is', 'are')} dated in the future.`);
  const ignoredWords = new Map<string, number>();
  const ignored = new WarningCounter('ignored-status', (c) => `${records(c)} with the status ${[...ignoredWords.keys()].map((w) => `"${w}"`).join(', ')} ${agree(c, 'was', 'were')} left out (type-map: ignore).`, () => ({ statuses: [...ignoredWords.keys()] }));

  let lastCustomerId: string | undefined;
  let lastCustomer = -1;
  // Exports list an order's lines together: a cell that repeats the row before
  // (same order, status, date) reuses what that row's cell was read as.
  let lastOrderCell: unknown;
  let lastOrder = -1;
  let lastTypeCell: unknown = '';
  let lastTypeBlank = true;
  let lastRole: RowRole | undefined;
  let lastWord = '';
  let lastDateCell: unknown;
  let lastDateDay = Number.NaN;
  let length = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  function put(c: number, rowDay: number, rowMoney: number, rowUnits: number, rowKind: number, rowOrder: number, index: number, rowCurrencyCode: string | undefined) {
    customer[length] = c;
    day[length] = rowDay;
    amount[length] = rowMoney;
    quantity[length] = rowUnits;
    kind[length] = rowKind;
    order[length] = rowOrder;
    sourceIndex[length] = index;
    if (rowCurrency) rowCurrency[length] = rowCurrencyCode;
    length++;
  }

  for (let i = 0; i < n; i++) {
    if (objectRecords) {
      const record = objectRecords[i];
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        issues.add(i, '(record)', 'an object with named fields', record);
        continue;
      }
    }
    const issuesBefore = issues.total;

    // The order first: a later line of a known order takes its blank order-level cells from the first.
    let orderNumber = -1;
    /** The order whose first line this later line follows (its number), or -1. */
    let head = -1;
    /** Whether this line is its order's first: it fills in the order's head. */
    let firstLine = false;
    if (orderCells) {
      const orderCell = orderCells[i];
      if (orderCell === lastOrderCell && lastOrder >= 0) {
        orderNumber = lastOrder;
        head = lastOrder;
      } else {
        const orderId = toIdentifier(orderCell);
        if (orderId === null) issues.add(i, orderField!, IDENTIFIER_EXPECTATION, orderCell);
        else if (orderId !== undefined) {
          const known = orderIndex.get(orderId);
          if (known === undefined) {
            orderNumber = heads.add();
            orderIndex.set(orderId, orderNumber);
            firstLine = true;
          } else {
            orderNumber = known;
            head = known;
          }
        }
        lastOrderCell = orderCell;
        lastOrder = orderNumber;
      }
    }

    let role: RowRole | undefined;
    let word = '';
    if (typeCells) {
      const typeCell = typeCells[i];
      if (typeCell !== lastTypeCell) {
        lastTypeCell = typeCell;
        lastTypeBlank = isBlank(typeCell);
        lastRole = lastTypeBlank ? undefined : roleOf(typeCell, reading.typeMap);
        lastWord = lastTypeBlank ? '' : String(typeCell).trim().toLowerCase();
      }
      if (!lastTypeBlank) {
        role = lastRole;
        word = lastWord;
        if (!role) issues.add(i, typeField!, typeExpectation(reading.typeMap), typeCell);
      } else if (head >= 0) {
        role = heads.role[head];
        word = heads.word[head];
      }
    }
    if (role === 'ignore') {
      ignoredWords.set(word, (ignoredWords.get(word) ?? 0) + 1);
      ignored.add(i);
      if (firstLine) {
        heads.role[orderNumber] = role;
        heads.word[orderNumber] = word;
      }
      continue;
    }

    const customerCell = customerCells[i];
    const id = head >= 0 && isBlank(customerCell) ? heads.customer[head] : toIdentifier(customerCell);
    if (id === null) issues.add(i, customerField, IDENTIFIER_EXPECTATION, customerCell);

    const dateCell = dateCells[i];
    let recordDay: number;
    if (head >= 0 && isBlank(dateCell)) recordDay = heads.day[head];
    else if (dateCell === lastDateCell) recordDay = lastDateDay;
    else recordDay = lastDateDay = dayFromDateValue((lastDateCell = dateCell), zone, dateFormat);
    if (recordDay !== recordDay) issues.add(i, dateField, dateExpectation, dateCell);
    else if (!dayInRange(recordDay)) issues.add(i, dateField, DATE_RANGE_EXPECTATION, dateCell);

    let units = Number.NaN;
    if (quantityCells) {
      units = toAmount(quantityCells[i], quantityDecimal);
      if (units !== units) issues.add(i, quantityField!, numberExpectation(quantityField!), quantityCells[i]);
      else if (!withinMagnitude(units)) issues.add(i, quantityField!, MAGNITUDE_EXPECTATION, quantityCells[i]);
    }
    let money = 0;
    let moneyOnFirstLine = false;
    if (priceCells) {
      const price = toAmount(priceCells[i], priceDecimal);
      money = units * price;
      if (price !== price) issues.add(i, priceField!, numberExpectation(priceField!), priceCells[i]);
      else if (!withinMagnitude(price)) issues.add(i, priceField!, MAGNITUDE_EXPECTATION, priceCells[i]);
      // Each within range, their product may not be: the line's amount is what sums up.
      else if (withinMagnitude(units) && !withinMagnitude(money)) issues.add(i, priceField!, `${MAGNITUDE_EXPECTATION} once multiplied by the quantity`, priceCells[i]);
    } else if (amountCells) {
      const cellValue = amountCells[i];
      // An order's total is written on its first line only (Shopify) or repeated on
      // every line (WooCommerce): either way later lines add nothing.
      moneyOnFirstLine = head >= 0 && (isBlank(cellValue) || (orderLevelAmount && heads.amountCounted[head]));
      money = moneyOnFirstLine ? 0 : toAmount(cellValue, amountDecimal);
      if (money !== money) issues.add(i, amountField!, numberExpectation(amountField!), cellValue);
      else if (!withinMagnitude(money)) issues.add(i, amountField!, MAGNITUDE_EXPECTATION, cellValue);
    }
    let refund = 0;
    if (refundCells && !isBlank(refundCells[i])) {
      refund = Math.abs(toAmount(refundCells[i], refundDecimal));
      if (refund !== refund) issues.add(i, refundField!, numberExpectation(refundField!), refundCells[i]);
      else if (!withinMagnitude(refund)) issues.add(i, refundField!, MAGNITUDE_EXPECTATION, refundCells[i]);
    }
    let currencyCode: string | undefined;
    if (currencyCells) {
      const cellValue = currencyCells[i];
      currencyCode = isBlank(cellValue) ? (head >= 0 ? heads.currency[head] : undefined) : String(cellValue).trim().toUpperCase();
    }
    if (firstLine) {
      heads.customer[orderNumber] = id ?? undefined;
      heads.day[orderNumber] = recordDay;
      heads.role[orderNumber] = role;
      heads.word[orderNumber] = word;
      heads.currency[orderNumber] = currencyCode;
      heads.amountCounted[orderNumber] = Boolean(amountField);
    }
    if (issues.total !== issuesBefore) continue;
    if (id === undefined) {
      missingCustomer.add(i);
      continue;
    }

    // Without a type column the sign decides: negative quantity (or amount) is a return.
    let recordKind = role === 'refund' ? TRANSACTION_KIND.return : role === 'purchase' ? TRANSACTION_KIND.purchase : -1;
    // A later line whose money is its order's total, counted on the first line, has no sign of its
    // own: it is of the order's kind (an order totalling −10 is a return on every line, not a 0 purchase).
    if (recordKind < 0 && moneyOnFirstLine && !quantityField && heads.kind[head] >= 0) recordKind = heads.kind[head];
    if (recordKind < 0) recordKind = (quantityField ? units : money) < 0 ? TRANSACTION_KIND.return : TRANSACTION_KIND.purchase;
    if (firstLine) heads.kind[orderNumber] = recordKind;
    if (!quantityField) units = recordKind === TRANSACTION_KIND.return ? -1 : 1;
    // A return typed as such is money going back, whatever sign the export used.
    if (recordKind === TRANSACTION_KIND.return) {
      money = -Math.abs(money);
      units = -Math.abs(units);
    }
    if (money === 0 && hasMoney && !moneyOnFirstLine) zeroAmount.add(i);
    if (recordDay > todayDay) futureDate.add(i);

    // Exports list an order's lines together, so the row before usually names
    // the same customer: compare with it before asking the Map.
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

    put(c, recordDay, money, units, recordKind, orderNumber, i, currencyCode);
    // Money refunded on an order is netted once, however many of its lines repeat it.
    const orderHead = firstLine ? orderNumber : head;
    if (refund > 0 && !(orderHead >= 0 && heads.refunded[orderHead])) {
      if (orderHead >= 0) heads.refunded[orderHead] = true;
      put(c, recordDay, -refund, 0, TRANSACTION_KIND.return, orderNumber, i, currencyCode);
    }
    if (recordDay < firstDay) firstDay = recordDay;
    if (recordDay > lastDay) lastDay = recordDay;
  }

  // Blank ids are guest orders; a column no record has is a mapping mistake.
  if (n > 0 && !issues.hasIssues && !someRecordHas(rows, customerField)) {
    issues.add(0, customerField, `${IDENTIFIER_EXPECTATION} in a column "${customerField}", which no record has (check the customer field mapping)`, undefined);
  }
  const warnings = collectWarnings([missingCustomer, ignored, zeroAmount, futureDate]);
  if (issues.hasIssues) return fail(issues.toError('transactions'), warnings);

  const money = rowCurrency ? oneCurrency(rowCurrency, amount, kind, length, reading.currency) : { currency: undefined, warning: undefined };
  if ('error' in money) return fail(money.error, warnings);
  if (money.warning) warnings.push(money.warning);

  // Before rows without an order id get one each: two such rows can only be
  // duplicates while they still share "no order".
  const duplicates = countDuplicateRows(customer, day, amount, order, sourceIndex, length, rows);

  // Orders are numbered as first seen, guests' and ignored ones included: renumber those
  // that have rows, then give rows with no order id of their own an order each.
  const renumbered = new Int32Array(heads.count).fill(-1);
  let orderCount = 0;
  for (let r = 0; r < length; r++) {
    const o = order[r];
    if (o >= 0) order[r] = renumbered[o] < 0 ? (renumbered[o] = orderCount++) : renumbered[o];
  }
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
    hasMoney,
    currency: money.currency ?? (reading.currency && currencyField ? reading.currency : undefined),
  };
  return ok(table, duplicates ? [...warnings, duplicates] : warnings);
}

/**
 * Keeps money in one currency: with several in the data, the one asked for
 * (or the one most rows are in) is shown, and rows in the others keep
 * counting as activity with their money set aside, which a warning says.
 */
function oneCurrency(
  rowCurrency: readonly (string | undefined)[],
  amount: Float64Array,
  kind: Uint8Array,
  length: number,
  wanted: string | undefined,
): { currency: string | undefined; warning?: InputWarning } | { error: InputError } {
  const rowsByCurrency = new Map<string, number>();
  for (let r = 0; r < length; r++) {
    const code = rowCurrency[r];
    if (code !== undefined && kind[r] === TRANSACTION_KIND.purchase) rowsByCurrency.set(code, (rowsByCurrency.get(code) ?? 0) + 1);
  }
  const codes = [...rowsByCurrency.keys()];
  if (wanted && codes.length > 0 && !rowsByCurrency.has(wanted.toUpperCase())) {
    return { error: optionError('currency', `a currency of the data (${codes.join(', ')})`, wanted) };
  }
  if (codes.length <= 1) return { currency: codes[0] };
  const shown = wanted?.toUpperCase() ?? codes.reduce((best, code) => (rowsByCurrency.get(code)! > rowsByCurrency.get(best)! ? code : best));
  const others = codes.filter((code) => code !== shown);
  const counter = new WarningCounter(
    'other-currency',
    (c) => `${records(c)} in ${others.join(', ')} count${agree(c, 's', '')} as activity but not in money figures, which are in ${shown} (currencies are never summed; set currency="${others[0]}" to show ${others[0]}).`,
    () => ({ currency: shown, otherCurrencies: others }),
  );
  for (let r = 0; r < length; r++) {
    if (rowCurrency[r] !== undefined && rowCurrency[r] !== shown) {
      amount[r] = 0;
      counter.add(r);
    }
  }
  return { currency: shown, warning: counter.toWarning() };
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
  rows: RecordList,
) {
  const counter = new WarningCounter('duplicate-row', (c) => `${records(c)} repeat${agree(c, 's', '')} an earlier record exactly; ${agree(c, 'it was', 'they were')} kept, check the export for double rows.`);
  const size = 1 << Math.ceil(Math.log2(Math.max(16, length * 2)));
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  const amountBits = new Int32Array(amount.buffer, amount.byteOffset, length * 2);
  for (let r = 0; r < length; r++) {
    // A refund row comes right after the row of its record: that record is counted once.
    if (r > 0 && sourceIndex[r] === sourceIndex[r - 1]) continue;
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
        sameRecordAt(rows, sourceIndex[other], sourceIndex[r])
      ) {
        counter.add(sourceIndex[r]);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return counter.toWarning();
}
