/**
 * Every job the engine runs, by name: the one list. An element names its job
 * (`jobNamed('churn-trend')` in platform/jobs.ts) and imports only its types;
 * the job's code and the metrics it needs are downloaded with the engine.
 */
import type { EngineJob, JobFunction } from './job.ts';
import { churnReasonsJob } from './jobs/churn-reasons.ts';
import { churnTrendJob } from './jobs/churn-trend.ts';
import { cohortHeatmapJob } from './jobs/cohort-heatmap.ts';
import { customerHealthJob } from './jobs/customer-health.ts';
import { kpiNumbersJob, kpiTileJob } from './jobs/kpi-tile.ts';
import { ltvFiguresJob, ltvForecastJob } from './jobs/ltv-forecast.ts';
import { npsCountsJob, npsScoreJob } from './jobs/nps-score.ts';
import { purchaseCycleJob } from './jobs/purchase-cycle.ts';
import { retentionCalculatorJob } from './jobs/retention-calculator.ts';
import { retentionCurveJob } from './jobs/retention-curve.ts';
import { gaugeNumbersJob, retentionGaugeJob } from './jobs/retention-gauge.ts';
import { revenueMovementsJob } from './jobs/revenue-movements.ts';

const JOBS: ReadonlyArray<EngineJob<never, unknown>> = [
  retentionGaugeJob,
  gaugeNumbersJob,
  churnTrendJob,
  cohortHeatmapJob,
  purchaseCycleJob,
  retentionCurveJob,
  churnReasonsJob,
  customerHealthJob,
  kpiTileJob,
  kpiNumbersJob,
  ltvForecastJob,
  ltvFiguresJob,
  revenueMovementsJob,
  npsScoreJob,
  npsCountsJob,
  retentionCalculatorJob,
];

const byName = new Map(JOBS.map((job) => [job.name, job.run as JobFunction<unknown, unknown>]));

export function findJob(name: string): JobFunction<unknown, unknown> | undefined {
  return byName.get(name);
}

/** The names of every job, for tests that check each element's job is listed. */
export function jobNames(): string[] {
  return [...byName.keys()];
}
