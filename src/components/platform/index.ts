/** The element platform: everything an element is built from. See README.md. */
export { RetentionElement, MalformedJson, jsonAttributeConverter, type ElementStatus, type JobRequest, type Outcome } from './retention-element.ts';
export { defineJob, jobNamed, type Job, type JobContext, type JobFunction } from './jobs.ts';
export { compute, computeStats, preloadInput, prefersWorker, WORKER_THRESHOLD, type ComputeMode } from './compute.ts';
export { defineElement, KIT_VERSION } from './define.ts';
export { emit, type MetricChangeDetail, type MetricChangeEvent, type RetentionErrorEvent, type ErrorDetail, type SourceChangeDetail } from './events.ts';
export { loadError, computeError, type ElementError, type LoadError, type ComputeError } from './errors.ts';
export { Formatter, LocaleController, languageOf } from './locale.ts';
export { registerTranslation, term, fallbackChain, type Terms, type TermKey } from './translations.ts';
export { numberAttribute, choiceAttribute, type NumberRange, type CheckedConverter, type AttributeExpectation } from './attribute-rules.ts';
export { ResizeController } from './resize-controller.ts';
export { renderDataTable, type TableColumn } from './data-table.ts';
export { platformStyles } from './theme.styles.ts';
export { detectFormat, type RawInput, type TextFormat } from './input.ts';
export { publishSource, watchSource, currentSource, type SourceSnapshot } from './source-hub.ts';
