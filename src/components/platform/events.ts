/**
 * The events of the kit, with their detail types. Every event is composed (it
 * crosses shadow roots); all but `error` bubble. `error` does not bubble, like
 * the native `error` of <img> and <script>: a bubbling `error` would reach
 * `window.onerror`, where pages and test runners treat it as a script crash.
 */
import type { InputWarning } from '../../metrics/issues.ts';
import type { ElementError } from './errors.ts';

/** `metric-change`: the computed result changed (not fired for an equal result). */
export interface MetricChangeDetail<T = unknown> {
  /** The element's new result: the same object as its `result` property. */
  result: T;
  warnings: InputWarning[];
}

/** `error`: the element could not show its metric; the message is also shown inside the element. */
export type ErrorDetail = ElementError;

/** `source-change` (from `<retention-source>`): its data finished loading, or failed. */
export interface SourceChangeDetail {
  id: string;
  state: 'loading' | 'ready' | 'error';
}

export type MetricChangeEvent<T = unknown> = CustomEvent<MetricChangeDetail<T>>;
export type RetentionErrorEvent = CustomEvent<ErrorDetail>;
export type SourceChangeEvent = CustomEvent<SourceChangeDetail>;

/** Dispatches a typed, composed event from `target`. */
export function emit<T>(target: EventTarget, type: string, detail: T, options: { bubbles?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: options.bubbles ?? true, composed: true, cancelable: false }));
}

declare global {
  interface HTMLElementEventMap {
    'metric-change': MetricChangeEvent;
    'source-change': SourceChangeEvent;
    // `error` is already an ErrorEvent/Event in lib.dom; listeners cast it to RetentionErrorEvent.
  }
}
