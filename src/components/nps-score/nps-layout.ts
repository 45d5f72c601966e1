/**
 * Layout of the NPS split bar, pure: the three groups side by side in the
 * order people read an NPS (detractors, passives, promoters: the score is
 * the right end minus the left end), each as wide as its share.
 */
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area as d3area, line as d3line } from 'd3-shape';

export type NpsGroupName = 'detractors' | 'passives' | 'promoters';

export interface SplitSegment {
  group: NpsGroupName;
  count: number;
  share: number;
  /** Left edge and width in px. */
  x: number;
  width: number;
}

export const SPLIT_ORDER: readonly NpsGroupName[] = ['detractors', 'passives', 'promoters'];

/**
 * Segments over `width` px. Shares come from the counts; edges are rounded
 * to whole pixels from the running total, so segments meet exactly and the
 * last ends at `width`. Empty groups get no width.
 */
export function splitSegments(counts: Record<NpsGroupName, number>, width: number): SplitSegment[] {
  const total = SPLIT_ORDER.reduce((sum, group) => sum + counts[group], 0);
  if (!(total > 0) || !(width > 0)) return [];
  let running = 0;
  return SPLIT_ORDER.map((group) => {
    const from = Math.round((running / total) * width);
    running += counts[group];
    const to = Math.round((running / total) * width);
    return { group, count: counts[group], share: counts[group] / total, x: from, width: to - from };
  });
}

/**
 * How far one more response of either extreme moves the score, in points:
 * the reason a small sample is shaky. Adding a promoter to n responses moves
 * the score by (100 − score) / (n + 1); a detractor by (100 + score) / (n + 1).
 */
export function swingOfOneResponse(score: number, responses: number): number {
  return Math.max(100 - score, 100 + score) / (responses + 1);
}

/** One period of the trend as drawn: its score and, when shown, its 95 % interval (points). */
export interface NpsTrendValue {
  score: number | null;
  interval: { low: number; high: number } | null;
}

export interface NpsTrendPoint {
  index: number;
  x: number;
  /** Null for a period without responses: a gap in the line, no dot. */
  y: number | null;
}

export interface NpsTrendGeometry {
  margin: { top: number; right: number; bottom: number; left: number };
  plotWidth: number;
  plotHeight: number;
  points: NpsTrendPoint[];
  line: string;
  /** The interval band (empty when not asked for, or no period has one). */
  band: string;
  /** y of the zero line when 0 is inside the domain, else null. */
  zeroY: number | null;
  yTicks: { at: number; value: number }[];
}

const TREND_MARGIN = { top: 6, right: 8, bottom: 20, left: 34 };

/**
 * The NPS trend in a `width` × `height` box: periods evenly along x, scores on
 * a d3 linear scale made nice over the scores (and, with `band`, their
 * intervals), a line with gaps where a period has no responses, and the
 * interval band under it.
 */
export function npsTrendGeometry(values: readonly NpsTrendValue[], width: number, height: number, band: boolean): NpsTrendGeometry | null {
  const margin = TREND_MARGIN;
  const plotWidth = Math.max(1, width - margin.left - margin.right);
  const plotHeight = Math.max(1, height - margin.top - margin.bottom);
  const shown = values.flatMap((v) => (v.score === null ? [] : band && v.interval ? [v.score, v.interval.low, v.interval.high] : [v.score]));
  if (values.length === 0 || shown.length === 0) return null;
  let [low, high] = extent(shown) as [number, number];
  // A flat trend still gets a readable range around it.
  if (high - low < 10) [low, high] = [low - 5, high + 5];
  const y = scaleLinear()
    .domain([Math.max(-100, low), Math.min(100, high)])
    .nice(4)
    .range([plotHeight, 0]);
  const [d0, d1] = y.domain();
  const step = values.length > 1 ? plotWidth / (values.length - 1) : 0;
  const points = values.map((v, index) => ({ index, x: round(index * step), y: v.score === null ? null : round(y(v.score)) }));
  const line = d3line<NpsTrendPoint>((p) => p.x, (p) => p.y ?? 0).defined((p) => p.y !== null);
  const area = d3area<number>()
    .x((i) => points[i].x)
    .y0((i) => y(values[i].interval?.low ?? 0))
    .y1((i) => y(values[i].interval?.high ?? 0))
    .defined((i) => values[i].score !== null && values[i].interval !== null);
  return {
    margin,
    plotWidth,
    plotHeight,
    points,
    line: line(points) ?? '',
    band: band ? (area(values.map((_, i) => i)) ?? '') : '',
    zeroY: d0 <= 0 && d1 >= 0 ? round(y(0)) : null,
    yTicks: y.ticks(3).map((value) => ({ at: round(y(value)), value })),
  };
}

/** The period nearest to `plotX` (pixels from the plot's left edge). */
export function nearestTrendIndex(geometry: NpsTrendGeometry, plotX: number): number | null {
  const { points } = geometry;
  if (points.length === 0) return null;
  const step = points.length > 1 ? points[1].x - points[0].x : 1;
  return Math.max(0, Math.min(points.length - 1, Math.round((plotX - points[0].x) / (step || 1))));
}

/** An NPS as shown: a whole number, as the convention is (the exact value stays in the result); never "−0". */
export function roundedNps(score: number): number {
  return Math.round(score) + 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
