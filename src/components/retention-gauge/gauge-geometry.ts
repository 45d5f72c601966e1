/**
 * Arc maths of the gauge, pure: a 270° dial open at the bottom, value 0 at
 * the lower left, 1 (100 %) at the lower right. Angles follow d3-shape's arc
 * convention (radians, 0 at 12 o'clock, clockwise).
 */
import { arc } from 'd3-shape';

/** Start and end angle of the dial. */
export const DIAL_START = (-3 * Math.PI) / 4;
export const DIAL_END = (3 * Math.PI) / 4;

/** Smallest dial drawn; below it the gauge shows only its text. */
export const MIN_DIAL_SIZE = 96;
/** Largest dial: a KPI tile does not need a poster. */
export const MAX_DIAL_SIZE = 240;

/** One benchmark band on the retention scale (fractions, from < to). */
export interface GaugeBand {
  from: number;
  to: number;
  tone: 'good' | 'warn' | 'bad';
  /** Shown when the value falls in the band; defaults to the tone's standard text. */
  label?: string;
}

/** The angle of a value on the dial, clamped to [0, 1]: CRR above 100 % pins at the end. */
export function angleOf(value: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  return DIAL_START + clamped * (DIAL_END - DIAL_START);
}

export interface DialLayout {
  /** Side of the square the dial is drawn in (viewBox units = CSS px). */
  size: number;
  center: number;
  outerRadius: number;
  innerRadius: number;
  /** Thin ring outside the value arc that shows the benchmark bands. */
  bandInner: number;
  bandOuter: number;
}

/** Dial size for an available width; null when there is no room to draw one. */
export function dialLayout(width: number): DialLayout | null {
  if (!(width >= MIN_DIAL_SIZE)) return null;
  const size = Math.min(MAX_DIAL_SIZE, Math.floor(width));
  const center = size / 2;
  const bandOuter = center - 2;
  const bandInner = bandOuter - Math.max(3, size * 0.025);
  const outerRadius = bandInner - Math.max(3, size * 0.02);
  const innerRadius = outerRadius - Math.max(10, size * 0.09);
  return { size, center, outerRadius, innerRadius, bandInner, bandOuter };
}

/** SVG path of a ring segment between two angles (empty when any of them is not a finite number). */
export function ringPath(innerRadius: number, outerRadius: number, startAngle: number, endAngle: number, cornerRadius = 0): string {
  if (![innerRadius, outerRadius, startAngle, endAngle, cornerRadius].every(Number.isFinite)) return '';
  return arc().cornerRadius(cornerRadius)({ innerRadius, outerRadius, startAngle, endAngle }) ?? '';
}

/** The point at `radius` in the direction of `angle` (relative to the centre; y grows downwards). */
export function pointAt(angle: number, radius: number): { x: number; y: number } {
  return { x: Math.sin(angle) * radius, y: -Math.cos(angle) * radius };
}

/**
 * The default bands from a churn benchmark: retention below 1 − benchmark
 * means churn above it, which needs action (7 % by default: the usual
 * monthly alarm level); at or above is healthy.
 */
export function bandsFromChurnBenchmark(benchmarkChurn: number): GaugeBand[] {
  const threshold = 1 - Math.min(1, Math.max(0, benchmarkChurn));
  return [
    { from: 0, to: threshold, tone: 'bad' },
    { from: threshold, to: 1, tone: 'good' },
  ];
}

/** The band a value falls in (from inclusive, to exclusive; the top band includes 1 and above). */
export function bandOf(bands: readonly GaugeBand[], value: number): GaugeBand | undefined {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  const last = sorted[sorted.length - 1];
  if (last && value >= last.to) return last;
  return sorted.find((band) => value >= band.from && value < band.to);
}
