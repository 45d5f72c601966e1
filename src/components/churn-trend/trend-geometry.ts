/**
 * Scales, ticks and paths of the churn trend, computed from measured sizes
 * before anything is drawn (d3fc's "measure, then draw"). Pure: no DOM, so the
 * numbers a chart draws can be tested without a browser layout.
 */
import { areaPath, linePath } from '../platform/chart-paths.ts';
import { linearScale, linearTicks, niceDomain, pointScale } from '../platform/chart-scales.ts';

/** One period as the chart sees it. */
export interface TrendDatum {
  key: string;
  /** Churn as a fraction; null when it is undefined (nobody at period start). */
  rate: number | null;
  /** False for a period that has not ended yet: drawn dashed. */
  complete: boolean;
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
}

const DEFAULT_MARGIN: Margins = { top: 12, right: 16, bottom: 28, left: 40 };

/** Y domain: every rate, the threshold and zero, with room above; never empty. */
export function trendDomain(rates: readonly (number | null)[], threshold?: number | null): [number, number] {
  let min = 0;
  let max = 0;
  for (const rate of rates) {
    if (rate === null || !Number.isFinite(rate)) continue;
    if (rate < min) min = rate;
    if (rate > max) max = rate;
  }
  if (threshold != null && Number.isFinite(threshold)) {
    min = Math.min(min, threshold);
    max = Math.max(max, threshold);
  }
  if (max === min) max = min + 0.1;
  return [min, max];
}

export function trendGeometry(data: readonly TrendDatum[], options: TrendGeometryOptions): TrendGeometry {
  const { threshold = null, formatY = String, charWidth = 7, minLabelSpacing = 64, pxPerYTick = 40 } = options;
  const width = Math.max(0, options.width);
  const height = Math.max(0, options.height);

  const rawDomain = trendDomain(
    data.map((d) => d.rate),
    threshold,
  );
  const innerHeightGuess = Math.max(1, height - DEFAULT_MARGIN.top - DEFAULT_MARGIN.bottom);
  const tickCount = Math.max(2, Math.floor(innerHeightGuess / pxPerYTick));
  const domain = niceDomain(rawDomain, tickCount);
  const tickValues = linearTicks(domain, tickCount);
  const tickStep = tickValues.length > 1 ? tickValues[1] - tickValues[0] : 0;
  const tickLabels = tickValues.map((value) => formatY(value, tickStep));
  const widestLabel = tickLabels.reduce((widest, label) => Math.max(widest, label.length), 0);
  const margin: Margins = { ...DEFAULT_MARGIN, left: Math.max(DEFAULT_MARGIN.left, Math.ceil(widestLabel * charWidth) + 12) };
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = Math.max(0, height - margin.top - margin.bottom);
  const y = linearScale(domain, [plotHeight, 0]);

  const x = pointScale(data.length, [0, plotWidth], 0.5);
  const points: TrendPoint[] = data.map((d, index) => ({
    index,
    x: x(index) ?? 0,
    y: d.rate === null || !Number.isFinite(d.rate) ? null : y(d.rate),
  }));

  const zeroY = y(0);
  const solid = (p: TrendPoint) => p.y !== null && data[p.index].complete;
  const solidLine = linePath(points, (p) => p.x, (p) => p.y ?? 0, solid);
  const solidArea = areaPath(points, (p) => p.x, zeroY, (p) => p.y ?? 0, solid);

  // A segment is partial when either end is an incomplete period: the last
  // complete month joins the running one with a dashed line.
  let partialLinePath = '';
  let partialAreaPath = '';
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const incomplete = !data[i].complete || (b !== undefined && !data[i + 1].complete);
    if (!incomplete || a.y === null) continue;
    if (b === undefined || b.y === null) {
      // A lone incomplete point has no segment; the marker shows it.
      continue;
    }
    partialLinePath += `M${a.x},${a.y}L${b.x},${b.y}`;
    partialAreaPath += `M${a.x},${zeroY}L${a.x},${a.y}L${b.x},${b.y}L${b.x},${zeroY}Z`;
  }

  const step = x.step || plotWidth || 1;
  const every = Math.max(1, Math.ceil(minLabelSpacing / step));
  const xLabelIndexes: number[] = [];
  // Count back from the last period so the newest one always has its label.
  for (let i = data.length - 1; i >= 0; i -= every) xLabelIndexes.unshift(i);

  const [d0, d1] = domain;
  return {
    margin,
    plotWidth,
    plotHeight,
    domain: [d0, d1],
    points,
    yTicks: tickValues.map((value, i) => ({ value, at: y(value), label: tickLabels[i] })),
    xLabelIndexes,
    zeroY,
    hasNegative: d0 < 0,
    thresholdY: threshold != null && Number.isFinite(threshold) ? y(threshold) : null,
    linePath: solidLine,
    partialLinePath,
    areaPath: solidArea,
    partialAreaPath,
  };
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
