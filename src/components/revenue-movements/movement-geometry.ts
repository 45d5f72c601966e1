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
  /** Whether bars are at least MIN_BAR_WIDTH px wide; when not, none is drawn (`segments` are empty) and the scale fits the net line. */
  barsFit: boolean;
  /** Whether a net point per period fits (periods at least MIN_POINT_SPACING px apart). */
  pointsFit: boolean;
}

/** Narrower bars are specks: the stack of five movements cannot be read, and thousands of them cost more than they show. */
export const MIN_BAR_WIDTH = 2;
const MIN_POINT_SPACING = 6;

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
  const top = 12;
  const bottom = 26;
  const tickCount = Math.max(2, Math.floor((height - top - bottom) / 40));
  // The plot width depends on the y labels' width, which depends on the domain: estimate the
  // bars' width from the widest plausible left margin to decide the domain first.
  const x = scaleBand<number>()
    .domain(periods.map((_, index) => index))
    .range([0, Math.max(0, width - 12 - 44)])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const barsFit = x.bandwidth() >= MIN_BAR_WIDTH;
  let hi = 0;
  let lo = 0;
  for (const p of periods) {
    const net = amountOf(p.net);
    hi = Math.max(hi, barsFit ? GAINS.reduce((sum, kind) => sum + amountOf(p[kind]), 0) : 0, net);
    lo = Math.min(lo, barsFit ? -LOSSES.reduce((sum, kind) => sum + amountOf(p[kind]), 0) : 0, net);
  }
  if (hi === lo) hi = 1;
  const y = scaleLinear().domain([lo, hi]).nice(tickCount);
  const ticks = y.ticks(tickCount);
  const labels = ticks.map((t) => formatY(t));
  const left = Math.max(44, Math.ceil(labels.reduce((w, l) => Math.max(w, l.length), 0) * charWidth) + 12);
  const margin = { top, right: 12, bottom, left };
  const plotWidth = Math.max(0, width - left - margin.right);
  x.range([0, plotWidth]);
  const plotHeight = Math.max(0, height - top - bottom);
  y.range([plotHeight, 0]);
  const zeroY = y(0);
  const step = x.step();
  const columns = periods.map((p, index): MovementColumn => {
    const barX = x(index) ?? 0;
    const barWidth = x.bandwidth();
    const column = { index, bandX: barX - (step - barWidth) / 2, bandWidth: step, segments: [] as MovementSegment[], netY: y(amountOf(p.net)), centerX: barX + barWidth / 2 };
    if (!barsFit) return column;
    const { segments } = column;
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
    return column;
  });
  const every = Math.max(1, Math.ceil((labelChars * charWidth + 10) / Math.max(step, 1e-3)));
  const xLabelIndexes: number[] = [];
  for (let i = periods.length - 1; i >= 0; i -= every) xLabelIndexes.unshift(i);
  const netPath =
    line<MovementColumn>()
      .x((c) => c.centerX)
      .y((c) => c.netY)(columns) ?? '';
  return { margin, plotWidth, plotHeight, zeroY, columns, yTicks: ticks.map((value, i) => ({ value, at: y(value), label: labels[i] })), xLabelIndexes, netPath, barsFit, pointsFit: step >= MIN_POINT_SPACING };
}

/** Index of the period whose band contains plotX (clamped); -1 without periods. Arithmetic, not a search: bands are equal. */
export function columnAt(geometry: MovementGeometry, plotX: number): number {
  const { columns } = geometry;
  if (columns.length === 0) return -1;
  const index = Math.floor((plotX - columns[0].bandX) / columns[0].bandWidth);
  return Math.max(0, Math.min(columns.length - 1, Number.isFinite(index) ? index : 0));
}
