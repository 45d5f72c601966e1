/** English terms of <customer-health> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    healthScopeAsOf: (date: string) => string;
    healthScopeWindow: (days: number) => string;
    healthLabel: string;
    healthScopeOrders: (days: number) => string;
    /** `lapsed` is null when nobody has lapsed; counts come formatted, `customers` as a number for the plural. */
    healthSummary: (customers: number, shown: string, atRisk: string, lapsed: string | null, threshold: string) => string;
    healthOrderRecurring: (baseline: string) => string;
    healthOrderRevenue: (baseline: string) => string;
    healthOrderRisk: (baseline: string) => string;
    healthCallFirst: (customer: string, score: string) => string;
    healthRank: string;
    healthActiveShort: string;
    healthLapsed: string;
    healthValueRecurring: string;
    healthValueRevenue: string;
    healthCustomers: string;
    healthBand: (low: string, high: string) => string;
    healthClearBand: (band: string) => string;
    healthRiskLine: (threshold: string) => string;
    healthDistributionHint: string;
    healthDistributionTable: string;
    healthSpendDrop: (drop: string, before: string, now: string) => string;
    healthOrderDaysDrop: (drop: string, before: string, now: string) => string;
    healthNoPurchase: (since: string) => string;
    healthAsOfFromData: (day: string, days: number) => string;
    healthChipUsage: (change: string) => string;
    healthChipLogins: (change: string) => string;
    healthChipSpend: (change: string) => string;
    healthChipOrderDays: (change: string) => string;
    healthChipQuiet: (since: string) => string;
    healthChipExpired: (day: string) => string;
    healthChipDowngrade: (count: number) => string;
    healthChipTicketsSilent: string;
    healthChipRenewal: (count: number) => string;
    healthChipUpgrade: (count: number) => string;
    healthTable: string;
    healthCustomer: string;
    healthScore: string;
    healthStatus: string;
    healthLastActive: string;
    healthSignals: string;
    healthAtRisk: string;
    healthHealthy: string;
    healthAtRiskOnly: (count: string) => string;
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
  healthScopeOrders: (days) => `purchases of the last ${days} days`,
  healthSummary: (customers, shown, atRisk, lapsed, threshold) =>
    `${shown} ${customers === 1 ? 'customer' : 'customers'}: ${atRisk} at risk (score below ${threshold})${lapsed !== null ? `, ${lapsed} lapsed (subscription expired, not renewed)` : ''}.`,
  healthOrderRecurring: (baseline) =>
    `Call order: risk × monthly recurring revenue, so the most to lose comes first. Risk is the points lost below the starting score of ${baseline}; lapsed customers come last.`,
  healthOrderRevenue: (baseline) =>
    `Call order: risk × revenue of the last 12 months, so the most to lose comes first. Risk is the points lost below the starting score of ${baseline}.`,
  healthOrderRisk: (baseline) => `Call order: risk, the points lost below the starting score of ${baseline} (the data has no revenue to weigh it by).`,
  healthCallFirst: (customer, score) => `Call first: ${customer} (score ${score}).`,
  healthRank: '#',
  healthActiveShort: 'Active',
  healthLapsed: 'Lapsed',
  healthValueRecurring: 'MRR',
  healthValueRevenue: 'Revenue, 12 months',
  healthCustomers: 'Customers',
  healthBand: (low, high) => `Score ${low}–${high}`,
  healthClearBand: (band) => `${band}: show every score`,
  healthRiskLine: (threshold) => `at risk below ${threshold}`,
  healthDistributionHint: 'Customers by score. Arrow keys move between score bands; Enter shows only the customers of a band.',
  healthDistributionTable: 'Customers by score band',
  healthSpendDrop: (drop, before, now) => `Spend fell ${drop} (${before} → ${now})`,
  healthOrderDaysDrop: (drop, before, now) => `Purchase days fell ${drop} (${before} → ${now})`,
  healthNoPurchase: (since) => `No purchase since ${since}`,
  healthAsOfFromData: (day, days) => `Up to ${day}; recent = the last ${days} days (three typical gaps between purchases) against the ${days} before.`,
  healthChipUsage: (change) => `Usage ${change}`,
  healthChipLogins: (change) => `Logins ${change}`,
  healthChipSpend: (change) => `Spend ${change}`,
  healthChipOrderDays: (change) => `Purchases ${change}`,
  healthChipQuiet: (since) => `Quiet since ${since}`,
  healthChipExpired: (day) => `Expired ${day}`,
  healthChipDowngrade: (count) => (count === 1 ? 'Downgraded' : `Downgraded ×${count}`),
  healthChipTicketsSilent: 'Tickets stopped',
  healthChipRenewal: (count) => (count === 1 ? 'Renewed' : `Renewed ×${count}`),
  healthChipUpgrade: (count) => (count === 1 ? 'Upgraded' : `Upgraded ×${count}`),
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
  healthKeyboardHint: 'Customers in call order. Arrow keys move between customers, Page Up/Down and Home/End jump, Enter shows the signals of a customer.',
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
