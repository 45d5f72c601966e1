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
import { trustedWorkerUrl } from './trusted-worker-url.ts';
import type { Job, JobFunction } from './jobs.ts';
import { NO_PROGRESS } from '../../engine/job.ts';
import { runOnRecords } from '../../engine/run-job.ts';
import type { Attachments, DownloadProgress, FromWorker, Outcome, ToWorker } from '../../engine/protocol.ts';

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
  if (mode !== 'inline' && workerAvailable()) sharedWorker();
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

interface Pending {
  resolve(reply: Outcome<unknown> | 'fallback' | 'aborted'): void;
  settings: ComputeOptions;
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
    // Pages that require Trusted Types get the URL through the kit's policy; elsewhere the literal
    // form stays, which Vite and other bundlers recognise and bundle (vite.lib.config.ts rewrites both).
    const trusted = trustedWorkerUrl(new URL('../../engine/worker.ts', import.meta.url));
    worker = trusted
      ? new Worker(trusted, { type: 'module', name: 'retention-kit-metrics' })
      : new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'retention-kit-metrics' });
  } catch {
    workerBroken = true;
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    switch (message.type) {
      case 'loading':
        entry.settings.onLoading?.(message.progress);
        return;
      case 'loaded':
        entry.settings.onLoaded?.();
        return;
      case 'progress':
        entry.settings.onProgress?.(message.fraction);
        return;
      case 'cache-miss':
        entry.resend();
        return;
      case 'result':
        pending.delete(message.id);
        entry.resolve(message.outcome);
    }
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
 * Text inputs get a key so the worker can keep them parsed: elements sharing
 * an inline text share its RawInput object, so they share the key too. (A URL
 * is its own key, in the engine.)
 */
const inputKeys = new WeakMap<RawInput, number>();
let nextInputKey = 1;
/** Keys the worker was sent the input for (it may have evicted some since: it then says cache-miss). */
const keysInWorker = new Set<number>();

function inputKey(input: RawInput): number | undefined {
  if (input.kind !== 'text' && input.kind !== 'bytes') return undefined;
  let key = inputKeys.get(input);
  if (key === undefined) inputKeys.set(input, (key = nextInputKey++));
  return key;
}

type Request = Omit<Extract<ToWorker, { type: 'run' }>, 'id' | 'cacheKey'> | Omit<Extract<ToWorker, { type: 'load' }>, 'id'>;

function runInWorker(request: Request, settings: ComputeOptions): Promise<Outcome<unknown> | 'fallback' | 'aborted'> {
  const target = sharedWorker();
  if (!target) return Promise.resolve('fallback');
  const id = nextId++;
  const input = request.input as RawInput;
  const key = request.type === 'run' ? inputKey(input) : undefined;
  const send = (useCache: boolean) => {
    let message: ToWorker;
    if (request.type === 'load') message = { ...request, id };
    else if (key !== undefined && useCache && keysInWorker.has(key)) message = { ...request, id, input: { kind: 'cached', key } };
    else message = { ...request, id, cacheKey: key };
    target.postMessage(message);
    if (key !== undefined) keysInWorker.add(key);
  };
  return new Promise((resolve) => {
    pending.set(id, { resolve, settings, resend: () => send(false) });
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
    } catch {
      // Rows or options that cannot be cloned (a framework's reactive proxies, objects
      // holding functions) cannot cross to the worker, but the page engine reads them as
      // they are: compute there rather than refuse data that is fine.
      pending.delete(id);
      resolve('fallback');
    }
  });
}
