// What the purchase-gaps/1 tests take from the kit: the engine's counts and job, the shape, the SQL.
export { readTransactions } from '../../src/metrics/read/transactions.ts';
export { purchaseGapCounts, timeBetweenPurchases, suggestedWindowDays } from '../../src/metrics/purchase-gaps.ts';
export * from '../../src/metrics/shapes/purchase-gaps.ts';
export { purchaseGapsShapeSql, purchaseGapsFromRows, purchaseGapsSql, windowDaysFromGaps } from '../../src/sql/purchase-gaps.ts';
export { DIALECTS, dialects } from '../../src/sql/dialects.ts';
export { computePurchaseCycle } from '../../src/engine/jobs/purchase-cycle.ts';
export { dayOfText } from '../../src/sql/cohort-matrix.ts';
