/** Messages between the page and the metrics worker. */
import type { InputWarning } from '../../metrics/issues.ts';
import type { ElementError } from './errors.ts';
import type { RawInput } from './input.ts';

/** A job's outcome as the element sees it: the metric, or any error on the way (parse, input, compute). */
export type Outcome<T> = { ok: true; value: T; warnings: InputWarning[] } | { ok: false; error: ElementError; warnings: InputWarning[] };

export interface RunMessage {
  type: 'run';
  id: number;
  job: string;
  options: unknown;
  input: RawInput;
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToWorker = RunMessage | CancelMessage;

export type FromWorker =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; outcome: Outcome<unknown> }
  | { type: 'unknown-job'; id: number; job: string };
