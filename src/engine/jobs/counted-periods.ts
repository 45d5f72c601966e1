/**
 * The periods of a `period-counts/1` document as the engine's own churn series
 * would have them (activity.ts ChurnPeriod): calendar index, S, E, N, lost,
 * reactivated and the two rates from the one definition of each (rates.ts),
 * so a job that reads the document draws what it draws from the orders.
 *
 * The schema (shapes/period-counts.ts) says each count is a whole number; this
 * checks what the counts must say together, per period: the key is a period of
 * the document's calendar, given once; nobody is lost who was not there
 * (lost ≤ S); and E = S − lost + N + reactivated, the identity every period of
 * the engine's series keeps. A document that breaks it was not counted on the
 * engine's definitions, and its rates would mean something else.
 */
import type { ChurnPeriod } from '../../metrics/activity.ts';
import { IssueCollector, fail, ok, type Result } from '../../metrics/issues.ts';
import { customerChurnRate, customerRetentionRate } from '../../metrics/rates.ts';
import { calendarOfShape } from '../../metrics/shapes/cohort-matrix.ts';
import { PERIOD_COUNTS_SHAPE, type PeriodCountsShape } from '../../metrics/shapes/period-counts.ts';

/** What the gauge and the tile read of a period: the engine's ChurnPeriod without its days and revenue. */
export type CountedPeriod = Pick<ChurnPeriod, 'index' | 'key' | 'start' | 'end' | 'new' | 'lost' | 'reactivated' | 'retentionRate' | 'churnRate' | 'complete' | 'startCensored'>;

/** The document's periods in calendar order, checked, with their rates; an error listing the periods that do not add up. */
export function countedPeriods(document: PeriodCountsShape): Result<CountedPeriod[]> {
  const calendar = calendarOfShape(document);
  const issues = new IssueCollector();
  const seen = new Map<string, number>();
  const periods: CountedPeriod[] = [];
  document.periods.forEach((p, i) => {
    const index = calendar.indexOfKey(p.period);
    if (Number.isNaN(index)) return issues.add(i, 'period', `a ${document.granularity} key (${calendar.key(0)})`, p.period);
    const earlier = seen.get(p.period);
    if (earlier !== undefined) return issues.add(i, 'period', `a period not already given by period ${earlier + 1}`, p.period);
    seen.set(p.period, i);
    if (p.lost > p.start) return issues.add(i, 'lost', `at most start (${p.start}): nobody is lost who was not there`, p.lost);
    const end = p.start - p.lost + p.new + p.reactivated;
    if (p.end !== end) return issues.add(i, 'end', `start − lost + new + reactivated = ${end}, as ${PERIOD_COUNTS_SHAPE} counts them`, p.end);
    const counts = { start: p.start, end: p.end, new: p.new, lost: p.lost };
    periods.push({
      index,
      key: p.period,
      start: p.start,
      end: p.end,
      new: p.new,
      lost: p.lost,
      reactivated: p.reactivated,
      // As churnSeries: undefined, so null, for a period that starts with nobody.
      retentionRate: p.start > 0 ? valueOrNull(customerRetentionRate(counts)) : null,
      churnRate: p.start > 0 ? valueOrNull(customerChurnRate(counts)) : null,
      complete: p.complete,
      startCensored: p.censored,
    });
  });
  if (issues.hasIssues) return fail(issues.toError(`${PERIOD_COUNTS_SHAPE} periods`));
  return ok(periods.sort((a, b) => a.index - b.index));
}

function valueOrNull(result: Result<number>): number | null {
  return result.ok ? result.value : null;
}
