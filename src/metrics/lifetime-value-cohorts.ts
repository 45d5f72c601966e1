/**
 * Historic lifetime value per first-purchase cohort, and the inputs of the
 * simple SaaS formula (ARPA and churn per period) measured from transactions.
 *
 * Both reuse the one definition of each quantity elsewhere in the kit: a
 * customer's value and lifespan are those of {@link historicLifetimeValue}
 * (customerPurchaseStats over the whole history), and churn and revenue per
 * period come from {@link churnSeries}. So the cohorts, weighted by their
 * sizes, give back exactly the overall historic value.
 */
import { churnSeries } from './activity.ts';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Weekday } from './calendar/calendar.ts';
import { fail, ok, optionError, type Result } from './issues.ts';
import { customerPurchaseStats } from './purchases.ts';
import { moneyMissing, type TransactionTable } from './read/transactions.ts';

export interface CohortLifetimeValueOptions {
  /** Cohort period of the first purchase; default `month`. */
  granularity?: Granularity;
  weekStart?: Weekday;
}

export interface LifetimeValueCohort {
  /** Calendar index and key of the first-purchase period. */
  index: number;
  key: string;
  /** Customers whose first purchase falls in the period. */
  customers: number;
  /** Their net revenue (purchases minus returns) over all their history. */
  netRevenue: number;
  /** netRevenue / customers: the cohort's historic lifetime value so far. */
  value: number;
  /** Mean days from first to last purchase. */
  averageLifespanDays: number;
  /** Mean distinct orders per customer. */
  purchasesPerCustomer: number;
}

export interface CohortLifetimeValue {
  granularity: Granularity;
  /** Cohorts in time order; periods without a first purchase are left out. */
  cohorts: LifetimeValueCohort[];
  /** All customers together: equals historicLifetimeValue over the whole table. */
  overall: { customers: number; netRevenue: number; value: number | null };
}

/**
 * Groups customers by the period of their first purchase and averages their
 * net revenue. Older cohorts have had more time to buy, so their values are
 * naturally higher: compare cohorts of equal age, or read the trend across
 * cohorts as "are newer customers worth more or less so far".
 */
export function cohortLifetimeValue(table: TransactionTable, options: CohortLifetimeValueOptions = {}): Result<CohortLifetimeValue> {
  const noMoney = moneyMissing(table, 'lifetime value');
  if (noMoney) return fail(noMoney);
  const { granularity = 'month', weekStart } = options;
  if (!GRANULARITIES.includes(granularity)) return fail(optionError('granularity', `one of ${GRANULARITIES.join(', ')}`, granularity));
  const calendar = new PeriodCalendar({ granularity, weekStart });
  const stats = customerPurchaseStats(table, { fromDay: -Infinity, toDay: Infinity });
  const byIndex = new Map<number, { customers: number; netRevenue: number; lifespan: number; orders: number }>();
  let netRevenue = 0;
  for (let c = 0; c < stats.purchases.length; c++) {
    if (stats.purchases[c] === 0) continue;
    const index = calendar.indexOfDay(stats.firstPurchaseDay[c]);
    let cohort = byIndex.get(index);
    if (!cohort) byIndex.set(index, (cohort = { customers: 0, netRevenue: 0, lifespan: 0, orders: 0 }));
    cohort.customers++;
    cohort.netRevenue += stats.netRevenue[c];
    cohort.lifespan += stats.lastPurchaseDay[c] - stats.firstPurchaseDay[c];
    cohort.orders += stats.purchases[c];
    netRevenue += stats.netRevenue[c];
  }
  const cohorts = [...byIndex]
    .sort(([a], [b]) => a - b)
    .map(([index, c]): LifetimeValueCohort => ({
      index,
      key: calendar.key(index),
      customers: c.customers,
      netRevenue: c.netRevenue,
      value: c.netRevenue / c.customers,
      averageLifespanDays: c.lifespan / c.customers,
      purchasesPerCustomer: c.orders / c.customers,
    }));
  const customers = stats.customers;
  return ok({ granularity, cohorts, overall: { customers, netRevenue, value: customers > 0 ? netRevenue / customers : null } });
}

export interface SaasInputsOptions {
  /** Days a purchase keeps a customer active (see churnSeries). */
  windowDays: number;
  /** Billing period; default `month`. */
  granularity?: Granularity;
  weekStart?: Weekday;
}

export interface SaasInputs {
  /** Average revenue per active account per period. */
  arpa: number;
  /** Customer churn per period, pooled: Σ lost / Σ S. */
  churnRate: number;
  /** Periods measured: complete, not censored, with customers at the start. */
  periods: number;
}

/**
 * ARPA and churn per period measured from transactions, for the simple SaaS
 * formula when the page gives no figures. Only complete periods whose
 * activity window lies inside the data (not censored) with S > 0 count.
 * Churn is pooled (Σ lost / Σ S) so a small period weighs little; ARPA is the
 * periods' revenue divided by their mean active customers ((S + E) / 2 per
 * period, summed), i.e. revenue per customer-period.
 */
export function saasInputsFromTransactions(table: TransactionTable, options: SaasInputsOptions): Result<SaasInputs> {
  const noMoney = moneyMissing(table, 'revenue per account');
  if (noMoney) return fail(noMoney);
  const series = churnSeries(table, { granularity: options.granularity ?? 'month', weekStart: options.weekStart, windowDays: options.windowDays });
  if (!series.ok) return series;
  let start = 0;
  let lost = 0;
  let revenue = 0;
  let customerPeriods = 0;
  let periods = 0;
  for (const p of series.value.periods) {
    if (!p.complete || p.startCensored || p.start === 0) continue;
    start += p.start;
    lost += p.lost;
    revenue += p.revenue;
    customerPeriods += (p.start + p.end) / 2;
    periods++;
  }
  if (periods === 0) return fail(optionError('data', 'at least one complete period with active customers at its start, to measure churn', 'none'));
  if (lost === 0) return fail(optionError('churn', 'a churn rate: nobody churned in the measured periods, so lifetime value is unbounded', 0));
  return ok({ arpa: revenue / customerPeriods, churnRate: lost / start, periods });
}
