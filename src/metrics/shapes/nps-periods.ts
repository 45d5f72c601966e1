/**
 * `nps-periods/1`: survey responses counted per period, pre-aggregated. What
 * <nps-score> draws (the score, its interval, the split bar and the trend)
 * from the three counts of each period, written down as a versioned document
 * so that a warehouse query, the command line and the engine hand over the
 * same thing:
 *
 *   {
 *     "shape": "nps-periods/1",
 *     "granularity": "month",        // day | week | month | quarter | year
 *     "weekStart": 1,                // week periods only: 0 Sunday … 6 Saturday
 *     "asOf": "2024-06-17",          // last day of data used, inclusive
 *     "periods": [
 *       { "period": "2024-05", "promoters": 41, "passives": 22, "detractors": 9, "responses": 72, "complete": true },
 *       { "period": "2024-06", "promoters": 12, "passives": 5, "detractors": 4, "responses": 21, "complete": false }
 *     ],
 *     "undated": { "promoters": 3, "passives": 1, "detractors": 0, "responses": 4 }
 *   }
 *
 * Definitions (the engine's: metrics/rates.ts npsGroup, metrics/surveys.ts
 * npsByPeriod): a response is a score, a whole number from 0 to 10; 9–10 is a
 * promoter, 7–8 a passive, 0–6 a detractor. EVERY response counts: a customer
 * who answered twice in a period counts twice, and anonymous responses (no
 * customer) count like the others — the engine does not de-duplicate. A
 * response is in the period (of the kit's calendar) of its local day: the date
 * as written for wall-clock dates, in the time zone for instants. A score that
 * is blank, outside 0–10 or not whole is not a response: the engine refuses
 * the whole input rather than drop it, and so does everything that writes
 * this shape. `responses` = promoters + passives + detractors (checked).
 *
 * `periods` runs from the period of the first dated response to the period of
 * `asOf` (the last response's day unless given; later responses are left
 * out), every period in between included: a period without responses has
 * zero counts and no score, not a score of 0. The last period has `complete:
 * false` when `asOf` is not its last day. `undated` (absent when none): the
 * responses without a date, counted in the overall score and in no period, as
 * the engine does with them.
 */
import * as z from 'zod/mini';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Weekday } from '../calendar/calendar.ts';
import { daysFromCivil, isoDate } from '../calendar/dates.ts';
import { fail, ok, optionError, type Result } from '../issues.ts';
import { npsGroup } from '../rates.ts';
import type { SurveyResponse } from '../surveys.ts';
import { weekStartOf } from './cohort-matrix.ts';

export const NPS_PERIODS_SHAPE = 'nps-periods/1';

const count = z.int().check(z.minimum(0));

/** The three groups and their sum; one period's, or the undated responses'. */
export const npsCountsShapeSchema = z.object({ promoters: count, passives: count, detractors: count, responses: count });

export const npsPeriodsPeriodSchema = z.object({
  period: z.string().check(z.minLength(1)),
  promoters: count,
  passives: count,
  detractors: count,
  responses: count,
  complete: z.boolean(),
});

type Counts = z.infer<typeof npsCountsShapeSchema>;

/** Why `counts` do not add up, or undefined when they do. */
function sumError(counts: Counts, where: string): string | undefined {
  const sum = counts.promoters + counts.passives + counts.detractors;
  return sum === counts.responses
    ? undefined
    : `responses = promoters + passives + detractors (every response is one of the three); ${where}: ${counts.promoters} + ${counts.passives} + ${counts.detractors} is ${sum}, not ${counts.responses}`;
}

export const npsPeriodsShapeSchema = z
  .object({
    shape: z.literal(NPS_PERIODS_SHAPE),
    granularity: z.enum(GRANULARITIES),
    weekStart: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
    asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    periods: z.array(npsPeriodsPeriodSchema),
    undated: z.optional(npsCountsShapeSchema),
  })
  .check(
    z.superRefine((document, ctx) => {
      const calendar = new PeriodCalendar({ granularity: document.granularity, weekStart: (document.weekStart ?? 1) as Weekday });
      let previous = Number.NaN;
      document.periods.forEach((p, i) => {
        const index = calendar.indexOfKey(p.period);
        if (Number.isNaN(index)) {
          const message = `a ${document.granularity} key of the kit's calendar (${calendar.key(calendar.indexOfDay(0))} for the period of 1970-01-01); period ${i + 1} is ${JSON.stringify(p.period)}`;
          ctx.issues.push({ code: 'custom', message, input: p.period, path: ['periods', i, 'period'] });
        } else if (i > 0 && index !== previous + 1) {
          const message = `consecutive periods, oldest first (a period without responses is listed with zero counts); ${p.period} follows ${document.periods[i - 1].period}`;
          ctx.issues.push({ code: 'custom', message, input: p.period, path: ['periods', i, 'period'] });
        }
        previous = index;
        const error = sumError(p, `period ${p.period}`);
        if (error) ctx.issues.push({ code: 'custom', message: error, input: p.responses, path: ['periods', i, 'responses'] });
      });
      const undated = document.undated && sumError(document.undated, 'undated');
      if (undated) ctx.issues.push({ code: 'custom', message: undated, input: document.undated!.responses, path: ['undated', 'responses'] });
    }),
  );

export type NpsPeriodsShape = z.infer<typeof npsPeriodsShapeSchema>;
export type NpsPeriodsPeriod = z.infer<typeof npsPeriodsPeriodSchema>;

/** Day number of `YYYY-MM-DD`; NaN for anything else (2024-02-30 included). */
function dayOfIso(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match ? daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) : Number.NaN;
  return match && isoDate(day) === text ? day : Number.NaN;
}

export interface NpsPeriodsShapeOptions {
  granularity: Granularity;
  weekStart?: Weekday;
  /** Last day of data used, `YYYY-MM-DD`; default the day of the last dated response. Later responses are left out. */
  asOf?: string;
}

/**
 * The shape of the responses as the engine read them (readSurveyResponses),
 * counted as npsByPeriod counts them: so "the shape" is by definition what the
 * engine computes, and a warehouse's answer can be compared with it count by
 * count. Fails, as the element does, when no response has a date.
 */
export function npsPeriodsShapeOf(responses: readonly SurveyResponse[], options: NpsPeriodsShapeOptions): Result<NpsPeriodsShape> {
  if (!GRANULARITIES.includes(options?.granularity)) return fail(optionError('granularity', GRANULARITIES.join(', '), options?.granularity));
  const calendar = new PeriodCalendar({ granularity: options.granularity, weekStart: options.weekStart });
  const givenAsOf = options.asOf === undefined ? undefined : dayOfIso(options.asOf);
  if (Number.isNaN(givenAsOf)) return fail(optionError('asOf', 'a day written YYYY-MM-DD', options.asOf));
  const undated: Counts = { promoters: 0, passives: 0, detractors: 0, responses: 0 };
  const counted = new Map<number, Counts>();
  let first = Infinity;
  let last = -Infinity;
  for (const response of responses) {
    let counts: Counts | undefined = undated;
    if (response.day !== undefined) {
      if (givenAsOf !== undefined && response.day > givenAsOf) continue;
      const index = calendar.indexOfDay(response.day);
      first = Math.min(first, response.day);
      last = Math.max(last, response.day);
      counts = counted.get(index);
      if (!counts) counted.set(index, (counts = { promoters: 0, passives: 0, detractors: 0, responses: 0 }));
    }
    const group = npsGroup(response.score);
    counts[group === 'promoter' ? 'promoters' : group === 'passive' ? 'passives' : 'detractors']++;
    counts.responses++;
  }
  if (first === Infinity) return fail(optionError('date', 'responses with a date: the periods start at the first one', givenAsOf !== undefined ? `none on or before ${options.asOf}` : 'none'));
  const asOfDay = givenAsOf ?? last;
  const lastIndex = calendar.indexOfDay(asOfDay);
  return ok({
    shape: NPS_PERIODS_SHAPE,
    granularity: options.granularity,
    ...weekStartOf(options.granularity, options.weekStart),
    asOf: isoDate(asOfDay),
    periods: calendar.range(calendar.indexOfDay(first), lastIndex).map((period) => ({
      period: period.key,
      ...(counted.get(period.index) ?? { promoters: 0, passives: 0, detractors: 0, responses: 0 }),
      complete: period.index < lastIndex || calendar.endDay(lastIndex) === asOfDay + 1,
    })),
    ...(undated.responses > 0 ? { undated } : {}),
  });
}
