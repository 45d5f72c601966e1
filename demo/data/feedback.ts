/**
 * Sample survey answers: NPS scores with the odd comment, and cancellation
 * surveys whose reasons arrive the way people type them (different case,
 * synonyms, stray spaces, the occasional blank), because that is what an
 * element counting reasons has to cope with.
 */
import { DateFormatter, DaySampler, SAAS_SEASON, generatorWindow, identifier, secondOfDay } from './calendar.ts';
import { PLANS } from './subscriptions.ts';
import { Random } from './random.ts';

export interface SurveyResponseRecord {
  customer: string;
  /** YYYY-MM-DD HH:MM:SS */
  date: string;
  /** 0–10, "How likely are you to recommend us to a friend or colleague?" */
  score: number;
  comment?: string;
}

export interface SurveyOptions {
  seed?: number;
  responses: number;
  start?: string;
  months?: number;
}

/** Score weights 0…10 at the start of the window: about 40 % promoters, 20 % detractors (NPS ≈ +20). */
const SCORE_WEIGHTS = [2, 1, 1.5, 2, 2.5, 4, 6.5, 8, 32, 24, 16];
const COMMENTS: Record<'promoter' | 'passive' | 'detractor', readonly string[]> = {
  promoter: ['Love it', 'Great support team', 'Saves me hours every week', 'Easy to set up', 'Does exactly what we need'],
  passive: ['Good, but a bit pricey', 'Works fine', 'Missing a few integrations', 'OK overall'],
  detractor: ['Too expensive for what it does', 'Support took days to answer', 'Keeps logging me out', 'Hard to use', 'Reports are slow'],
};

/** Responses sorted by date; scores drift up a little over the window, as if the product improved. */
export function generateSurveyResponses(options: SurveyOptions): SurveyResponseRecord[] {
  const { seed = 1, responses, start = '2023-01-01', months = 12 } = options;
  const random = new Random(seed);
  const window = generatorWindow(start, months);
  const days = new DaySampler(window, SAAS_SEASON);
  const format = new DateFormatter();
  const scores = SCORE_WEIGHTS.map((_, score) => score);
  const span = window.endDay - window.firstDay;
  const customerPool = Math.max(1, Math.round(responses * 0.8));

  const rows = Array.from({ length: responses }, () => ({ day: days.sample(random), second: secondOfDay(random) })).sort(
    (a, b) => a.day - b.day || a.second - b.second,
  );
  return rows.map(({ day, second }) => {
    const progress = (day - window.firstDay) / span;
    // Later responses re-draw a low score now and then: a slow, visible improvement.
    let score = random.pick(scores, SCORE_WEIGHTS);
    if (score <= 6 && random.chance(0.25 * progress)) score = random.pick(scores, SCORE_WEIGHTS);
    const record: SurveyResponseRecord = {
      customer: identifier('acct-', random.int(1, customerPool), 5),
      date: format.dateTime(day, second),
      score,
    };
    if (random.chance(0.3)) {
      const group = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
      record.comment = random.pick(COMMENTS[group]);
    }
    return record;
  });
}

export interface CancellationRecord {
  customer: string;
  /** YYYY-MM-DD */
  date: string;
  /** The reason as typed or picked; see {@link CANCELLATION_REASONS} for the canonical set. */
  reason: string;
  /** Recurring revenue lost with this customer. */
  mrr: number;
  comment?: string;
}

export interface CancellationOptions {
  seed?: number;
  cancellations: number;
  start?: string;
  months?: number;
}

/** Canonical reasons with their share and the spellings people use for them. */
export const CANCELLATION_REASONS: readonly { reason: string; weight: number; variants: readonly string[] }[] = [
  { reason: 'Too expensive', weight: 26, variants: ['too expensive', 'Price', 'Too expensive ', 'TOO EXPENSIVE', 'price too high'] },
  { reason: 'Not using it enough', weight: 19, variants: ['not using it', 'Not using it enough.', "Don't use it enough"] },
  { reason: 'Missing features', weight: 15, variants: ['missing features', 'Missing feature', 'Lacks features we need'] },
  { reason: 'Switched to a competitor', weight: 13, variants: ['switched to competitor', 'Competitor', 'Moved to another tool'] },
  { reason: 'Technical problems', weight: 9, variants: ['technical issues', 'Bugs', 'Too many bugs'] },
  { reason: 'Poor support', weight: 6, variants: ['poor support', 'Bad customer service'] },
  { reason: 'Business closed', weight: 5, variants: ['business closed', 'Company shut down'] },
  { reason: 'Other', weight: 7, variants: ['other', 'N/A', ''] },
];

/** Cancellations sorted by date; cheap plans dominate the count, dear ones the lost revenue. */
export function generateCancellations(options: CancellationOptions): CancellationRecord[] {
  const { seed = 1, cancellations, start = '2023-01-01', months = 12 } = options;
  const random = new Random(seed);
  const window = generatorWindow(start, months);
  const days = new DaySampler(window, SAAS_SEASON);
  const format = new DateFormatter();
  const weights = CANCELLATION_REASONS.map((r) => r.weight);

  const dates = Array.from({ length: cancellations }, () => days.sample(random)).sort((a, b) => a - b);
  return dates.map((day, i) => {
    const entry = random.pick(CANCELLATION_REASONS, weights);
    // Pricier plans leave over features and competitors more than over price.
    const plan = random.pick(PLANS, entry.reason === 'Too expensive' ? [8, 2, 0.5] : [5, 3, 1.5]);
    const record: CancellationRecord = {
      customer: identifier('acct-', 1 + ((i * 7919) % Math.max(1, cancellations * 3)), 5),
      date: format.day(day),
      reason: random.chance(0.3) ? random.pick(entry.variants) : entry.reason,
      mrr: plan.price,
    };
    if (random.chance(0.2)) record.comment = `${entry.reason.toLowerCase()}, ${random.pick(['sorry', 'may come back later', 'thanks for everything', 'budget cuts this year'])}`;
    return record;
  });
}
