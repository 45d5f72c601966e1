/** English terms of <customer-health> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    healthScopeAsOf: (date: string) => string;
    healthScopeWindow: (days: number) => string;
    healthLabel: string;
    healthSummary: (customers: number, atRisk: number, threshold: string) => string;
    healthTable: string;
    healthCustomer: string;
    healthScore: string;
    healthStatus: string;
    healthLastActive: string;
    healthSignals: string;
    healthAtRisk: string;
    healthHealthy: string;
    healthAtRiskOnly: (count: number) => string;
    healthNever: string;
    healthNoSignals: string;
    healthSortBy: (column: string) => string;
    healthKeyboardHint: string;
    healthDetails: (customer: string) => string;
    healthBaseline: (points: string) => string;
    healthUsageDrop: (drop: string, before: string, now: string) => string;
    healthLoginDrop: (drop: string, before: string, now: string) => string;
    healthDormant: (since: string) => string;
    healthExpired: (day: string) => string;
    healthDowngrade: (count: number) => string;
    healthTicketsSilent: (before: number) => string;
    healthRenewal: (count: number) => string;
    healthUpgrade: (count: number) => string;
    healthAsOf: (day: string, days: number) => string;
  }
}

const enCount = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

registerTranslation('en', {
  healthScopeAsOf: (date) => `As of ${date}`,
  healthScopeWindow: (days) => `activity of the last ${days} days`,
  healthLabel: 'Customer health',
  healthSummary: (customers, atRisk, threshold) => `${enCount(customers, 'customer', 'customers')}, ${atRisk} at risk (score below ${threshold}).`,
  healthTable: 'Customers by health score',
  healthCustomer: 'Customer',
  healthScore: 'Score',
  healthStatus: 'Status',
  healthLastActive: 'Last active',
  healthSignals: 'Signals',
  healthAtRisk: 'At risk',
  healthHealthy: 'Healthy',
  healthAtRiskOnly: (count) => `At risk only (${count})`,
  healthNever: 'never',
  healthNoSignals: 'no signals',
  healthSortBy: (column) => `Sort by ${column}`,
  healthKeyboardHint: 'Arrow keys move between customers, Page Up/Down and Home/End jump, Enter shows the signals of a customer.',
  healthDetails: (customer) => `Signals of ${customer}`,
  healthBaseline: (points) => `Starting score ${points}`,
  healthUsageDrop: (drop, before, now) => `Usage fell ${drop} (${before} → ${now})`,
  healthLoginDrop: (drop, before, now) => `Logins fell ${drop} (${before} → ${now})`,
  healthDormant: (since) => `No logins or usage since ${since}`,
  healthExpired: (day) => `Subscription expired ${day}, not renewed`,
  healthDowngrade: (count) => (count === 1 ? 'Downgraded' : `Downgraded ${count} times`),
  healthTicketsSilent: (before) => `${enCount(before, 'support ticket', 'support tickets')} before, none lately`,
  healthRenewal: (count) => (count === 1 ? 'Renewed' : `Renewed ${count} times`),
  healthUpgrade: (count) => (count === 1 ? 'Upgraded' : `Upgraded ${count} times`),
  healthAsOf: (day, days) => `Up to ${day}; recent = the last ${days} days against the ${days} before.`,
});
