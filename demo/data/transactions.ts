/**
 * Sample order lines of an online shop, shaped like the real thing so the
 * demo, the tests and the benchmark see what a shop export looks like:
 *
 * - customers arrive over the window, more of them as the shop grows and in
 *   the November/December peaks;
 * - each customer buys as a Poisson process whose rate differs between
 *   customers (gamma-distributed) and, after every purchase, may drop out for
 *   good with a customer-specific probability (beta-distributed): the BG/NBD
 *   story, so many buy once and a few buy often;
 * - order values are lognormal around a customer-specific mean, split over
 *   one to a few lines with unit quantities;
 * - about 6 % of orders have a line returned a few days later (some 3 % of
 *   all lines);
 * - each line is a different product of the order, as in a real export, so
 *   two lines of one order with the same price and units are not duplicates.
 */
import { DateFormatter, DaySampler, RETAIL_SEASON, cents, generatorWindow, identifier, monthOf, secondOfDay } from './calendar.ts';
import { Random } from './random.ts';

export interface TransactionRecord {
  customer: string;
  /** Wall-clock time, `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  /** Line total; negative for returns. */
  amount: number;
  /** Units; negative for returns. */
  quantity: number;
  /** Order id shared by the lines of one order; a return has an id of its own. */
  order: string;
  /** Product code, different for each line of an order; a return names the product sent back. */
  product: string;
  type?: 'purchase' | 'return';
}

export interface TransactionOptions {
  seed?: number;
  /** Exactly how many records (order lines and returns) to make. */
  transactions: number;
  /** First day, YYYY-MM-DD. */
  start?: string;
  months?: number;
}

/** BG/NBD-like parameters, in days; chosen so a customer buys about three times a year while active. */
const PURCHASE_RATE_SHAPE = 0.6;
const PURCHASE_RATE_SCALE = 1 / 75;
const DROPOUT_A = 1.1;
const DROPOUT_B = 3.2;
const MEDIAN_ORDER_VALUE = 42;
/** Share of orders with a line sent back: about 3 % of lines end up returned. */
const ORDER_RETURN_SHARE = 0.06;
const SECONDS_PER_DAY = 86_400;
/** Size of the product catalogue: a prime, so line l of an order gets a code unlike its other lines'. */
const PRODUCTS = 997;
const MAX_SEASON = Math.max(...RETAIL_SEASON);

/** Records sorted by date; one seed always gives the same records. */
export function generateTransactions(options: TransactionOptions): TransactionRecord[] {
  const { seed = 1, transactions: target, start = '2023-01-01', months = 24 } = options;
  if (!(Number.isInteger(target) && target >= 0)) throw new RangeError(`transactions must be a whole number ≥ 0, got ${target}`);
  const random = new Random(seed);
  const window = generatorWindow(start, months);
  const arrivals = new DaySampler(window, RETAIL_SEASON, 1.3);
  const endSecond = (window.endDay - window.firstDay) * SECONDS_PER_DAY;
  const seasonByDay = new Float64Array(window.endDay - window.firstDay);
  for (let d = 0; d < seasonByDay.length; d++) seasonByDay[d] = RETAIL_SEASON[monthOf(window.firstDay + d) - 1] / MAX_SEASON;

  // Columns while generating; `time` is seconds since the window's start.
  const customer: number[] = [];
  const time: number[] = [];
  const amount: number[] = [];
  const quantity: number[] = [];
  const order: number[] = [];
  const isReturn: number[] = [];
  const product: number[] = [];
  let orders = 0;

  const addLine = (c: number, t: number, money: number, units: number, o: number, back: number, item: number) => {
    customer.push(c);
    time.push(t);
    amount.push(money);
    quantity.push(units);
    order.push(o);
    isReturn.push(back);
    product.push(item);
  };

  for (let c = 0; customer.length < target; c++) {
    const purchaseRate = random.gamma(PURCHASE_RATE_SHAPE, PURCHASE_RATE_SCALE) * MAX_SEASON;
    const dropout = random.beta(DROPOUT_A, DROPOUT_B);
    const logMeanValue = Math.log(MEDIAN_ORDER_VALUE) + 0.45 * random.normal();
    let t = (arrivals.sample(random) - window.firstDay) * SECONDS_PER_DAY + secondOfDay(random);
    for (;;) {
      const o = orders++;
      const lineCount = Math.min(6, 1 + random.geometric(0.55));
      const orderValue = random.lognormal(logMeanValue, 0.6);
      const weights: number[] = [];
      let weightSum = 0;
      for (let l = 0; l < lineCount; l++) {
        const w = 0.3 + random.next();
        weights.push(w);
        weightSum += w;
      }
      const returnedLine = random.chance(ORDER_RETURN_SHARE) ? random.int(0, lineCount - 1) : -1;
      for (let l = 0; l < lineCount; l++) {
        const units = Math.min(12, 1 + random.geometric(0.6));
        const money = Math.max(0.5, cents((orderValue * weights[l]) / weightSum));
        // Derived, not drawn: the random stream (and every figure of the sample) stays as it was.
        const item = (o * 7919 + l * 104_729) % PRODUCTS;
        addLine(c, t, money, units, o, 0, item);
        if (l === returnedLine) {
          const returnTime = t + random.int(2, 30) * SECONDS_PER_DAY + random.int(-3600, 3600);
          const returnedUnits = random.int(1, units);
          if (returnTime < endSecond) addLine(c, returnTime, -cents((money * returnedUnits) / units), -returnedUnits, orders++, 1, item);
        }
      }
      if (random.chance(dropout)) break;
      // Next purchase: thin a Poisson process at the peak rate down to the season's demand.
      do {
        t += Math.round(random.exponential(purchaseRate) * SECONDS_PER_DAY);
      } while (t < endSecond && !random.chance(seasonByDay[Math.floor(t / SECONDS_PER_DAY)]));
      if (t >= endSecond) break;
    }
  }

  return toRecords(random, window.firstDay, target, { customer, time, amount, quantity, order, isReturn, product });
}

interface Columns {
  customer: number[];
  time: number[];
  amount: number[];
  quantity: number[];
  order: number[];
  isReturn: number[];
  product: number[];
}

/**
 * Drops random surplus lines so the count is exact (thinning uniformly keeps
 * every shape), sorts by time, and names customers and orders in the order
 * they first appear, as a shop's own numbering would.
 */
function toRecords(random: Random, firstDay: number, target: number, columns: Columns): TransactionRecord[] {
  const made = columns.time.length;
  const dropped = new Uint8Array(made);
  for (let surplus = made - target; surplus > 0; ) {
    const i = random.int(0, made - 1);
    if (!dropped[i]) {
      dropped[i] = 1;
      surplus--;
    }
  }
  // Time and index packed in one float sort natively and stably (time × 2^bits + index stays below 2^53).
  const slot = 2 ** Math.ceil(Math.log2(made + 1));
  const keys = new Float64Array(target);
  for (let i = 0, k = 0; i < made; i++) if (!dropped[i]) keys[k++] = columns.time[i] * slot + i;
  keys.sort();

  const customerNames = new Map<number, string>();
  const orderNames = new Map<number, string>();
  let returns = 0;
  const format = new DateFormatter();
  const records: TransactionRecord[] = new Array(target);
  for (let k = 0; k < target; k++) {
    const i = keys[k] % slot;
    const t = columns.time[i];
    const day = Math.floor(t / SECONDS_PER_DAY);
    let customerName = customerNames.get(columns.customer[i]);
    if (customerName === undefined) {
      customerName = identifier('C', customerNames.size + 10_001);
      customerNames.set(columns.customer[i], customerName);
    }
    const back = columns.isReturn[i] === 1;
    let orderName = orderNames.get(columns.order[i]);
    if (orderName === undefined) {
      orderName = back ? identifier('R', ++returns + 500_000, 7) : identifier('O', orderNames.size - returns + 500_001, 7);
      orderNames.set(columns.order[i], orderName);
    }
    records[k] = {
      customer: customerName,
      date: format.dateTime(firstDay + day, t - day * SECONDS_PER_DAY),
      amount: columns.amount[i],
      quantity: columns.quantity[i],
      order: orderName,
      product: identifier('P', 10_000 + columns.product[i], 5),
      type: back ? 'return' : 'purchase',
    };
  }
  return records;
}
