/**
 * <kpi-tile> from a versioned pre-aggregated document (#14): each shape the
 * tile reads, the metrics that are one figure per period of it, and how its
 * periods become the tile's series, the same points the tile computes from the
 * records the shape was made of (so the value, the change, the interval and
 * the verdict come out the same).
 *
 * Read: period-counts/1 (customer-churn, crr, active-customers),
 * revenue-movements/1 (nrr, grr, revenue-churn, arpa, and customer-churn, crr,
 * active-customers of paying customers), nps-periods/1 (nps), repeat-counts/1
 * (repeat-purchase-rate, loyal-customer-rate). A metric a document holds no
 * figure of is refused naming the metric and the shape, and so are
 * cohort-matrix/1 and purchase-gaps/1, which hold no figure per period of any
 * tile metric; a shape the kit does not read (another version) is refused by name.
 */
import type * as z from 'zod/mini';
import type { Granularity, Weekday } from '../../metrics/calendar/calendar.ts';
import { fail, ok, optionError, type Result } from '../../metrics/issues.ts';
import type { KpiMetric, KpiPoint } from '../../metrics/kpi-catalogue.ts';
import { averageRevenuePerAccount, type SeriesFrame } from '../../metrics/kpi-series.ts';
import { customerChurnRate, customerRetentionRate, grossRevenueRetention, netRevenueRetention, npsFromCounts, revenueChurnRate } from '../../metrics/rates.ts';
import { validateInput } from '../../metrics/read/validation.ts';
import { COHORT_MATRIX_SHAPE } from '../../metrics/shapes/cohort-matrix.ts';
import { NPS_PERIODS_SHAPE, npsPeriodsShapeSchema, type NpsPeriodsShape } from '../../metrics/shapes/nps-periods.ts';
import { PERIOD_COUNTS_SHAPE, periodCountsShapeSchema, type PeriodCountsShape } from '../../metrics/shapes/period-counts.ts';
import { REPEAT_COUNTS_SHAPE, repeatCountsShapeSchema, type RepeatCountsShape } from '../../metrics/shapes/repeat-counts.ts';
import { REVENUE_MOVEMENTS_SHAPE, revenueMovementsShapeSchema, type RevenueMovementsPeriod, type RevenueMovementsShape } from '../../metrics/shapes/revenue-movements.ts';
import { contradictedAttribute, namedShape, type AttributeCheck } from '../../metrics/shapes/versioned.ts';
import { countedPeriods } from './counted-periods.ts';
import { churnOrRetention, customerCountPoint, type CustomerCountMetric, type Series } from './kpi-model.ts';

/** What the tile's job passes on to a shape's reader. */
export interface ShapeReadOptions {
  metric: KpiMetric;
  /** The page's `granularity`, when it set one: a document of another calendar is refused. */
  givenGranularity?: Granularity;
  /** The page's `window-days`; null when not set. */
  windowDays: number | null;
  /** The page's `loyalty-threshold`, when set. */
  loyaltyThreshold?: number;
  /** The page's `frame`, when set. */
  frame?: SeriesFrame;
}

interface ShapeReader<T> {
  schema: z.ZodMiniType<T>;
  /** The metrics that are one figure per period of this shape. */
  metrics: readonly KpiMetric[];
  series(document: T, options: ShapeReadOptions): Result<Series>;
}

/**
 * Shapes the kit reads but a tile cannot: why, for the message. Named here, not imported: the
 * tile's engine path (size budget) need not carry schemas it never applies.
 */
const NOT_FOR_TILES: Record<string, string> = {
  // Historic lifetime value is the nearest tile metric, but the matrix leaves out the returns a customer made
  // before their first purchase, which lifetime value counts: it would not be the engine's figure.
  [COHORT_MATRIX_SHAPE]: 'cohorts, which <cohort-heatmap> and <retention-curve> draw',
  // The tile's time-between-purchases is a median per period (all purchase days up to each period's
  // end); the document is the gaps of one frame, so it has the median of one day, not of each period.
  'purchase-gaps/1': 'the gaps of one time frame, which <purchase-cycle> draws: no median per period',
};

const readers: Record<string, ShapeReader<never>> = {};

function register<T>(shape: string, reader: ShapeReader<T>): void {
  readers[shape] = reader as unknown as ShapeReader<never>;
}

/** The tile's series from a versioned document; undefined when the data names no shape. */
export function kpiSeriesFromShape(data: unknown, options: ShapeReadOptions): Result<Series> | undefined {
  const shape = namedShape(data);
  if (shape === undefined) return undefined;
  const name = typeof shape === 'string' ? shape : '';
  if (Object.hasOwn(NOT_FOR_TILES, name)) {
    return fail(optionError('metric', `records or a ${Object.keys(readers).join(', ')} document for ${options.metric}: a ${name} document holds ${NOT_FOR_TILES[name]}`, options.metric));
  }
  if (!Object.hasOwn(readers, name)) return fail(optionError('shape', `${Object.keys(readers).join(' or ')}, the versions the tile reads`, shape));
  const reader = readers[name];
  if (!reader.metrics.includes(options.metric)) {
    return fail(optionError('metric', `${listed(reader.metrics)} for a ${name} document`, options.metric));
  }
  const document = validateInput(reader.schema, data, { what: `${name} document` });
  return document.ok ? reader.series(document.value, options) : document;
}

function listed(metrics: readonly KpiMetric[]): string {
  return metrics.length === 1 ? metrics[0] : `${metrics.slice(0, -1).join(', ')} or ${metrics.at(-1)}`;
}

/** Refused when the page set one the document contradicts (versioned.ts): a tile shows one figure and a verdict on it. */
function contradiction(shape: string, checks: readonly AttributeCheck[]): Result<never> | undefined {
  const error = contradictedAttribute(shape, checks);
  return error ? fail(error) : undefined;
}

/** The page's granularity against the document's. */
const periodsOf = (document: { granularity: Granularity }, options: ShapeReadOptions): AttributeCheck => ['granularity', document.granularity, options.givenGranularity];

/** The calendar fields of a series read from a document. */
function calendarOf(document: { granularity: Granularity; weekStart?: number }): Pick<Series, 'granularity' | 'weekStart'> {
  return { granularity: document.granularity, ...(document.weekStart === undefined ? {} : { weekStart: document.weekStart as Weekday }) };
}

// ------------------------------------------------------------------ period-counts/1

register<PeriodCountsShape>(PERIOD_COUNTS_SHAPE, {
  schema: periodCountsShapeSchema,
  metrics: ['customer-churn', 'crr', 'active-customers'],
  series(document, options) {
    const refused = contradiction(PERIOD_COUNTS_SHAPE, [periodsOf(document, options), ['window-days', document.windowDays, options.windowDays]]);
    if (refused) return refused;
    const periods = countedPeriods(document);
    if (!periods.ok) return periods;
    const points = periods.value.map((p) => customerCountPoint(options.metric as CustomerCountMetric, p));
    return ok({ ...calendarOf(document), points, windowDays: document.windowDays });
  },
});

// ------------------------------------------------------------------ revenue-movements/1

type RevenueMovementsMetric = 'nrr' | 'grr' | 'revenue-churn' | 'arpa' | 'customer-churn' | 'crr' | 'active-customers';

register<RevenueMovementsShape>(REVENUE_MOVEMENTS_SHAPE, {
  schema: revenueMovementsShapeSchema,
  metrics: ['nrr', 'grr', 'revenue-churn', 'arpa', 'customer-churn', 'crr', 'active-customers'],
  series(document, options) {
    const refused = contradiction(REVENUE_MOVEMENTS_SHAPE, [periodsOf(document, options)]);
    if (refused) return refused;
    const metric = options.metric as RevenueMovementsMetric;
    const points: KpiPoint[] = [];
    for (const p of document.periods) {
      const point = movementPoint(metric, p);
      if (!point.ok) return point;
      points.push({ key: p.period, complete: p.complete, ...point.value });
    }
    return ok({ ...calendarOf(document), points, windowDays: null });
  },
});

/**
 * A tile's figure of one period of movements, through the one definition of each rate
 * (rates.ts, as revenueMovements and subscriptionChurnSeries compute them from subscriptions):
 * undefined, so null, for a period that starts without revenue or without paying customers.
 */
function movementPoint(metric: RevenueMovementsMetric, p: RevenueMovementsPeriod): Result<Pick<KpiPoint, 'value' | 'counts' | 'churn'>> {
  if (metric === 'active-customers') return ok({ value: p.endCustomers });
  if (metric === 'arpa') return ok({ value: averageRevenuePerAccount({ endingMrr: p.endMrr, customersAtEnd: p.endCustomers }) });
  if (metric === 'customer-churn' || metric === 'crr') {
    if (p.startCustomers === 0) return ok(churnOrRetention(metric, 0, p.endCustomers - p.newCustomers, p.lostCustomers, null, null));
    const counts = { start: p.startCustomers, end: p.endCustomers, new: p.newCustomers, lost: p.lostCustomers };
    const retention = customerRetentionRate(counts);
    if (!retention.ok) return retention;
    const churn = customerChurnRate(counts);
    if (!churn.ok) return churn;
    return ok(churnOrRetention(metric, p.startCustomers, p.endCustomers - p.newCustomers, p.lostCustomers, retention.value, churn.value));
  }
  if (p.startMrr === 0) return ok({ value: null });
  const amounts = { startRevenue: p.startMrr, expansion: p.expansion, contraction: p.contraction, churned: p.churned };
  const rate = metric === 'nrr' ? netRevenueRetention(amounts) : metric === 'grr' ? grossRevenueRetention(amounts) : revenueChurnRate(amounts);
  if (!rate.ok) return rate;
  return ok({ value: typeof rate.value === 'number' ? rate.value : rate.value.netRevenueChurn });
}

// ------------------------------------------------------------------ nps-periods/1

register<NpsPeriodsShape>(NPS_PERIODS_SHAPE, {
  schema: npsPeriodsShapeSchema,
  metrics: ['nps'],
  series(document, options) {
    const refused = contradiction(NPS_PERIODS_SHAPE, [periodsOf(document, options)]);
    if (refused) return refused;
    // From responses the tile refuses undated ones (a tile is one period's score, and they are in
    // none); a document that counted some is held to the same, not read as if they were not there.
    if (document.undated && document.undated.responses > 0) {
      return fail(optionError('undated', `no undated responses: a tile shows one period's NPS and these are in none (<nps-score> counts them in its overall score)`, document.undated.responses));
    }
    // As from responses: every period's score is read as complete. A running period's NPS is an
    // unbiased reading on fewer answers (its interval says how few), not a part of a total.
    const points = document.periods.map((p): KpiPoint => {
      if (p.responses === 0) return { key: p.period, value: null, complete: true };
      const nps = npsFromCounts(p.promoters, p.passives, p.detractors);
      return { key: p.period, value: nps.score, complete: true, answers: { promoters: nps.promoters, detractors: nps.detractors, responses: nps.responses } };
    });
    return ok({ ...calendarOf(document), points, windowDays: null });
  },
});

// ------------------------------------------------------------------ repeat-counts/1

register<RepeatCountsShape>(REPEAT_COUNTS_SHAPE, {
  schema: repeatCountsShapeSchema,
  metrics: ['repeat-purchase-rate', 'loyal-customer-rate'],
  series(document, options) {
    // Loyal customers were counted at the document's threshold, in each period alone: another cannot be read from them.
    const threshold = options.metric === 'loyal-customer-rate' ? options.loyaltyThreshold : undefined;
    const refused = contradiction(REPEAT_COUNTS_SHAPE, [
      periodsOf(document, options),
      ['loyalty-threshold', document.loyaltyThreshold, threshold],
      ['frame', document.frame, options.frame],
    ]);
    if (refused) return refused;
    const loyal = options.metric === 'loyal-customer-rate';
    const points = document.periods.map((p): KpiPoint => {
      const successes = loyal ? p.loyalCustomers : p.repeatCustomers;
      // As purchases.ts: a share of the period's customers, undefined (null) without any.
      return { key: p.period, value: p.customers > 0 ? successes / p.customers : null, complete: p.complete, counts: { successes, trials: p.customers } };
    });
    return ok({ ...calendarOf(document), points, windowDays: null });
  },
});
