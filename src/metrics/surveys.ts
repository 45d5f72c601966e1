/**
 * Survey responses (NPS surveys): reading them from an export and scoring them
 * per period. The score itself is defined once, in rates.ts.
 */
import * as z from 'zod/mini';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Period, type Weekday } from './calendar/calendar.ts';
import type { ZonedDayMapper } from './calendar/dates.ts';
import { IssueCollector, fail, ok, optionError, type Result } from './issues.ts';
import { npsFromCounts, npsGroup, type NetPromoterScore } from './rates.ts';
import { withFields } from './read/validation.ts';
import { columnFormats, numberValue, optionalDateValue, optionalIdValue, readRecords, zoneFor, type ColumnFormats, type ReadOptions } from './read/records.ts';
import type { RecordList } from './read/csv-records.ts';

export const SURVEY_FIELDS = ['customer', 'date', 'score'] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];

export interface SurveyResponse {
  /** Who answered; anonymous surveys have none. */
  customer?: string;
  /** Local day number of the answer; needed only to group by period. */
  day?: number;
  /** 0–10. */
  score: number;
}

/** One survey response: customer (optional), date (optional), score (whole number 0–10). */
export function surveyResponseRecordSchema(zone: ZonedDayMapper, formats?: ColumnFormats<SurveyField>) {
  return z.pipe(
    withFields(SURVEY_FIELDS, z.object({ customer: optionalIdValue, date: optionalDateValue(zone, formats?.date('date')), score: numberValue({ min: 0, max: 10, integer: true }) })),
    z.transform((r): SurveyResponse => ({ customer: r.customer, day: r.date, score: r.score })),
  );
}

export function readSurveyResponses(rows: RecordList, options: ReadOptions<SurveyField> = {}): Result<SurveyResponse[]> {
  const zone = zoneFor(options.timeZone);
  if (!zone.ok) return zone;
  const formats = columnFormats<SurveyField>(rows, { ...options, dates: ['date'] });
  if (!formats.ok) return formats;
  return readRecords(rows, surveyResponseRecordSchema(zone.value, formats.value), SURVEY_FIELDS, { fields: formats.value.fields, what: 'survey responses' });
}

export interface NpsPeriod {
  period: Period;
  /** null for a period without responses: NPS is undefined there, not 0. */
  nps: NetPromoterScore | null;
}

export interface NpsByPeriodOptions {
  granularity: Granularity;
  weekStart?: Weekday;
}

/**
 * NPS of each period from the first to the last response, every period in
 * between included so a trend line shows gaps as gaps. A response without a
 * date cannot be placed and is reported by its index.
 */
export function npsByPeriod(responses: readonly SurveyResponse[], options: NpsByPeriodOptions): Result<NpsPeriod[]> {
  if (!GRANULARITIES.includes(options?.granularity)) {
    return fail(optionError('granularity', `one of ${GRANULARITIES.join(', ')}`, options?.granularity));
  }
  const calendar = new PeriodCalendar(options);
  const issues = new IssueCollector();
  const counts = new Map<number, [promoters: number, passives: number, detractors: number]>();
  let first = Infinity;
  let last = -Infinity;
  responses.forEach((response, i) => {
    if (response.day === undefined) {
      issues.add(i, 'date', 'a date: a response needs one to be placed in a period', response.day);
      return;
    }
    const index = calendar.indexOfDay(response.day);
    first = Math.min(first, index);
    last = Math.max(last, index);
    let count = counts.get(index);
    if (!count) counts.set(index, (count = [0, 0, 0]));
    const group = npsGroup(response.score);
    count[group === 'promoter' ? 0 : group === 'passive' ? 1 : 2]++;
  });
  if (issues.hasIssues) return fail(issues.toError('survey responses'));
  if (counts.size === 0) return ok([]);
  return ok(
    calendar.range(first, last).map((period) => {
      const count = counts.get(period.index);
      return { period, nps: count ? npsFromCounts(...count) : null };
    }),
  );
}
