/**
 * The metrics worker: parses and computes big inputs off the main thread.
 * Started by compute.ts with `new Worker(new URL('./metrics-worker.ts',
 * import.meta.url), { type: 'module' })`, which both Vite and the test
 * runner's esbuild plugin serve as a module.
 */
import { materialize, type RawInput } from './input.ts';
import { findJob } from './jobs.ts';
import { runJob, throttledProgress } from './run-job.ts';
import type { FromWorker, RunMessage, ToWorker } from './worker-protocol.ts';
import './worker-jobs.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };
const cancelled = new Set<number>();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const job = findJob(message.job);
  if (!job) {
    scope.postMessage({ type: 'unknown-job', id: message.id, job: message.job });
    return;
  }
  const context = throttledProgress((fraction) => {
    if (!cancelled.has(message.id)) scope.postMessage({ type: 'progress', id: message.id, fraction });
  });
  const input = resolveInput(message);
  if (!input) {
    scope.postMessage({ type: 'cache-miss', id: message.id });
    return;
  }
  const outcome = runJob(job, input, message.options, context);
  if (cancelled.delete(message.id)) return;
  scope.postMessage({ type: 'result', id: message.id, outcome });
};

/**
 * Parsed downloads, by the key the page gave them: a 46 MB CSV shared by three
 * widgets crosses to the worker and is parsed once, not three times. A few
 * recent ones are kept; an evicted one is asked for again (cache-miss).
 */
const MAX_CACHED_INPUTS = 4;
const parsedInputs = new Map<number, RawInput>();

function resolveInput(message: RunMessage): RawInput | undefined {
  if (message.input.kind === 'cached') {
    const cached = parsedInputs.get(message.input.key);
    if (cached) {
      // Refresh its place: the most recently used stays longest.
      parsedInputs.delete(message.input.key);
      parsedInputs.set(message.input.key, cached);
    }
    return cached;
  }
  if (message.cacheKey === undefined) return message.input;
  const parsed = materialize(message.input);
  // A parse error is not cached: the job reports it from the raw input.
  if (!parsed.ok) return message.input;
  const input: RawInput = { kind: 'rows', rows: parsed.rows, origin: message.input.origin };
  parsedInputs.set(message.cacheKey, input);
  while (parsedInputs.size > MAX_CACHED_INPUTS) parsedInputs.delete(parsedInputs.keys().next().value!);
  return input;
}
