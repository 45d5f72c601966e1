/**
 * Pure layout of <ltv-forecast>'s histogram: bar rectangles for the bins in a
 * box, on a linear count scale from 0, and the y-axis ticks. No DOM.
 */
import { linearScale, linearTicks, niceDomain } from '../platform/chart-scales.ts';
import type { HistogramBin } from '../../metrics/ltv/index.ts';

export interface HistogramLayout {
  margin: { top: number; right: number; bottom: number; left: number };
  bars: Array<{ x: number; y: number; width: number; height: number; bin: HistogramBin }>;
  yTicks: Array<{ value: number; y: number }>;
  plotWidth: number;
  plotHeight: number;
}

export function histogramLayout(bins: readonly HistogramBin[], width: number, height: number): HistogramLayout {
  const margin = { top: 8, right: 8, bottom: 22, left: 44 };
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = Math.max(0, height - margin.top - margin.bottom);
  const max = bins.reduce((m, b) => Math.max(m, b.count), 0);
  const domain = niceDomain([0, Math.max(1, max)], 4);
  const y = linearScale(domain, [plotHeight, 0]);
  const step = bins.length ? plotWidth / bins.length : 0;
  const gap = step > 6 ? 1 : 0;
  const bars = bins.map((bin, i) => {
    const top = y(bin.count);
    return { x: i * step, y: top, width: Math.max(0, step - gap), height: plotHeight - top, bin };
  });
  const yTicks = linearTicks(domain, 4).filter(Number.isInteger).map((value) => ({ value, y: y(value) }));
  return { margin, bars, yTicks, plotWidth, plotHeight };
}
