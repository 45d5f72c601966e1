/**
 * Sample SaaS subscriptions: one row per stretch of time a customer spent on
 * one plan, so an upgrade or downgrade closes a row and opens the next on the
 * same day, a cancellation closes the last row, and a customer who comes back
 * later opens a new row after a gap (a reactivation).
 */
import { DateFormatter, DaySampler, SAAS_SEASON, addMonths, generatorWindow, identifier } from './calendar.ts';
import { Random } from './random.ts';

export type PlanName = 'starter' | 'team' | 'business';

export interface SubscriptionRecord {
  customer: string;
  /** First day on this plan, YYYY-MM-DD. */
  start: string;
  /** Day the plan stopped (cancelled or changed), YYYY-MM-DD; absent while it runs. */
  end?: string;
  /** Monthly recurring revenue of this row. */
  mrr: number;
  plan: PlanName;
}

export interface SubscriptionOptions {
  seed?: number;
  /** How many distinct customers subscribe during the window. */
  customers: number;
  start?: string;
  months?: number;
}

interface Plan {
  name: PlanName;
  /** List price per month; some accounts pay a negotiated 10–20 % less. */
  price: number;
  /** Monthly chance of cancelling: cheap plans churn more, as they do in real SaaS. */
  churn: number;
}

export const PLANS: readonly Plan[] = [
  { name: 'starter', price: 29, churn: 0.06 },
  { name: 'team', price: 99, churn: 0.04 },
  { name: 'business', price: 299, churn: 0.03 },
];
const PLAN_MIX = [0.58, 0.31, 0.11];
const MONTHLY_UPGRADE = 0.025;
const MONTHLY_DOWNGRADE = 0.012;
/** Share of cancelled customers who come back within a year. */
const REACTIVATION = 0.18;

/** Rows sorted by start day, then customer; one seed always gives the same rows. */
export function generateSubscriptions(options: SubscriptionOptions): SubscriptionRecord[] {
  const { seed = 1, customers, start = '2023-01-01', months = 24 } = options;
  if (!(Number.isInteger(customers) && customers >= 0)) throw new RangeError(`customers must be a whole number ≥ 0, got ${customers}`);
  const random = new Random(seed);
  const window = generatorWindow(start, months);
  const signups = new DaySampler(window, SAAS_SEASON, 1.6);
  const format = new DateFormatter();
  const rows: { customer: number; start: number; end: number; mrr: number; plan: PlanName }[] = [];

  const signupDays = Array.from({ length: customers }, () => signups.sample(random)).sort((a, b) => a - b);
  for (let c = 0; c < customers; c++) {
    let plan = random.pick([0, 1, 2], PLAN_MIX);
    const discount = random.chance(0.25) ? random.pick([0.8, 0.85, 0.9]) : 1;
    let rowStart = signupDays[c];
    let billingDay = rowStart;
    for (let month = 1; ; month++) {
      const renewal = addMonths(billingDay, month);
      if (renewal >= window.endDay) {
        rows.push({ customer: c, start: rowStart, end: -1, mrr: PLANS[plan].price * discount, plan: PLANS[plan].name });
        break;
      }
      const u = random.next();
      if (u < PLANS[plan].churn) {
        rows.push({ customer: c, start: rowStart, end: renewal, mrr: PLANS[plan].price * discount, plan: PLANS[plan].name });
        if (!random.chance(REACTIVATION)) break;
        const comeback = addMonths(renewal, random.int(1, 12));
        if (comeback >= window.endDay) break;
        // Back on the plan they left, or one lower: returning customers often come back cautious.
        plan = Math.max(0, plan - (random.chance(0.4) ? 1 : 0));
        rowStart = comeback;
        billingDay = comeback;
        month = 0;
      } else if (u < PLANS[plan].churn + MONTHLY_UPGRADE && plan < PLANS.length - 1) {
        rows.push({ customer: c, start: rowStart, end: renewal, mrr: PLANS[plan].price * discount, plan: PLANS[plan].name });
        plan++;
        rowStart = renewal;
      } else if (u < PLANS[plan].churn + MONTHLY_UPGRADE + MONTHLY_DOWNGRADE && plan > 0) {
        rows.push({ customer: c, start: rowStart, end: renewal, mrr: PLANS[plan].price * discount, plan: PLANS[plan].name });
        plan--;
        rowStart = renewal;
      }
    }
  }

  rows.sort((a, b) => a.start - b.start || a.customer - b.customer);
  return rows.map((row) => {
    const record: SubscriptionRecord = {
      customer: identifier('acct-', row.customer + 1, 5),
      start: format.day(row.start),
      mrr: Math.round(row.mrr * 100) / 100,
      plan: row.plan,
    };
    if (row.end >= 0) record.end = format.day(row.end);
    return record;
  });
}
