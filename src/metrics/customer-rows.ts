/**
 * Rows grouped by customer, each group in day order: the one grouping every
 * per-customer metric walks (purchase counts, gaps, activity windows, cohort
 * activity, RFM summaries). Built once per table and cached, so several
 * metrics over one table pay for it once.
 */
import { TRANSACTION_KIND, type TransactionTable } from './read/transactions.ts';

/** Customer c owns `rows[offsets[c]] … rows[offsets[c + 1] − 1]`, ascending by day. */
export interface CustomerRows {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
}

const groupings = new WeakMap<TransactionTable, CustomerRows>();

/** Groups up to this size are insertion-sorted in place; most customers have a handful of rows. */
const INSERTION_SORT_LIMIT = 32;

/**
 * A counting sort by customer (linear), then each customer's few rows sorted
 * by day where they sit: sequential memory access, unlike a global sort by
 * day, which is what makes this fast at a million rows.
 */
export function customerRows(table: TransactionTable): CustomerRows {
  const cached = groupings.get(table);
  if (cached) return cached;
  const { customer, day, length } = table;
  const customers = table.customerIds.length;
  const offsets = new Int32Array(customers + 1);
  for (let r = 0; r < length; r++) offsets[customer[r] + 1]++;
  for (let c = 0; c < customers; c++) offsets[c + 1] += offsets[c];
  const next = offsets.slice(0, customers);
  const rows = new Int32Array(length);
  for (let r = 0; r < length; r++) rows[next[customer[r]]++] = r;

  for (let c = 0; c < customers; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    if (to - from < 2) continue;
    if (to - from <= INSERTION_SORT_LIMIT) {
      for (let i = from + 1; i < to; i++) {
        const row = rows[i];
        const rowDay = day[row];
        let j = i - 1;
        while (j >= from && day[rows[j]] > rowDay) {
          rows[j + 1] = rows[j];
          j--;
        }
        rows[j + 1] = row;
      }
    } else {
      sortGroupByDay(rows, from, to, day, length);
    }
  }
  const grouped = { offsets, rows };
  groupings.set(table, grouped);
  return grouped;
}

/** Sorts a big group by (day, row) through one numeric key per row: a typed-array sort, stable by construction. */
function sortGroupByDay(rows: Int32Array, from: number, to: number, day: Int32Array, rowCount: number): void {
  const keys = new Float64Array(to - from);
  let minDay = Infinity;
  for (let i = from; i < to; i++) minDay = Math.min(minDay, day[rows[i]]);
  for (let i = from; i < to; i++) keys[i - from] = (day[rows[i]] - minDay) * rowCount + rows[i];
  keys.sort();
  for (let i = from; i < to; i++) rows[i] = keys[i - from] % rowCount;
}

/** Distinct purchase days of every customer, ascending, in one flat array. */
export interface PurchaseDays {
  /** Customer c's days are `days[start[c]] … days[end[c] - 1]`. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly days: Int32Array;
}

/**
 * Each customer's distinct purchase days on or before `asOfDay`: returns are
 * left out (sending goods back is not buying), and several rows on one day
 * (order lines, two orders) are one purchase day.
 */
export function purchaseDaysByCustomer(table: TransactionTable, asOfDay: number): PurchaseDays {
  const { offsets, rows } = customerRows(table);
  const customers = table.customerIds.length;
  const { day, kind } = table;
  const start = new Int32Array(customers + 1);
  const end = new Int32Array(customers);
  const days = new Int32Array(table.length);
  let write = 0;
  for (let c = 0; c < customers; c++) {
    start[c] = write;
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const r = rows[i];
      const rowDay = day[r];
      // Rows are in day order: nothing after asOfDay can follow.
      if (rowDay > asOfDay) break;
      if (kind[r] !== TRANSACTION_KIND.purchase) continue;
      if (write === start[c] || days[write - 1] !== rowDay) days[write++] = rowDay;
    }
    end[c] = write;
  }
  start[customers] = write;
  return { start, end, days };
}
