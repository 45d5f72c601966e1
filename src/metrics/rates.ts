/**
 * Retention rates from a handful of numbers: what a CMS user types into an
 * element's attributes (`start="500" end="520" new="45"`), and what the
 * record-based metrics hand over once they have counted. Every metric has one
 * definition here, and every other module that shows it calls this one.
 *
 * Inputs cross a Zod schema first: counts must be whole, amounts finite and
 * non-negative, and the numbers must be consistent with each other (nobody can
 * be lost who was not there). Rates come back as fractions (0.05 = 5 %).
 */
import * as z from 'zod/mini';
import { IssueCollector, fail, ok, type Result } from './issues.ts';
import { numberValue } from './read/records.ts';
import { rule, validateInput } from './read/validation.ts';

/** Customers are counted, never measured: whole numbers, at least 0. */
const customerCount = numberValue({ min: 0, integer: true });
const money = numberValue({ min: 0 });
const fraction = numberValue({ min: 0, max: 1 });

// ---------------------------------------------------------------- customer rates

export interface RetentionInputs {
  /** Customers at period start (S). */
  start: number | string;
  /** Customers at period end (E). */
  end: number | string;
  /** New customers acquired during the period (N). */
  new: number | string;
}

const retentionSchema = z
  .object({ start: customerCount, end: customerCount, new: customerCount })
  .check(
    rule('start', 'at least 1 customer: the retention rate is undefined for a period that starts with no customers', (v) => v.start > 0),
    rule('new', 'at most the customers at period end (new customers are among them)', (v) => v.new <= v.end),
  );

/**
 * Customer retention rate, CRR = (E − N) / S: the share of the customers the
 * period started with who are still there at its end. New customers are taken
 * out of E because retention judges the base you had, not your acquisition.
 *
 * Bounds: CRR ≥ 0 once N ≤ E. It is at most 1 when every customer in E − N was
 * also in S; a customer who left earlier and came back during the period
 * (a reactivation) is in E but neither in S nor in N, so CRR can reach
 * 1 + reactivated / S. That is the formula's meaning, not an input error.
 */
export function customerRetentionRate(inputs: RetentionInputs): Result<number> {
  const parsed = validateInput(retentionSchema, inputs, { what: 'customer retention inputs' });
  if (!parsed.ok) return parsed;
  const { start, end, new: acquired } = parsed.value;
  return ok((end - acquired) / start);
}

export interface ChurnInputs {
  /** Customers at period start (S). */
  start: number | string;
  /** Customers of S lost during the period. */
  lost: number | string;
}

const churnSchema = z
  .object({ start: customerCount, lost: customerCount })
  .check(
    rule('start', 'at least 1 customer: the churn rate is undefined for a period that starts with no customers', (v) => v.start > 0),
    rule('lost', 'at most the customers at period start (only customers you had can be lost)', (v) => v.lost <= v.start),
  );

/**
 * Customer churn rate = lost / S, a fraction of the starting base. Equals
 * 1 − CRR when nobody reactivates (then E = S − lost + N).
 */
export function customerChurnRate(inputs: ChurnInputs): Result<number> {
  const parsed = validateInput(churnSchema, inputs, { what: 'customer churn inputs' });
  if (!parsed.ok) return parsed;
  return ok(parsed.value.lost / parsed.value.start);
}

const retentionValueSchema = z.object({ retention: fraction });

/** Churn as the complement of a retention rate (a fraction from 0 to 1): 0.97 → 0.03. */
export function churnFromRetention(retention: number | string): Result<number> {
  const parsed = validateInput(retentionValueSchema, { retention }, { what: 'retention rate' });
  if (!parsed.ok) return parsed;
  return ok(1 - parsed.value.retention);
}

// ---------------------------------------------------------------- revenue rates

export interface RevenueInputs {
  /** Recurring revenue at period start (MRR or ARR, any currency). */
  startRevenue: number | string;
  /** Recurring revenue lost to customers who cancelled. */
  churned: number | string;
  /** Recurring revenue lost to downgrades of customers who stayed. */
  contraction: number | string;
  /** Recurring revenue gained from upgrades of customers in the starting base. */
  expansion?: number | string;
}

/**
 * Summing per-customer losses and the starting revenue in different orders can
 * differ in the last bits; a loss within this share of the start is still
 * consistent.
 */
const ROUNDING_SLACK = 1e-9;

const revenueSchema = z
  .object({ startRevenue: money, churned: money, contraction: money, expansion: z.optional(money) })
  .check(
    rule('startRevenue', 'more than 0: revenue rates are undefined without recurring revenue at period start', (v) => v.startRevenue > 0),
    rule(
      'churned',
      'churned + contraction of at most startRevenue (the starting base cannot lose more than it paid)',
      (v) => v.churned + v.contraction <= v.startRevenue * (1 + ROUNDING_SLACK),
    ),
  );

interface RevenueParts {
  start: number;
  /** Churned + contraction, capped at start so rounding never makes GRR negative. */
  lost: number;
  expansion: number;
}

function revenueParts(inputs: RevenueInputs, what: string): Result<RevenueParts> {
  const parsed = validateInput(revenueSchema, { expansion: 0, ...inputs }, { what });
  if (!parsed.ok) return parsed;
  const { startRevenue, churned, contraction, expansion = 0 } = parsed.value;
  return ok({ start: startRevenue, lost: Math.min(churned + contraction, startRevenue), expansion });
}

export interface RevenueChurn {
  /** (churned + contraction − expansion) / start. Negative is "net negative churn": the base grew. */
  netRevenueChurn: number;
  /** (churned + contraction) / start: what was lost, expansion not netted in; 0 … 1. */
  grossRevenueChurn: number;
}

/**
 * Revenue churn: recurring revenue lost by the customers of the starting base,
 * over the starting revenue. Net churn subtracts their expansion and goes
 * negative when upgrades outweigh losses, which is good news and never an
 * error. net = 1 − NRR and gross = 1 − GRR.
 */
export function revenueChurnRate(inputs: RevenueInputs): Result<RevenueChurn> {
  const parts = revenueParts(inputs, 'revenue churn inputs');
  if (!parts.ok) return parts;
  const { start, lost, expansion } = parts.value;
  return ok({ netRevenueChurn: (lost - expansion) / start, grossRevenueChurn: lost / start });
}

export interface RetentionRevenueInputs {
  startRevenue: number | string;
  expansion: number | string;
  contraction: number | string;
  churned: number | string;
}

/**
 * Net revenue retention, NRR = (start + expansion − contraction − churned) / start:
 * what the customers of the starting base pay at period end for each unit they
 * paid at its start. New and reactivated customers are left out on purpose.
 */
export function netRevenueRetention(inputs: RetentionRevenueInputs): Result<number> {
  const parts = revenueParts(inputs, 'net revenue retention inputs');
  if (!parts.ok) return parts;
  const { start, lost, expansion } = parts.value;
  // (start − lost) first: then NRR ≥ GRR holds in floating point too, not only on paper.
  return ok((start - lost + expansion) / start);
}

/**
 * Gross revenue retention, GRR = (start − contraction − churned) / start: NRR
 * with expansion capped out, so it is at most 1 and shows the leak alone.
 */
export function grossRevenueRetention(inputs: Omit<RetentionRevenueInputs, 'expansion'> & { expansion?: number | string }): Result<number> {
  const parts = revenueParts({ ...inputs, expansion: 0 }, 'gross revenue retention inputs');
  if (!parts.ok) return parts;
  const { start, lost } = parts.value;
  return ok((start - lost) / start);
}

// ---------------------------------------------------------------- lifetime value

export interface LifetimeValueInputs {
  /** Average recurring revenue per account per period (same period as the churn rate). */
  arpa: number | string;
  /** Gross margin as a fraction, 0 … 1. */
  grossMargin: number | string;
  /** Customer churn rate per period, a fraction above 0 and at most 1. */
  churnRate: number | string;
}

const lifetimeValueSchema = z
  .object({ arpa: money, grossMargin: fraction, churnRate: fraction })
  .check(rule('churnRate', 'a churn rate above 0: lifetime value is unbounded when churn is 0', (v) => v.churnRate > 0));

/**
 * Simple SaaS lifetime value = ARPA × gross margin / churn rate: margin per
 * period times the expected lifetime in periods (1 / churn, the mean of a
 * geometric lifetime).
 */
export function saasLifetimeValue(inputs: LifetimeValueInputs): Result<number> {
  const parsed = validateInput(lifetimeValueSchema, inputs, { what: 'lifetime value inputs' });
  if (!parsed.ok) return parsed;
  const { arpa, grossMargin, churnRate } = parsed.value;
  return ok((arpa * grossMargin) / churnRate);
}

// ---------------------------------------------------------------- DSO

export interface DsoInputs {
  /** Accounts receivable at period end. */
  receivables: number | string;
  /** Sales on credit (invoiced) during the period. */
  creditSales: number | string;
  /** Days in the period. */
  days: number | string;
}

const dsoSchema = z
  .object({ receivables: money, creditSales: money, days: money })
  .check(
    rule('creditSales', 'more than 0: DSO is undefined for a period without credit sales', (v) => v.creditSales > 0),
    rule('days', 'more than 0 days', (v) => v.days > 0),
  );

/**
 * Days sales outstanding = receivables / credit sales × days: how many days of
 * the period's sales are still unpaid at its end. In days, not a fraction.
 */
export function daysSalesOutstanding(inputs: DsoInputs): Result<number> {
  const parsed = validateInput(dsoSchema, inputs, { what: 'DSO inputs' });
  if (!parsed.ok) return parsed;
  const { receivables, creditSales, days } = parsed.value;
  return ok((receivables / creditSales) * days);
}

// ---------------------------------------------------------------- NPS

export interface NpsCounts {
  /** Responses scoring 9 or 10. */
  promoters: number | string;
  /** Responses scoring 7 or 8. */
  passives: number | string;
  /** Responses scoring 0 to 6. */
  detractors: number | string;
}

export interface NetPromoterScore {
  /** % promoters − % detractors, from −100 to 100 (NPS is a score by convention, not a fraction). */
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  /** Shares of all responses, fractions 0 … 1. */
  promoterShare: number;
  passiveShare: number;
  detractorShare: number;
}

export const SCORE_EXPECTATION = 'a whole number from 0 to 10';
const surveyScore = numberValue({ min: 0, max: 10, integer: true });

const npsCountsSchema = z
  .object({ promoters: customerCount, passives: customerCount, detractors: customerCount })
  .check(
    rule('promoters', 'at least one response in all: NPS is undefined without responses', (v) => v.promoters + v.passives + v.detractors > 0),
  );

/** Splits one 0–10 score into its NPS group. */
export function npsGroup(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * Net Promoter Score from survey scores (0–10, one per response) or from the
 * counts of promoters, passives and detractors. Scores that are not whole
 * numbers from 0 to 10 are reported with their position.
 */
export function netPromoterScore(input: readonly unknown[] | NpsCounts): Result<NetPromoterScore> {
  if (!Array.isArray(input)) {
    const parsed = validateInput(npsCountsSchema, input, { what: 'NPS counts' });
    if (!parsed.ok) return parsed;
    return ok(npsFromCounts(parsed.value.promoters, parsed.value.passives, parsed.value.detractors));
  }
  const issues = new IssueCollector();
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < input.length; i++) {
    const parsed = surveyScore.safeParse(input[i]);
    if (!parsed.success) {
      issues.add(i, 'score', SCORE_EXPECTATION, input[i]);
      continue;
    }
    const group = npsGroup(parsed.data);
    if (group === 'promoter') promoters++;
    else if (group === 'passive') passives++;
    else detractors++;
  }
  if (issues.hasIssues) return fail(issues.toError('survey scores'));
  if (input.length === 0) {
    const empty = new IssueCollector();
    empty.add(-1, 'scores', 'at least one response: NPS is undefined without responses', input);
    return fail(empty.toError('survey scores'));
  }
  return ok(npsFromCounts(promoters, passives, detractors));
}

/** The NPS of validated counts with at least one response. */
export function npsFromCounts(promoters: number, passives: number, detractors: number): NetPromoterScore {
  const responses = promoters + passives + detractors;
  return {
    // ×100 before dividing keeps whole results whole: (5 − 3) × 100 / 10 is 20, not 20.000000000000004.
    score: ((promoters - detractors) * 100) / responses,
    promoters,
    passives,
    detractors,
    responses,
    promoterShare: promoters / responses,
    passiveShare: passives / responses,
    detractorShare: detractors / responses,
  };
}
