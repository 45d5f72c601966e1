/**
 * The engine's entry: every job of the kit (registry.ts) with the metrics code
 * it needs. It is the only place that code is downloaded from, in one of two ways:
 *
 * - as the metrics worker, started by platform/compute.ts with `new Worker(new
 *   URL('../../engine/worker.ts', import.meta.url), { type: 'module' })`, which
 *   Vite, app bundlers and the test runner's esbuild plugin all recognise;
 *   it then answers the page's messages (protocol.ts);
 * - imported into the page (`import('../../engine/worker.ts')`) where no worker
 *   can start (a CSP or Trusted Types policy refusing it, a bundler without
 *   worker support) or when an element asks for `compute="inline"`; the page
 *   then calls {@link runInPage} itself.
 */
import { computeError } from '../components/platform/errors.ts';
import type { RawInput } from '../components/platform/input.ts';
import { csvDelimiterOf, materialize } from './parse.ts';
import { withCurrencyOfReads } from './table-cache.ts';
import { NO_PROGRESS, type JobContext, type JobFunction } from './job.ts';
import { findJob } from './registry.ts';
import { runOnRecords, throttledProgress } from './run-job.ts';
import type { FromWorker, Outcome, RunMessage, ToWorker } from './protocol.ts';

/**
 * Runs a job in the calling thread: the page's fallback when there is no
 * worker, by name for a job of the kit, or a page-defined job given text
 * (its parser is here, not in the page's bundle).
 */
export function runInPage(job: string | JobFunction<unknown, unknown>, input: RawInput, options: unknown): Outcome<unknown> {
  const run = typeof job === 'string' ? findJob(job) : job;
  if (!run) return { ok: false, error: computeError(new Error(`no job named ${String(job)} in the metrics engine`)), warnings: [] };
  return runJob(run, parsedOnce(input, parsedPageInputs, input), options, NO_PROGRESS);
}

function runJob(job: JobFunction<unknown, unknown>, input: RawInput, options: unknown, context: JobContext): Outcome<unknown> {
  const parsed = materialize(input);
  if (!parsed.ok) return { ok: false, error: parsed.error, warnings: [] };
  const { value: outcome, currency } = withCurrencyOfReads(() => runOnRecords(job, parsed.rows, withFileFacts(options, parsed.rows), context));
  return outcome.ok && currency ? { ...outcome, currency } : outcome;
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

/**
 * Text parsed into records once per key, so a download shared by several
 * widgets is parsed once: in the page keyed by the input object, in the
 * worker by the number the page gave it. A parse error is not kept: the job
 * reports it from the raw input.
 */
function parsedOnce<K>(input: RawInput, cache: { get(key: K): RawInput | undefined; set(key: K, value: RawInput): unknown }, key: K): RawInput {
  if (input.kind === 'rows') return input;
  let parsed = cache.get(key);
  if (!parsed) {
    const result = materialize(input);
    if (!result.ok) return input;
    parsed = { kind: 'rows', rows: result.rows, origin: input.origin };
    cache.set(key, parsed);
  }
  return parsed;
}

/** Inputs parsed in the page: the page keeps the input objects, so a WeakMap lets them go with it. */
const parsedPageInputs = new WeakMap<RawInput, RawInput>();

type WorkerScope = { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };
const workerScope = typeof document === 'undefined' && typeof self !== 'undefined' ? (self as unknown as WorkerScope) : undefined;
const cancelled = new Set<number>();

if (workerScope) workerScope.onmessage = (event) => answer(workerScope, event.data);

function answer(scope: WorkerScope, message: ToWorker): void {
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
}

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
  const input = parsedOnce(message.input, parsedInputs, message.cacheKey);
  while (parsedInputs.size > MAX_CACHED_INPUTS) parsedInputs.delete(parsedInputs.keys().next().value!);
  return input;
}
