/**
 * Pure layout of <churn-reasons>: the rows of the bar chart (named reasons,
 * then "Other"), bar lengths, and the small-multiple sparklines of the trend.
 * No DOM: testable on its own.
 */
import { scaleLinear } from 'd3-scale';
import { area as d3area, line as d3line } from 'd3-shape';
import type { ChurnReasonsModel } from '../../engine/jobs/churn-reasons.ts';

export interface BarRow {
  /** Reason key; {@link OTHER_ROW_KEY} for the "Other" group. */
  key: string;
  /** The answer as written (untranslated); empty for "Other" and the no-reason group (the element words them). */
  label: string;
  kind: 'reason' | 'no-reason' | 'other';
  count: number;
  lostRevenue: number;
  /** Share in the chosen weight. */
  share: number;
  countShare: number;
  revenueShare: number;
  /** Spellings merged into this reason (more than one means answers were grouped). */
  spellings: Array<{ text: string; count: number }>;
}

export const OTHER_ROW_KEY = '\u0000other';

/** The bar chart's rows: named reasons in rank order, then "Other" when anything was folded. */
export function barRows(model: ChurnReasonsModel): BarRow[] {
  const rows: BarRow[] = model.reasons.map((r) => ({
    key: r.key,
    label: r.answered ? r.label : '',
    kind: r.answered ? 'reason' : 'no-reason',
    count: r.count,
    lostRevenue: r.lostRevenue,
    share: r.share,
    countShare: r.countShare,
    revenueShare: r.revenueShare,
    spellings: r.spellings,
  }));
  if (model.other) {
    const o = model.other;
    rows.push({
      key: OTHER_ROW_KEY,
      label: '',
      kind: 'other',
      count: o.count,
      lostRevenue: o.lostRevenue,
      share: o.share,
      countShare: o.countShare,
      revenueShare: o.revenueShare,
      spellings: [],
    });
  }
  return rows;
}

/**
 * Bar length as a fraction of the track: the largest share fills it, so small
 * shares stay readable; 0 stays 0. Labels carry the true share.
 */
export function barFraction(share: number, largestShare: number): number {
  if (!(largestShare > 0) || !(share > 0)) return 0;
  return Math.min(1, share / largestShare);
}

export interface Sparkline {
  line: string;
  area: string;
  /** Where each value sits, for the last-point marker (y is NaN where a value is not finite). */
  points: Array<{ x: number; y: number }>;
}

/**
 * A sparkline over `values` in a `width` × `height` box with 2 px of padding,
 * on a shared y scale 0 … `max` so small multiples compare by eye. One value
 * draws a short flat line across the box; a value that is not a finite number
 * leaves a gap, never a NaN in the path.
 */
export function sparkline(values: readonly number[], width: number, height: number, max: number): Sparkline {
  const pad = 2;
  const shown = values.length === 1 ? [values[0], values[0]] : values;
  const x = scaleLinear()
    .domain([0, Math.max(1, shown.length - 1)])
    .range([pad, width - pad]);
  const y = scaleLinear()
    .domain([0, max > 0 && Number.isFinite(max) ? max : 1])
    .range([height - pad, pad]);
  const points = shown.map((v, i) => ({ x: round(x(i)), y: Number.isFinite(v) ? round(y(Math.max(0, v))) : NaN }));
  const defined = (p: { y: number }) => Number.isFinite(p.y);
  const line = d3line<{ x: number; y: number }>((p) => p.x, (p) => p.y).defined(defined);
  const fill = d3area<{ x: number; y: number }>((p) => p.x, height - pad, (p) => p.y).defined(defined);
  return { line: line(points) ?? '', area: fill(points) ?? '', points: values.length === 1 ? points.slice(0, 1) : points };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
