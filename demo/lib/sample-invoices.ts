/**
 * Sample invoices for the days-sales-outstanding tile, derived from the sample
 * SaaS subscriptions so the two files tell one story: every subscription row
 * is billed monthly on its start day's anniversary, and customers pay on
 * 30-day terms the way real ones do: most within the terms, some late, a few
 * very late. Invoices not paid by the end of the window have no paid date.
 *
 * Deterministic (the generators' seeded Random, no Math.random); runs in Node.
 */
import { daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';
import { Random, type SubscriptionRecord } from '../data/generate.ts';

export interface InvoiceRecord {
  id: string;
  /** YYYY-MM-DD */
  issueDate: string;
  amount: number;
  /** YYYY-MM-DD; empty while unpaid. */
  paidDate: string;
}

function dayOf(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return daysFromCivil(year, month, day);
}

/** The same day of the month `count` months later, clamped to that month's last day. */
function addMonths(day: number, count: number): number {
  const [year, month, dayOfMonth] = isoDate(day).split('-').map(Number);
  const index = year * 12 + (month - 1) + count;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const nextMonthFirst = targetMonth === 12 ? daysFromCivil(targetYear + 1, 1, 1) : daysFromCivil(targetYear, targetMonth + 1, 1);
  return Math.min(daysFromCivil(targetYear, targetMonth, dayOfMonth), nextMonthFirst - 1);
}

/** Days from issue to payment: usually inside 30-day terms, a tail of late payers. */
function paymentDelay(random: Random): number {
  if (random.chance(0.05)) return random.int(45, 120);
  return Math.min(60, Math.round(random.lognormal(Math.log(16), 0.55)));
}

/** Invoices sorted by issue date; `windowEnd` (YYYY-MM-DD) is the first day no longer billed or paid. */
export function invoicesFromSubscriptions(subscriptions: readonly SubscriptionRecord[], windowEnd: string, seed = 11): InvoiceRecord[] {
  const random = new Random(seed);
  const endDay = dayOf(windowEnd);
  const issued: { day: number; amount: number; paidDay: number }[] = [];
  for (const row of subscriptions) {
    const first = dayOf(row.start);
    const stop = Math.min(row.end ? dayOf(row.end) : endDay, endDay);
    for (let month = 0; ; month++) {
      const day = addMonths(first, month);
      if (day >= stop) break;
      issued.push({ day, amount: row.mrr, paidDay: day + paymentDelay(random) });
    }
  }
  issued.sort((a, b) => a.day - b.day || a.amount - b.amount);
  return issued.map((invoice, i) => ({
    id: `INV-${String(i + 1).padStart(6, '0')}`,
    issueDate: isoDate(invoice.day),
    amount: invoice.amount,
    paidDate: invoice.paidDay < endDay ? isoDate(invoice.paidDay) : '',
  }));
}
