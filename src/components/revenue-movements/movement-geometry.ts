/**
 * Layout of the diverging stacked bars of revenue movements: gains stacked
 * up from zero (new, expansion, reactivation), losses down (contraction,
 * churn), and the net change as a line through the bar centres. Computed
 * from measured sizes before anything is drawn; pure, so testable.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export const GAINS = ['newMrr', 'expansionMrr', 'reactivationMrr'] as const;
export const LOSSES = ['contractionMrr', 'churnedMrr'] as const;
export type MovementKind = (typeof GAINS)[number] | (typeof LOSSES)[number];

export type MovementAmounts = Record<MovementKind, number> & { net: number };

export interface MovementSegment {
  kind: MovementKind;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MovementColumn {
  index: number;
  /** Left edge and width of the period's band (the click and hover target). */
  bandX: number;
  bandWidth: number;
  segments: MovementSegment[];
  netY: number;
  centerX: number;
}

export interface MovementGeometry {
  margin: { top: number; right: number; bottom: number; left: number };
  plotWidth: number;
  plotHeight: number;
  zeroY: number;
  columns: MovementColumn[];
  yTicks: { value: number; at: number; label: string }[];
  xLabelIndexes: number[];
  netPath: string;
}

export interface MovementGeometryOptions {
  width: number;
  height: number;
  formatY?: (value: number) => string;
  charWidth?: number;
  /** Longest period label in characters. */
  labelChars?: number;
}

/** An amount that is not a finite number counts as none: it must not reach a coordinate. */
const amountOf = (value: number) => (Number.isFinite(value) ? value : 0);

export function movementGeometry(periods: readonly MovementAmounts[], options: MovementGeometryOptions): MovementGeometry {
  const { formatY = String, charWidth = 6.5, labelChars = 8 } = options;
  const width = Math.max(0, options.width);
  const height = Math.max(0, options.height);
  let hi = 0;
  let lo = 0;
  for (const p of periods) {
    hi = Math.max(hi, GAINS.reduce((sum, kind) => sum + amountOf(p[kind]), 0), amountOf(p.net));
    lo = Math.min(lo, -LOSSES.reduce((sum, kind) => sum + amountOf(p[kind]), 0), amountOf(p.net));
  }
  if (hi === lo) hi = 1;
  const top = 12;
  const bottom = 26;
  const tickCount = Math.max(2, Math.floor((height - top - bottom) / 40));
  const y = scaleLinear().domain([lo, hi]).nice(tickCount);
  const ticks = y.ticks(tickCount);
  const labels = ticks.map((t) => formatY(t));
  const left = Math.max(44, Math.ceil(labels.reduce((w, l) => Math.max(w, l.length), 0) * charWidth) + 12);
  const margin = { top, right: 12, bottom, left };
  const plotWidth = Math.max(0, width - left - margin.right);
  const plotHeight = Math.max(0, height - top - bottom);
  y.range([plotHeight, 0]);
  const zeroY = y(0);

  const x = scaleBand<number>()
    .domain(periods.map((_, index) => index))
    .range([0, plotWidth])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const step = x.step();
  const columns = periods.map((p, index): MovementColumn => {
    const barX = x(index) ?? 0;
    const barWidth = Math.max(1, x.bandwidth());
    const segments: MovementSegment[] = [];
    let up = 0;
    for (const kind of GAINS) {
      const value = amountOf(p[kind]);
      if (value <= 0) continue;
      segments.push({ kind, x: barX, y: y(up + value), width: barWidth, height: y(up) - y(up + value) });
      up += value;
    }
    let down = 0;
    for (const kind of LOSSES) {
      const value = amountOf(p[kind]);
      if (value <= 0) continue;
      segments.push({ kind, x: barX, y: y(down), width: barWidth, height: y(down - value) - y(down) });
      down -= value;
    }
    return { index, bandX: barX - (step - x.bandwidth()) / 2, bandWidth: step, segments, netY: y(amountOf(p.net)), centerX: barX + barWidth / 2 };
  });
  const every = Math.max(1, Math.ceil((labelChars * charWidth + 10) / Math.max(step, 1)));
  const xLabelIndexes: number[] = [];
  for (let i = periods.length - 1; i >= 0; i -= every) xLabelIndexes.unshift(i);
  const netPath =
    line<MovementColumn>()
      .x((c) => c.centerX)
      .y((c) => c.netY)(columns) ?? '';
  return { margin, plotWidth, plotHeight, zeroY, columns, yTicks: ticks.map((value, i) => ({ value, at: y(value), label: labels[i] })), xLabelIndexes, netPath };
}

/** Index of the period whose band contains plotX (clamped); -1 without periods. */
export function columnAt(geometry: MovementGeometry, plotX: number): number {
  const n = geometry.columns.length;
  if (n === 0) return -1;
  for (const c of geometry.columns) if (plotX >= c.bandX && plotX < c.bandX + c.bandWidth) return c.index;
  return plotX < geometry.columns[0].bandX ? 0 : n - 1;
}
