/**
 * Scales, ticks and paths of the churn trend, computed from measured sizes
 * before anything is drawn (d3fc's "measure, then draw"). Pure: no DOM, so the
 * numbers a chart draws can be tested without a browser layout.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';

/** One period as the chart sees it. */
export interface TrendDatum {
  key: string;
  /** Churn as a fraction; null when it is undefined (nobody at period start). */
  rate: number | null;
  /** False for a period that has not ended yet: drawn dashed. */
  complete: boolean;
  /** 95 % interval of the rate; drawn as a band around the line. */
  interval?: { low: number; high: number } | null;
  /** A period without enough history (activity window not covered): shaded, no value. */
  censored?: boolean;
  /** The rate rests on few customers: its (wide) interval does not stretch the y axis, it is clipped instead. */
  smallSample?: boolean;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface TrendGeometryOptions {
  width: number;
  height: number;
  /** Reference line (fraction); null or undefined for none. Always inside the y domain. */
  threshold?: number | null;
  /** Formats a y tick for its label (given the tick step, for consistent decimals); used to size the left margin. */
  formatY?: (value: number, step: number) => string;
  /** Approximate width of one label character in px (labels are measured, not drawn, here). */
  charWidth?: number;
  /** Smallest distance between two x labels in px; labels in between are skipped. */
  minLabelSpacing?: number;
  /** Vertical distance per y tick in px. */
  pxPerYTick?: number;
}

export interface Tick {
  value: number;
  /** Position in plot coordinates (0 at the plot's left or top edge). */
  at: number;
  label: string;
}

export interface TrendPoint {
  index: number;
  x: number;
  /** Null for a period without a rate. */
  y: number | null;
}

export interface TrendGeometry {
  margin: Margins;
  plotWidth: number;
  plotHeight: number;
  domain: [number, number];
  points: TrendPoint[];
  yTicks: Tick[];
  /** Indexes of the periods whose x label is shown. */
  xLabelIndexes: number[];
  /**
   * Whether a marker per period fits: only where periods are at least
   * {@link MIN_MARKER_STEP} px apart. Five thousand daily periods on a phone
   * would be five thousand overlapping circles, drawn at a cost and read as a
   * thick line; the line alone says the same.
   */
  markers: boolean;
  /** y of the zero line (always inside the domain). */
  zeroY: number;
  /** True when the domain goes below zero: net negative churn is on the chart. */
  hasNegative: boolean;
  thresholdY: number | null;
  /** Line through the complete periods. */
  linePath: string;
  /** Segments that touch an incomplete period. */
  partialLinePath: string;
  areaPath: string;
  partialAreaPath: string;
  /** The 95 % interval band ('' when no period has one); clipped to the plot. */
  intervalPath: string;
  /** x span (plot coordinates) of the periods without enough history; null when none. */
  warmUp: { from: number; to: number } | null;
}

/** Least distance between two periods, in px, for each to get a marker (a 3 px circle and a gap). */
export const MIN_MARKER_STEP = 8;

const DEFAULT_MARGIN: Margins = { top: 12, right: 16, bottom: 28, left: 40 };

const isRate = (rate: number | null | undefined): rate is number => rate != null && Number.isFinite(rate);

/** Y domain: every rate, the threshold and zero, with room above; never empty. */
export function trendDomain(rates: readonly (number | null)[], threshold?: number | null): [number, number] {
  let min = 0;
  let max = 0;
  for (const rate of [...rates, threshold]) {
    if (!isRate(rate)) continue;
    if (rate < min) min = rate;
    if (rate > max) max = rate;
  }
  if (max === min) max = min + 0.1;
  return [min, max];
}

const drawn = (p: TrendPoint | undefined): p is TrendPoint & { y: number } => p !== undefined && p.y !== null;

export function trendGeometry(data: readonly TrendDatum[], options: TrendGeometryOptions): TrendGeometry {
  const { threshold = null, formatY = String, charWidth = 7, minLabelSpacing = 64, pxPerYTick = 40 } = options;
  const width = Math.max(0, options.width);
  const height = Math.max(0, options.height);

  const innerHeightGuess = Math.max(1, height - DEFAULT_MARGIN.top - DEFAULT_MARGIN.bottom);
  const tickCount = Math.max(2, Math.floor(innerHeightGuess / pxPerYTick));
  const y = scaleLinear()
    .domain(
      trendDomain(
        // The intervals of well-founded rates are in view; a small sample's would flatten the line, so it is clipped.
        data.flatMap((d) => (d.interval && !d.smallSample ? [d.rate, d.interval.low, d.interval.high] : [d.rate])),
        threshold,
      ),
    )
    .nice(tickCount);
  const tickValues = y.ticks(tickCount);
  const tickStep = tickValues.length > 1 ? tickValues[1] - tickValues[0] : 0;
  const tickLabels = tickValues.map((value) => formatY(value, tickStep));
  const widestLabel = tickLabels.reduce((widest, label) => Math.max(widest, label.length), 0);
  const margin: Margins = { ...DEFAULT_MARGIN, left: Math.max(DEFAULT_MARGIN.left, Math.ceil(widestLabel * charWidth) + 12) };
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = Math.max(0, height - margin.top - margin.bottom);
  y.range([plotHeight, 0]);

  // Period i at the middle of its 1/n of the width: d3's scalePoint().padding(0.5)
  // gives the same positions, but its ordinal machinery (InternMap, band maths,
  // ≈ 1 kB gzip) would ride along in every page that shows the flagship charts.
  const x = scaleLinear()
    .domain([-0.5, data.length - 0.5])
    .range([0, plotWidth]);
  const points: TrendPoint[] = data.map((d, index) => ({ index, x: x(index), y: isRate(d.rate) ? y(d.rate) : null }));

  const zeroY = y(0);
  // d3's `defined` keeps points without a rate out of every path (a gap), so
  // `?? 0` below is never drawn.
  const trendLine = line<TrendPoint>()
    .defined(drawn)
    .x((p) => p.x)
    .y((p) => p.y ?? 0);
  const trendArea = area<TrendPoint>()
    .defined(drawn)
    .x((p) => p.x)
    .y0(zeroY)
    .y1((p) => p.y ?? 0);
  // Complete periods are solid: the running period is left out (a gap) here and drawn dashed below.
  const complete = perPixelColumn(points.map((p) => (data[p.index].complete ? p : { ...p, y: null })));
  const solidLine = trendLine(complete) ?? '';
  const solidArea = trendArea(complete) ?? '';

  // A segment is partial when either end is an incomplete period: the last
  // complete month joins the running one with a dashed line. A lone
  // incomplete point has no segment; its marker shows it.
  let partialLinePath = '';
  let partialAreaPath = '';
  for (let i = 0; i + 1 < points.length; i++) {
    if (data[i].complete && data[i + 1].complete) continue;
    const segment = [points[i], points[i + 1]];
    if (!segment.every(drawn)) continue;
    partialLinePath += trendLine(segment) ?? '';
    partialAreaPath += trendArea(segment) ?? '';
  }

  // The interval band: kept inside the plot (a small sample's interval can reach far above the line's domain).
  const clampY = (value: number) => Math.min(plotHeight, Math.max(0, y(value)));
  const intervalPath =
    area<TrendDatum>()
      .defined((d) => d.interval != null && isRate(d.interval.low) && isRate(d.interval.high))
      .x((_d, i) => x(i))
      .y0((d) => clampY(d.interval!.low))
      .y1((d) => clampY(d.interval!.high))(data) ?? '';

  const step = plotWidth / Math.max(1, data.length) || 1;
  const censored = data.flatMap((d, i) => (d.censored ? [i] : []));
  const warmUp = censored.length
    ? { from: Math.max(0, x(censored[0]) - step / 2), to: Math.min(plotWidth, x(censored[censored.length - 1]) + step / 2) }
    : null;
  const every = Math.max(1, Math.ceil(minLabelSpacing / step));
  const xLabelIndexes: number[] = [];
  // Count back from the last period so the newest one always has its label.
  for (let i = data.length - 1; i >= 0; i -= every) xLabelIndexes.unshift(i);

  const [d0, d1] = y.domain();
  return {
    margin,
    plotWidth,
    plotHeight,
    domain: [d0, d1],
    points,
    yTicks: tickValues.map((value, i) => ({ value, at: y(value), label: tickLabels[i] })),
    xLabelIndexes,
    markers: step >= MIN_MARKER_STEP,
    zeroY,
    hasNegative: d0 < 0,
    thresholdY: isRate(threshold) ? y(threshold) : null,
    linePath: solidLine,
    partialLinePath,
    areaPath: solidArea,
    partialAreaPath,
    intervalPath,
    warmUp,
  };
}

/**
 * The same line with at most four vertices per pixel column: of each run of
 * points that fall in one column, the first, the lowest, the highest and the
 * last (M4 decimation). Five thousand daily periods on a 330 px phone chart
 * draw exactly as before from about 1,300 vertices. Points without a rate stay
 * (they make the gaps). Below one point per pixel it returns the points as
 * they are.
 */
export function perPixelColumn(points: readonly TrendPoint[]): TrendPoint[] {
  const width = points.length > 1 ? Math.abs(points[points.length - 1].x - points[0].x) : 0;
  if (points.length <= width) return [...points];
  const kept: TrendPoint[] = [];
  let run: TrendPoint[] = [];
  const flush = () => {
    if (run.length === 0) return;
    let low = run[0];
    let high = run[0];
    for (const p of run) {
      if (p.y! < low.y!) low = p;
      if (p.y! > high.y!) high = p;
    }
    // In the order they come along x, each once.
    for (const p of new Set([run[0], ...(low.index < high.index ? [low, high] : [high, low]), run[run.length - 1]])) kept.push(p);
    run = [];
  };
  for (const p of points) {
    if (p.y === null) {
      flush();
      kept.push(p);
    } else {
      if (run.length > 0 && Math.floor(p.x) !== Math.floor(run[0].x)) flush();
      run.push(p);
    }
  }
  flush();
  return kept;
}

/** Index of the point nearest to a horizontal position in plot coordinates (for hover). */
export function nearestPointIndex(points: readonly TrendPoint[], plotX: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (const p of points) {
    const distance = Math.abs(p.x - plotX);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = p.index;
    }
  }
  return best;
}
