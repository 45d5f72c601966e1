/**
 * The engine's workers, as the page sees them: starting them, sending runs,
 * routing their messages back, and keeping one long job from holding up the
 * rest of the page.
 *
 * Normally there is one worker, so a download shared by several elements is
 * downloaded and parsed once. A job computes synchronously in its worker (a
 * million-row table, a model fit): while one has run for longer than
 * BUSY_AFTER_MS, new runs go to a second worker instead of queueing behind it,
 * so a gauge from three typed figures does not wait for a heatmap of a million
 * orders. A run sent before the job in front of it turned long (it had computed
 * for less than a second) moves to the second worker when it does, so it does
 * not wait either. (The second worker has caches of its own: a file both need
 * is then downloaded twice, the price of not waiting.)
 */
import { trustedWorkerUrl } from './trusted-worker-url.ts';
import type { RawInput } from './input.ts';
import type { DownloadProgress, FromWorker, Outcome, ToWorker } from '../../engine/protocol.ts';

/** What a run tells the page while it goes on. */
export interface RunListener {
  signal?: AbortSignal;
  onLoading?: (progress: DownloadProgress) => void;
  onLoaded?: () => void;
  onProgress?: (fraction: number) => void;
}

export type WorkerReply = Outcome<unknown> | 'fallback' | 'aborted';

export type WorkerRequest = Omit<Extract<ToWorker, { type: 'run' }>, 'id' | 'cacheKey'> | Omit<Extract<ToWorker, { type: 'load' }>, 'id'>;

/** How long a job may compute before its worker counts as busy and new runs go elsewhere. */
export const BUSY_AFTER_MS = 1000;
const MAX_WORKERS = 2;

interface Pending {
  resolve(reply: WorkerReply): void;
  listener: RunListener;
  /** Sends the run again with its input, after the worker lost its cached copy. */
  resend(): void;
  /** When the worker said the job started computing (`loaded`), until its result. */
  computingSince?: number;
  /** The worker has said something about it (loading, loaded, progress): it is under way there. */
  started?: boolean;
  /** Sends it again, to whichever worker is free now (a run waiting behind a long job). */
  move(): void;
}

interface EngineWorker {
  worker: Worker;
  runs: Map<number, Pending>;
  /** Text inputs this worker was sent (it may have evicted some since: it then says cache-miss). */
  textKeys: Set<number>;
}

const workers: EngineWorker[] = [];
let broken = false;
let nextId = 1;

/** How many workers the engine runs now: tests check that a long job brought in a second. */
export function engineWorkerCount(): number {
  return workers.length;
}

export function workerAvailable(): boolean {
  return !broken && typeof Worker !== 'undefined';
}

/** Starts the first worker now (see compute.ts warmEngine); later calls cost nothing. */
export function startEngineWorker(): void {
  if (workers.length === 0) startWorker();
}

/**
 * The engine file's URL as a worker can start from it. A worker's script must come from
 * the page's own origin, so where the kit itself was loaded from another one (the package's
 * modules from a CDN through an import map), the worker starts from a same-origin `blob:`
 * module that imports the engine file; the CDN's CORS headers let it. (The single-file
 * bundles do the same in src/bundle/worker-url.ts; their blob: comes here same-origin.)
 * A page whose CSP refuses `blob:` workers makes the start fail, and the runs compute in
 * the page instead.
 */
export function sameOriginWorkerUrl(url: URL | string): URL | string {
  if (typeof location === 'undefined' || typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') return url;
  let target: URL;
  try {
    target = new URL(String(url), location.href);
  } catch {
    return url;
  }
  if (target.protocol === 'blob:' || target.protocol === 'data:' || target.origin === location.origin) return url;
  return URL.createObjectURL(new Blob([`import ${JSON.stringify(target.href)};`], { type: 'text/javascript' }));
}

function startWorker(): EngineWorker | undefined {
  if (broken) return undefined;
  let worker: Worker;
  try {
    // Pages that require Trusted Types get the URL through the kit's policy; elsewhere the literal
    // form stays, which Vite and other bundlers recognise and bundle (vite.lib.config.ts rewrites both).
    const script = sameOriginWorkerUrl(new URL('../../engine/worker.ts', import.meta.url));
    const trusted = trustedWorkerUrl(script);
    if (trusted) worker = new Worker(trusted, { type: 'module', name: 'retention-kit-metrics' });
    else if (typeof script === 'string') worker = new Worker(script, { type: 'module', name: 'retention-kit-metrics' });
    else worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'retention-kit-metrics' });
  } catch {
    broken = true;
    return undefined;
  }
  const entry: EngineWorker = { worker, runs: new Map(), textKeys: new Set() };
  worker.onmessage = (event: MessageEvent<FromWorker>) => answer(entry, event.data);
  // A worker that fails to load (CSP, a bundler without worker support) or crashes: its runs finish inline.
  worker.onerror = (event) => {
    event.preventDefault();
    broken = true;
    for (const each of workers.splice(0)) {
      each.worker.terminate();
      for (const run of each.runs.values()) run.resolve('fallback');
      each.runs.clear();
    }
  };
  workers.push(entry);
  return entry;
}

function answer(entry: EngineWorker, message: FromWorker): void {
  const run = entry.runs.get(message.id);
  if (!run) return;
  switch (message.type) {
    case 'loading':
      run.started = true;
      run.listener.onLoading?.(message.progress);
      return;
    case 'loaded':
      run.started = true;
      run.computingSince = Date.now();
      // If this job turns long, the runs queued behind it go elsewhere.
      setTimeout(() => moveWaitingRuns(entry), BUSY_AFTER_MS + 1);
      run.listener.onLoaded?.();
      return;
    case 'progress':
      run.started = true;
      run.listener.onProgress?.(message.fraction);
      return;
    case 'cache-miss':
      run.resend();
      return;
    case 'result':
      entry.runs.delete(message.id);
      run.resolve(message.outcome);
  }
}

/** Runs still queued in a busy worker go to a free one (cancelled where they were: the worker drops them unstarted). */
function moveWaitingRuns(entry: EngineWorker): void {
  if (!workers.includes(entry) || !isBusy(entry, Date.now())) return;
  const elsewhere = pickWorker();
  if (!elsewhere || elsewhere === entry) return;
  for (const [id, run] of [...entry.runs]) {
    if (run.started) continue;
    entry.runs.delete(id);
    entry.worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
    run.move();
  }
}

/** Busy: a job of it has computed for longer than BUSY_AFTER_MS (downloads and parsing interleave, they never count). */
function isBusy(entry: EngineWorker, now: number): boolean {
  for (const run of entry.runs.values()) if (run.computingSince !== undefined && now - run.computingSince > BUSY_AFTER_MS) return true;
  return false;
}

/** The first worker that is not busy (the first holds the shared caches), a new one while there is room, else the least loaded. */
function pickWorker(): EngineWorker | undefined {
  const now = Date.now();
  const free = workers.find((entry) => !isBusy(entry, now));
  if (free) return free;
  if (workers.length < MAX_WORKERS) return startWorker();
  return workers.reduce<EngineWorker | undefined>((least, entry) => (!least || entry.runs.size < least.runs.size ? entry : least), undefined);
}

/**
 * Text inputs get a key so a worker can keep them parsed: elements sharing an
 * inline text share its RawInput object, so they share the key too. (A URL is
 * its own key, in the engine.)
 */
const inputKeys = new WeakMap<RawInput, number>();
let nextInputKey = 1;

function inputKey(input: RawInput): number | undefined {
  if (input.kind !== 'text' && input.kind !== 'bytes') return undefined;
  let key = inputKeys.get(input);
  if (key === undefined) inputKeys.set(input, (key = nextInputKey++));
  return key;
}

/** Sends a run (or a preload) to a worker; resolves with its outcome, 'aborted', or 'fallback' when no worker can take it. */
export function runInWorker(request: WorkerRequest, listener: RunListener): Promise<WorkerReply> {
  return new Promise((resolve) => startRun(request, listener, resolve));
}

function startRun(request: WorkerRequest, listener: RunListener, resolve: (reply: WorkerReply) => void): void {
  const target = pickWorker();
  if (!target) {
    resolve('fallback');
    return;
  }
  const id = nextId++;
  const key = request.type === 'run' ? inputKey(request.input as RawInput) : undefined;
  const send = (useCache: boolean) => {
    let message: ToWorker;
    if (request.type === 'load') message = { ...request, id };
    else if (key !== undefined && useCache && target.textKeys.has(key)) message = { ...request, id, input: { kind: 'cached', key } };
    else message = { ...request, id, cacheKey: key };
    target.worker.postMessage(message);
    if (key !== undefined) target.textKeys.add(key);
  };
  target.runs.set(id, { resolve, listener, resend: () => send(false), move: () => startRun(request, listener, resolve) });
  listener.signal?.addEventListener(
    'abort',
    () => {
      // A run that moved was deleted here: the listener of where it went answers.
      if (!target.runs.delete(id)) return;
      target.worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
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
    target.runs.delete(id);
    resolve('fallback');
  }
}
