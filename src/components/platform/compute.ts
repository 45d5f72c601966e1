/**
 * Decides where a job runs and runs it: inline for small inputs (no copy, no
 * start-up cost), in the shared metrics worker for big ones so the page never
 * freezes. The worker is created lazily on first use (server-safe), shared by
 * every element, and abandoned for inline work if it cannot start.
 */
import { computeError } from './errors.ts';
import { inputSize, type RawInput } from './input.ts';
import { NO_PROGRESS, findJob, type Job } from './jobs.ts';
import { runJob } from './run-job.ts';
import type { FromWorker, Outcome, ToWorker } from './worker-protocol.ts';

export type ComputeMode = 'auto' | 'worker' | 'inline';

/** Inputs above either limit go to the worker in `auto` mode. */
export const WORKER_THRESHOLD = { rows: 20_000, chars: 2_000_000 };

/** How many jobs ran where: tests and the demo read this to see the worker at work. */
export const computeStats = { worker: 0, inline: 0, workerFallbacks: 0 };

export interface ComputeOptions {
  mode?: ComputeMode;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export type ComputeResult<T> = { outcome: Outcome<T>; ranIn: 'worker' | 'inline' } | { aborted: true };

export function prefersWorker(input: RawInput, mode: ComputeMode = 'auto'): boolean {
  if (mode !== 'auto') return mode === 'worker';
  const { rows, chars } = inputSize(input);
  return rows > WORKER_THRESHOLD.rows || chars > WORKER_THRESHOLD.chars;
}

export async function compute<O, T>(job: Job<O, T>, input: RawInput, options: O, settings: ComputeOptions = {}): Promise<ComputeResult<T>> {
  if (settings.signal?.aborted) return { aborted: true };
  if (prefersWorker(input, settings.mode) && workerAvailable()) {
    // Handing a big input to the worker copies it: do that in a task of its
    // own, not in the one that rendered the element (and its siblings).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (settings.signal?.aborted) return { aborted: true };
    const reply = await runInWorker(job.name, input, options, settings);
    if (reply === 'aborted') return { aborted: true };
    if (reply !== 'fallback') {
      computeStats.worker++;
      return { outcome: reply as Outcome<T>, ranIn: 'worker' };
    }
    computeStats.workerFallbacks++;
  }
  // Let the element finish its current update before blocking on the job.
  await Promise.resolve();
  if (settings.signal?.aborted) return { aborted: true };
  const run = findJob(job.name) ?? job.run;
  computeStats.inline++;
  return { outcome: runJob(run as never, input, options, NO_PROGRESS) as Outcome<T>, ranIn: 'inline' };
}

interface Pending {
  resolve(reply: Outcome<unknown> | 'fallback' | 'aborted'): void;
  onProgress?: (fraction: number) => void;
  /** Sends the run again with its input, after the worker lost its cached copy. */
  resend(): void;
}

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function workerAvailable(): boolean {
  return !workerBroken && typeof Worker !== 'undefined';
}

function sharedWorker(): Worker | undefined {
  if (worker || workerBroken) return worker;
  try {
    worker = new Worker(new URL('./metrics-worker.ts', import.meta.url), { type: 'module', name: 'retention-kit-metrics' });
  } catch {
    workerBroken = true;
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress?.(message.fraction);
      return;
    }
    if (message.type === 'cache-miss') {
      entry.resend();
      return;
    }
    pending.delete(message.id);
    entry.resolve(message.type === 'result' ? message.outcome : 'fallback');
  };
  // A worker that fails to load (CSP, a bundler without worker support) or crashes: finish inline.
  worker.onerror = (event) => {
    event.preventDefault();
    workerBroken = true;
    worker?.terminate();
    worker = undefined;
    for (const entry of pending.values()) entry.resolve('fallback');
    pending.clear();
  };
  return worker;
}

/**
 * Text inputs get a key so the worker can keep them parsed: widgets sharing a
 * `<retention-source>` share its RawInput object, so they share the key too.
 */
const inputKeys = new WeakMap<RawInput, number>();
let nextInputKey = 1;
/** Keys the worker was sent the input for (it may have evicted some since: it then says cache-miss). */
const keysInWorker = new Set<number>();

function inputKey(input: RawInput): number | undefined {
  if (input.kind === 'rows') return undefined;
  let key = inputKeys.get(input);
  if (key === undefined) inputKeys.set(input, (key = nextInputKey++));
  return key;
}

function runInWorker(job: string, input: RawInput, options: unknown, settings: ComputeOptions): Promise<Outcome<unknown> | 'fallback' | 'aborted'> {
  const target = sharedWorker();
  if (!target) return Promise.resolve('fallback');
  const id = nextId++;
  const key = inputKey(input);
  const send = (useCache: boolean) => {
    const message: ToWorker =
      key !== undefined && useCache && keysInWorker.has(key)
        ? { type: 'run', id, job, options, input: { kind: 'cached', key } }
        : { type: 'run', id, job, options, input, cacheKey: key };
    target.postMessage(message);
    if (key !== undefined) keysInWorker.add(key);
  };
  return new Promise((resolve) => {
    pending.set(id, { resolve, onProgress: settings.onProgress, resend: () => send(false) });
    settings.signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        target.postMessage({ type: 'cancel', id } satisfies ToWorker);
        resolve('aborted');
      },
      { once: true },
    );
    try {
      send(true);
    } catch (cause) {
      // Options or rows that cannot be cloned (functions, DOM nodes): a usage error, reported.
      pending.delete(id);
      resolve({ ok: false, error: computeError(cause), warnings: [] });
    }
  });
}
