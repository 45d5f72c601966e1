/**
 * The engine's entry: every job of the kit (registry.ts) with the metrics code
 * it needs, and the data path from a URL or text to a job's records
 * (inputs.ts, download.ts, parse.ts). It is the only place that code is
 * downloaded from, in one of two ways:
 *
 * - as the metrics worker, started by platform/compute.ts with `new Worker(new
 *   URL('../../engine/worker.ts', import.meta.url), { type: 'module' })`, which
 *   Vite, app bundlers and the test runner's esbuild plugin all recognise;
 *   it then answers the page's messages (protocol.ts);
 * - imported into the page (`import('../../engine/worker.ts')`) where no worker
 *   can start (a CSP or Trusted Types policy refusing it, a bundler without
 *   worker support) or when an element asks for `compute="inline"`; the page
 *   then calls {@link execute} itself.
 */
import { computeError, type ElementError } from '../components/platform/errors.ts';
import type { RawInput } from '../components/platform/input.ts';
import { csvDelimiterOf } from './parse.ts';
import { withCurrencyOfReads } from './table-cache.ts';
import { NO_PROGRESS, type JobContext, type JobFunction } from './job.ts';
import { findJob } from './registry.ts';
import { keptRecords, recordsOf, type DownloadProgress } from './inputs.ts';
import { runOnRecords, throttledProgress } from './run-job.ts';
import { isCsvRecords, recordObjects } from '../metrics/read/csv-records.ts';
import { optionError } from '../metrics/issues.ts';
import type { Attachments, FromWorker, Outcome, ToWorker } from './protocol.ts';
import type { ParseOutcome } from './stream-parser.ts';

export { inputStats } from './inputs.ts';

export interface RunRequest {
  /** A job of the registry by name, or a page-defined job's function (given text, it borrows the parser here). */
  job: string | JobFunction<unknown, unknown>;
  input: RawInput;
  /** Keeps parsed text under this key (URLs are keyed by themselves). */
  inputKey?: string;
  options: unknown;
  attachments?: Attachments;
}

export interface RunHooks {
  signal?: AbortSignal;
  onLoading?: (progress: DownloadProgress) => void;
  /** The input is parsed and the job starts. */
  onLoaded?: () => void;
  context?: JobContext;
}

/** Loads a run's inputs (once for everyone who shares them), then runs its job on their records. */
export async function execute(request: RunRequest, hooks: RunHooks = {}): Promise<Outcome<unknown> | 'aborted'> {
  // The job's code (an engine chunk, registry.ts) downloads while the input does.
  const job = jobOf(request.job);
  const records = await recordsOf(request.input, request.inputKey, { signal: hooks.signal, onProgress: hooks.onLoading });
  if (records === 'aborted') return 'aborted';
  const run = await job;
  if (typeof run !== 'function') return { ok: false, error: run, warnings: [] };
  if (!records.ok) return { ok: false, error: records.error, warnings: [] };
  // A page-defined job was written against records as objects (platform README); the kit's jobs read columns.
  const rows = typeof request.job !== 'string' && isCsvRecords(records.rows) ? recordObjects(records.rows) : records.rows;
  let options = withFileFacts(request.options, records.rows);
  for (const [name, { input, attribute }] of Object.entries(request.attachments ?? {})) {
    const attached = await recordsOf(input, undefined, { signal: hooks.signal });
    if (attached === 'aborted') return 'aborted';
    // The cause first: long values are shortened.
    if (!attached.ok) return { ok: false, error: optionError(attribute, 'a reachable JSON or CSV file of records', `${attached.error.message} (${input.origin})`), warnings: [] };
    options = { ...(options as object), [name]: attached.rows };
  }
  if (hooks.signal?.aborted) return 'aborted';
  hooks.onLoaded?.();
  const { value: outcome, currency } = withCurrencyOfReads(() => runOnRecords(run, rows, options, hooks.context ?? NO_PROGRESS));
  return outcome.ok && currency ? { ...outcome, currency } : outcome;
}

/** A run's job function, or the error to show when there is none by that name or its code did not load. */
async function jobOf(job: RunRequest['job']): Promise<JobFunction<unknown, unknown> | ElementError> {
  if (typeof job !== 'string') return job;
  try {
    return (await findJob(job)) ?? computeError(new Error(`no job named ${job} in the metrics engine`));
  } catch (error) {
    // A chunk that cannot be fetched (the engine's files moved, or the network went away).
    return computeError(new Error(`the metrics engine could not load the code of ${job}: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Downloads and parses an input ahead of any job (`<retention-source>`): the records wait in the store. */
export async function preload(input: RawInput, hooks: RunHooks = {}): Promise<Outcome<{ rows: number }> | 'aborted'> {
  const records = await recordsOf(input, undefined, { signal: hooks.signal, onProgress: hooks.onLoading });
  if (records === 'aborted') return 'aborted';
  return records.ok ? { ok: true, value: { rows: recordCount(records.rows) }, warnings: [] } : { ok: false, error: records.error, warnings: [] };
}

function recordCount(rows: unknown): number {
  const length = (rows as { length?: unknown } | null)?.length;
  return typeof length === 'number' ? length : rows === null || rows === undefined ? 0 : 1;
}

/**
 * What the file itself says about reading it, added to the element's reading
 * options: a `;`-separated CSV is a European spreadsheet save, whose numbers
 * use a decimal comma unless a column shows otherwise.
 */
function withFileFacts(options: unknown, rows: unknown): unknown {
  const reading = (options as { reading?: object } | null)?.reading;
  if (!reading || csvDelimiterOf(rows) !== ';') return options;
  return { ...(options as object), reading: { ...reading, decimalHint: ',' } };
}

// ---- the worker's side of the protocol ---------------------------------------------------

type WorkerScope = { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };
const workerScope = typeof document === 'undefined' && typeof self !== 'undefined' ? (self as unknown as WorkerScope) : undefined;
/** Resolves in a task of its own, after the messages already queued for this worker. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs under way, by id: a `cancel` aborts the download and the parsing (between chunks) and drops the answer. */
const running = new Map<number, AbortController>();

if (workerScope) workerScope.onmessage = (event) => void answer(workerScope, event.data);

async function answer(scope: WorkerScope, message: ToWorker): Promise<void> {
  if (message.type === 'cancel') {
    running.get(message.id)?.abort();
    running.delete(message.id);
    return;
  }
  const { id } = message;
  const abort = new AbortController();
  running.set(id, abort);
  // Runs queue here while a job computes (synchronously). Let the messages behind this one in,
  // first: when a page replaced its data meanwhile, their `cancel` is among them, and a run
  // cancelled before it starts must not parse and compute for nobody.
  await nextTask();
  if (abort.signal.aborted) return;
  const post = (reply: FromWorker) => {
    if (!abort.signal.aborted) scope.postMessage(reply);
  };
  const hooks: RunHooks = {
    signal: abort.signal,
    onLoading: (progress) => post({ type: 'loading', id, progress }),
    onLoaded: () => post({ type: 'loaded', id }),
    context: throttledProgress((fraction) => post({ type: 'progress', id, fraction })),
  };
  let outcome: Outcome<unknown> | 'aborted';
  if (message.type === 'load') {
    outcome = await preload(message.input, hooks);
  } else {
    const textKey = message.input.kind === 'cached' ? message.input.key : message.cacheKey;
    const inputKey = textKey === undefined ? undefined : `text:${textKey}`;
    let input = message.input;
    if (input.kind === 'cached') {
      const kept: ParseOutcome | undefined = keptRecords(inputKey!);
      if (!kept?.ok) {
        running.delete(id);
        scope.postMessage({ type: 'cache-miss', id });
        return;
      }
      input = { kind: 'rows', rows: kept.rows, origin: 'a cached input' };
    }
    outcome = await execute({ job: message.job, input, inputKey, options: message.options, attachments: message.attachments }, hooks);
  }
  running.delete(id);
  if (outcome !== 'aborted') post({ type: 'result', id, outcome });
}
