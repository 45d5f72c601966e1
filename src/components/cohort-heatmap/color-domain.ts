/**
 * Which values the heatmap's colours span. The cells that carry the
 * information are periods ≥ 1 (who came back): period 0 is the cohort itself
 * (100 % of it, all its customers) and is drawn apart in a neutral colour, so
 * it is left out here. Mapping 0–100 % instead gave the 100 % column all the
 * ink and left the 2–40 % cells one pale blue.
 *
 * - The bottom is 0 (no one came back), or the lowest value when some are
 *   negative: the colour of a magnitude starts at nothing.
 * - The top is a high quantile (95th) of the values, rounded up to a round
 *   number with d3's `nice`, so one lucky cohort does not wash out the rest;
 *   cells above it share the top colour and the legend says so.
 * - Tiny cohorts (under a quarter of the median cohort's size) do not set the
 *   top: one of three customers coming back is 33 %, and says little.
 * - Running periods (not final) do not set it either.
 * (PostHog's retention table maps 0–100 % to lightness with period 0 fixed at
 * full colour, which has the same washed-out look on a shop's 5–30 % values.)
 */
import { median, nice, quantile } from 'd3-array';
import type { CohortValue } from '../../metrics/cohorts.ts';

export interface ColorDomainInput {
  value: CohortValue;
  cohorts: readonly { size: number; cells: readonly (number | null)[]; running: number }[];
  average: readonly (number | null)[];
}

export interface ColorDomain {
  low: number;
  high: number;
  /** Some coloured cell is above `high` (it is drawn in the top colour). */
  clampedAbove: boolean;
  /** Some coloured cell is below `low`. */
  clampedBelow: boolean;
}

/** The share of values under the top of the colour scale. */
export const TOP_QUANTILE = 0.95;
/** A cohort smaller than this share of the median cohort does not stretch the scale. */
export const SMALL_COHORT_SHARE = 0.25;

/** Finite values of periods ≥ 1 of every row, the average row included: every cell that gets a ramp colour. */
export function colouredValues(input: ColorDomainInput): number[] {
  const values: number[] = [];
  for (const row of [...input.cohorts.map((c) => c.cells), input.average]) {
    for (let k = 1; k < row.length; k++) {
      const v = row[k];
      if (v !== null && Number.isFinite(v)) values.push(v);
    }
  }
  return values;
}

/** The colour domain, or null when no cell past period 0 has a value (nothing to colour). */
export function heatmapColorDomain(input: ColorDomainInput): ColorDomain | null {
  const all = colouredValues(input);
  if (all.length === 0) return null;
  const typical = median(input.cohorts, (c) => c.size) ?? 0;
  const settling = (ofSmall: boolean) =>
    input.cohorts.flatMap((cohort) =>
      ofSmall || cohort.size >= SMALL_COHORT_SHARE * typical
        ? cohort.cells.filter((v, k): v is number => k >= 1 && k !== cohort.running && v !== null && Number.isFinite(v))
        : [],
    );
  // Without enough settled cells (only running periods, or only small cohorts past period 0) every coloured value counts.
  let basis = settling(false);
  if (basis.length === 0) basis = settling(true);
  if (basis.length === 0) basis = all;

  const lowest = Math.min(...basis);
  let [low, high] = nice(Math.min(0, lowest), quantile(basis, TOP_QUANTILE)!, 10);
  if (!(high > low)) high = low + (input.value === 'percent' ? 0.1 : 1);
  return { low, high, clampedAbove: all.some((v) => v > high), clampedBelow: all.some((v) => v < low) };
}
