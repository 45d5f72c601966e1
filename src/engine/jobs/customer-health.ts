/**
 * The customer-health job: activity events in (or a shop's orders: records
 * without an event column are read as transactions, each purchase day one
 * visit and its spend), one row per customer with its score, status, value and
 * the signals (with their facts) that moved it, in the order to call them.
 * Wording of the signals is left to the element, which words the facts in its
 * own language.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import {
  DEFAULT_HEALTH_WINDOW_DAYS,
  customerHealth,
  purchaseActivity,
  readActivityEvents,
  type ActivityEvent,
  type ActivityField,
  type HealthSignalName,
  type HealthStatus,
  type HealthValueKind,
  type SignalFacts,
} from '../../metrics/health.ts';
import { fail, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { isRecordList, someRecordHas } from '../../metrics/read/csv-records.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import { suggestedWindowDays } from '../../metrics/purchase-gaps.ts';
import { transactionTableFor } from '../table-cache.ts';
import { engineJob } from '../job.ts';

export interface CustomerHealthJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  fields: Partial<Record<ActivityField, string>>;
  /** How to read records without an event column: as orders (customer, date, amount or quantity × price, order, type …). */
  orderFields?: TransactionFields;
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
  status: HealthStatus;
  /** Recurring revenue, or the last year's spend for orders; null when unknown. */
  value: number | null;
  /** max(0, baseline − score) / baseline. */
  risk: number;
  /** risk × value (risk alone without values): the call order. */
  priority: number;
  /** Largest |contribution| first. */
  signals: HealthRowSignal[];
  lastActiveDay: number | null;
}

export interface CustomerHealthModel {
  /** What was scored: product events, or a shop's orders read as activity. */
  source: 'events' | 'orders';
  /** What `value` means, or null when the data has no money. */
  valueKind: HealthValueKind | null;
  /** True when the window was chosen from the data (orders: 3 × the median days between purchases). */
  windowFromData: boolean;
  lapsedCount: number;
  asOfDay: number | null;
  windowDays: number;
  baseline: number;
  atRiskBelow: number;
  weights: Record<HealthSignalName, number>;
  atRiskCount: number;
  /** Whom to call first (the metric's order): still with us by risk × value, then the lapsed. */
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

interface Activity {
  source: 'events' | 'orders';
  events: ActivityEvent[];
  /** The window the data suggests (orders), when none was given. */
  windowDays?: number;
}

/**
 * Records with an event column (named by event-key, else `event`) are activity
 * events. Records without one that carry money (an `amount` column, or mapped
 * amount, quantity × price or order columns) are orders, read by the kit's
 * transaction reader; anything else is read as events, so a file with neither
 * gets the events reader's message naming the missing fields.
 */
function readActivity(rows: unknown, options: CustomerHealthJobOptions): Result<Activity> {
  const eventColumn = options.fields.event || 'event';
  const order = options.orderFields ?? {};
  const money = Boolean(order.amount || order.unitPrice || order.order);
  const orders =
    isRecordList(rows) &&
    rows.length > 0 &&
    !options.fields.event &&
    !someRecordHas(rows, eventColumn, 1000) &&
    (money || someRecordHas(rows, 'amount', 1000));
  if (!orders) {
    const events = readActivityEvents(rows as unknown[], { fields: options.fields, timeZone: options.timeZone, reading: options.reading });
    return events.ok ? ok({ source: 'events', events: events.value }, events.warnings) : events;
  }
  const table = transactionTableFor(rows, { fields: options.orderFields ?? {}, timeZone: options.timeZone, reading: options.reading });
  if (!table.ok) return table;
  const warnings: InputWarning[] = [...table.warnings];
  let windowDays: number | undefined;
  if (options.windowDays === undefined) {
    const suggested = suggestedWindowDays(table.value);
    windowDays = suggested.ok && suggested.value !== null ? suggested.value : DEFAULT_HEALTH_WINDOW_DAYS;
  }
  return ok({ source: 'orders', events: purchaseActivity(table.value), windowDays }, warnings);
}

export const customerHealthJob = engineJob<CustomerHealthJobOptions, CustomerHealthModel>('customer-health', (rows, options, context) => {
  const weights = readWeights(options.weights);
  if (!weights.ok) return weights;
  const events = readActivity(rows, options);
  if (!events.ok) return events;
  context.progress(0.5);
  const { source, windowDays: suggestedWindow } = events.value;
  const report = customerHealth(events.value.events, {
    asOf: options.asOf,
    timeZone: options.timeZone,
    windowDays: options.windowDays ?? suggestedWindow,
    weights: weights.value,
    baseline: options.baseline,
    atRiskBelow: options.atRiskBelow,
    source,
  });
  if (!report.ok) return fail(report.error, [...events.warnings, ...report.warnings]);
  const r = report.value;
  const customers = r.customers.map(
    (c): HealthRow => ({
      customer: c.customer,
      score: c.score,
      atRisk: c.atRisk,
      status: c.status,
      value: c.value,
      risk: c.risk,
      priority: c.priority,
      signals: c.signals.map((s) => ({ signal: s.signal, contribution: s.contribution, facts: s.facts })),
      lastActiveDay: c.lastActiveDay,
    }),
  );
  return ok(
    {
      source,
      valueKind: r.valueKind,
      windowFromData: suggestedWindow !== undefined && options.windowDays === undefined,
      lapsedCount: r.lapsedCount,
      asOfDay: r.asOfDay,
      windowDays: r.windowDays,
      baseline: r.baseline,
      atRiskBelow: r.atRiskBelow,
      weights: r.weights,
      atRiskCount: r.atRiskCount,
      customers,
    },
    [...events.warnings, ...report.warnings],
  );
});
