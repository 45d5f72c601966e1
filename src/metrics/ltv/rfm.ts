/**
 * Per-customer frequency / recency / age / monetary summaries, the input of
 * the BG/NBD purchase model and the Gamma-Gamma spend model.
 *
 * Definitions (those of Fader, Hardie & Lee 2005 and of the `lifetimes`
 * library, so published results can be reproduced):
 * - a purchase is a day with at least one purchase row: several orders on one
 *   day are one purchase, because the models count purchase occasions and an
 *   export often splits one visit into several orders or lines;
 * - `frequency` (x) is the number of purchase days after the first, up to and
 *   including the calibration end day: repeat purchases;
 * - `recency` (t_x) is the time from the first purchase day to the last one;
 *   0 when there is no repeat purchase;
 * - `T` is the time from the first purchase day to the calibration end day.
 *   Times are differences of day numbers divided by the unit's length in days:
 *   a customer who first bought on 1997-01-01 has T = 272 / 7 = 38.857 weeks at
 *   a calibration end of 1997-09-30, and a purchase made on 1997-09-30 itself
 *   still counts (it has age T). This is the convention of the CDNOW summary
 *   that the tests reproduce;
 * - `monetary` is the mean value of the repeat purchase days (each day's
 *   purchase rows summed), 0 without repeat purchases. The first purchase is
 *   left out because the Gamma-Gamma model describes repeat spending, and the
 *   first order is often atypical (a welcome discount, a starter kit).
 *
 * Returns and refunds are left out: the purchase model counts purchases, not
 * their reversal, and the spend model needs positive values. Lifetime value is
 * therefore gross of returns; apply a margin to net them out.
 */
import { ZonedDayMapper } from '../calendar/dates.ts';
import { dayOfOption } from '../read/limits.ts';
import { fail, ok, optionError, type Result } from '../issues.ts';
import { customerRows } from '../customer-rows.ts';
import type { DateInput } from '../calendar/timeframe.ts';
import { TRANSACTION_KIND, moneyMissing, type TransactionTable } from '../read/transactions.ts';

/** Length of the model's time unit: whole days, weeks, or any number of days (30.4375 for an average month). */
export type TimeUnit = 'days' | 'weeks' | number;

export const TIME_UNIT_EXPECTATION = "'days', 'weeks' or a positive number of days";

export interface RfmOptions {
  /**
   * Last day of the calibration period, included (ISO date, epoch ms or Date,
   * read in the table's time zone). Default: the table's last day.
   */
  calibrationEnd?: DateInput;
  /** Unit of recency, T and every model time; default weeks, the unit of the BG/NBD literature. */
  timeUnit?: TimeUnit;
}

/** Column per customer; only customers with a purchase on or before the calibration end are included. */
export interface RfmSummary {
  readonly customerIds: string[];
  /** Repeat purchase days (x). */
  readonly frequency: Int32Array;
  /** Age at the last purchase (t_x), in time units. */
  readonly recency: Float64Array;
  /** Age at the calibration end (T), in time units. */
  readonly T: Float64Array;
  /** Mean value of a repeat purchase day; 0 when frequency is 0. */
  readonly monetary: Float64Array;
  readonly firstPurchaseDay: Int32Array;
  /** Days in one time unit. */
  readonly timeUnitDays: number;
  /** Day number of the calibration end (included). */
  readonly calibrationEndDay: number;
}

/** Days in a time unit, or NaN when the value is no time unit. */
export function timeUnitDays(unit: unknown): number {
  if (unit === 'days') return 1;
  if (unit === 'weeks') return 7;
  return typeof unit === 'number' && Number.isFinite(unit) && unit > 0 ? unit : Number.NaN;
}

/**
 * Summarises each customer's purchases for the models. One walk over the
 * customers' rows in day order (the cached grouping of purchases.ts).
 */
export function rfmSummary(table: TransactionTable, options: RfmOptions = {}): Result<RfmSummary> {
  const noMoney = moneyMissing(table, 'lifetime value');
  if (noMoney) return fail(noMoney);
  const unitDays = timeUnitDays(options.timeUnit ?? 'weeks');
  if (unitDays !== unitDays) return fail(optionError('timeUnit', TIME_UNIT_EXPECTATION, options.timeUnit));
  let endDay = table.lastDay;
  if (options.calibrationEnd !== undefined) {
    const end = dayOfOption('calibrationEnd', options.calibrationEnd, new ZonedDayMapper(table.timeZone));
    if (!end.ok) return end;
    endDay = end.value;
  }

  const { offsets, rows } = customerRows(table);
  const customerCount = table.customerIds.length;
  const ids: string[] = [];
  const frequency = new Int32Array(customerCount);
  const recency = new Float64Array(customerCount);
  const age = new Float64Array(customerCount);
  const monetary = new Float64Array(customerCount);
  const firstPurchaseDay = new Int32Array(customerCount);
  const { day, kind, amount } = table;
  let included = 0;

  for (let c = 0; c < customerCount; c++) {
    let first = 0;
    let last = 0;
    let purchaseDays = 0;
    let repeatValue = 0;
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const r = rows[i];
      const d = day[r];
      if (d > endDay) break; // rows are in day order
      if (kind[r] !== TRANSACTION_KIND.purchase) continue;
      if (purchaseDays === 0) {
        first = d;
        last = d;
        purchaseDays = 1;
        continue;
      }
      if (d !== last) {
        last = d;
        purchaseDays++;
      }
      if (d !== first) repeatValue += amount[r];
    }
    if (purchaseDays === 0) continue;
    ids.push(table.customerIds[c]);
    frequency[included] = purchaseDays - 1;
    recency[included] = (last - first) / unitDays;
    age[included] = (endDay - first) / unitDays;
    monetary[included] = purchaseDays > 1 ? repeatValue / (purchaseDays - 1) : 0;
    firstPurchaseDay[included] = first;
    included++;
  }
  if (included === 0) {
    if (!table.kind.includes(TRANSACTION_KIND.purchase)) return fail(optionError('data', 'at least one purchase', 'none'));
    return fail(optionError('calibrationEnd', 'a date on or after the first purchase in the data', options.calibrationEnd ?? 'the last day of the data'));
  }

  return ok({
    customerIds: ids,
    frequency: frequency.slice(0, included),
    recency: recency.slice(0, included),
    T: age.slice(0, included),
    monetary: monetary.slice(0, included),
    firstPurchaseDay: firstPurchaseDay.slice(0, included),
    timeUnitDays: unitDays,
    calibrationEndDay: endDay,
  });
}
