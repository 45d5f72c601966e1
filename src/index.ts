/**
 * `retention-kit`: the whole kit. Importing it registers every element of the
 * kit (each `src/components/<tag>/define.ts`, found by pattern at build time,
 * so a new element is part of the kit as soon as its folder exists) and
 * exports what a page needs around them. One element alone:
 * `import 'retention-kit/cohort-heatmap'`.
 */
import.meta.glob('./components/*/define.ts', { eager: true });

export { KIT_VERSION, defineElement } from './components/platform/define.ts';
export { registerTranslation, type Terms, type TermKey } from './components/platform/translations.ts';
export { computeStats, WORKER_THRESHOLD, type ComputeMode } from './components/platform/compute.ts';
export type { MetricChangeDetail, MetricChangeEvent, RetentionErrorEvent, ErrorDetail, SourceChangeDetail } from './components/platform/events.ts';
export type { ElementError, LoadError, ComputeError } from './components/platform/errors.ts';
