/**
 * The revenue-movements job: subscriptions, or movements already summed per
 * period, in; per period the recurring revenue gained (new, expansion,
 * reactivation) and lost (contraction, churn), the net change, NRR, GRR and
 * the quick ratio out. Runs in the page or in the metrics worker: no DOM.
 *
 * Pre-aggregated periods (one record per period, amounts ≥ 0):
 *
 *   { "period": "2024-03", "new": 1200, "expansion": 800, "reactivation": 200,
 *     "contraction": 300, "churn": 500, "startMrr": 10000, "complete": true }
 *
 * `complete` is optional (default true); keys of one calendar (`2024-03`,
 * `2024-Q1` …) are sorted by time; the element labels them in its language.
 *
 * A `revenue-movements/1` document (metrics/shapes/revenue-movements.ts: the
 * command line's and retention-kit/sql's output) is read whole: its calendar,
 * its periods' completeness and its amounts are the warehouse's word.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import { dayOfOption } from '../../metrics/read/limits.ts';
import * as z from 'zod/mini';
import { calendarOfKeys, GRANULARITIES, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { ZonedDayMapper, today } from '../../metrics/calendar/dates.ts';
import { IssueCollector, fail, ok, optionError, type Result } from '../../metrics/issues.ts';
import { latestPeriods } from './drawn-periods.ts';
import { firstRecord, isRecordList, type RecordList } from '../../metrics/read/csv-records.ts';
import { movementRates } from '../../metrics/movement-rates.ts';
import { numberValue, readRecords, textValue, optionalBooleanValue } from '../../metrics/read/records.ts';
import { revenueMovements } from '../../metrics/revenue-movements.ts';
import { readSubscriptions, type SubscriptionField } from '../../metrics/subscriptions.ts';
import { calendarOfShape } from '../../metrics/shapes/cohort-matrix.ts';
import { REVENUE_MOVEMENTS_SHAPE, revenueMovementsShapeSchema, type RevenueMovementsShape } from '../../metrics/shapes/revenue-movements.ts';
import { contradictedAttribute, readVersionedShape } from '../../metrics/shapes/versioned.ts';
import { engineJob } from '../job.ts';

export const MOVEMENT_INPUTS = ['auto', 'subscriptions', 'periods'] as const;
export type MovementInput = (typeof MOVEMENT_INPUTS)[number];
export const MOVEMENT_PERIOD_FIELDS = ['period', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'startMrr', 'complete'] as const;

/** One period's bar. Plain data: it crosses postMessage. */
export interface MovementBar {
  /** Period key (`2024-03`), or the period as a pre-aggregated record named it; the page labels it. */
  key: string;
  startMrr: number;
  newMrr: number;
  expansionMrr: number;
  reactivationMrr: number;
  /** Positive amounts: what was lost. */
  contractionMrr: number;
  churnedMrr: number;
  /** Gained − lost: the change of recurring revenue over the period. */
  net: number;
  netRevenueRetention: number | null;
  grossRevenueRetention: number | null;
  quickRatio: number | null;
  /** False for a period that has not ended yet. */
  complete: boolean;
}

export interface RevenueMovementsModel {
  input: 'subscriptions' | 'periods';
  /** Null for pre-aggregated keys of no calendar. */
  granularity: Granularity | null;
  /** First day of `week` periods (labels of their keys). */
  weekStart?: Weekday;
  periods: MovementBar[];
  /** The period selected by default: the last complete one (the last one when none is complete); -1 without periods. */
  defaultIndex: number;
}

export interface RevenueMovementsJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  input: MovementInput;
  granularity: Granularity;
  /** The page's `granularity` when it set one: a versioned document of other periods is refused, not drawn (shapes/versioned.ts). */
  givenGranularity?: Granularity;
  weekStart?: Weekday;
  /** First and (exclusive) last day shown, ISO dates. */
  from?: string;
  to?: string;
  /** The day that decides which periods are complete (ISO date); default today. */
  asOf?: string;
  timeZone?: string;
  subscriptionFields?: Partial<Record<SubscriptionField, string>>;
  /** Clock (epoch ms) standing in for today; for tests. */
  now?: number;
}

/** `auto`: records with a `period` column are pre-aggregated periods, anything else subscriptions. */
function detectInput(rows: RecordList, input: MovementInput): 'subscriptions' | 'periods' {
  if (input !== 'auto') return input;
  const first = firstRecord(rows);
  return first !== undefined && Object.hasOwn(first as object, 'period') ? 'periods' : 'subscriptions';
}

export function computeRevenueMovements(rows: unknown, options: RevenueMovementsJobOptions): Result<RevenueMovementsModel> {
  if (!MOVEMENT_INPUTS.includes(options.input)) return fail(optionError('input', MOVEMENT_INPUTS.join(', '), options.input));
  if (!GRANULARITIES.includes(options.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options.granularity));
  const versioned = readVersionedShape(rows, REVENUE_MOVEMENTS_SHAPE, revenueMovementsShapeSchema);
  if (versioned && !versioned.ok) return versioned;
  if (!versioned && !isRecordList(rows)) return fail(optionError('data', 'an array of subscriptions or of periods', rows));
  const model = versioned ? fromDocument(versioned.value, options) : detectInput(rows as RecordList, options.input) === 'periods' ? fromPeriods(rows as RecordList, options) : fromSubscriptions(rows as RecordList, options);
  if (!model.ok) return model;
  // The default selection moves with the periods drawn.
  const drawn = latestPeriods(model.value, 'periods', model.warnings);
  return drawn.ok ? ok({ ...drawn.value, defaultIndex: defaultIndexOf(drawn.value.periods) }, drawn.warnings) : drawn;
}

/**
 * A revenue-movements/1 document's periods as bars, with the rates the kit computes from any
 * amounts; `from` and `to` keep the periods they keep of subscriptions (each period's movements
 * do not depend on the range shown).
 */
function fromDocument(document: RevenueMovementsShape, options: RevenueMovementsJobOptions): Result<RevenueMovementsModel> {
  const refused = contradictedAttribute(REVENUE_MOVEMENTS_SHAPE, [['granularity', document.granularity, options.givenGranularity]]);
  if (refused) return fail(refused);
  const calendar = calendarOfShape(document);
  const zone = new ZonedDayMapper(options.timeZone ?? 'UTC');
  let first = -Infinity;
  let last = Infinity;
  if (options.from) {
    const from = dayOfOption('from', options.from, zone);
    if (!from.ok) return from;
    first = calendar.indexOfDay(from.value);
  }
  if (options.to) {
    const to = dayOfOption('to', options.to, zone);
    if (!to.ok) return to;
    last = calendar.indexOfDay(to.value - 1);
  }
  const periods: MovementBar[] = [];
  for (const p of document.periods) {
    const index = calendar.indexOfKey(p.period);
    if (index < first || index > last) continue;
    const amounts = { startMrr: p.startMrr, newMrr: p.new, expansionMrr: p.expansion, reactivationMrr: p.reactivated, contractionMrr: p.contraction, churnedMrr: p.churned };
    const rates = movementRates(amounts);
    if (!rates.ok) return rates;
    periods.push({ key: p.period, ...amounts, net: p.endMrr - p.startMrr, ...rates.value, complete: p.complete });
  }
  const weekStart = document.weekStart === undefined ? {} : { weekStart: document.weekStart as Weekday };
  return ok({ input: 'periods', granularity: document.granularity, ...weekStart, periods, defaultIndex: defaultIndexOf(periods) });
}

/** The last complete period, else the last. */
function defaultIndexOf(periods: readonly MovementBar[]): number {
  for (let i = periods.length - 1; i >= 0; i--) if (periods[i].complete) return i;
  return periods.length - 1;
}

function fromSubscriptions(rows: RecordList, options: RevenueMovementsJobOptions): Result<RevenueMovementsModel> {
  const subscriptions = readSubscriptions(rows, { fields: options.subscriptionFields, timeZone: options.timeZone, reading: options.reading });
  if (!subscriptions.ok) return subscriptions;
  const zone = new ZonedDayMapper(options.timeZone ?? 'UTC');
  let asOfDay = today(zone, options.now);
  if (options.asOf) {
    const asOf = dayOfOption('as-of', options.asOf, zone);
    if (!asOf.ok) return fail(asOf.error, subscriptions.warnings);
    asOfDay = asOf.value;
  }
  const series = revenueMovements(subscriptions.value, {
    granularity: options.granularity,
    weekStart: options.weekStart,
    from: options.from || undefined,
    to: options.to || undefined,
    timeZone: options.timeZone,
  });
  if (!series.ok) {
    const issues = series.error.issues.map((issue) => ({ ...issue, field: issue.field.replace(/^timeFrame\./, '') }));
    return fail({ ...series.error, issues }, [...subscriptions.warnings, ...series.warnings]);
  }
  const periods = series.value.periods.map(
    (m): MovementBar => ({
      key: m.period.key,
      startMrr: m.startingMrr,
      newMrr: m.newMrr,
      expansionMrr: m.expansionMrr,
      reactivationMrr: m.reactivationMrr,
      contractionMrr: m.contractionMrr,
      churnedMrr: m.churnedMrr,
      net: m.endingMrr - m.startingMrr,
      netRevenueRetention: m.netRevenueRetention,
      grossRevenueRetention: m.grossRevenueRetention,
      quickRatio: m.quickRatio,
      // A period is measured on its last day: before that day has passed, its snapshot is not final.
      complete: m.period.endDay <= asOfDay + 1,
    }),
  );
  return ok({ input: 'subscriptions', granularity: options.granularity, weekStart: options.weekStart, periods, defaultIndex: defaultIndexOf(periods) }, [...subscriptions.warnings, ...series.warnings]);
}


const amount = numberValue({ min: 0 });
const periodSchema = z.object({
  period: textValue,
  new: amount,
  expansion: amount,
  reactivation: amount,
  contraction: amount,
  churn: amount,
  startMrr: amount,
  complete: optionalBooleanValue,
});

function fromPeriods(rows: RecordList, options: RevenueMovementsJobOptions): Result<RevenueMovementsModel> {
  const records = readRecords(rows, periodSchema, MOVEMENT_PERIOD_FIELDS, { what: 'periods' });
  if (!records.ok) return records;
  const issues = new IssueCollector();
  const periods: MovementBar[] = [];
  const seen = new Map<string, number>();
  records.value.forEach((r, i) => {
    const earlier = seen.get(r.period);
    if (earlier !== undefined) {
      issues.add(i, 'period', `a period not already given by record ${earlier + 1}`, r.period);
      return;
    }
    seen.set(r.period, i);
    const amounts = { startMrr: r.startMrr, newMrr: r.new, expansionMrr: r.expansion, reactivationMrr: r.reactivation, contractionMrr: r.contraction, churnedMrr: r.churn };
    const rates = movementRates(amounts);
    if (!rates.ok) {
      issues.add(i, 'churn', 'contraction + churn of at most startMrr (the starting base cannot lose more than it paid)', r.churn);
      return;
    }
    const gained = r.new + r.expansion + r.reactivation;
    periods.push({ key: r.period, ...amounts, net: gained - r.contraction - r.churn, ...rates.value, complete: r.complete ?? true });
  });
  if (issues.hasIssues) return fail(issues.toError('periods'));
  const calendar = calendarOfKeys(
    periods.map((p) => p.key),
    options.granularity,
  );
  if (calendar) periods.sort((a, b) => calendar.indexOfKey(a.key) - calendar.indexOfKey(b.key));
  return ok({ input: 'periods', granularity: calendar?.granularity ?? null, periods, defaultIndex: defaultIndexOf(periods) });
}

export const revenueMovementsJob = engineJob<RevenueMovementsJobOptions, RevenueMovementsModel>('revenue-movements', (rows, options) =>
  computeRevenueMovements(rows, options),
);
