/**
 * Sparkline maths, pure: a line through recent values in a small box, gaps
 * where a value is undefined, and the last point marked. Shared by
 * <kpi-tile> and <nps-score>.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface SparklinePoint {
  x: number;
  /** Null where the value is undefined: the line has a gap there. */
  y: number | null;
}

export interface Sparkline {
  width: number;
  height: number;
  /** SVG path of the line (empty when fewer than one defined value). */
  path: string;
  points: SparklinePoint[];
  /** The last defined point, drawn as a dot. */
  last: { x: number; y: number } | null;
  domain: [number, number];
  /** y of a reference value inside the domain (e.g. 0 for a metric that can go negative); null when outside or not asked. */
  referenceY: number | null;
}

export interface SparklineOptions {
  width: number;
  height: number;
  /** Room kept around the line for the stroke and the dot. */
  inset?: number;
  /** A value to mark with a faint line when it is in range (0 for net revenue churn or NPS). */
  reference?: number | null;
}

/** Null below 1 px of width or height (or at a size that is not a finite number): nothing is drawn at zero size. */
export function sparklineGeometry(values: readonly (number | null)[], options: SparklineOptions): Sparkline | null {
  const { width, height } = options;
  if (!(width >= 1 && height >= 1 && Number.isFinite(width) && Number.isFinite(height))) return null;
  const inset = options.inset ?? 3;
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let low = defined.length ? Math.min(...defined) : 0;
  let high = defined.length ? Math.max(...defined) : 1;
  if (low === high) {
    // A flat series sits in the middle rather than on an edge.
    const pad = Math.abs(low) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([inset, width - inset]);
  const y = scaleLinear()
    .domain([low, high])
    .range([height - inset, inset]);
  const points = values.map((v, i): SparklinePoint => ({ x: values.length === 1 ? width / 2 : x(i), y: v === null || !Number.isFinite(v) ? null : y(v) }));
  // `defined` breaks the line where a value is missing (`?? 0` is never drawn);
  // a lone value between gaps becomes "Mx,yZ", which the round cap shows as a dot.
  const path =
    line<SparklinePoint>()
      .defined((p) => p.y !== null)
      .x((p) => p.x)
      .y((p) => p.y ?? 0)(points) ?? '';
  const lastDefined = [...points].reverse().find((p) => p.y !== null);
  const reference = options.reference;
  const referenceY = reference !== undefined && reference !== null && reference >= low && reference <= high ? y(reference) : null;
  return {
    width,
    height,
    path,
    points,
    last: lastDefined ? { x: lastDefined.x, y: lastDefined.y! } : null,
    domain: [low, high],
    referenceY,
  };
}
