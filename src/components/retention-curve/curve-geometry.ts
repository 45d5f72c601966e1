/**
 * Scales, ticks and paths of the retention curves, from measured sizes,
 * before anything is drawn. Pure: testable without a browser layout.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { bisector } from 'd3-array';

export interface CurveSeries {
  values: readonly (number | null)[];
  /** k of the running period (drawn dashed); -1 when none. */
  partialPeriod: number;
  /** Per period k, whether the point rests on few customers (drawn hollow). */
  few?: readonly boolean[];
}

export interface CurvePoint {
  k: number;
  x: number;
  y: number;
  partial: boolean;
  /** Rests on few customers: drawn hollow, whatever the marker rule. */
  few: boolean;
}

export interface CurvePaths {
  /** Through complete periods. */
  solid: string;
  /** The segment into the running period. */
  partial: string;
  points: CurvePoint[];
}

export interface CurveGeometry {
  margin: { top: number; right: number; bottom: number; left: number };
  plotWidth: number;
  plotHeight: number;
  xOf: ScaleLinear<number, number>;
  yOf(value: number): number;
  yTicks: { value: number; at: number; label: string }[];
  /** Periods whose x label is shown. */
  xLabels: number[];
  series: CurvePaths[];
  /** Whether a marker on every period fits (periods at least MARKER_SPACING px apart). */
  markersFit: boolean;
}

/** Least distance between two periods, in px, for a marker on each: closer, they merge into a thick line. */
const MARKER_SPACING = 6;

export interface CurveGeometryOptions {
  width: number;
  height: number;
  periods: number;
  formatY?: (value: number) => string;
  charWidth?: number;
}

export function curveGeometry(series: readonly CurveSeries[], options: CurveGeometryOptions): CurveGeometry {
  const { formatY = String, charWidth = 6.5 } = options;
  const width = Math.max(0, options.width);
  const height = Math.max(0, options.height);
  const periods = Math.max(1, options.periods);
  let max = 1;
  for (const s of series) for (const v of s.values) if (v !== null && v > max && Number.isFinite(v)) max = v;
  const top = 12;
  const bottom = 32;
  const tickCount = Math.max(2, Math.min(10, Math.floor((height - top - bottom) / 36)));
  const y = scaleLinear().domain([0, max]).nice(tickCount);
  const ticks = y.ticks(tickCount);
  const labels = ticks.map((t) => formatY(t));
  const left = Math.max(40, Math.ceil(labels.reduce((w, l) => Math.max(w, l.length), 0) * charWidth) + 12);
  const margin = { top, right: 16, bottom, left };
  const plotWidth = Math.max(0, width - left - margin.right);
  const plotHeight = Math.max(0, height - top - bottom);
  y.range([plotHeight, 0]);
  const x = scaleLinear()
    .domain([0, Math.max(1, periods - 1)])
    .range([0, plotWidth]);

  const step = periods > 1 ? plotWidth / (periods - 1) : plotWidth;
  // As many labels as fit side by side, on round periods (0, 500, 1000 …), never between two periods.
  const fit = Math.max(1, Math.floor(plotWidth / (String(periods).length * charWidth + 14)));
  const xLabels = periods === 1 ? [0] : x.ticks(Math.min(fit, periods - 1)).filter(Number.isInteger);

  const curveLine = line<CurvePoint>()
    .x((p) => p.x)
    .y((p) => p.y);
  const paths = series.map((s): CurvePaths => {
    const points: CurvePoint[] = [];
    s.values.forEach((v, k) => {
      // A period without a (finite) value is a gap in the curve, never a point at NaN.
      if (v !== null && Number.isFinite(v) && k < periods) points.push({ k, x: x(k), y: y(v), partial: k === s.partialPeriod, few: s.few?.[k] ?? false });
    });
    // Runs of consecutive complete points are solid; a segment touching the running period is dashed.
    let solid = '';
    let partial = '';
    let run: CurvePoint[] = [];
    const flush = () => {
      // A run of one point is a marker, not a line.
      if (run.length > 1) solid += curveLine(run) ?? '';
      run = [];
    };
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      const previous = points[i - 1];
      const joined = previous !== undefined && previous.k === p.k - 1;
      if (p.partial || (previous?.partial ?? false)) {
        flush();
        if (joined) partial += curveLine([previous, p]) ?? '';
        continue;
      }
      if (!joined) flush();
      run.push(p);
    }
    flush();
    return { solid, partial, points };
  });

  return {
    margin,
    plotWidth,
    plotHeight,
    xOf: x,
    yOf: y,
    yTicks: ticks.map((value, i) => ({ value, at: y(value), label: labels[i] })),
    xLabels,
    series: paths,
    markersFit: periods === 1 || step >= MARKER_SPACING,
  };
}

/**
 * The band of a curve's 95 % intervals (`low`/`high` per period k, null where
 * there is none), through the same scales: an area with gaps where a period has
 * no interval, so a band never bridges a period without one.
 */
export function intervalBand(geometry: CurveGeometry, intervals: readonly ({ low: number; high: number } | null | undefined)[]): string {
  const band = area<{ k: number; low: number; high: number }>()
    .defined((d) => Number.isFinite(d.low) && Number.isFinite(d.high))
    .x((d) => geometry.xOf(d.k))
    .y0((d) => geometry.yOf(d.low))
    .y1((d) => geometry.yOf(d.high));
  const [, last] = geometry.xOf.domain();
  const points = intervals.slice(0, last + 1).map((interval, k) => ({ k, low: interval?.low ?? Number.NaN, high: interval?.high ?? Number.NaN }));
  return band(points) ?? '';
}

/** A drawn point: series index and period. */
export interface CurvePosition {
  series: number;
  k: number;
}

/** The point of `series` at period `k`, if it has one (a binary search: points are in period order). */
export function pointAt(geometry: CurveGeometry, series: number, k: number): CurvePoint | undefined {
  const points = geometry.series[series]?.points ?? [];
  const i = bisector((p: CurvePoint) => p.k).left(points, k);
  return points[i]?.k === k ? points[i] : undefined;
}

/**
 * The point nearest the pointer: the period nearest plotX, then the series whose
 * point there is nearest plotY. Looks at one period, not every point, so a
 * pointer move over thousands of periods stays cheap. Null when no series has a point there.
 */
export function nearestPoint(geometry: CurveGeometry, plotX: number, plotY: number): CurvePosition | null {
  const [first, last] = geometry.xOf.domain();
  const k = Math.max(first, Math.min(last, Math.round(geometry.xOf.invert(plotX))));
  let best: CurvePosition | null = null;
  let bestDistance = Infinity;
  geometry.series.forEach((_, series) => {
    const point = pointAt(geometry, series, k);
    const distance = point ? Math.abs(point.y - plotY) : Infinity;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { series, k };
    }
  });
  return best;
}
