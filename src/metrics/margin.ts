/**
 * How a gross margin is written, read one way everywhere: <ltv-forecast>'s
 * `gross-margin` attribute (through attribute-rules.ts's `marginAttribute`),
 * the lifetime-value job, and <retention-calculator>'s typed field.
 *
 * People write a margin as a fraction (`0.78`) or as a percent (`78 %`, `78%`,
 * or a bare `78`). The rule that keeps both readable:
 * - with a percent sign, it is a percent: `78 %` → 0.78, `0.5 %` → 0.005;
 * - without one, a number from 0 to 1 is a fraction (`0.78` → 0.78, `1` → 100 %),
 *   and a number above 1 up to 100 is a percent (`78` → 0.78), which the
 *   element says in its text, because the reader did not write the unit;
 * - anything else (below 0, above 100 %, not a number) is refused with a reason.
 *
 * Numbers are read as code reads them (`0.78`, not `0,78`): the kit's
 * attribute values and calculator fields all are.
 */

/** How the margin was written: a fraction, a percent with its sign, or a bare number above 1 read as a percent. */
export type MarginNotation = 'fraction' | 'percent' | 'bare-percent';

/** Why a margin is refused. */
export type MarginProblem = 'not-a-number' | 'negative' | 'above-100';

export type MarginReading = { ok: true; fraction: number; notation: MarginNotation } | { ok: false; problem: MarginProblem };

/** What a margin takes, in the words of an option error. */
export const MARGIN_EXPECTATION = 'a margin from 0 to 1 (0.78) or a percent from 0 % to 100 % (78 %, 78)';

/** A number in code notation, with an optional percent sign after it (and spaces, no-break spaces included, around). */
const MARGIN_TEXT = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(%?)\s*$/u;

export function readMargin(written: string | number): MarginReading {
  let number: number;
  let percentSign = false;
  if (typeof written === 'number') number = written;
  else {
    const match = MARGIN_TEXT.exec(written.replace(/[\u00a0\u202f]/g, ' '));
    if (!match) return { ok: false, problem: 'not-a-number' };
    number = Number(match[1]);
    percentSign = match[2] === '%';
  }
  if (!Number.isFinite(number)) return { ok: false, problem: 'not-a-number' };
  if (number < 0) return { ok: false, problem: 'negative' };
  if (percentSign) return number <= 100 ? { ok: true, fraction: number / 100, notation: 'percent' } : { ok: false, problem: 'above-100' };
  if (number <= 1) return { ok: true, fraction: number, notation: 'fraction' };
  return number <= 100 ? { ok: true, fraction: number / 100, notation: 'bare-percent' } : { ok: false, problem: 'above-100' };
}
