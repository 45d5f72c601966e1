// The elements' jobs, for the test that they read the versioned shapes as they are today.
export { computeCohortHeatmap } from '../../src/engine/jobs/cohort-heatmap.ts';
export { computeChurnTrend } from '../../src/engine/jobs/churn-trend.ts';
