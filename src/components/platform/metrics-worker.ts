/**
 * The metrics worker: parses and computes big inputs off the main thread.
 * Started by compute.ts with `new Worker(new URL('./metrics-worker.ts',
 * import.meta.url), { type: 'module' })`, which both Vite and the test
 * runner's esbuild plugin serve as a module.
 */
import { findJob } from './jobs.ts';
import { runJob, throttledProgress } from './run-job.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';
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
  const outcome = runJob(job, message.input, message.options, context);
  if (cancelled.delete(message.id)) return;
  scope.postMessage({ type: 'result', id: message.id, outcome });
};
