/**
 * How sure a rate is: intervals for rates computed from counts, and whether a
 * change between two periods is beyond noise. Every element that shows a rate
 * from counts (cohort cells, retention, churn, repeat purchase rate, NPS)
 * takes its interval and its "within noise" verdict from here, so they agree.
 *
 * The formulas are the textbook ones (95 % by default, z = 1.959964):
 * - Wilson score interval for a proportion p = x / n:
 *     centre = (p + z²/2n) / (1 + z²/n)
 *     half   = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
 *   Unlike p ± z·√(p(1 − p)/n) it stays inside [0, 1] and is not zero-width at
 *   0 % or 100 %, which is where small cohorts sit.
 * - Two-proportion z-test for a change from x₁/n₁ to x₂/n₂ (pooled):
 *     p̂ = (x₁ + x₂) / (n₁ + n₂),  z = (p₂ − p₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂))
 *   The change is "beyond noise" when |z| > z(95 %).
 * - NPS = (P − D) / n · 100. Each answer scores +1, 0 or −1, so
 *     var = (P/n + D/n − (P/n − D/n)²) / n,  NPS ± z·√var · 100
 *   (the standard interval for a mean of −1/0/+1 scores), clipped to [−100, 100].
 */

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/**
 * Below this many customers a rate is marked as resting on few customers: the
 * Wilson interval of a 50 % rate from 30 customers is already ±17 pp wide.
 */
export const SMALL_SAMPLE = 30;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval of `successes` out of `trials`, or null when there
 * is nothing to judge (no trials, or counts that are not counts).
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval | null {
  if (!(trials > 0) || !Number.isFinite(trials) || !Number.isFinite(successes) || successes < 0 || successes > trials) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // Rounding can leave 1e-17 outside [0, 1]; an interval of a share never does.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface ChangeTest {
  /** p₂ − p₁, as a fraction. */
  difference: number;
  /** The test statistic; 0 when both rates are equal. */
  z: number;
  /** |z| above the 95 % critical value: the change is larger than chance would make it. */
  beyondNoise: boolean;
}

/**
 * Is the change from `before` (x₁ of n₁) to `after` (x₂ of n₂) beyond noise?
 * Null when either side has no trials. When both rates are 0 % or both 100 %
 * the pooled variance is 0 and the rates are equal: no change, within noise.
 */
export function proportionChange(before: { successes: number; trials: number }, after: { successes: number; trials: number }, z: number = Z_95): ChangeTest | null {
  const valid = (side: { successes: number; trials: number }) => side.trials > 0 && Number.isFinite(side.trials) && side.successes >= 0 && side.successes <= side.trials;
  if (!valid(before) || !valid(after)) return null;
  const p1 = before.successes / before.trials;
  const p2 = after.successes / after.trials;
  const pooled = (before.successes + after.successes) / (before.trials + after.trials);
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / before.trials + 1 / after.trials));
  const statistic = spread > 0 ? (p2 - p1) / spread : 0;
  return { difference: p2 - p1, z: statistic, beyondNoise: Math.abs(statistic) > z };
}

/**
 * The interval of a Net Promoter Score (in points, −100…100) from its counts,
 * or null without answers.
 */
export function npsInterval(promoters: number, detractors: number, responses: number, z: number = Z_95): Interval | null {
  if (!(responses > 0) || !Number.isFinite(responses) || promoters < 0 || detractors < 0 || promoters + detractors > responses) return null;
  const shareP = promoters / responses;
  const shareD = detractors / responses;
  const mean = shareP - shareD;
  const variance = Math.max(0, (shareP + shareD - mean * mean) / responses);
  const half = z * Math.sqrt(variance);
  return { low: Math.max(-100, (mean - half) * 100), high: Math.min(100, (mean + half) * 100) };
}

/** True when a rate rests on fewer customers than {@link SMALL_SAMPLE}. */
export function isSmallSample(trials: number, threshold: number = SMALL_SAMPLE): boolean {
  return trials < threshold;
}
