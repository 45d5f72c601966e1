/**
 * What a job of the engine is: a named function from parsed records and plain
 * options to a Result. Job modules (engine/jobs/) export their handles; the
 * registry (registry.ts) is the one list the engine runs them from.
 *
 * A job receives parsed records (any JSON value: the job validates it with the
 * metrics readers), its options (plain data: they cross postMessage), and a
 * context for progress and cancellation. It returns a Result; its value must be
 * structured-cloneable (plain objects, arrays, typed arrays) and hold no words
 * of the page's language: period keys, codes and numbers, which the element labels.
 */
import type { Result } from '../metrics/issues.ts';

export interface JobContext {
  /** Reports progress of a long job, 0…1. Cheap to call often: it is throttled. */
  progress(fraction: number): void;
}

export type JobFunction<Options, Value> = (rows: unknown, options: Options, context: JobContext) => Result<Value>;

export interface EngineJob<Options, Value> {
  readonly name: string;
  readonly run: JobFunction<Options, Value>;
}

/** A job of the engine under a kit-wide unique name (the element's tag, or tag-suffix). No side effect: list it in registry.ts. */
export function engineJob<Options, Value>(name: string, run: JobFunction<Options, Value>): EngineJob<Options, Value> {
  return { name, run };
}

export const NO_PROGRESS: JobContext = { progress() {} };
