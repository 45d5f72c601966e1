/**
 * The nps-score job: the Net Promoter Score of all responses, its promoter /
 * passive / detractor split, and the score per period for the trend. The
 * score is defined once, in metrics/rates.ts (netPromoterScore, npsFromCounts);
 * responses are read and bucketed by metrics/surveys.ts.
 *
 * Inputs (detected from the shape, after field mapping):
 * - survey responses `{ customer?, date?, score }` (CSV or JSON);
 * - bare scores `[9, 10, 6, …]` (no dates, so no trend);
 * - counts `{ promoters, passives, detractors }`;
 * - per-period counts `[{ period, promoters, passives, detractors }, …]`;
 * - an `nps-periods/1` document (metrics/shapes/nps-periods.ts: what
 *   retention-kit/sql and the command line write), read whole with its
 *   calendar; a document of another shape or version is refused by name.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import * as z from 'zod/mini';
import { calendarOfKeys, GRANULARITIES, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { fail, ok, optionError, type InputWarning, type Result } from '../../metrics/issues.ts';
import { firstRecord, isRecordList, type RecordList } from '../../metrics/read/csv-records.ts';
import { netPromoterScore, npsFromCounts, type NetPromoterScore, type NpsCounts } from '../../metrics/rates.ts';
import { numberValue, readRecords, textValue } from '../../metrics/read/records.ts';
import { npsByPeriod, readSurveyResponses, type SurveyField } from '../../metrics/surveys.ts';
import { withFields } from '../../metrics/read/validation.ts';
import { npsInterval, type Interval } from '../../metrics/uncertainty.ts';
import { ownField } from '../../metrics/read/values.ts';
import { NPS_PERIODS_SHAPE, npsPeriodsShapeSchema, type NpsPeriodsShape } from '../../metrics/shapes/nps-periods.ts';
import { contradictedAttribute, readVersionedShape } from '../../metrics/shapes/versioned.ts';
import { engineJob } from '../job.ts';

import { npsFromNumbers } from './nps-numbers.ts';

export { npsFromNumbers } from './nps-numbers.ts';

export type NpsInput = 'responses' | 'scores' | 'counts' | 'periods';

/** One period of the trend. Plain data. */
export interface NpsTrendPoint {
  /** Period key (`2024-03`), or the period as pre-aggregated counts named it; the page labels it. */
  key: string;
  /** Null for a period without responses: NPS is undefined there, not 0. */
  score: number | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** The 95 % interval of the score in points (metrics/uncertainty.ts npsInterval); null without responses. */
  interval: Interval | null;
}

export interface NpsModel {
  input: NpsInput | 'numbers';
  /** NPS of every response together, with the split; the exact score (the page rounds it to a whole number). */
  nps: NetPromoterScore;
  /** The 95 % interval of `nps.score`, in points. */
  interval: Interval | null;
  /** Null when the trend's keys are not calendar keys, or there is no trend. */
  granularity: Granularity | null;
  /** First day of `week` periods (labels of their keys). */
  weekStart?: Weekday;
  /** Oldest first; empty without dates. */
  trend: NpsTrendPoint[];
}

export const COUNT_FIELDS = ['period', 'promoters', 'passives', 'detractors'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

export interface NpsJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  granularity: Granularity;
  /** The page's `granularity` when it set one: a versioned document of other periods is refused, not drawn (shapes/versioned.ts). */
  givenGranularity?: Granularity;
  weekStart?: Weekday;
  timeZone?: string;
  responseFields?: Partial<Record<SurveyField, string>>;
  countFields?: Partial<Record<CountField, string>>;
}

const count = numberValue({ min: 0, integer: true });
const periodCountsSchema = withFields(COUNT_FIELDS, z.object({ period: textValue, promoters: count, passives: count, detractors: count }));

/** The shape of the input: counts and per-period counts by their columns, bare numbers, else responses. */
export function detectNpsInput(rows: unknown, options: Pick<NpsJobOptions, 'countFields'>): NpsInput {
  const promoters = options.countFields?.promoters || 'promoters';
  if (rows !== null && typeof rows === 'object' && !isRecordList(rows)) return 'counts';
  if (!isRecordList(rows)) return 'responses';
  const first = firstRecord(rows, (row) => row !== null && row !== undefined && row !== '');
  if (typeof first === 'number' || typeof first === 'string') return 'scores';
  if (first && typeof first === 'object' && Object.hasOwn(first, promoters)) return 'periods';
  return 'responses';
}

export function computeNps(rows: unknown, options: NpsJobOptions): Result<NpsModel> {
  if (!GRANULARITIES.includes(options.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options.granularity));
  // Before detection: a document is an object, which would otherwise read as bare counts.
  const versioned = readVersionedShape(rows, NPS_PERIODS_SHAPE, npsPeriodsShapeSchema);
  if (versioned && !versioned.ok) return versioned;
  if (versioned) {
    const refused = contradictedAttribute(NPS_PERIODS_SHAPE, [['granularity', versioned.value.granularity, options.givenGranularity]]);
    return refused ? fail(refused) : fromNpsPeriodsShape(versioned.value);
  }
  const input = detectNpsInput(rows, options);
  switch (input) {
    case 'counts': {
      const fields = options.countFields ?? {};
      // The column names are the user's: only the object's own fields count.
      const counts: NpsCounts = {
        promoters: ownField(rows, fields.promoters || 'promoters') as number,
        passives: ownField(rows, fields.passives || 'passives') as number,
        detractors: ownField(rows, fields.detractors || 'detractors') as number,
      };
      const nps = netPromoterScore(counts);
      return nps.ok ? ok({ input, nps: nps.value, interval: intervalOf(nps.value), granularity: null, trend: [] }) : nps;
    }
    case 'scores': {
      // Text cells of a one-column paste count as numbers, like every reader of the kit.
      const nps = netPromoterScore((rows as unknown[]).map((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v)));
      return nps.ok ? ok({ input, nps: nps.value, interval: intervalOf(nps.value), granularity: null, trend: [] }) : nps;
    }
    case 'periods':
      return fromPeriodCounts(rows as RecordList, options);
    case 'responses':
      return fromResponses(rows, options);
  }
}

function fromResponses(rows: unknown, options: NpsJobOptions): Result<NpsModel> {
  const responses = readSurveyResponses(rows as unknown[], { fields: options.responseFields, timeZone: options.timeZone, reading: options.reading });
  if (!responses.ok) return responses;
  const nps = netPromoterScore(responses.value.map((r) => r.score));
  if (!nps.ok) return nps;
  const warnings: InputWarning[] = [...responses.warnings];
  const dated = responses.value.filter((r) => r.day !== undefined);
  // A date column the page named but no response has (a typo, another export's name) is a
  // mistake to point at, not a file without dates: the trend the page asked for would vanish unseen.
  const namedDate = options.responseFields?.date;
  if (namedDate && dated.length === 0 && responses.value.length > 0) {
    return fail(optionError('date-key', `the name of a column with the responses' dates`, namedDate));
  }
  const undated = responses.value.length - dated.length;
  if (undated > 0 && dated.length > 0) {
    warnings.push(undatedWarning(undated, responses.value.flatMap((r, i) => (r.day === undefined ? [i] : [])).slice(0, 5)));
  }
  const periods = npsByPeriod(dated, { granularity: options.granularity, weekStart: options.weekStart });
  if (!periods.ok) return fail(periods.error, warnings);
  const trend = periods.value.map((p) => trendPoint(p.period.key, p.nps ?? { promoters: 0, passives: 0, detractors: 0 }));
  return ok({ input: 'responses', nps: nps.value, interval: intervalOf(nps.value), granularity: trend.length ? options.granularity : null, weekStart: options.weekStart, trend }, warnings);
}

function fromPeriodCounts(rows: RecordList, options: NpsJobOptions): Result<NpsModel> {
  const records = readRecords(rows, periodCountsSchema, COUNT_FIELDS, { fields: options.countFields, what: 'period counts' });
  if (!records.ok) return records;
  const total = { promoters: 0, passives: 0, detractors: 0 };
  for (const r of records.value) {
    total.promoters += r.promoters;
    total.passives += r.passives;
    total.detractors += r.detractors;
  }
  const nps = netPromoterScore(total);
  if (!nps.ok) return nps;
  const calendar = calendarOfKeys(records.value.map((r) => r.period), options.granularity);
  const ordered = calendar ? [...records.value].sort((a, b) => calendar.indexOfKey(a.period) - calendar.indexOfKey(b.period)) : records.value;
  const trend = ordered.map((r) => trendPoint(r.period, r));
  return ok({ input: 'periods', nps: nps.value, interval: intervalOf(nps.value), granularity: calendar?.granularity ?? null, trend });
}

/**
 * An nps-periods/1 document: the model the same responses give (fromResponses), from their
 * counts. The score is of every response, the undated ones included, which the trend leaves
 * out with the same warning (its examples are record numbers, which a document has not kept).
 */
function fromNpsPeriodsShape(document: NpsPeriodsShape): Result<NpsModel> {
  const total = { promoters: 0, passives: 0, detractors: 0 };
  for (const counts of [...document.periods, ...(document.undated ? [document.undated] : [])]) {
    total.promoters += counts.promoters;
    total.passives += counts.passives;
    total.detractors += counts.detractors;
  }
  const nps = netPromoterScore(total);
  if (!nps.ok) return nps;
  const trend = document.periods.map((p) => trendPoint(p.period, p));
  const undated = document.undated?.responses ?? 0;
  const warnings = undated > 0 && trend.length > 0 ? [undatedWarning(undated, [])] : [];
  const { granularity, weekStart } = document;
  return ok(
    {
      input: 'periods',
      nps: nps.value,
      interval: intervalOf(nps.value),
      granularity: trend.length ? granularity : null,
      ...(weekStart === undefined ? {} : { weekStart: weekStart as Weekday }),
      trend,
    },
    warnings,
  );
}

/** One period of the trend from its counts: no score (not 0) and no interval without responses. */
function trendPoint(key: string, counts: { promoters: number; passives: number; detractors: number }): NpsTrendPoint {
  const { promoters, passives, detractors } = counts;
  const responses = promoters + passives + detractors;
  return {
    key,
    score: responses > 0 ? npsFromCounts(promoters, passives, detractors).score : null,
    responses,
    promoters,
    passives,
    detractors,
    interval: npsInterval(promoters, detractors, responses),
  };
}

function undatedWarning(count: number, examples: number[]): InputWarning {
  return {
    code: 'missing-property',
    count,
    params: { reason: 'no-date' },
    message: `${count} ${count === 1 ? 'response has' : 'responses have'} no date: counted in the score, left out of the trend.`,
    examples,
  };
}

/** The standard 95 % interval of a score from its counts (one formula, in metrics/uncertainty.ts). */
export function intervalOf(nps: Pick<NetPromoterScore, 'promoters' | 'detractors' | 'responses'>): Interval | null {
  return npsInterval(nps.promoters, nps.detractors, nps.responses);
}

export const npsScoreJob = engineJob<NpsJobOptions, NpsModel>('nps-score', (rows, options) => computeNps(rows, options));

/** NPS from the three counts typed as attributes, when the element has no records. */
export const npsCountsJob = engineJob<NpsCounts, NpsModel>('nps-score-counts', (_records, counts) => npsFromNumbers(counts));
