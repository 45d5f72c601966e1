/**
 * Recurring revenue movements per period, from subscriptions: how MRR went
 * from one period end to the next (new, reactivation, expansion, contraction,
 * churn), with the customer counts and the period's retention rates.
 *
 * Each customer's MRR is compared between the previous period's end and this
 * period's end (the snapshot convention of subscriptions.ts):
 * - new: 0 → more than 0, never above 0 at any earlier period end;
 * - reactivation: 0 → more than 0, above 0 at some earlier period end;
 * - expansion: up, both above 0; contraction: down, still above 0;
 * - churn: more than 0 → 0.
 * A customer counts as a customer at a period end when their MRR there is
 * above 0 (a free plan alone does not make a paying customer).
 * So starting + new + reactivation + expansion − contraction − churn = ending.
 */
import type { Granularity, Period } from './calendar/calendar.ts';
import { ok, type Result } from './issues.ts';
import { customerChurnRate, customerRetentionRate, grossRevenueRetention, netRevenueRetention, revenueChurnRate } from './rates.ts';
import { mrrAtPeriodEnds, resolveMrrRange, type MrrOptions, type Subscription } from './subscriptions.ts';
import { quickRatio as movementQuickRatio } from './movement-rates.ts';

/**
 * Snapshot sums of several subscriptions carry float noise (0.1 + 0.2 is not
 * 0.3): a change smaller than this share of the amount is no change at all.
 */
const SAME_AMOUNT = 1e-9;

export interface RevenueMovementPeriod {
  period: Period;
  /** MRR at the previous period's end. */
  startingMrr: number;
  newMrr: number;
  reactivationMrr: number;
  expansionMrr: number;
  /** Positive amounts: what was lost. */
  contractionMrr: number;
  churnedMrr: number;
  /** MRR at this period's end. */
  endingMrr: number;
  /** Paying customers (MRR > 0) at the previous period's end (S). */
  customersAtStart: number;
  /** Paying customers at this period's end (E). */
  customersAtEnd: number;
  /** Customers paying for the first time (N). */
  newCustomers: number;
  reactivatedCustomers: number;
  expandedCustomers: number;
  contractedCustomers: number;
  /** Customers of S who pay nothing at this period's end. */
  lostCustomers: number;
  /** NRR of the starting base; null when the period starts without MRR. */
  netRevenueRetention: number | null;
  /** GRR of the starting base, at most 1; null when the period starts without MRR. */
  grossRevenueRetention: number | null;
  /** Net revenue churn = 1 − NRR; negative when expansion outweighs losses. null without starting MRR. */
  netRevenueChurn: number | null;
  /** Gross revenue churn = 1 − GRR. null without starting MRR. */
  grossRevenueChurn: number | null;
  /** (new + expansion + reactivation) / (contraction + churn): MRR gained per unit lost; null when nothing was lost. */
  quickRatio: number | null;
}

export interface MovementSeries {
  granularity: Granularity;
  periods: RevenueMovementPeriod[];
}

/** Revenue movements of every period in the requested range. */
export function revenueMovements(subscriptions: readonly Subscription[], options: MrrOptions): Result<MovementSeries> {
  const range = resolveMrrRange(subscriptions, options);
  if (!range.ok) return range;
  const { calendar, first, last, dataFirst } = range.value;
  if (last < first) return ok({ granularity: calendar.granularity, periods: [] });
  // Snapshots from the period before the first subscription: the first shown period needs its
  // starting state, and "new" versus "reactivation" needs each customer's whole history.
  const historyFirst = Math.min(dataFirst, first) - 1;
  const { mrr } = mrrAtPeriodEnds(subscriptions, calendar, historyFirst, last);
  const everPaid = new Uint8Array(mrr.length);
  const periods: RevenueMovementPeriod[] = [];

  for (let index = historyFirst + 1; index <= last; index++) {
    const p = index - historyFirst;
    const m = emptyMovement(calendar.period(index));
    for (let c = 0; c < mrr.length; c++) {
      const before = mrr[c][p - 1];
      const now = mrr[c][p];
      if (before > 0) {
        everPaid[c] = 1;
        m.startingMrr += before;
        m.customersAtStart++;
      }
      if (now > 0) {
        m.endingMrr += now;
        m.customersAtEnd++;
      }
      if (before > 0 && now > 0) {
        const change = now - before;
        if (Math.abs(change) <= SAME_AMOUNT * Math.max(before, now)) continue;
        if (change > 0) {
          m.expansionMrr += change;
          m.expandedCustomers++;
        } else {
          m.contractionMrr -= change;
          m.contractedCustomers++;
        }
      } else if (before > 0) {
        m.churnedMrr += before;
        m.lostCustomers++;
      } else if (now > 0) {
        if (everPaid[c]) {
          m.reactivationMrr += now;
          m.reactivatedCustomers++;
        } else {
          m.newMrr += now;
          m.newCustomers++;
        }
      }
    }
    if (index < first) continue;
    const rates = periodRates(m);
    if (!rates.ok) return rates;
    periods.push(Object.assign(m, rates.value));
  }
  return ok({ granularity: calendar.granularity, periods });
}

function emptyMovement(period: Period): RevenueMovementPeriod {
  return {
    period,
    startingMrr: 0,
    newMrr: 0,
    reactivationMrr: 0,
    expansionMrr: 0,
    contractionMrr: 0,
    churnedMrr: 0,
    endingMrr: 0,
    customersAtStart: 0,
    customersAtEnd: 0,
    newCustomers: 0,
    reactivatedCustomers: 0,
    expandedCustomers: 0,
    contractedCustomers: 0,
    lostCustomers: 0,
    netRevenueRetention: null,
    grossRevenueRetention: null,
    netRevenueChurn: null,
    grossRevenueChurn: null,
    quickRatio: null,
  };
}

type PeriodRates = Pick<RevenueMovementPeriod, 'netRevenueRetention' | 'grossRevenueRetention' | 'netRevenueChurn' | 'grossRevenueChurn' | 'quickRatio'>;

/** The period's rates through rates.ts; undefined (null) without starting MRR, as the rates are. */
function periodRates(m: RevenueMovementPeriod): Result<PeriodRates> {
  const quickRatio = movementQuickRatio(m);
  if (m.startingMrr === 0) {
    return ok({ netRevenueRetention: null, grossRevenueRetention: null, netRevenueChurn: null, grossRevenueChurn: null, quickRatio });
  }
  const amounts = { startRevenue: m.startingMrr, expansion: m.expansionMrr, contraction: m.contractionMrr, churned: m.churnedMrr };
  const nrr = netRevenueRetention(amounts);
  if (!nrr.ok) return nrr;
  const grr = grossRevenueRetention(amounts);
  if (!grr.ok) return grr;
  const churn = revenueChurnRate(amounts);
  if (!churn.ok) return churn;
  return ok({
    netRevenueRetention: nrr.value,
    grossRevenueRetention: grr.value,
    netRevenueChurn: churn.value.netRevenueChurn,
    grossRevenueChurn: churn.value.grossRevenueChurn,
    quickRatio,
  });
}

export interface CustomerChurnPeriod {
  period: Period;
  /** Paying customers at the previous period's end (S). */
  customersAtStart: number;
  /** Paying customers at this period's end (E). */
  customersAtEnd: number;
  /** First-time paying customers (N). */
  newCustomers: number;
  /** Customers of S paying nothing at this period's end. */
  lostCustomers: number;
  /** Former customers paying again. They are in E but not in N, so they count as retained. */
  reactivatedCustomers: number;
  /** CRR = (E − N) / S; null when S = 0. Above 1 − churn by reactivated / S. */
  retentionRate: number | null;
  /** lost / S; null when S = 0. */
  churnRate: number | null;
}

/**
 * Customer counts, retention and churn per period from subscriptions, on the
 * same snapshots and customer definition as {@link revenueMovements}.
 */
export function subscriptionChurnSeries(subscriptions: readonly Subscription[], options: MrrOptions): Result<CustomerChurnPeriod[]> {
  const movements = revenueMovements(subscriptions, options);
  if (!movements.ok) return movements;
  const periods: CustomerChurnPeriod[] = [];
  for (const m of movements.value.periods) {
    let retentionRate: number | null = null;
    let churnRate: number | null = null;
    if (m.customersAtStart > 0) {
      const retention = customerRetentionRate({ start: m.customersAtStart, end: m.customersAtEnd, new: m.newCustomers });
      if (!retention.ok) return retention;
      const churn = customerChurnRate({ start: m.customersAtStart, lost: m.lostCustomers });
      if (!churn.ok) return churn;
      retentionRate = retention.value;
      churnRate = churn.value;
    }
    periods.push({
      period: m.period,
      customersAtStart: m.customersAtStart,
      customersAtEnd: m.customersAtEnd,
      newCustomers: m.newCustomers,
      lostCustomers: m.lostCustomers,
      reactivatedCustomers: m.reactivatedCustomers,
      retentionRate,
      churnRate,
    });
  }
  return ok(periods);
}
