/**
 * Calls a job on records: the one place a job function is invoked, in the
 * worker, in the page engine and for page-defined jobs, so all give the very
 * same outcome. Parsing text into records is the metrics engine's part
 * (worker.ts, parse.ts): this module carries no parser, so it costs the page
 * nothing.
 */
import { computeError } from '../components/platform/errors.ts';
import type { JobContext, JobFunction } from './job.ts';
import type { Outcome } from './protocol.ts';

export function runOnRecords(job: JobFunction<unknown, unknown>, rows: unknown, options: unknown, context: JobContext): Outcome<unknown> {
  try {
    return job(rows, options, context);
  } catch (cause) {
    // Metrics never throw on bad input, so this is a bug; show it instead of a blank element.
    return { ok: false, error: computeError(cause), warnings: [] };
  }
}

/** A progress reporter that calls `send` at most every `intervalMs`. */
export function throttledProgress(send: (fraction: number) => void, intervalMs = 100): JobContext {
  let last = 0;
  return {
    progress(fraction) {
      const now = Date.now();
      if (now - last < intervalMs && fraction < 1) return;
      last = now;
      send(Math.max(0, Math.min(1, fraction)));
    },
  };
}
