/**
 * Every job the engine runs, by name: the one list. An element names its job
 * (`jobNamed('churn-trend')` in platform/jobs.ts) and imports only its types.
 *
 * Each job module is loaded the first time one of its jobs runs, so it is a
 * chunk of the engine of its own: a page showing a gauge downloads the engine's
 * core (reading, parsing, the data path) and the gauge's metrics, not the
 * metrics of all thirteen elements (#11: every engine file, and every job's
 * core-plus-chunk path, stays under the size budget). A bundle that does not
 * split (the test runner's worker, an app bundler set to one file) inlines them.
 */
import type { EngineJob, JobFunction } from './job.ts';

interface JobModule {
  /** The names of the jobs the module exports, as it registers them (engineJob's first argument). */
  readonly names: readonly string[];
  readonly load: () => Promise<Record<string, unknown>>;
}

const JOB_MODULES: readonly JobModule[] = [
  { names: ['retention-gauge', 'retention-gauge-numbers'], load: () => import('./jobs/retention-gauge.ts') },
  { names: ['churn-trend'], load: () => import('./jobs/churn-trend.ts') },
  { names: ['cohort-heatmap'], load: () => import('./jobs/cohort-heatmap.ts') },
  { names: ['purchase-cycle'], load: () => import('./jobs/purchase-cycle.ts') },
  { names: ['retention-curve'], load: () => import('./jobs/retention-curve.ts') },
  { names: ['churn-reasons'], load: () => import('./jobs/churn-reasons.ts') },
  { names: ['customer-health'], load: () => import('./jobs/customer-health.ts') },
  { names: ['kpi-tile', 'kpi-tile-numbers'], load: () => import('./jobs/kpi-tile.ts') },
  { names: ['ltv-forecast', 'ltv-forecast-figures'], load: () => import('./jobs/ltv-forecast.ts') },
  { names: ['revenue-movements'], load: () => import('./jobs/revenue-movements.ts') },
  { names: ['nps-score', 'nps-score-counts'], load: () => import('./jobs/nps-score.ts') },
  { names: ['retention-calculator'], load: () => import('./jobs/retention-calculator.ts') },
];

function isEngineJob(candidate: unknown): candidate is EngineJob<never, unknown> {
  return typeof candidate === 'object' && candidate !== null && typeof (candidate as EngineJob<never, unknown>).name === 'string' && typeof (candidate as EngineJob<never, unknown>).run === 'function';
}

/** The jobs a loaded module exports, by name. */
export function jobsExportedBy(module: Record<string, unknown>): Map<string, JobFunction<unknown, unknown>> {
  const jobs = new Map<string, JobFunction<unknown, unknown>>();
  for (const exported of Object.values(module)) if (isEngineJob(exported)) jobs.set(exported.name, exported.run as JobFunction<unknown, unknown>);
  return jobs;
}

/** The job of that name, its module loaded on first use; undefined for a name no module lists. */
export async function findJob(name: string): Promise<JobFunction<unknown, unknown> | undefined> {
  const module = JOB_MODULES.find((each) => each.names.includes(name));
  if (!module) return undefined;
  const run = jobsExportedBy(await module.load()).get(name);
  if (!run) throw new Error(`engine/registry.ts lists the job ${name}, but its module does not export it`);
  return run;
}

/** The names of every job, for tests that check each element's job is listed. */
export function jobNames(): string[] {
  return JOB_MODULES.flatMap((module) => module.names);
}

/** Every job module's loader, for the test that checks the list against the modules' exports. */
export function jobModules(): readonly JobModule[] {
  return JOB_MODULES;
}
