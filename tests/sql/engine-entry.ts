// What the SQL tests take from the kit: the engine's pure functions, the shapes and the SQL writers.
export { readTransactions } from '../../src/metrics/read/transactions.ts';
export { cohortMatrix } from '../../src/metrics/cohorts.ts';
export { churnSeries } from '../../src/metrics/activity.ts';
export * from '../../src/sql/index.ts';
export { suggestedWindowDays } from '../../src/metrics/purchase-gaps.ts';
