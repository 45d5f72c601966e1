/** Messages between the page (platform/compute.ts) and the engine's worker (worker.ts). */
import type { InputWarning } from '../metrics/issues.ts';
import type { ElementError } from '../components/platform/errors.ts';
import type { RawInput } from '../components/platform/input.ts';
import type { DownloadProgress } from './download.ts';

export type { DownloadProgress };

/** A job's outcome as the element sees it: the metric, or any error on the way (download, parse, input, compute). */
export type Outcome<T> =
  /** `currency`: the ISO code of the value's money, when the data said (a currency column). */
  | { ok: true; value: T; warnings: InputWarning[]; currency?: string }
  | { ok: false; error: ElementError; warnings: InputWarning[] };

/** Text the worker already holds, parsed, from an earlier run with the same `cacheKey`. */
export interface CachedInput {
  kind: 'cached';
  key: number;
}

export interface RunMessage {
  type: 'run';
  id: number;
  job: string;
  options: unknown;
  input: RawInput | CachedInput;
  /** Keep parsed text under this key: other elements on the same text will ask for it. (URLs are keyed by themselves.) */
  cacheKey?: number;
  attachments?: Attachments;
}

/**
 * Further inputs a job reads (cohort-heatmap's `customers-src`), by option
 * name: the engine loads each like the main input and hands the job their
 * records as that option; one that fails to load is reported under `attribute`.
 */
export type Attachments = Record<string, { input: RawInput; attribute: string }>;

/** Downloads and parses an input ahead of any job (`<retention-source>`); answered like a run, its value `{ rows }`. */
export interface LoadMessage {
  type: 'load';
  id: number;
  input: RawInput;
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToWorker = RunMessage | LoadMessage | CancelMessage;

export type FromWorker =
  /** The download of the run's input moved on. */
  | { type: 'loading'; id: number; progress: DownloadProgress }
  /** The input is parsed: the job starts. */
  | { type: 'loaded'; id: number }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; outcome: Outcome<unknown> }
  /** The worker no longer holds a cached input: send the run again with the input itself. */
  | { type: 'cache-miss'; id: number };
