/**
 * The few scales the charts use, written out instead of imported from
 * d3-scale: its linear scale pulls in d3-interpolate, d3-color and d3-format
 * (≈ 26 kB minified) to map one number to another. The maths is d3-scale 4's,
 * operation for operation, so positions, nice domains and ticks are the same
 * numbers (tests/components/platform/chart-scales.test.ts compares them with
 * d3-scale on random input). Tick values too: d3-array's `ticks` is written
 * out below, because its single-file build keeps the whole module (3 kB) for it.
 */

export type Extent = readonly [number, number];

/**
 * Maps `domain` linearly onto `range` (either may be descending). A collapsed
 * domain maps everything to the middle of the range, as d3 does. Not clamped.
 */
export function linearScale(domain: Extent, range: Extent): (value: number) => number {
  let [d0, d1] = domain;
  let [r0, r1] = range;
  // d3 normalises against the ascending domain, swapping the range with it:
  // the same floating-point steps give the same positions.
  if (d1 < d0) [d0, d1, r0, r1] = [d1, d0, r1, r0];
  const span = d1 - d0;
  return (value) => {
    const t = span ? (value - d0) / span : Number.isNaN(span) ? NaN : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}

/**
 * The domain widened to round tick steps for about `count` ticks (d3-scale's
 * `linear.nice(count)`): repeats until the step stops changing, at most ten
 * times; a domain that does not settle (or has no step) is returned as is.
 */
export function niceDomain(domain: Extent, count = 10): [number, number] {
  const reversed = domain[1] < domain[0];
  let [start, stop] = reversed ? [domain[1], domain[0]] : domain;
  let previous: number | undefined;
  for (let tries = 10; tries > 0; tries--) {
    const step = tickIncrement(start, stop, count);
    if (step === previous) return reversed ? [stop, start] : [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      // A negative increment is the inverse of a step below 1: dividing by it avoids 0.1-style rounding errors.
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else break;
    previous = step;
  }
  return [domain[0], domain[1]];
}

/** About `count` round values inside the domain (d3-scale's `linear.ticks(count)`). */
export function linearTicks(domain: Extent, count = 10): number[] {
  return ticks(domain[0], domain[1], count);
}

export interface BandScale {
  /** Left (or top) edge of band `index`; undefined for an index outside 0…count-1. */
  (index: number): number | undefined;
  /** Distance between the starts of two neighbouring bands. */
  readonly step: number;
  /** Width of one band (0 for a point scale). */
  readonly bandwidth: number;
}

export interface BandOptions {
  /** Share of a step left empty between bands, 0…1. */
  paddingInner?: number;
  /** Empty space before the first and after the last band, in steps. */
  paddingOuter?: number;
  /** Where the bands sit in spare room: 0 start, 0.5 centred, 1 end. */
  align?: number;
}

/**
 * `count` equal bands across `range`, for indexes 0…count-1 (d3-scale's
 * `scaleBand` over the domain [0, 1, …, count-1], with its padding maths).
 */
export function bandScale(count: number, range: Extent, options: BandOptions = {}): BandScale {
  const paddingInner = Math.min(1, options.paddingInner ?? 0);
  const paddingOuter = options.paddingOuter ?? 0;
  const align = Math.max(0, Math.min(1, options.align ?? 0.5));
  const reverse = range[1] < range[0];
  let start = reverse ? range[1] : range[0];
  const stop = reverse ? range[0] : range[1];
  const step = (stop - start) / Math.max(1, count - paddingInner + paddingOuter * 2);
  start += (stop - start - step * (count - paddingInner)) * align;
  const positions = Array.from({ length: count }, (_, i) => start + step * i);
  if (reverse) positions.reverse();
  const scale = ((index: number) => (Number.isInteger(index) ? positions[index] : undefined)) as BandScale;
  return Object.assign(scale, { step, bandwidth: step * (1 - paddingInner) });
}

/**
 * `count` evenly spaced points across `range`, `padding` steps in from each
 * end (d3-scale's `scalePoint().padding(padding)`: a band scale with no band).
 */
export function pointScale(count: number, range: Extent, padding = 0): BandScale {
  return bandScale(count, range, { paddingInner: 1, paddingOuter: padding });
}

// ---- tick values: d3-array 3's ticks / tickIncrement, operation for operation ----------

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** First and last tick index and the increment (negative: its inverse, so decimals stay exact). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values from start to stop (either order), as d3-array's `ticks`. */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const values = new Array<number>(n);
  for (let i = 0; i < n; ++i) {
    const index = reverse ? i2 - i : i1 + i;
    values[i] = inc < 0 ? index / -inc : index * inc;
  }
  return values;
}

/** The tick increment (negative: its inverse), as d3-array's `tickIncrement`. */
export function tickIncrement(start: number, stop: number, count: number): number {
  return tickSpec(start, stop, count)[2];
}

