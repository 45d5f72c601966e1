// What the revenue-movements/1 tests take from the kit: the subscription reader and the engine's
// movements, the job of <revenue-movements>, and the SQL writers (with the shapes).
export { readSubscriptions } from '../../src/metrics/subscriptions.ts';
export { revenueMovements } from '../../src/metrics/revenue-movements.ts';
export { computeRevenueMovements } from '../../src/engine/jobs/revenue-movements.ts';
export { daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';
export * from '../../src/sql/index.ts';
