/**
 * Decides where a job runs and runs it. The kit's own jobs run in the engine
 * (src/engine/worker.ts), which is the only module that carries the metrics
 * code and the data path (download, parse, cache): normally as one shared
 * worker, so the page never freezes; where no worker can start (a policy
 * refuses it, a bundler without worker support) or with `compute="inline"`, the
 * same module is imported into the page and run there. Both are loaded lazily
 * on first use (server-safe).
 *
 * A job defined in the page with a `run` (an element built on the platform
 * outside the kit) runs in the page, where its code is: the worker cannot know it.
 */
import { computeError } from './errors.ts';
import type * as MetricsEngineModule from '../../engine/worker.ts';
import { inputSize, type RawInput } from './input.ts';
import { runInWorker, startEngineWorker, workerAvailable } from './engine-workers.ts';
import type { Job, JobFunction } from './jobs.ts';
import { NO_PROGRESS } from '../../engine/job.ts';
import { runOnRecords } from '../../engine/run-job.ts';
import type { Attachments, DownloadProgress, Outcome } from '../../engine/protocol.ts';

export type ComputeMode = 'auto' | 'worker' | 'inline';

/** Inputs above either limit count as big: handing them to the worker is a task of its own. */
export const WORKER_THRESHOLD = { rows: 20_000, chars: 2_000_000 };

/** How many jobs ran where: tests and the demo read this to see the worker at work. */
export const computeStats = { worker: 0, inline: 0, workerFallbacks: 0 };

export interface ComputeOptions {
  mode?: ComputeMode;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** The engine's download of a URL input moved on (bytes and rows so far). */
  onLoading?: (progress: DownloadProgress) => void;
  /** The input is downloaded and parsed; the job starts. */
  onLoaded?: () => void;
  /** Further inputs the job reads, by option name (see RunMessage.attachments). */
  attachments?: Attachments;
}

export type ComputeResult<T> = { outcome: Outcome<T>; ranIn: 'worker' | 'inline' } | { aborted: true };

/** Whether a job goes to the worker: the kit's jobs unless `inline`; a page-defined job never (its code is in the page). */
export function prefersWorker<O, T>(job: Job<O, T>, mode: ComputeMode = 'auto'): boolean {
  return !job.run && mode !== 'inline';
}

export async function compute<O, T>(job: Job<O, T>, input: RawInput, options: O, settings: ComputeOptions = {}): Promise<ComputeResult<T>> {
  if (settings.signal?.aborted) return { aborted: true };
  if (prefersWorker(job, settings.mode) && workerAvailable()) {
    // Handing a big input to the worker copies it: do that in a task of its
    // own, not in the one that rendered the element (and its siblings).
    if (isBig(input)) await new Promise((resolve) => setTimeout(resolve, 0));
    if (settings.signal?.aborted) return { aborted: true };
    const reply = await runInWorker({ type: 'run', job: job.name, options, input, attachments: settings.attachments }, settings);
    if (reply === 'aborted') return { aborted: true };
    if (reply !== 'fallback') {
      computeStats.worker++;
      return { outcome: reply as Outcome<T>, ranIn: 'worker' };
    }
    computeStats.workerFallbacks++;
  }
  const outcome = job.run ? await runPageJob(job.run as JobFunction<unknown, unknown>, input, options, settings) : await runInPageEngine(job.name, input, options, settings);
  if (outcome === 'aborted') return { aborted: true };
  computeStats.inline++;
  return { outcome: outcome as Outcome<T>, ranIn: 'inline' };
}

/**
 * Downloads and parses an input in the engine ahead of any job, so elements
 * that then compute from it find it parsed (`<retention-source>`). Resolves to
 * the number of records, or the load error.
 */
export async function preloadInput(input: RawInput, settings: Pick<ComputeOptions, 'signal' | 'onLoading' | 'mode'> = {}): Promise<Outcome<{ rows: number }> | 'aborted'> {
  if (settings.signal?.aborted) return 'aborted';
  if (settings.mode !== 'inline' && workerAvailable()) {
    const reply = await runInWorker({ type: 'load', input }, settings);
    if (reply !== 'fallback') return reply as Outcome<{ rows: number }> | 'aborted';
  }
  const engine = await loadPageEngine().catch(() => undefined);
  if (!engine) return { ok: false, error: computeError(new Error('the metrics module could not be loaded')), warnings: [] };
  if (settings.signal?.aborted) return 'aborted';
  return engine.preload(input, { signal: settings.signal, onLoading: settings.onLoading });
}

/**
 * Starts the engine's worker now, so its download and start-up overlap the
 * page's own work (elements upgrading, layout) instead of following it. The
 * first element to connect calls it; later calls cost nothing.
 */
export function warmEngine(mode: ComputeMode = 'auto'): void {
  if (mode !== 'inline' && workerAvailable()) startEngineWorker();
}

function isBig(input: RawInput): boolean {
  const { rows, chars } = inputSize(input);
  return rows > WORKER_THRESHOLD.rows || chars > WORKER_THRESHOLD.chars;
}

async function runPageJob(run: JobFunction<unknown, unknown>, input: RawInput, options: unknown, settings: ComputeOptions): Promise<Outcome<unknown> | 'aborted'> {
  // Let the element finish its current update before blocking on the job.
  await Promise.resolve();
  if (settings.signal?.aborted) return 'aborted';
  if (input.kind === 'rows' && !settings.attachments) return runOnRecords(run, input.rows, options, NO_PROGRESS);
  // Text and URLs need the engine's data path (its parser is not in the page's bundle).
  return runInPageEngine(run, input, options, settings);
}

type MetricsEngine = typeof MetricsEngineModule;
let pageEngine: Promise<MetricsEngine> | undefined;

/**
 * The engine imported into the page. The import names the worker's own
 * module, so bundlers make it one lazy chunk and the single-file builds load
 * their worker file (vite.lib.config.ts rewrites the specifier).
 */
function loadPageEngine(): Promise<MetricsEngine> {
  pageEngine ??= import('../../engine/worker.ts');
  // A failed download may succeed later (the network came back): do not keep the rejection.
  pageEngine.catch(() => (pageEngine = undefined));
  return pageEngine;
}

/** Text parsed in the page is kept by the engine under a key per input object: elements sharing a source share it. */
const pageInputKeys = new WeakMap<RawInput, string>();
let nextPageInputKey = 1;

function pageInputKey(input: RawInput): string | undefined {
  if (input.kind !== 'text' && input.kind !== 'bytes') return undefined;
  let key = pageInputKeys.get(input);
  if (key === undefined) pageInputKeys.set(input, (key = `page:${nextPageInputKey++}`));
  return key;
}

async function runInPageEngine(job: string | JobFunction<unknown, unknown>, input: RawInput, options: unknown, settings: ComputeOptions): Promise<Outcome<unknown> | 'aborted'> {
  let engine: MetricsEngine;
  try {
    engine = await loadPageEngine();
  } catch (cause) {
    return { ok: false, error: computeError(new Error(`the metrics module could not be loaded (${cause instanceof Error ? cause.message : String(cause)})`)), warnings: [] };
  }
  if (settings.signal?.aborted) return 'aborted';
  return engine.execute(
    { job, input, inputKey: pageInputKey(input), options, attachments: settings.attachments },
    { signal: settings.signal, onLoading: settings.onLoading, onLoaded: settings.onLoaded },
  );
}
