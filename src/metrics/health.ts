/**
 * Customer health score: a weighted sum of what each customer did lately,
 * built from the early churn signals of DESIGN.md (less time in the product,
 * expired subscriptions not renewed, more downgrades, fewer support tickets)
 * and the good news that offsets them (renewals, upgrades).
 *
 * The score is meant to rank customers for follow-up, so every customer
 * carries the signals that moved it, each with its contribution in points:
 * a person can see why a customer is at risk, not just that it is.
 */
import * as z from 'zod/mini';
import { dayOfOption } from './read/limits.ts';
import { isoDate } from './calendar/dates.ts';
import { WarningCounter, collectWarnings, fail, ok, optionError, records, type Result } from './issues.ts';
import { columnFormats, dateValue, idValue, optionalNumberValue, readRecords, zoneFor, type ReadOptions } from './read/records.ts';
import type { RecordList } from './read/csv-records.ts';
import type { DateInput } from './calendar/timeframe.ts';
import { TRANSACTION_KIND, type TransactionTable } from './read/transactions.ts';
import { customerRows } from './customer-rows.ts';

export const ACTIVITY_EVENTS = ['login', 'usage', 'ticket', 'renewal', 'downgrade', 'upgrade', 'expiry'] as const;
export type ActivityEventKind = (typeof ACTIVITY_EVENTS)[number];
export const ACTIVITY_EVENT_EXPECTATION = `an event: one of ${ACTIVITY_EVENTS.join(', ')}`;

export const ACTIVITY_FIELDS = ['customer', 'date', 'event', 'value'] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

/** One thing a customer did (or that happened to their subscription). */
export interface ActivityEvent {
  customer: string;
  /** Local day number. */
  day: number;
  event: ActivityEventKind;
  /** How much: minutes of usage, number of logins … (≥ 0); 1 when the export has no value. */
  value: number;
  /** The record's own value, only when it had one: the recurring revenue of a renewal, upgrade or downgrade. */
  amount?: number;
}

export type ReadActivityEventsOptions = ReadOptions<ActivityField>;

type Ctx = { issues: { push(issue: { code: 'custom'; message: string; input: unknown }): void } };
const EVENT_WORDS = new Set<string>(ACTIVITY_EVENTS);

const eventValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => {
    const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (EVENT_WORDS.has(word)) return word as ActivityEventKind;
    ctx.issues.push({ code: 'custom', message: ACTIVITY_EVENT_EXPECTATION, input: value });
    return z.NEVER as never;
  }),
);

/** Reads activity records: customer, date, event (case-insensitive), value (optional, default 1). */
export function readActivityEvents(rows: RecordList, options: ReadActivityEventsOptions = {}): Result<ActivityEvent[]> {
  const zone = zoneFor(options.timeZone);
  if (!zone.ok) return fail(zone.error);
  const formats = columnFormats<ActivityField>(rows, { ...options, presetKind: 'events', dates: ['date'], numbers: ['value'] });
  if (!formats.ok) return formats;
  const schema = z.object({
    customer: idValue,
    date: dateValue(zone.value, formats.value.date('date')),
    event: eventValue,
    value: optionalNumberValue({ min: 0 }, formats.value.decimal('value')),
  });
  const read = readRecords(rows, schema, ACTIVITY_FIELDS, { fields: formats.value.fields, what: 'activity events' });
  if (!read.ok) return read;
  return ok(
    read.value.map((r): ActivityEvent => (r.value === undefined ? { customer: r.customer, day: r.date, event: r.event, value: 1 } : { customer: r.customer, day: r.date, event: r.event, value: r.value, amount: r.value })),
  );
}

/**
 * A shop's orders as activity: each customer's purchase days become a
 * `login` (one visit that bought) and a `usage` whose value and amount are the
 * money spent that day. So the same score reads an order export: fewer
 * purchase days and less spend are the shop's "less time in the product",
 * and no purchase in two windows is dormant. Returns are not activity.
 */
export function purchaseActivity(table: TransactionTable): ActivityEvent[] {
  const { offsets, rows } = customerRows(table);
  const { day, kind, amount } = table;
  const events: ActivityEvent[] = [];
  for (let c = 0; c < table.customerIds.length; c++) {
    const customer = table.customerIds[c];
    let current = NaN;
    let spent = 0;
    const flush = () => {
      if (Number.isNaN(current)) return;
      events.push({ customer, day: current, event: 'login', value: 1 });
      events.push({ customer, day: current, event: 'usage', value: Math.max(0, spent), amount: Math.max(0, spent) });
    };
    // Rows are in day order within a customer (customerRows).
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const r = rows[i];
      if (kind[r] !== TRANSACTION_KIND.purchase) continue;
      if (day[r] !== current) {
        flush();
        current = day[r];
        spent = 0;
      }
      spent += amount[r];
    }
    flush();
  }
  return events;
}

/** The signals a score is made of, in the order their contributions are added. */
export const HEALTH_SIGNALS = [
  'usage-drop',
  'login-drop',
  'dormant',
  'expired-not-renewed',
  'downgrade',
  'tickets-silent',
  'renewal',
  'upgrade',
] as const;
export type HealthSignalName = (typeof HEALTH_SIGNALS)[number];

/**
 * Signals that measure one behaviour, engagement: usage and logins falling, or
 * both stopped. They move together (a customer who stops logging in stops
 * using the product), so together they take at most the largest of their
 * weights (40 by default): summed, a customer who simply left lost up to
 * 30 + 20 + 40 points for one fact, and with an expiry on top every leaver sat
 * at the floor of 0, all tied.
 */
export const ENGAGEMENT_SIGNALS: readonly HealthSignalName[] = ['usage-drop', 'login-drop', 'dormant'];

/** Signals that add points; all others take points away. */
export const POSITIVE_HEALTH_SIGNALS: readonly HealthSignalName[] = ['renewal', 'upgrade'];

/**
 * Default points per signal (all ≥ 0; the signal decides the sign). With the
 * default baseline of 70 a customer with no signal sits comfortably above the
 * default at-risk line of 40; an unrenewed expiry alone (−40) crosses it, as
 * does a full stop of usage and logins (−30 −20).
 */
export const DEFAULT_HEALTH_WEIGHTS: Readonly<Record<HealthSignalName, number>> = Object.freeze({
  'usage-drop': 30,
  'login-drop': 20,
  dormant: 40,
  'expired-not-renewed': 40,
  downgrade: 15,
  'tickets-silent': 10,
  renewal: 15,
  upgrade: 10,
});

/** Score of a customer with no signal at all. */
export const DEFAULT_HEALTH_BASELINE = 70;
export const DEFAULT_AT_RISK_BELOW = 40;
export const DEFAULT_HEALTH_WINDOW_DAYS = 30;

/**
 * `at-risk`: still a customer, scoring below the at-risk line: the ones to call.
 * `lapsed`: the subscription expired and was not renewed: already gone (a
 * win-back, not a rescue), so they are counted apart and listed after the rest.
 */
export type HealthStatus = 'healthy' | 'at-risk' | 'lapsed';

/**
 * What a customer's value is, from the data: `recurring`, the recurring revenue
 * of their latest renewal, upgrade or downgrade (events with an amount);
 * `revenue`, what they spent in the 365 days before as-of (orders); null when
 * the data carries no money (then the order is by risk alone).
 */
export type HealthValueKind = 'recurring' | 'revenue';

/** Days of spend that make an order export's customer value: a year, so seasons even out. */
export const REVENUE_VALUE_DAYS = 365;

export interface CustomerHealthOptions {
  /**
   * The first day no longer looked at (exclusive): the recent window is
   * [asOf − windowDays, asOf). Default: the day after the last event.
   */
  asOf?: DateInput;
  /** Zone `asOf` is read in when it is an instant; default `UTC`. */
  timeZone?: string;
  /** Length of the recent window and of the previous window it is compared with; default 30. */
  windowDays?: number;
  /** Points per signal (≥ 0), merged over {@link DEFAULT_HEALTH_WEIGHTS}. */
  weights?: Partial<Record<HealthSignalName, number>>;
  /** Score before signals, 0–100; default 70. */
  baseline?: number;
  /** Customers scoring below this are at risk; default 40. */
  atRiskBelow?: number;
  /** What the events are: product `events` (default) or a shop's `orders` (from {@link purchaseActivity}); words the details and picks the value. */
  source?: 'events' | 'orders';
}

/** Numbers behind a signal, for elements that word the detail in their own locale. */
export interface SignalFacts {
  /** Amount in the previous window (usage, logins, tickets). */
  previous?: number;
  /** Amount in the recent window. */
  recent?: number;
  /** How many events (downgrades, renewals, upgrades). */
  count?: number;
  /** The day it refers to (the unrenewed expiry, the last activity of a dormant customer). */
  day?: number;
}

export interface HealthSignal {
  signal: HealthSignalName;
  /** Points added to the baseline (negative for warning signs). */
  contribution: number;
  /** One line in English, e.g. "usage fell 50% (120 → 60) against the previous 30 days". */
  detail: string;
  facts: SignalFacts;
}

/** What a customer did in one window. Logins and usage sum the events' values; the rest count events. */
export interface WindowActivity {
  logins: number;
  usage: number;
  tickets: number;
  renewals: number;
  downgrades: number;
  upgrades: number;
  expiries: number;
}

export interface CustomerHealth {
  customer: string;
  /** 0–100: baseline + Σ contributions, clamped. */
  score: number;
  /** The same sum before clamping, so ties at 0 or 100 can still be told apart. */
  unclampedScore: number;
  /** Below the at-risk line and not lapsed. */
  atRisk: boolean;
  status: HealthStatus;
  /** Recurring revenue or the last year's spend (see {@link HealthValueKind}); null when unknown. */
  value: number | null;
  /**
   * Risk: the points lost below the starting score, as a share of it (0 with no
   * warning sign, 1 at a score of 0).
   */
  risk: number;
  /** risk × value (risk alone when the data has no value): the call order, highest first. */
  priority: number;
  /** Every signal that fired, largest |contribution| first. */
  signals: HealthSignal[];
  recent: WindowActivity;
  previous: WindowActivity;
  /** Last login or usage before asOf; null when there was none. */
  lastActiveDay: number | null;
}

export interface CustomerHealthReport {
  /** The exclusive end of the recent window; null when there are no events. */
  asOfDay: number | null;
  windowDays: number;
  baseline: number;
  atRiskBelow: number;
  /** The weights used (defaults merged with the options). */
  weights: Record<HealthSignalName, number>;
  /**
   * Whom to call first: customers still with us by priority (risk × value)
   * descending, then the lapsed ones the same way; ties by unclamped score,
   * then customer id.
   */
  customers: CustomerHealth[];
  atRiskCount: number;
  lapsedCount: number;
  /** What `value` means; null when the data has no money. */
  valueKind: HealthValueKind | null;
}

/**
 * Scores every customer with at least one event before `asOf`.
 *
 * With R = [asOf − w, asOf) the recent window, P = [asOf − 2w, asOf − w) the
 * previous one and W the weights:
 *
 *     score = clamp(baseline + Σ contributions, 0, 100)
 *
 *     usage-drop           −W × (P.usage − R.usage) / P.usage      when P.usage > 0 and R.usage < P.usage
 *     login-drop           −W × (P.logins − R.logins) / P.logins   likewise for logins
 *     dormant              −W   when no login or usage in P or R, but some before P
 *     expired-not-renewed  −W   when the last expiry before asOf has no renewal on or after its day
 *     downgrade            −W × R.downgrades
 *     tickets-silent       −W   when P.tickets > 0 and R.tickets = 0
 *     renewal              +W × R.renewals
 *     upgrade              +W × R.upgrades
 *
 * Drops are relative so a light user going from 2 to 1 hour weighs like a
 * heavy one going from 200 to 100; rises are not rewarded, since usage going
 * up is normal and says little about churn. Falling silent on support is a
 * warning sign (customers who stop asking have often stopped caring).
 * The engagement signals ({@link ENGAGEMENT_SIGNALS}) share one penalty: when
 * together they take more than the largest of their weights, each is scaled
 * down in proportion so that they take exactly that. Events on or after asOf are ignored and counted in a warning.
 *
 * The order answers "whom do I call first?": risk = max(0, baseline − score)
 * / baseline, priority = risk × value, customers still with us before the
 * lapsed ones (expired, not renewed).
 */
export function customerHealth(events: readonly ActivityEvent[], options: CustomerHealthOptions = {}): Result<CustomerHealthReport> {
  const settings = resolveOptions(options);
  if (!settings.ok) return settings;
  const { windowDays, baseline, atRiskBelow, weights } = settings.value;
  if (!Array.isArray(events)) return fail(optionError('data', 'an array of activity events', events));

  let asOfDay = settings.value.asOfDay;
  if (asOfDay === undefined) {
    let last = -Infinity;
    for (let i = 0; i < events.length; i++) if (events[i].day > last) last = events[i].day;
    asOfDay = events.length > 0 ? last + 1 : undefined;
  }
  const source = options.source ?? 'events';
  const valueKind: HealthValueKind | null =
    source === 'orders'
      ? events.some((e) => e.amount !== undefined && e.amount > 0)
        ? 'revenue'
        : null
      : events.some((e) => e.amount !== undefined && RECURRING_EVENTS.has(e.event))
        ? 'recurring'
        : null;
  const report = (customers: CustomerHealth[]): CustomerHealthReport => ({
    asOfDay: asOfDay ?? null,
    windowDays,
    baseline,
    atRiskBelow,
    weights,
    customers,
    atRiskCount: customers.reduce((n, c) => n + (c.status === 'at-risk' ? 1 : 0), 0),
    lapsedCount: customers.reduce((n, c) => n + (c.status === 'lapsed' ? 1 : 0), 0),
    valueKind,
  });
  if (asOfDay === undefined) return ok(report([]));

  const late = new WarningCounter('future-date', (c) => `${records(c)} fall on or after the as-of date (${isoDate(asOfDay!)}) and were left out.`, () => ({ asOf: isoDate(asOfDay!) }));
  const byCustomer = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    if (!(events[i].day < asOfDay)) {
      late.add(i);
      continue;
    }
    const indices = byCustomer.get(events[i].customer);
    if (indices) indices.push(i);
    else byCustomer.set(events[i].customer, [i]);
  }

  const context: ScoringContext = { events, asOfDay, windowDays, baseline, atRiskBelow, weights, source, valueKind };
  const customers: CustomerHealth[] = [];
  for (const [customer, indices] of byCustomer) customers.push(scoreCustomer(customer, indices, context));
  customers.sort(callOrder);
  return ok(report(customers), collectWarnings([late]));
}

/** Events whose amount is the customer's recurring revenue from then on. */
const RECURRING_EVENTS = new Set<ActivityEventKind>(['renewal', 'upgrade', 'downgrade']);

/** Whom to call first: customers still with us, highest priority first; then the lapsed; ties by unclamped score, then id. */
export function callOrder(a: CustomerHealth, b: CustomerHealth): number {
  return (
    Number(a.status === 'lapsed') - Number(b.status === 'lapsed') ||
    b.priority - a.priority ||
    a.unclampedScore - b.unclampedScore ||
    (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0)
  );
}

interface Settings {
  asOfDay: number | undefined;
  windowDays: number;
  baseline: number;
  atRiskBelow: number;
  weights: Record<HealthSignalName, number>;
}

function resolveOptions(options: CustomerHealthOptions): Result<Settings> {
  const {
    windowDays = DEFAULT_HEALTH_WINDOW_DAYS,
    baseline = DEFAULT_HEALTH_BASELINE,
    atRiskBelow = DEFAULT_AT_RISK_BELOW,
  } = options;
  if (!(Number.isInteger(windowDays) && windowDays >= 1)) return fail(optionError('windowDays', 'a whole number of days, at least 1', windowDays));
  if (!(typeof baseline === 'number' && baseline >= 0 && baseline <= 100)) return fail(optionError('baseline', 'a number from 0 to 100', baseline));
  if (!(typeof atRiskBelow === 'number' && atRiskBelow >= 0 && atRiskBelow <= 100)) {
    return fail(optionError('atRiskBelow', 'a number from 0 to 100', atRiskBelow));
  }
  const weights: Record<HealthSignalName, number> = { ...DEFAULT_HEALTH_WEIGHTS };
  for (const [name, weight] of Object.entries(options.weights ?? {})) {
    if (!(HEALTH_SIGNALS as readonly string[]).includes(name)) {
      return fail(optionError(`weights.${name}`, `a known signal: one of ${HEALTH_SIGNALS.join(', ')}`, name));
    }
    if (weight === undefined) continue;
    if (!(typeof weight === 'number' && Number.isFinite(weight) && weight >= 0)) {
      return fail(optionError(`weights.${name}`, 'a finite number of at least 0 (the signal decides the sign)', weight));
    }
    weights[name as HealthSignalName] = weight;
  }
  let asOfDay: number | undefined;
  if (options.asOf !== undefined) {
    const zone = zoneFor(options.timeZone);
    if (!zone.ok) return fail(zone.error);
    const asOf = dayOfOption('asOf', options.asOf, zone.value);
    if (!asOf.ok) return asOf;
    asOfDay = asOf.value;
  }
  return ok({ asOfDay, windowDays, baseline, atRiskBelow, weights });
}

interface ScoringContext {
  events: readonly ActivityEvent[];
  asOfDay: number;
  windowDays: number;
  baseline: number;
  atRiskBelow: number;
  weights: Record<HealthSignalName, number>;
  source: 'events' | 'orders';
  valueKind: HealthValueKind | null;
}

function emptyWindow(): WindowActivity {
  return { logins: 0, usage: 0, tickets: 0, renewals: 0, downgrades: 0, upgrades: 0, expiries: 0 };
}

/** Sums in ascending order, so the total does not depend on the order of the input. */
function orderIndependentSum(values: number[]): number {
  if (values.length < 2) return values.length ? values[0] : 0;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return sum;
}

function scoreCustomer(customer: string, indices: number[], context: ScoringContext): CustomerHealth {
  const { events, asOfDay, windowDays, baseline, atRiskBelow, weights, source, valueKind } = context;
  const recentStart = asOfDay - windowDays;
  const previousStart = recentStart - windowDays;
  const recent = emptyWindow();
  const previous = emptyWindow();
  const amounts = { recentUsage: [] as number[], previousUsage: [] as number[], recentLogins: [] as number[], previousLogins: [] as number[] };
  let lastActiveDay = -Infinity;
  let lastExpiry = -Infinity;
  let lastRenewal = -Infinity;
  let recurring: { day: number; amount: number } | null = null;
  const yearSpend: number[] = [];

  for (const i of indices) {
    const { day, event, value, amount } = events[i];
    // The latest amount; on one day the larger, so the input's order never decides.
    if (amount !== undefined && RECURRING_EVENTS.has(event) && (recurring === null || day > recurring.day || (day === recurring.day && amount > recurring.amount))) {
      recurring = { day, amount };
    }
    if (event === 'usage' && amount !== undefined && day >= asOfDay - REVENUE_VALUE_DAYS) yearSpend.push(amount);
    const inRecent = day >= recentStart;
    const window = inRecent ? recent : day >= previousStart ? previous : undefined;
    switch (event) {
      case 'login':
      case 'usage':
        if (day > lastActiveDay) lastActiveDay = day;
        if (window) (event === 'login' ? (inRecent ? amounts.recentLogins : amounts.previousLogins) : inRecent ? amounts.recentUsage : amounts.previousUsage).push(value);
        break;
      case 'ticket':
        if (window) window.tickets++;
        break;
      case 'renewal':
        if (day > lastRenewal) lastRenewal = day;
        if (window) window.renewals++;
        break;
      case 'expiry':
        if (day > lastExpiry) lastExpiry = day;
        if (window) window.expiries++;
        break;
      case 'downgrade':
        if (window) window.downgrades++;
        break;
      case 'upgrade':
        if (window) window.upgrades++;
        break;
    }
  }
  recent.usage = orderIndependentSum(amounts.recentUsage);
  previous.usage = orderIndependentSum(amounts.previousUsage);
  recent.logins = orderIndependentSum(amounts.recentLogins);
  previous.logins = orderIndependentSum(amounts.previousLogins);

  const span = `${windowDays} days`;
  const nouns = source === 'orders' ? { usage: 'spend', logins: 'purchase days', activity: 'purchases' } : { usage: 'usage', logins: 'logins', activity: 'logins or usage' };
  const fired: HealthSignal[] = [];
  const fire = (signal: HealthSignalName, factor: number, detail: string, facts: SignalFacts) => {
    const sign = POSITIVE_HEALTH_SIGNALS.includes(signal) ? 1 : -1;
    // `+ 0` turns a −0 (weight 0) into 0, so contributions compare and print cleanly.
    fired.push({ signal, contribution: sign * weights[signal] * factor + 0, detail, facts });
  };

  for (const [signal, noun, before, now] of [
    ['usage-drop', nouns.usage, previous.usage, recent.usage],
    ['login-drop', nouns.logins, previous.logins, recent.logins],
  ] as const) {
    if (before > 0 && now < before) {
      const drop = (before - now) / before;
      fire(signal, drop, `${noun} fell ${percent(drop)} (${amount(before)} → ${amount(now)}) against the previous ${span}`, { previous: before, recent: now });
    }
  }
  // Any login or usage event in either window counts as activity, even with a value of 0.
  const dormant = lastActiveDay > -Infinity && lastActiveDay < previousStart;
  if (dormant) {
    fire('dormant', 1, `no ${nouns.activity} in the last ${windowDays * 2} days; last active ${isoDate(lastActiveDay)}`, { day: lastActiveDay });
  }
  if (lastExpiry > -Infinity && !(lastRenewal >= lastExpiry)) {
    fire('expired-not-renewed', 1, `subscription expired on ${isoDate(lastExpiry)} and was not renewed`, { day: lastExpiry });
  }
  if (recent.downgrades > 0) fire('downgrade', recent.downgrades, `${count(recent.downgrades, 'downgrade')} in the last ${span}`, { count: recent.downgrades });
  if (previous.tickets > 0 && recent.tickets === 0) {
    fire('tickets-silent', 1, `${count(previous.tickets, 'support ticket')} in the previous ${span}, none in the last ${span}`, { previous: previous.tickets, recent: 0 });
  }
  if (recent.renewals > 0) fire('renewal', recent.renewals, `${count(recent.renewals, 'renewal')} in the last ${span}`, { count: recent.renewals });
  if (recent.upgrades > 0) fire('upgrade', recent.upgrades, `${count(recent.upgrades, 'upgrade')} in the last ${span}`, { count: recent.upgrades });

  shareEngagementPenalty(fired, Math.max(...ENGAGEMENT_SIGNALS.map((name) => weights[name])));
  // Added in HEALTH_SIGNALS order (the order they fired in), never in display order, so the sum is reproducible.
  let unclampedScore = baseline;
  for (const signal of fired) unclampedScore += signal.contribution;
  const score = Math.min(100, Math.max(0, unclampedScore));
  const rank = (s: HealthSignal) => HEALTH_SIGNALS.indexOf(s.signal);
  fired.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || rank(a) - rank(b));

  const lapsed = fired.some((s) => s.signal === 'expired-not-renewed');
  const status: HealthStatus = lapsed ? 'lapsed' : score < atRiskBelow ? 'at-risk' : 'healthy';
  const value = valueKind === 'recurring' ? (recurring?.amount ?? null) : valueKind === 'revenue' ? orderIndependentSum(yearSpend) + 0 : null;
  const risk = Math.min(1, Math.max(0, baseline - score) / Math.max(baseline, 1));
  return {
    customer,
    score,
    unclampedScore,
    atRisk: status === 'at-risk',
    status,
    value,
    risk,
    // Without a value, a customer's risk alone orders them; an unknown value among known ones counts as 0.
    priority: valueKind === null ? risk : risk * (value ?? 0),
    signals: fired,
    recent,
    previous,
    lastActiveDay: lastActiveDay > -Infinity ? lastActiveDay : null,
  };
}

/**
 * The engagement signals that fired take, together, at most `cap` points:
 * above it each is scaled by cap / |sum|, so each keeps its share of the
 * penalty and the parts still add up to the score.
 */
function shareEngagementPenalty(fired: HealthSignal[], cap: number): void {
  const engagement = fired.filter((s) => ENGAGEMENT_SIGNALS.includes(s.signal));
  let sum = 0;
  for (const s of engagement) sum += s.contribution;
  if (!(-sum > cap)) return;
  const scale = cap / -sum;
  for (const s of engagement) s.contribution = s.contribution * scale + 0;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function amount(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
