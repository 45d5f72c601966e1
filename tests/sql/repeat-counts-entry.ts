// What the repeat-counts/1 tests take from the kit: the engine's per-period series and the KPI job, the shape, the SQL.
export { readTransactions } from '../../src/metrics/read/transactions.ts';
export { purchaseMetricSeries } from '../../src/metrics/kpi-series.ts';
export { DEFAULT_LOYALTY_THRESHOLD } from '../../src/metrics/purchases.ts';
export * from '../../src/metrics/shapes/repeat-counts.ts';
export { repeatCountsSql, repeatCountsFromRows } from '../../src/sql/repeat-counts.ts';
export { DIALECTS, dialects } from '../../src/sql/dialects.ts';
export { computeKpi } from '../../src/engine/jobs/kpi-tile.ts';
export { dayOfText } from '../../src/sql/cohort-matrix.ts';
