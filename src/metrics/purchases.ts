/**
 * Purchase metrics of shops and other non-subscription businesses: repeat and
 * loyal customer rates, product return rate, revenue summary and historic
 * lifetime value, all over a {@link TransactionTable}.
 *
 * What counts as a purchase, everywhere in this module and in purchase-gaps.ts:
 * - a purchase is a distinct order (`table.order`) holding at least one row of
 *   kind purchase: the lines of one order (invoice) are one purchase, however
 *   many products it holds;
 * - returns, refunds and cancellations (kind return) never count as purchases,
 *   and a customer whose only rows in the time frame are returns is not one of
 *   the frame's customers;
 * - "customers" of a time frame are the customers with at least one purchase in it.
 *
 * Every metric is linear in the number of rows: the rows are put in
 * (customer, day) order once by two counting sorts (cached per table), and each
 * metric is then one walk over the customers' row groups with typed arrays.
 */
import { fail, ok, optionError, type Result } from './issues.ts';
import { resolveTimeFrame, type DayRange, type TimeFrame } from './calendar/timeframe.ts';
import { TRANSACTION_KIND, moneyMissing, type TransactionTable } from './read/transactions.ts';
import { customerRows } from './customer-rows.ts';

const PURCHASE = TRANSACTION_KIND.purchase;

/** Options shared by the purchase metrics. */
export interface PurchaseMetricOptions {
  /** Days counted: `from` inclusive, `to` exclusive, read in the table's time zone. Whole history when absent. */
  timeFrame?: TimeFrame;
}

// ---------------------------------------------------------------------------
// Per-customer purchase history in a time frame.

/** One number per interned customer, over the rows inside the time frame. */
export interface CustomerPurchaseStats {
  /** Distinct purchase orders. */
  readonly purchases: Int32Array;
  /** First and last purchase day; meaningless where `purchases` is 0. */
  readonly firstPurchaseDay: Int32Array;
  readonly lastPurchaseDay: Int32Array;
  /** Net money: purchases minus returns. */
  readonly netRevenue: Float64Array;
  /** Customers with at least one purchase. */
  readonly customers: number;
  /** Sum of `purchases`. */
  readonly orders: number;
}

/**
 * Walks each customer's rows once. Distinct orders are counted with a stamp
 * per order ("last customer that counted this order"): exact because a
 * customer's rows are contiguous, so an order shared by two customers (an odd
 * export, but possible) is one purchase for each.
 */
export function customerPurchaseStats(table: TransactionTable, range: DayRange): CustomerPurchaseStats {
  const { offsets, rows } = customerRows(table);
  const customerCount = table.customerIds.length;
  const purchases = new Int32Array(customerCount);
  const firstPurchaseDay = new Int32Array(customerCount);
  const lastPurchaseDay = new Int32Array(customerCount);
  const netRevenue = new Float64Array(customerCount);
  const counted = new Int32Array(table.orderCount).fill(-1);
  const { fromDay, toDay } = range;
  const { day, kind, order, amount } = table;
  let customers = 0;
  let orders = 0;
  for (let c = 0; c < customerCount; c++) {
    let count = 0;
    let first = 0;
    let last = 0;
    let net = 0;
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const r = rows[i];
      const d = day[r];
      if (d < fromDay || d >= toDay) continue;
      net += amount[r];
      if (kind[r] !== PURCHASE) continue;
      if (count === 0) first = d;
      last = d;
      if (counted[order[r]] !== c) {
        counted[order[r]] = c;
        count++;
      }
    }
    purchases[c] = count;
    firstPurchaseDay[c] = first;
    lastPurchaseDay[c] = last;
    netRevenue[c] = net;
    if (count > 0) customers++;
    orders += count;
  }
  return { purchases, firstPurchaseDay, lastPurchaseDay, netRevenue, customers, orders };
}

/** The time frame as day numbers, or the option error. */
export function purchaseFrame(table: TransactionTable, timeFrame: TimeFrame | undefined): Result<DayRange> {
  return resolveTimeFrame(timeFrame, table.timeZone);
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// ---------------------------------------------------------------------------
// Repeat and loyal customers.

export interface RepeatPurchaseRate {
  /** repeatCustomers / customers; null when nobody purchased in the frame. */
  rate: number | null;
  /** Customers with at least two purchases in the frame. */
  repeatCustomers: number;
  /** Customers with at least one purchase in the frame. */
  customers: number;
}

/**
 * Repeat purchase rate: customers with ≥ 2 purchases in the time frame / all
 * customers who purchased in it. Two orders on one day are two purchases;
 * two lines of one order are one.
 */
export function repeatPurchaseRate(table: TransactionTable, options: PurchaseMetricOptions = {}): Result<RepeatPurchaseRate> {
  const frame = purchaseFrame(table, options.timeFrame);
  if (!frame.ok) return frame;
  const { rate, reached, customers } = customersReaching(table, frame.value, 2);
  return ok({ rate, repeatCustomers: reached, customers });
}

/** Default purchases a loyal customer has in the time frame. */
export const DEFAULT_LOYALTY_THRESHOLD = 3;

export interface LoyalCustomerOptions extends PurchaseMetricOptions {
  /** Purchases in the frame that make a customer loyal; an integer ≥ 2, default {@link DEFAULT_LOYALTY_THRESHOLD}. */
  threshold?: number;
}

export interface LoyalCustomerRate {
  /** loyalCustomers / customers; null when nobody purchased in the frame. */
  rate: number | null;
  /** Customers with at least `threshold` purchases in the frame. */
  loyalCustomers: number;
  customers: number;
  threshold: number;
}

/**
 * Loyal customer rate: customers whose purchases in the time frame reach
 * `threshold` / all customers who purchased in it. The default of 3 (the
 * first purchase and two returns to the shop) is a common reading of "loyal";
 * with threshold 2 it equals the repeat purchase rate. A threshold of 1 would
 * make everyone loyal, so it is refused.
 */
export function loyalCustomerRate(table: TransactionTable, options: LoyalCustomerOptions = {}): Result<LoyalCustomerRate> {
  const threshold = options.threshold ?? DEFAULT_LOYALTY_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 2) {
    return fail(optionError('threshold', 'a whole number of purchases, 2 or more', threshold));
  }
  const frame = purchaseFrame(table, options.timeFrame);
  if (!frame.ok) return frame;
  const { rate, reached, customers } = customersReaching(table, frame.value, threshold);
  return ok({ rate, loyalCustomers: reached, customers, threshold });
}

function customersReaching(table: TransactionTable, range: DayRange, threshold: number) {
  const stats = customerPurchaseStats(table, range);
  let reached = 0;
  for (let c = 0; c < stats.purchases.length; c++) if (stats.purchases[c] >= threshold) reached++;
  return { rate: share(reached, stats.customers), reached, customers: stats.customers };
}

// ---------------------------------------------------------------------------
// Returns and revenue.

export interface ProductReturnRate {
  /** unitsReturned / unitsSold; null when nothing was sold. Can exceed 1 when the frame holds returns of earlier sales. */
  rate: number | null;
  unitsReturned: number;
  unitsSold: number;
}

/**
 * Product return rate: units returned / units sold, both dated in the time
 * frame (a return is counted when it happens, not against the sale it undoes,
 * which exports rarely link). Units come from the quantity column; without one
 * every row is one unit, as the table encodes it. Rows of every customer in
 * the table count, including customers with only returns in the frame.
 */
export function productReturnRate(table: TransactionTable, options: PurchaseMetricOptions = {}): Result<ProductReturnRate> {
  const frame = purchaseFrame(table, options.timeFrame);
  if (!frame.ok) return frame;
  const { fromDay, toDay } = frame.value;
  const { day, kind, quantity } = table;
  let unitsSold = 0;
  let unitsReturned = 0;
  for (let r = 0; r < table.length; r++) {
    const d = day[r];
    if (d < fromDay || d >= toDay) continue;
    if (kind[r] === PURCHASE) unitsSold += quantity[r];
    else unitsReturned -= quantity[r];
  }
  return ok({ rate: share(unitsReturned, unitsSold), unitsReturned, unitsSold });
}

export interface RevenueSummary {
  /** Money of purchase rows. */
  grossSales: number;
  /** Money given back by return rows, as a positive number. */
  returns: number;
  /** grossSales − returns. */
  netRevenue: number;
  /** Distinct purchase orders (return-only orders are not orders). */
  orders: number;
  /** Customers with at least one purchase. */
  customers: number;
  /** grossSales / orders; null without orders. */
  averageOrderValue: number | null;
}

/**
 * Revenue of the time frame. Average order value is gross sales per order:
 * what a basket is worth when it is placed, the figure a shop compares with
 * its checkout, before returns that usually come weeks later and in other
 * frames. Returns are money going back in the frame, from any customer.
 */
export function revenueSummary(table: TransactionTable, options: PurchaseMetricOptions = {}): Result<RevenueSummary> {
  const noMoney = moneyMissing(table, 'revenue');
  if (noMoney) return fail(noMoney);
  const frame = purchaseFrame(table, options.timeFrame);
  if (!frame.ok) return frame;
  const { fromDay, toDay } = frame.value;
  const { day, kind, amount } = table;
  let grossSales = 0;
  let returns = 0;
  for (let r = 0; r < table.length; r++) {
    const d = day[r];
    if (d < fromDay || d >= toDay) continue;
    if (kind[r] === PURCHASE) grossSales += amount[r];
    else returns -= amount[r];
  }
  const stats = customerPurchaseStats(table, frame.value);
  return ok({
    grossSales,
    returns,
    netRevenue: grossSales - returns,
    orders: stats.orders,
    customers: stats.customers,
    averageOrderValue: share(grossSales, stats.orders),
  });
}

// ---------------------------------------------------------------------------
// Historic lifetime value.

export interface HistoricLifetimeValue {
  /** Average net revenue per customer over the observed life; null without customers. */
  value: number | null;
  /** Net revenue of those customers: their purchases minus their returns in the frame. */
  netRevenue: number;
  customers: number;
  /** Mean days from a customer's first to last purchase in the frame (0 for a one-day customer). */
  averageLifespanDays: number | null;
  /** Mean purchases (distinct orders) per customer. */
  purchasesPerCustomer: number | null;
}

/**
 * Historic lifetime value: what the customers seen in the time frame have been
 * worth so far, on average. A customer's value is their net revenue (purchases
 * minus returns) in the frame; customers are those with at least one purchase
 * in it, so a return by someone who bought before the frame lowers no one's
 * value here. Lifespan is the observed one, first to last purchase day, not a
 * forecast: the predictive model is a separate metric.
 */
export function historicLifetimeValue(table: TransactionTable, options: PurchaseMetricOptions = {}): Result<HistoricLifetimeValue> {
  const noMoney = moneyMissing(table, 'lifetime value');
  if (noMoney) return fail(noMoney);
  const frame = purchaseFrame(table, options.timeFrame);
  if (!frame.ok) return frame;
  const stats = customerPurchaseStats(table, frame.value);
  let netRevenue = 0;
  let lifespanDays = 0;
  for (let c = 0; c < stats.purchases.length; c++) {
    if (stats.purchases[c] === 0) continue;
    netRevenue += stats.netRevenue[c];
    lifespanDays += stats.lastPurchaseDay[c] - stats.firstPurchaseDay[c];
  }
  return ok({
    value: share(netRevenue, stats.customers),
    netRevenue,
    customers: stats.customers,
    averageLifespanDays: share(lifespanDays, stats.customers),
    purchasesPerCustomer: share(stats.orders, stats.customers),
  });
}
