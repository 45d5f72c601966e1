/** Messages between the page and the metrics worker. */
import type { InputWarning } from '../metrics/issues.ts';
import type { ElementError } from '../components/platform/errors.ts';
import type { RawInput } from '../components/platform/input.ts';

/** A job's outcome as the element sees it: the metric, or any error on the way (parse, input, compute). */
export type Outcome<T> =
  /** `currency`: the ISO code of the value's money, when the data said (a currency column). */
  | { ok: true; value: T; warnings: InputWarning[]; currency?: string }
  | { ok: false; error: ElementError; warnings: InputWarning[] };

/** Input the worker already holds, parsed, from an earlier run with the same `cacheKey`. */
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
  /** Keep the parsed records under this key: other widgets on the same download will ask for them. */
  cacheKey?: number;
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToWorker = RunMessage | CancelMessage;

export type FromWorker =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; outcome: Outcome<unknown> }
  | { type: 'unknown-job'; id: number; job: string }
  /** The worker no longer holds a cached input: send the run again with the input itself. */
  | { type: 'cache-miss'; id: number };
