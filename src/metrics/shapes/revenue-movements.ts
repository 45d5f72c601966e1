/**
 * `revenue-movements/1`: recurring revenue (MRR) movements per period,
 * pre-aggregated. What <revenue-movements> draws from subscriptions
 * (revenueMovements in metrics/revenue-movements.ts), written down as a
 * versioned document so that a warehouse query, the command line and the
 * engine hand over the same thing:
 *
 *   {
 *     "shape": "revenue-movements/1",
 *     "granularity": "month",
 *     "asOf": "2024-10-09",           // the day that decides which periods are complete
 *     "currency": "USD",              // optional: what the amounts are in, as the source said
 *     "periods": [
 *       { "period": "2024-08", "startMrr": 1146, "new": 116, "expansion": 0, "contraction": 0,
 *         "churned": 58, "reactivated": 87, "endMrr": 1291,
 *         "startCustomers": 22, "endCustomers": 27, "newCustomers": 4, "reactivatedCustomers": 3,
 *         "expandedCustomers": 0, "contractedCustomers": 0, "lostCustomers": 2, "complete": true }
 *     ]
 *   }
 *
 * Definitions (the engine's, subscriptions.ts and revenue-movements.ts):
 * - a subscription is active on day d when start ≤ d < end (the end date is
 *   the first day it no longer runs; no end: still running); a customer's MRR
 *   in a period is the sum of the amounts of their subscriptions active on
 *   the period's LAST day (one snapshot per period, so movements add up);
 * - each customer's MRR is compared between the previous period's end
 *   (`startMrr`) and this period's end (`endMrr`): `new` 0 → above 0 for the
 *   first time; `reactivated` 0 → above 0 after having been above 0 at an
 *   earlier period end; `expansion` up and `contraction` down, above 0 at both
 *   ends (a change within 1e-9 of the amount is float noise, no change);
 *   `churned` above 0 → 0. Amounts are positive; what was lost is subtracted:
 *   endMrr = startMrr + new + expansion + reactivated − contraction − churned;
 * - the customer counts are of paying customers (MRR above 0: a free plan
 *   alone does not make one): endCustomers = startCustomers + newCustomers +
 *   reactivatedCustomers − lostCustomers;
 * - the periods run from the one of the first start date to the one of the
 *   last start or end date, none missing; a period is `complete` when its
 *   last day (its snapshot) is on or before `asOf`.
 * NRR, GRR and the quick ratio are not stored: they follow from the amounts
 * (movement-rates.ts), and a reader computes them the one way the kit does.
 */
import * as z from 'zod/mini';
import { GRANULARITIES, type Weekday } from '../calendar/calendar.ts';
import { isoDate } from '../calendar/dates.ts';
import type { MovementSeries } from '../revenue-movements.ts';
import { weekStartOf } from './cohort-matrix.ts';

export const REVENUE_MOVEMENTS_SHAPE = 'revenue-movements/1';

/** Money may be off by float noise and rounding to the cent: half a cent is the most two sums of one total differ by. */
const HALF_CENT = 0.005;

const amount = z.number().check(z.minimum(0));
const count = z.int().check(z.minimum(0));

export const revenueMovementsPeriodSchema = z.object({
  period: z.string().check(z.minLength(1)),
  startMrr: amount,
  new: amount,
  expansion: amount,
  contraction: amount,
  churned: amount,
  reactivated: amount,
  endMrr: amount,
  startCustomers: count,
  endCustomers: count,
  newCustomers: count,
  reactivatedCustomers: count,
  expandedCustomers: count,
  contractedCustomers: count,
  lostCustomers: count,
  complete: z.boolean(),
});

export type RevenueMovementsPeriod = z.infer<typeof revenueMovementsPeriodSchema>;

/** What a period's amounts must satisfy, or the sentence that says how they do not. */
function periodIdentityError(p: RevenueMovementsPeriod, previous: RevenueMovementsPeriod | undefined): { field: keyof RevenueMovementsPeriod; message: string } | undefined {
  const money = (v: number) => String(Math.round(v * 100) / 100);
  const computed = p.startMrr + p.new + p.expansion + p.reactivated - p.contraction - p.churned;
  if (Math.abs(computed - p.endMrr) >= HALF_CENT) {
    return {
      field: 'endMrr',
      message:
        `endMrr = startMrr + new + expansion + reactivated − contraction − churned to the cent; period ${p.period}: ` +
        `${money(p.startMrr)} + ${money(p.new)} + ${money(p.expansion)} + ${money(p.reactivated)} − ${money(p.contraction)} − ${money(p.churned)} = ${money(computed)}, not ${money(p.endMrr)}`,
    };
  }
  if (p.contraction + p.churned - p.startMrr >= HALF_CENT) {
    return { field: 'churned', message: `contraction + churned of at most startMrr (the starting base cannot lose more than it paid); period ${p.period}: ${money(p.contraction)} + ${money(p.churned)} > ${money(p.startMrr)}` };
  }
  if (p.endCustomers !== p.startCustomers + p.newCustomers + p.reactivatedCustomers - p.lostCustomers) {
    return {
      field: 'endCustomers',
      message: `endCustomers = startCustomers + newCustomers + reactivatedCustomers − lostCustomers; period ${p.period}: ${p.startCustomers} + ${p.newCustomers} + ${p.reactivatedCustomers} − ${p.lostCustomers} is not ${p.endCustomers}`,
    };
  }
  if (previous && Math.abs(previous.endMrr - p.startMrr) >= HALF_CENT) {
    return { field: 'startMrr', message: `startMrr equal to the previous period's endMrr (one snapshot ends a period and starts the next); period ${p.period}: ${money(p.startMrr)}, period ${previous.period} ended at ${money(previous.endMrr)}` };
  }
  return undefined;
}

export const revenueMovementsShapeSchema = z
  .object({
    shape: z.literal(REVENUE_MOVEMENTS_SHAPE),
    granularity: z.enum(GRANULARITIES),
    weekStart: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
    asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    currency: z.optional(z.string().check(z.minLength(1))),
    periods: z.array(revenueMovementsPeriodSchema),
  })
  .check(
    z.superRefine((document, ctx) => {
      document.periods.forEach((p, i) => {
        const error = periodIdentityError(p, document.periods[i - 1]);
        if (error) ctx.issues.push({ code: 'custom', message: error.message, input: p[error.field], path: ['periods', i, error.field] });
      });
    }),
  );

export type RevenueMovementsShape = z.infer<typeof revenueMovementsShapeSchema>;

export interface RevenueMovementsShapeOptions {
  /** Day number of the day that decides which periods are complete. */
  asOfDay: number;
  weekStart?: Weekday;
  currency?: string;
}

/** The shape of the engine's revenueMovements: so "the shape" is by definition what the engine computes. */
export function revenueMovementsShapeOf(series: MovementSeries, options: RevenueMovementsShapeOptions): RevenueMovementsShape {
  return {
    shape: REVENUE_MOVEMENTS_SHAPE,
    granularity: series.granularity,
    ...weekStartOf(series.granularity, options.weekStart),
    asOf: isoDate(options.asOfDay),
    ...(options.currency ? { currency: options.currency } : {}),
    periods: series.periods.map((m) => ({
      period: m.period.key,
      startMrr: m.startingMrr,
      new: m.newMrr,
      expansion: m.expansionMrr,
      contraction: m.contractionMrr,
      churned: m.churnedMrr,
      reactivated: m.reactivationMrr,
      endMrr: m.endingMrr,
      startCustomers: m.customersAtStart,
      endCustomers: m.customersAtEnd,
      newCustomers: m.newCustomers,
      reactivatedCustomers: m.reactivatedCustomers,
      expandedCustomers: m.expandedCustomers,
      contractedCustomers: m.contractedCustomers,
      lostCustomers: m.lostCustomers,
      // The period's snapshot is its last day (endDay − 1): final once that day has passed into asOf.
      complete: m.period.endDay - 1 <= options.asOfDay,
    })),
  };
}
