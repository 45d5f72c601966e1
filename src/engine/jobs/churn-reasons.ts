/**
 * The churn-reasons job: cancellation records in, the ranked reasons, the
 * "Other" group with every member, and the per-period trend out. Plain data
 * only (it crosses postMessage): periods as keys, which the element labels in
 * its language.
 */
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import type { Granularity, Weekday } from '../../metrics/calendar/calendar.ts';
import {
  cancellationReasons,
  readCancellations,
  type CancellationField,
  type CancellationReasons,
  type ReasonWeight,
} from '../../metrics/cancellations.ts';
import { fail, ok } from '../../metrics/issues.ts';
import { engineJob } from '../job.ts';

export interface ChurnReasonsJobOptions {
  /** How the file is written (preset, date format, decimal mark, status words); set by the platform for every records job. */
  reading?: ReadingOptions;
  fields: Partial<Record<CancellationField, string>>;
  timeZone?: string;
  weightBy: ReasonWeight;
  otherThreshold: number;
  maxReasons: number;
  granularity: Granularity;
  weekStart?: Weekday;
}

export interface ReasonsPeriod {
  key: string;
}

/** The metric's result, with the trend's periods reduced to keys (and the calendar they belong to). */
export interface ChurnReasonsModel extends Omit<CancellationReasons, 'trend'> {
  trend: Omit<CancellationReasons['trend'], 'periods'> & { periods: ReasonsPeriod[]; weekStart?: Weekday };
  otherThreshold: number;
  maxReasons: number;
}

export const churnReasonsJob = engineJob<ChurnReasonsJobOptions, ChurnReasonsModel>('churn-reasons', (rows, options) => {
  const cancellations = readCancellations(rows as unknown[], { fields: options.fields, timeZone: options.timeZone, reading: options.reading });
  if (!cancellations.ok) return cancellations;
  const reasons = cancellationReasons(cancellations.value, {
    weightBy: options.weightBy,
    otherThreshold: options.otherThreshold,
    maxReasons: options.maxReasons,
    granularity: options.granularity,
    weekStart: options.weekStart,
  });
  if (!reasons.ok) return fail(reasons.error, [...cancellations.warnings, ...reasons.warnings]);
  const { trend } = reasons.value;
  const periods = trend.periods.map((p) => ({ key: p.key }));
  return ok(
    { ...reasons.value, trend: { ...trend, periods, weekStart: options.weekStart }, otherThreshold: options.otherThreshold, maxReasons: options.maxReasons },
    [...cancellations.warnings, ...reasons.warnings],
  );
});
