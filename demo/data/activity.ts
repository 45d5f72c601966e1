/**
 * Sample product activity for a customer-health score: logins, weekly usage,
 * support tickets, monthly renewals, downgrades and expiries. A share of the
 * customers fade out over the window and show the early churn signals the
 * design names: fewer logins, less time in the product, fewer tickets (they
 * stopped caring), a downgrade, then a subscription that expires unrenewed.
 */
import { civilFromDays } from '../../src/metrics/calendar/dates.ts';
import { DateFormatter, generatorWindow, identifier, secondOfDay } from './calendar.ts';
import { Random } from './random.ts';

export type ActivityType = 'login' | 'usage' | 'ticket' | 'renewal' | 'downgrade' | 'expiry';

export interface ActivityEventRecord {
  customer: string;
  /** YYYY-MM-DD HH:MM:SS */
  date: string;
  type: ActivityType;
  /** Minutes in the product for `usage` (that week), MRR for `renewal` and `downgrade`. */
  value?: number;
}

export interface ActivityOptions {
  seed?: number;
  customers: number;
  start?: string;
  /** Kept short by default: health scores look at recent months. */
  months?: number;
}

/** Share of customers who lose interest during the window. */
const FADING_SHARE = 0.25;

/** Events sorted by date, then customer; one seed always gives the same events. */
export function generateActivityEvents(options: ActivityOptions): ActivityEventRecord[] {
  const { seed = 1, customers, start = '2024-01-01', months = 6 } = options;
  const random = new Random(seed);
  const window = generatorWindow(start, months);
  const span = window.endDay - window.firstDay;
  const format = new DateFormatter();
  const events: { day: number; second: number; customer: number; type: ActivityType; value?: number }[] = [];

  for (let c = 0; c < customers; c++) {
    const engagement = random.beta(2.5, 2); // chance of logging in on a given weekday
    const fading = random.chance(FADING_SHARE);
    // A fading customer starts losing interest somewhere in the first two thirds and is gone within ~2 months.
    const fadeStart = window.firstDay + random.int(0, Math.floor((span * 2) / 3));
    const fadeDays = random.int(30, 75);
    let mrr = random.pick([29, 99, 299], [6, 3, 1]);
    // Billing on the 1st–28th, so every month has the day.
    const billingDayOfMonth = random.int(1, 28);
    let expired = false;
    let downgraded = false;
    let weekMinutes = 0;

    for (let day = window.firstDay; day < window.endDay && !expired; day++) {
      const interest = fading ? Math.max(0, Math.min(1, 1 - (day - fadeStart) / fadeDays)) : 1;
      const weekend = (day + 4) % 7 === 0 || (day + 4) % 7 === 6;
      if (random.chance(engagement * interest * (weekend ? 0.25 : 1))) {
        events.push({ day, second: secondOfDay(random), customer: c, type: 'login' });
        weekMinutes += Math.round(random.lognormal(Math.log(20), 0.7) * (0.4 + 0.6 * interest));
      }
      if ((day - window.firstDay) % 7 === 6 && weekMinutes > 0) {
        events.push({ day, second: 86_399, customer: c, type: 'usage', value: weekMinutes });
        weekMinutes = 0;
      }
      // Engaged customers ask for help; disengaged ones stop asking.
      if (random.chance(0.012 * engagement * interest)) events.push({ day, second: secondOfDay(random), customer: c, type: 'ticket' });
      if (fading && !downgraded && interest < 0.6 && mrr > 29 && random.chance(0.05)) {
        mrr = mrr === 299 ? 99 : 29;
        downgraded = true;
        events.push({ day, second: secondOfDay(random), customer: c, type: 'downgrade', value: mrr });
      }
      if (civilFromDays(day).day === billingDayOfMonth) {
        if (interest === 0) {
          events.push({ day, second: 0, customer: c, type: 'expiry' });
          expired = true;
        } else {
          events.push({ day, second: 120, customer: c, type: 'renewal', value: mrr });
        }
      }
    }
  }

  events.sort((a, b) => a.day - b.day || a.second - b.second || a.customer - b.customer);
  return events.map((event) => {
    const record: ActivityEventRecord = {
      customer: identifier('acct-', event.customer + 1, 5),
      date: format.dateTime(event.day, event.second),
      type: event.type,
    };
    if (event.value !== undefined) record.value = event.value;
    return record;
  });
}
