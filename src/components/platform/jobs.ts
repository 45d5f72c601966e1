/**
 * How an element names its computation. The kit's jobs live in the engine
 * (src/engine/: registry.ts lists them, engine/jobs/ holds one file per job); an
 * element only names its job ({@link jobNamed}) and imports the job's types, so
 * the metrics code (readers, Zod schemas, models) is downloaded once, with the
 * engine, and never with the element.
 *
 * An element built on the platform outside the kit defines its own job in the
 * page ({@link defineJob}); the platform runs it in the page, where its code is.
 */
import type { JobFunction } from '../../engine/job.ts';

export type { JobContext, JobFunction } from '../../engine/job.ts';

/**
 * A typed handle to a job; elements keep it to get typed results back. Without
 * `run` the job runs in the engine (the worker, or the same module loaded into
 * the page); with it, in the page.
 */
export interface Job<Options, Value> {
  readonly name: string;
  readonly run?: JobFunction<Options, Value>;
}

/** A job computed in the page by `run` (elements built outside the kit: the kit's engine cannot know their code). */
export function defineJob<Options, Value>(name: string, run: JobFunction<Options, Value>): Job<Options, Value> & { run: JobFunction<Options, Value> } {
  return { name, run };
}

/** A handle to a job of the engine by its name (types from the job module, `import type`). */
export function jobNamed<Options, Value>(name: string): Job<Options, Value> {
  return { name };
}
