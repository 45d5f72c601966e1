/**
 * Pure layout of <ltv-forecast>'s histogram: bar rectangles for the bins in a
 * box, on a linear count scale from 0, the y-axis ticks and the value labels
 * under the bars. No DOM.
 */
import { scaleLinear } from 'd3-scale';
import type { ValueBin } from '../../engine/jobs/value-bins.ts';

export interface HistogramLayout {
  margin: { top: number; right: number; bottom: number; left: number };
  bars: Array<{ x: number; y: number; width: number; height: number; bin: ValueBin }>;
  yTicks: Array<{ value: number; y: number }>;
  /**
   * Bin edges to label, left to right, about 64 px apart: the first anchored
   * at its start, the last at its end. With an overflow bin the last label is
   * that bin's ("$X or more"), at the plot's right end. A label that would
   * still touch the wide end label is hidden after rendering, by measure
   * (platform/axis-labels.ts).
   */
  xTicks: Array<{ value: number; x: number; anchor: 'start' | 'middle' | 'end'; overflow: boolean }>;
  plotWidth: number;
  plotHeight: number;
}

export function histogramLayout(bins: readonly ValueBin[], width: number, height: number): HistogramLayout {
  const margin = { top: 8, right: 8, bottom: 22, left: 44 };
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = Math.max(0, height - margin.top - margin.bottom);
  // A count that is not a finite number draws no bar (rather than NaN coordinates).
  const countOf = (bin: ValueBin) => (Number.isFinite(bin.count) ? bin.count : 0);
  const max = bins.reduce((m, b) => Math.max(m, countOf(b)), 0);
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(4)
    .range([plotHeight, 0]);
  const overflow = bins.length > 1 && bins[bins.length - 1].overflow ? 1 : 0;
  const regular = bins.length - overflow;
  // The overflow bar stands half a bar apart: it is not on the value scale.
  const step = bins.length ? plotWidth / (bins.length + overflow / 2) : 0;
  const gap = step > 6 ? 1 : 0;
  const bars = bins.map((bin, i) => {
    const top = y(countOf(bin));
    return { x: (i + (i < regular ? 0 : 0.5)) * step, y: top, width: Math.max(0, step - gap), height: plotHeight - top, bin };
  });
  const yTicks = y
    .ticks(4)
    .filter(Number.isInteger)
    .map((value) => ({ value, y: y(value) }));
  const xTicks: HistogramLayout['xTicks'] = [];
  if (regular) {
    const every = Math.max(1, Math.ceil(64 / step));
    xTicks.push({ value: bins[0].from, x: 0, anchor: 'start', overflow: false });
    for (let i = every; i < regular; i += every) xTicks.push({ value: bins[i].from, x: i * step, anchor: 'middle', overflow: false });
    xTicks.push({ value: bins[regular - 1].to, x: plotWidth, anchor: 'end', overflow: !!overflow });
  }
  return { margin, bars, xTicks, yTicks, plotWidth, plotHeight };
}
