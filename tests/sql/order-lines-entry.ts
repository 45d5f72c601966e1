// What the order-lines SQL tests take from the kit: the engine's reading and metrics, the shapes and the SQL.
export { readTransactions } from '../../src/metrics/read/transactions.ts';
export { cohortMatrix } from '../../src/metrics/cohorts.ts';
export { purchaseMetricSeries } from '../../src/metrics/kpi-series.ts';
export { DEFAULT_LOYALTY_THRESHOLD } from '../../src/metrics/purchases.ts';
export * from '../../src/sql/index.ts';
