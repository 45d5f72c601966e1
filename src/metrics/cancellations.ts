/**
 * Cancellation survey answers: read them, group answers that differ only in
 * case or spacing, count them and share them out by count or by the recurring
 * revenue they took with them, and follow the top reasons over time.
 *
 * Survey answers are often free text, so a long tail of one-off answers is
 * normal. Those are folded into "Other" for the chart, but the result keeps
 * every member of "Other" so a table or tooltip can list them: nothing is
 * silently dropped.
 */
import * as z from 'zod/mini';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Period, type Weekday } from './calendar/calendar.ts';
import { WarningCounter, collectWarnings, fail, ok, optionError, records, type Result, type WarningCode } from './issues.ts';
import { columnFormats, dateValue, idValue, optionalNumberValue, optionalTextValue, readRecords, withWarnings, zoneFor, type ReadOptions } from './read/records.ts';
import type { RecordList } from './read/csv-records.ts';

/** Label of the group of cancellations whose reason was left blank. */
export const NO_REASON_LABEL = '(no reason given)';
/**
 * Label of the group that holds rare answers and the tail beyond `maxReasons`. Not "Other": many
 * surveys offer a literal "Other" answer, which stays a reason of its own beside this group.
 */
export const OTHER_LABEL = 'Rarer reasons';
/** Key of the "Other" series in the trend (answer keys are never empty, so no answer can collide). */
export const OTHER_KEY = '\u0000other';
/** Key of the no-reason group; answered keys are non-empty, so this one cannot collide. */
export const NO_REASON_KEY = '';

export const CANCELLATION_FIELDS = ['customer', 'date', 'reason', 'lostRevenue'] as const;
export type CancellationField = (typeof CANCELLATION_FIELDS)[number];

/** One cancellation as the metrics see it. */
export interface Cancellation {
  customer: string;
  /** Local day number of the cancellation. */
  day: number;
  /** The answer as written, or {@link NO_REASON_LABEL} when it was blank. */
  reason: string;
  /** False when the reason was blank or absent. */
  answered: boolean;
  /** Recurring revenue lost with this cancellation (≥ 0); undefined when the export has none. */
  lostRevenue: number | undefined;
}

export type ReadCancellationsOptions = ReadOptions<CancellationField>;

/** The kit's warning code for blank reasons. */
const MISSING_REASON: WarningCode = 'missing-reason';

/**
 * Reads cancellation records: customer, date, reason (free text or a choice),
 * lostRevenue (optional). A blank reason is kept as {@link NO_REASON_LABEL}
 * and counted in a warning: people skip the question, and hiding those
 * cancellations would make every real reason look more common than it is.
 */
export function readCancellations(rows: RecordList, options: ReadCancellationsOptions = {}): Result<Cancellation[]> {
  const zone = zoneFor(options.timeZone);
  if (!zone.ok) return fail(zone.error);
  const formats = columnFormats<CancellationField>(rows, { ...options, dates: ['date'], numbers: ['lostRevenue'] });
  if (!formats.ok) return formats;
  const schema = z.object({
    customer: idValue,
    date: dateValue(zone.value, formats.value.date('date')),
    reason: optionalTextValue,
    lostRevenue: optionalNumberValue({ min: 0 }, formats.value.decimal('lostRevenue')),
  });
  const read = readRecords(rows, schema, CANCELLATION_FIELDS, { fields: formats.value.fields, what: 'cancellations' });
  if (!read.ok) return read;

  const blank = new WarningCounter(MISSING_REASON, (c) => `${records(c)} have no cancellation reason; they are counted as "${NO_REASON_LABEL}".`);
  const cancellations = read.value.map((record, index): Cancellation => {
    const answered = record.reason !== undefined && record.reason.trim() !== '';
    if (!answered) blank.add(index);
    return {
      customer: record.customer,
      day: record.date,
      reason: answered ? record.reason! : NO_REASON_LABEL,
      answered,
      lostRevenue: record.lostRevenue,
    };
  });
  return withWarnings(ok(cancellations), collectWarnings([blank]));
}

/**
 * The grouping key of an answer: Unicode-composed, trimmed, inner whitespace
 * collapsed, case-folded. Upper-then-lower case folds what plain lower-casing
 * misses ("Straße" and "STRASSE" become one reason).
 */
export function reasonKey(reason: string): string {
  return spelling(reason).toUpperCase().toLowerCase();
}

/** An answer as displayed: the same tidying as the key, without the case folding. */
function spelling(reason: string): string {
  return reason.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

export type ReasonWeight = 'count' | 'revenue';

export interface CancellationReasonsOptions {
  /** What ranks and shares the reasons: the number of cancellations (default) or the lost revenue. */
  weightBy?: ReasonWeight;
  /** Answers given fewer times than this go to "Other"; default 2 (one-off answers). 1 keeps every answer. */
  otherThreshold?: number;
  /** At most this many reasons are shown by name (default 8); the rest go to "Other". */
  maxReasons?: number;
  /** Period of the trend; default `month`. */
  granularity?: Granularity;
  /** First day of week periods; ISO Monday by default. */
  weekStart?: Weekday;
}

/** One reason: the cancellations whose answers share a {@link reasonKey}. */
export interface ReasonTally {
  /** The grouping key ({@link NO_REASON_KEY} for blank answers). */
  key: string;
  /** The most common spelling among the group's answers (ties: the first in code-point order). */
  label: string;
  /** False for the group of blank answers. */
  answered: boolean;
  count: number;
  /** Sum of the lost revenue of the group's cancellations (missing values count as 0). */
  lostRevenue: number;
  /** count / all cancellations. */
  countShare: number;
  /** lostRevenue / all lost revenue; 0 when no cancellation carries lost revenue. */
  revenueShare: number;
  /** The share in the chosen weight: `countShare` or `revenueShare`. */
  share: number;
  /** Every spelling seen, most common first, so a tooltip can show what was merged. */
  spellings: Array<{ text: string; count: number }>;
}

/** Why a reason went to "Other". */
export type FoldedBecause = 'rare' | 'tail';

export interface OtherReasons {
  label: typeof OTHER_LABEL;
  /** How many distinct answers (reason groups) it holds. */
  distinct: number;
  count: number;
  lostRevenue: number;
  countShare: number;
  revenueShare: number;
  share: number;
  /**
   * Every reason folded in, ranked like the named ones: `rare` ones were given
   * fewer than `otherThreshold` times, `tail` ones ranked below `maxReasons`.
   */
  members: Array<ReasonTally & { foldedBecause: FoldedBecause }>;
}

export interface ReasonTrendSeries {
  /** A reason key, or {@link OTHER_KEY}. */
  key: string;
  label: string;
  /** Cancellations per period, aligned with {@link ReasonTrend.periods}. */
  counts: number[];
  /** Lost revenue per period, aligned with the periods. */
  lostRevenue: number[];
}

export interface ReasonTrend {
  granularity: Granularity;
  /** Every period from the first cancellation's to the last one's, empty periods included. */
  periods: Period[];
  /** One series per named reason in rank order, then "Other" when there is one. */
  series: ReasonTrendSeries[];
  /** All cancellations per period (the series stacked). */
  totals: number[];
}

export interface CancellationReasons {
  weightBy: ReasonWeight;
  total: {
    count: number;
    lostRevenue: number;
    /** Cancellations without a lost-revenue value (they weigh 0 by revenue). */
    withoutRevenue: number;
    /** Cancellations with a blank reason. */
    unanswered: number;
  };
  /** The named reasons, heaviest first by the chosen weight (at most `maxReasons`). */
  reasons: ReasonTally[];
  /** Everything folded away, or null when nothing was. Always drawn after the named reasons. */
  other: OtherReasons | null;
  trend: ReasonTrend;
}

interface Group {
  key: string;
  answered: boolean;
  count: number;
  lostRevenue: number;
  spellings: Map<string, number>;
  /** Indexes of the group's cancellations, for the trend. */
  members: number[];
}

/**
 * Counts and shares out cancellation reasons.
 *
 * Ranking is by the chosen weight, then count, lost revenue and key, so the
 * result does not depend on the order of the input. Answers given fewer than
 * `otherThreshold` times are folded into "Other" first (blank answers never
 * are: "(no reason given)" is a finding, not noise); then everything ranked
 * below `maxReasons` is folded too. Shares are fractions of all
 * cancellations, so named reasons plus "Other" sum to 1.
 */
export function cancellationReasons(cancellations: readonly Cancellation[], options: CancellationReasonsOptions = {}): Result<CancellationReasons> {
  const { weightBy = 'count', otherThreshold = 2, maxReasons = 8, granularity = 'month', weekStart } = options;
  if (weightBy !== 'count' && weightBy !== 'revenue') return fail(optionError('weightBy', '"count" or "revenue"', weightBy));
  if (!(Number.isInteger(otherThreshold) && otherThreshold >= 1)) return fail(optionError('otherThreshold', 'a whole number of at least 1', otherThreshold));
  if (!((Number.isInteger(maxReasons) && maxReasons >= 1) || maxReasons === Infinity)) {
    return fail(optionError('maxReasons', 'a whole number of at least 1 (or Infinity)', maxReasons));
  }
  if (!GRANULARITIES.includes(granularity)) return fail(optionError('granularity', `one of ${GRANULARITIES.join(', ')}`, granularity));
  if (!Array.isArray(cancellations)) return fail(optionError('data', 'an array of cancellations', cancellations));

  const groups = new Map<string, Group>();
  let totalLost = 0;
  let withoutRevenue = 0;
  let unanswered = 0;
  // Floating-point sums depend on the order of their terms: walking the input
  // in one canonical order makes every number independent of the input order.
  // A blank reason handed in as "answered" (records not made by readCancellations) still has no reason.
  const keys = cancellations.map((c) => (c.answered ? reasonKey(c.reason) : NO_REASON_KEY));
  const canonical = canonicalOrder(cancellations, keys);
  for (const i of canonical) {
    const { reason, lostRevenue } = cancellations[i];
    const key = keys[i];
    const answered = key !== NO_REASON_KEY;
    let group = groups.get(key);
    if (!group) {
      group = { key, answered, count: 0, lostRevenue: 0, spellings: new Map(), members: [] };
      groups.set(key, group);
    }
    group.count++;
    group.members.push(i);
    const text = answered ? spelling(reason) : NO_REASON_LABEL;
    group.spellings.set(text, (group.spellings.get(text) ?? 0) + 1);
    if (!answered) unanswered++;
    if (lostRevenue === undefined) withoutRevenue++;
    else {
      group.lostRevenue += lostRevenue;
      totalLost += lostRevenue;
    }
  }
  if (weightBy === 'revenue' && cancellations.length > 0 && !(totalLost > 0)) {
    return fail(optionError('weightBy', 'lost revenue on at least one cancellation to weigh by revenue (map the lostRevenue field)', weightBy));
  }

  const total = cancellations.length;
  const tally = (group: Group): ReasonTally => {
    const spellings = [...group.spellings].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || compareText(a.text, b.text));
    const countShare = total > 0 ? group.count / total : 0;
    const revenueShare = totalLost > 0 ? group.lostRevenue / totalLost : 0;
    return {
      key: group.key,
      label: spellings[0].text,
      answered: group.answered,
      count: group.count,
      lostRevenue: group.lostRevenue,
      countShare,
      revenueShare,
      share: weightBy === 'count' ? countShare : revenueShare,
      spellings,
    };
  };
  const weight = (t: ReasonTally) => (weightBy === 'count' ? t.count : t.lostRevenue);
  const byRank = (a: ReasonTally, b: ReasonTally) =>
    weight(b) - weight(a) || b.count - a.count || b.lostRevenue - a.lostRevenue || compareText(a.key, b.key);

  const tallies = [...groups.values()].map(tally);
  const rare = (t: ReasonTally) => t.answered && t.count < otherThreshold;
  const kept = tallies.filter((t) => !rare(t)).sort(byRank);
  const reasons = kept.slice(0, maxReasons);
  const folded = [
    ...tallies.filter(rare).map((t) => ({ ...t, foldedBecause: 'rare' as const })),
    ...kept.slice(reasons.length).map((t) => ({ ...t, foldedBecause: 'tail' as const })),
  ].sort(byRank);
  const other = folded.length > 0 ? otherOf(folded, total, totalLost, weightBy) : null;

  const trend = reasonTrend(cancellations, groups, reasons, other, new PeriodCalendar({ granularity, weekStart }));
  return ok({
    weightBy,
    total: { count: total, lostRevenue: totalLost, withoutRevenue, unanswered },
    reasons,
    other,
    trend,
  });
}

function otherOf(members: OtherReasons['members'], total: number, totalLost: number, weightBy: ReasonWeight): OtherReasons {
  let count = 0;
  let lostRevenue = 0;
  for (const member of members) {
    count += member.count;
    lostRevenue += member.lostRevenue;
  }
  const countShare = total > 0 ? count / total : 0;
  const revenueShare = totalLost > 0 ? lostRevenue / totalLost : 0;
  return {
    label: OTHER_LABEL,
    distinct: members.length,
    count,
    lostRevenue,
    countShare,
    revenueShare,
    share: weightBy === 'count' ? countShare : revenueShare,
    members,
  };
}

function reasonTrend(
  cancellations: readonly Cancellation[],
  groups: Map<string, Group>,
  reasons: ReasonTally[],
  other: OtherReasons | null,
  calendar: PeriodCalendar,
): ReasonTrend {
  const empty: ReasonTrend = { granularity: calendar.granularity, periods: [], series: [], totals: [] };
  if (cancellations.length === 0) return empty;
  const periodOf = new Int32Array(cancellations.length);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < cancellations.length; i++) {
    const period = calendar.indexOfDay(cancellations[i].day);
    periodOf[i] = period;
    if (period < first) first = period;
    if (period > last) last = period;
  }
  const periods = calendar.range(first, last);
  const totals = new Array<number>(periods.length).fill(0);
  for (let i = 0; i < cancellations.length; i++) totals[periodOf[i] - first]++;

  const seriesOf = (key: string, label: string, members: Group[]): ReasonTrendSeries => {
    const counts = new Array<number>(periods.length).fill(0);
    const lostRevenue = new Array<number>(periods.length).fill(0);
    for (const group of members) {
      for (const i of group.members) {
        const at = periodOf[i] - first;
        counts[at]++;
        lostRevenue[at] += cancellations[i].lostRevenue ?? 0;
      }
    }
    return { key, label, counts, lostRevenue };
  };
  const series = reasons.map((reason) => seriesOf(reason.key, reason.label, [groups.get(reason.key)!]));
  if (other) series.push(seriesOf(OTHER_KEY, OTHER_LABEL, other.members.map((m) => groups.get(m.key)!)));
  return { granularity: calendar.granularity, periods, series, totals };
}

/** Indexes of the cancellations sorted by day, reason key, lost revenue and customer. */
function canonicalOrder(cancellations: readonly Cancellation[], keys: string[]): number[] {
  const order = Array.from(cancellations, (_, i) => i);
  return order.sort((a, b) => {
    const x = cancellations[a];
    const y = cancellations[b];
    return x.day - y.day || compareText(keys[a], keys[b]) || (x.lostRevenue ?? -1) - (y.lostRevenue ?? -1) || compareText(x.customer, y.customer);
  });
}

/** Code-point order: the same on every machine and locale, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
