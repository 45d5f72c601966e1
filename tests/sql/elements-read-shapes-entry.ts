// The jobs of the elements that draw the customer-count and cohort families, and the engine
// functions that make their versioned shapes, for tests/sql/elements-read-shapes.test.mjs.
export { computeGauge } from '../../src/engine/jobs/retention-gauge.ts';
export { computeRetentionCurve } from '../../src/engine/jobs/retention-curve.ts';
export { computeKpi } from '../../src/engine/jobs/kpi-tile.ts';
export { computeChurnTrend } from '../../src/engine/jobs/churn-trend.ts';
export { computeCohortHeatmap } from '../../src/engine/jobs/cohort-heatmap.ts';
export { readTransactions } from '../../src/metrics/read/transactions.ts';
export { churnSeries } from '../../src/metrics/activity.ts';
export { cohortMatrix } from '../../src/metrics/cohorts.ts';
export { periodCountsShapeOf } from '../../src/metrics/shapes/period-counts.ts';
export { cohortMatrixShapeOf } from '../../src/metrics/shapes/cohort-matrix.ts';
export { churnVerdict } from '../../src/metrics/benchmarks.ts';
export { readSubscriptions } from '../../src/metrics/subscriptions.ts';
export { revenueMovements } from '../../src/metrics/revenue-movements.ts';
export { revenueMovementsShapeOf } from '../../src/metrics/shapes/revenue-movements.ts';
export { readSurveyResponses } from '../../src/metrics/surveys.ts';
export { npsPeriodsShapeOf } from '../../src/metrics/shapes/nps-periods.ts';
export { purchaseMetricSeries } from '../../src/metrics/kpi-series.ts';
export { repeatCountsShapeOf } from '../../src/metrics/shapes/repeat-counts.ts';
