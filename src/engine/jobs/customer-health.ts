/**
 * The customer-health job: activity events in, one row per customer with its
 * score and the signals (with their facts) that moved it. Wording of the
 * signals is left to the element, which words the facts in its own language.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import {
  customerHealth,
  readActivityEvents,
  type ActivityField,
  type HealthSignalName,
  type SignalFacts,
} from '../../metrics/health.ts';
import { fail, ok, optionError } from '../../metrics/issues.ts';
import { engineJob } from '../job.ts';

export interface CustomerHealthJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  fields: Partial<Record<ActivityField, string>>;
  timeZone?: string;
  asOf?: string;
  windowDays?: number;
  /** Points per signal, or the JSON text of the `weights` attribute (read here so bad JSON is reported like any input). */
  weights?: Partial<Record<HealthSignalName, number>> | string;
  baseline?: number;
  atRiskBelow?: number;
}

export interface HealthRowSignal {
  signal: HealthSignalName;
  contribution: number;
  facts: SignalFacts;
}

export interface HealthRow {
  customer: string;
  score: number;
  atRisk: boolean;
  /** Largest |contribution| first. */
  signals: HealthRowSignal[];
  lastActiveDay: number | null;
}

export interface CustomerHealthModel {
  asOfDay: number | null;
  windowDays: number;
  baseline: number;
  atRiskBelow: number;
  weights: Record<HealthSignalName, number>;
  atRiskCount: number;
  /** Most at risk first (the metric's order). */
  customers: HealthRow[];
}

export const WEIGHTS_EXPECTATION = 'JSON points per signal, such as {"usage-drop":30,"dormant":40}';

function readWeights(weights: CustomerHealthJobOptions['weights']) {
  if (typeof weights !== 'string') return ok(weights);
  if (weights.trim() === '') return ok(undefined);
  try {
    const parsed: unknown = JSON.parse(weights);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return ok(parsed as Partial<Record<HealthSignalName, number>>);
  } catch {
    // reported below
  }
  return fail<undefined>(optionError('weights', WEIGHTS_EXPECTATION, weights));
}

export const customerHealthJob = engineJob<CustomerHealthJobOptions, CustomerHealthModel>('customer-health', (rows, options, context) => {
  const weights = readWeights(options.weights);
  if (!weights.ok) return weights;
  const events = readActivityEvents(rows as unknown[], { fields: options.fields, timeZone: options.timeZone, reading: options.reading });
  if (!events.ok) return events;
  context.progress(0.5);
  const report = customerHealth(events.value, {
    asOf: options.asOf,
    timeZone: options.timeZone,
    windowDays: options.windowDays,
    weights: weights.value,
    baseline: options.baseline,
    atRiskBelow: options.atRiskBelow,
  });
  if (!report.ok) return fail(report.error, [...events.warnings, ...report.warnings]);
  const r = report.value;
  const customers = r.customers.map(
    (c): HealthRow => ({
      customer: c.customer,
      score: c.score,
      atRisk: c.atRisk,
      signals: c.signals.map((s) => ({ signal: s.signal, contribution: s.contribution, facts: s.facts })),
      lastActiveDay: c.lastActiveDay,
    }),
  );
  return ok(
    { asOfDay: r.asOfDay, windowDays: r.windowDays, baseline: r.baseline, atRiskBelow: r.atRiskBelow, weights: r.weights, atRiskCount: r.atRiskCount, customers },
    [...events.warnings, ...report.warnings],
  );
});
