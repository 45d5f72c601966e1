/**
 * Runs a named job over raw input: parse, then compute. Shared by the inline
 * path and the worker, so both give the very same outcome.
 */
import { computeError } from './errors.ts';
import { materialize, type RawInput } from './input.ts';
import type { JobContext, JobFunction } from './jobs.ts';
import type { Outcome } from './worker-protocol.ts';

export function runJob(job: JobFunction<unknown, unknown>, input: RawInput, options: unknown, context: JobContext): Outcome<unknown> {
  const parsed = materialize(input);
  if (!parsed.ok) return { ok: false, error: parsed.error, warnings: [] };
  try {
    return job(parsed.rows, options, context);
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
