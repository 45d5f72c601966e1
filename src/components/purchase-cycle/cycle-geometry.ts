/**
 * Layout of the purchase-cycle histogram, from measured sizes, before
 * anything is drawn. Pure: testable without a browser layout.
 *
 * Bars sit side by side with equal widths, one per bin, even for the wider
 * overflow bin at the end: on a day scale a long tail (a few gaps of a year)
 * would squash every other bar into a sliver. Day marks (median, mean,
 * suggested window) are placed by interpolating inside their bin.
 */
import { scaleLinear } from 'd3-scale';

export interface HistogramBin {
  fromDays: number;
  toDays: number;
  count: number;
}

export interface HistogramBar {
  index: number;
  x: number;
  width: number;
  y: number;
  height: number;
}

export interface DayMark {
  x: number;
  /** True when the day lies beyond the last bar: drawn at the right edge. */
  beyond: boolean;
}

export interface HistogramGeometry {
  margin: { top: number; right: number; bottom: number; left: number };
  plotWidth: number;
  plotHeight: number;
  bars: HistogramBar[];
  yTicks: { value: number; at: number; label: string }[];
  /** Indexes of bars whose label is shown. */
  labelIndexes: number[];
  /** x of a number of days on the bar axis (plot coordinates). */
  xOfDay(days: number): DayMark;
}

export interface HistogramOptions {
  width: number;
  height: number;
  formatY?: (value: number) => string;
  /** Longest bar label, in characters, to space labels. */
  labelChars?: number;
  charWidth?: number;
}

export function histogramGeometry(bins: readonly HistogramBin[], options: HistogramOptions): HistogramGeometry {
  const { formatY = String, labelChars = 5, charWidth = 6.5 } = options;
  const width = Math.max(0, options.width);
  const height = Math.max(0, options.height);
  // A count that is not a finite number draws no bar (rather than NaN coordinates).
  const countOf = (bin: HistogramBin) => (Number.isFinite(bin.count) ? bin.count : 0);
  const maxCount = bins.reduce((m, b) => Math.max(m, countOf(b)), 0);
  const top = 12;
  // Room for the tick labels and the axis title under them (chart-axis.ts baselines).
  const bottom = 34;
  const tickCount = Math.max(2, Math.floor((height - top - bottom) / 40));
  const y = scaleLinear()
    .domain([0, Math.max(1, maxCount)])
    .nice(tickCount);
  // Counts are whole numbers: no tick at 0.5 gaps.
  const ticks = y.ticks(tickCount).filter((t) => Number.isInteger(t));
  const labels = ticks.map((t) => formatY(t));
  const left = Math.max(36, Math.ceil(labels.reduce((w, l) => Math.max(w, l.length), 0) * charWidth) + 12);
  const margin = { top, right: 12, bottom, left };
  const plotWidth = Math.max(0, width - left - margin.right);
  const plotHeight = Math.max(0, height - top - bottom);
  y.range([plotHeight, 0]);

  const step = bins.length ? plotWidth / bins.length : 0;
  const gap = step > 6 ? Math.min(4, step * 0.15) : 0;
  const bars = bins.map((bin, index) => {
    const barTop = y(countOf(bin));
    return { index, x: index * step + gap / 2, width: Math.max(1, step - gap), y: barTop, height: plotHeight - barTop };
  });
  const every = Math.max(1, Math.ceil((labelChars * charWidth + 10) / Math.max(step, 1)));
  const labelIndexes: number[] = [];
  // Count back from the last bar so the last (often the overflow) bar is always labelled.
  for (let i = bins.length - 1; i >= 0; i -= every) labelIndexes.unshift(i);

  const xOfDay = (days: number): DayMark => {
    for (let i = 0; i < bins.length; i++) {
      const bin = bins[i];
      if (days < bin.toDays || i === bins.length - 1) {
        if (days >= bin.toDays) return { x: plotWidth, beyond: true };
        // A whole day d covers [d, d + 1): its mark sits in the middle of it.
        const within = Math.min(1, Math.max(0, (days + 0.5 - bin.fromDays) / (bin.toDays - bin.fromDays)));
        return { x: i * step + within * step, beyond: false };
      }
    }
    return { x: 0, beyond: false };
  };

  return {
    margin,
    plotWidth,
    plotHeight,
    bars,
    yTicks: ticks.map((value, i) => ({ value, at: y(value), label: labels[i] })),
    labelIndexes,
    xOfDay,
  };
}

/**
 * Narrowest bar step, in px, worth drawing. Below it neighbouring bars merge
 * into one block anyway, and a rect per bin (thousands for 1-day bins over ten
 * years) costs time for nothing a reader can see.
 */
export const MIN_BAR_STEP = 2;

/** How many bins to join per bar so that `count` bars over `plotWidth` px are each at least MIN_BAR_STEP wide; 1 when they fit. */
export function binsPerBar(count: number, plotWidth: number): number {
  if (count <= 1 || !(plotWidth > 0)) return 1;
  return Math.max(1, Math.ceil((MIN_BAR_STEP * count) / plotWidth));
}

/**
 * Bins joined `per` at a time, in order: each joined bin runs from its first
 * bin's start to its last bin's end and counts them all. With `keepLast` the
 * last bin (the wider overflow bin of the longest gaps) stays a bar of its own,
 * so "and longer" is still one bar.
 */
export function joinBins(bins: readonly HistogramBin[], per: number, keepLast = false): HistogramBin[] {
  if (per <= 1) return [...bins];
  const body = keepLast ? bins.slice(0, -1) : bins;
  const joined: HistogramBin[] = [];
  for (let i = 0; i < body.length; i += per) {
    const group = body.slice(i, i + per);
    joined.push({ fromDays: group[0].fromDays, toDays: group[group.length - 1].toDays, count: group.reduce((sum, bin) => sum + bin.count, 0) });
  }
  if (keepLast && bins.length > 0) joined.push(bins[bins.length - 1]);
  return joined;
}
