/**
 * The job registry: named metric computations that run the same in the page
 * and in the metrics worker. An element defines its job in its own module
 * (`<tag>/<tag>.job.ts`, no DOM, no Lit), imports it from the element so it
 * runs inline, and the worker imports it too (worker-jobs.ts), so the same
 * name resolves on both sides.
 *
 * A job receives parsed records (any JSON value: the job validates it with the
 * metrics readers), its options (plain data: they cross postMessage), and a
 * context for progress. It returns a Result; its value must be structured-
 * cloneable (plain objects, arrays, typed arrays; no class instances or functions).
 */
import type { Result } from '../../metrics/issues.ts';

export interface JobContext {
  /** Reports progress of a long job, 0…1. Cheap to call often: it is throttled. */
  progress(fraction: number): void;
}

export type JobFunction<Options, Value> = (rows: unknown, options: Options, context: JobContext) => Result<Value>;

/** A typed handle to a registered job; elements keep it to get typed results back. */
export interface Job<Options, Value> {
  readonly name: string;
  readonly run: JobFunction<Options, Value>;
}

const registry = new Map<string, JobFunction<unknown, unknown>>();

/** Registers a job under a kit-wide unique name (use the element's tag). Re-registering replaces it. */
export function defineJob<Options, Value>(name: string, run: JobFunction<Options, Value>): Job<Options, Value> {
  registry.set(name, run as JobFunction<unknown, unknown>);
  return { name, run };
}

export function findJob(name: string): JobFunction<unknown, unknown> | undefined {
  return registry.get(name);
}

export const NO_PROGRESS: JobContext = { progress() {} };
