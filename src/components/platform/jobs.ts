/**
 * The job registry: named metric computations. An element defines its job in
 * its own module (`<tag>/<tag>.job.ts`, no DOM, no Lit) and lists it in
 * worker-jobs.ts; the element itself only names it ({@link jobNamed}), so the
 * metrics code (readers, Zod schemas, models) is downloaded once, with the
 * metrics worker, and never with the element.
 *
 * A job receives parsed records (any JSON value: the job validates it with the
 * metrics readers), its options (plain data: they cross postMessage), and a
 * context for progress. It returns a Result; its value must be structured-
 * cloneable (plain objects, arrays, typed arrays; no class instances or functions).
 *
 * An element built on the platform outside the kit cannot add its job to the
 * kit's worker: it keeps the handle {@link defineJob} returns, whose `run`
 * the platform then calls in the page.
 */
import type { Result } from '../../metrics/issues.ts';

export interface JobContext {
  /** Reports progress of a long job, 0…1. Cheap to call often: it is throttled. */
  progress(fraction: number): void;
}

export type JobFunction<Options, Value> = (rows: unknown, options: Options, context: JobContext) => Result<Value>;

/**
 * A typed handle to a job; elements keep it to get typed results back. Without
 * `run` the job runs in the metrics engine (the worker, or the same module
 * loaded into the page); with it, in the page.
 */
export interface Job<Options, Value> {
  readonly name: string;
  readonly run?: JobFunction<Options, Value>;
}

const registry = new Map<string, JobFunction<unknown, unknown>>();

/** Registers a job under a kit-wide unique name (use the element's tag). Re-registering replaces it. */
export function defineJob<Options, Value>(name: string, run: JobFunction<Options, Value>): Job<Options, Value> & { run: JobFunction<Options, Value> } {
  registry.set(name, run as JobFunction<unknown, unknown>);
  return { name, run };
}

/** A handle to a job of the metrics engine by its name (types from the job module, `import type`). */
export function jobNamed<Options, Value>(name: string): Job<Options, Value> {
  return { name };
}

export function findJob(name: string): JobFunction<unknown, unknown> | undefined {
  return registry.get(name);
}

export const NO_PROGRESS: JobContext = { progress() {} };
