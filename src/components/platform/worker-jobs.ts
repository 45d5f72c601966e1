/**
 * Every job the metrics worker can run. One side-effect import per element's
 * job module (`<tag>/<tag>.job.ts`); a job missing here still works, inline.
 */
import '../retention-gauge/retention-gauge.job.ts';
import '../churn-trend/churn-trend.job.ts';
import '../cohort-heatmap/cohort-heatmap.job.ts';
import '../purchase-cycle/purchase-cycle.job.ts';
import '../retention-curve/retention-curve.job.ts';
import '../churn-reasons/churn-reasons.job.ts';
import '../customer-health/customer-health.job.ts';
import '../kpi-tile/kpi-tile.job.ts';
import '../ltv-forecast/ltv-forecast.job.ts';
import '../revenue-movements/revenue-movements.job.ts';
import '../nps-score/nps-score.job.ts';
import '../retention-calculator/retention-calculator.job.ts';
