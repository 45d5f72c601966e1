/**
 * SVG path strings for the charts' lines, areas and ring segments, written
 * out instead of imported from d3-shape: its single dist file does not
 * tree-shake (≈ 21 kB minified for line, area and arc). The output is
 * d3-shape 3's for the options used here (linear curve, `defined` gaps,
 * constant area baseline, arc with corner radius and no pad angle), string for
 * string: coordinates rounded to 3 decimals as d3's default `digits(3)` does,
 * which keeps paths short at no visible cost. tests/components/platform/
 * chart-paths.test.ts compares them with d3-shape on random input.
 */

const EPSILON = 1e-6;
const TAU = 2 * Math.PI;

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A path being written: d3-path's `pathRound(3)`, cut down to the commands used. */
class PathText {
  d = '';
  // Unrounded current point and subpath start (d3-path compares unrounded values).
  #x0 = 0;
  #y0 = 0;
  #x1: number | null = null;
  #y1 = 0;

  moveTo(x: number, y: number): void {
    this.d += `M${round(x)},${round(y)}`;
    this.#x0 = this.#x1 = x;
    this.#y0 = this.#y1 = y;
  }

  lineTo(x: number, y: number): void {
    this.d += `L${round(x)},${round(y)}`;
    this.#x1 = x;
    this.#y1 = y;
  }

  closePath(): void {
    if (this.#x1 === null) return;
    this.#x1 = this.#x0;
    this.#y1 = this.#y0;
    this.d += 'Z';
  }

  #arcTo(r: number, large: boolean, clockwise: number, x: number, y: number): void {
    this.d += `A${round(r)},${round(r)},0,${+large},${clockwise},${round(x)},${round(y)}`;
  }

  /** Circular arc around (x, y) from angle a0 to a1 (radians, 0 at 3 o'clock), joined to the current point by a line. */
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw: boolean): void {
    const dx = r * Math.cos(a0);
    const dy = r * Math.sin(a0);
    const x0 = x + dx;
    const y0 = y + dy;
    const cw = ccw ? 0 : 1;
    let da = ccw ? a0 - a1 : a1 - a0;
    if (this.#x1 === null) this.moveTo(x0, y0);
    else if (Math.abs(this.#x1 - x0) > EPSILON || Math.abs(this.#y1 - y0) > EPSILON) this.lineTo(x0, y0);
    if (!r) return;
    if (da < 0) da = (da % TAU) + TAU;
    if (da > TAU - EPSILON) {
      // A full circle: SVG cannot draw an arc to its own start point, so two halves.
      this.#arcTo(r, true, cw, x - dx, y - dy);
      this.#arcTo(r, true, cw, x0, y0);
      this.#x1 = x0;
      this.#y1 = y0;
    } else if (da > EPSILON) {
      const x1 = x + r * Math.cos(a1);
      const y1 = y + r * Math.sin(a1);
      // An arc of π or more whose ends coincide once rounded would vanish: draw it in two halves.
      if (da >= Math.PI && round(x0) === round(x1) && round(y0) === round(y1)) {
        da /= 2;
        this.#arcTo(r, da >= Math.PI, cw, x + r * Math.cos(a0 + da), y + r * Math.sin(a0 + da));
      }
      this.#arcTo(r, da >= Math.PI, cw, x1, y1);
      this.#x1 = x1;
      this.#y1 = y1;
    }
  }
}

type Accessor<T> = (datum: T, index: number) => number;
type Defined<T> = (datum: T, index: number) => boolean;

const always = () => true;

/**
 * Straight segments through the data; where `defined` is false the line has a
 * gap. A run of one point is closed on itself (`Mx,yZ`), as in d3, so a round
 * line cap still shows it. Empty string when nothing is defined.
 */
export function linePath<T>(data: readonly T[], x: Accessor<T>, y: Accessor<T>, defined: Defined<T> = always): string {
  const path = new PathText();
  let inRun = false;
  let runLength = 0;
  for (let i = 0; i <= data.length; i++) {
    const on = i < data.length && defined(data[i], i);
    if (on !== inRun) {
      inRun = on;
      if (on) runLength = 0;
      else if (runLength === 1) path.closePath();
    }
    if (!on) continue;
    if (runLength++ === 0) path.moveTo(x(data[i], i), y(data[i], i));
    else path.lineTo(x(data[i], i), y(data[i], i));
  }
  return path.d;
}

/**
 * The area between the line through (x, y1) and the horizontal baseline y0,
 * one closed shape per run of defined points. Empty string when nothing is defined.
 */
export function areaPath<T>(data: readonly T[], x: Accessor<T>, y0: number, y1: Accessor<T>, defined: Defined<T> = always): string {
  const path = new PathText();
  const xs: number[] = [];
  let runStart = -1;
  for (let i = 0; i <= data.length; i++) {
    const on = i < data.length && defined(data[i], i);
    if (!on && runStart >= 0) {
      // Back along the baseline from the last point of the run to its first.
      for (let k = i - 1; k >= runStart; k--) path.lineTo(xs[k], y0);
      path.closePath();
      runStart = -1;
    }
    if (!on) continue;
    xs[i] = x(data[i], i);
    if (runStart < 0) {
      runStart = i;
      path.moveTo(xs[i], y1(data[i], i));
    } else path.lineTo(xs[i], y1(data[i], i));
  }
  return path.d;
}

export interface ArcOptions {
  innerRadius: number;
  outerRadius: number;
  /** Radians, 0 at 12 o'clock, clockwise (d3-shape's convention). */
  startAngle: number;
  endAngle: number;
  /** Rounds the four corners; reduced as d3 does where the ring or the sector is too thin for it. */
  cornerRadius?: number;
}

const ARC_EPSILON = 1e-12;

/** Where a line through p0, p1 meets the one through p2, p3; undefined when parallel. */
function intersect(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): [number, number] | undefined {
  const x10 = x1 - x0;
  const y10 = y1 - y0;
  const x32 = x3 - x2;
  const y32 = y3 - y2;
  let t = y32 * x10 - x32 * y10;
  if (t * t < ARC_EPSILON) return undefined;
  t = (x32 * (y0 - y2) - y32 * (x0 - x2)) / t;
  return [x0 + t * x10, y0 + t * y10];
}

/** The corner circle of radius rc touching the side (x0,y0)-(x1,y1) and the ring of radius r1 (d3-shape's cornerTangents). */
function cornerTangents(x0: number, y0: number, x1: number, y1: number, r1: number, rc: number, cw: boolean) {
  const x01 = x0 - x1;
  const y01 = y0 - y1;
  const lo = (cw ? rc : -rc) / Math.sqrt(x01 * x01 + y01 * y01);
  const ox = lo * y01;
  const oy = -lo * x01;
  const x11 = x0 + ox;
  const y11 = y0 + oy;
  const x10 = x1 + ox;
  const y10 = y1 + oy;
  const x00 = (x11 + x10) / 2;
  const y00 = (y11 + y10) / 2;
  const dx = x10 - x11;
  const dy = y10 - y11;
  const d2 = dx * dx + dy * dy;
  const r = r1 - rc;
  const D = x11 * y10 - x10 * y11;
  const d = (dy < 0 ? -1 : 1) * Math.sqrt(Math.max(0, r * r * d2 - D * D));
  let cx = (D * dy - dx * d) / d2;
  let cy = (-D * dx - dy * d) / d2;
  const cx1 = (D * dy + dx * d) / d2;
  const cy1 = (-D * dx + dy * d) / d2;
  const dx0 = cx - x00;
  const dy0 = cy - y00;
  const dx1 = cx1 - x00;
  const dy1 = cy1 - y00;
  // Of the two intersections, the one nearer the side's middle.
  if (dx0 * dx0 + dy0 * dy0 > dx1 * dx1 + dy1 * dy1) {
    cx = cx1;
    cy = cy1;
  }
  return { cx, cy, x01: -ox, y01: -oy, x11: cx * (r1 / r - 1), y11: cy * (r1 / r - 1) };
}

/** A ring segment (or a pie slice when innerRadius is 0) centred on the origin, as d3-shape's `arc()` draws it. */
export function arcPath({ innerRadius, outerRadius, startAngle, endAngle, cornerRadius = 0 }: ArcOptions): string {
  const path = new PathText();
  let r0 = innerRadius;
  let r1 = outerRadius;
  // d3's angles start at 12 o'clock; the path maths at 3 o'clock.
  const a0 = startAngle - Math.PI / 2;
  const a1 = endAngle - Math.PI / 2;
  const da = Math.abs(a1 - a0);
  const cw = a1 > a0;
  if (r1 < r0) [r0, r1] = [r1, r0];

  if (!(r1 > ARC_EPSILON)) path.moveTo(0, 0);
  else if (da > TAU - ARC_EPSILON) {
    path.moveTo(r1 * Math.cos(a0), r1 * Math.sin(a0));
    path.arc(0, 0, r1, a0, a1, !cw);
    if (r0 > ARC_EPSILON) {
      path.moveTo(r0 * Math.cos(a1), r0 * Math.sin(a1));
      path.arc(0, 0, r0, a1, a0, cw);
    }
  } else {
    const rc = Math.min(Math.abs(r1 - r0) / 2, cornerRadius);
    let rc0 = rc;
    let rc1 = rc;
    const x01 = r1 * Math.cos(a0);
    const y01 = r1 * Math.sin(a0);
    const x10 = r0 * Math.cos(a1);
    const y10 = r0 * Math.sin(a1);
    const x11 = r1 * Math.cos(a1);
    const y11 = r1 * Math.sin(a1);
    const x00 = r0 * Math.cos(a0);
    const y00 = r0 * Math.sin(a0);

    // A sector narrower than π limits the corners to what fits between its sides;
    // without an intersection the sector is too thin for corners at all.
    if (rc > ARC_EPSILON && da < Math.PI) {
      const oc = intersect(x01, y01, x00, y00, x11, y11, x10, y10);
      if (oc) {
        const ax = x01 - oc[0];
        const ay = y01 - oc[1];
        const bx = x11 - oc[0];
        const by = y11 - oc[1];
        const cos = (ax * bx + ay * by) / (Math.sqrt(ax * ax + ay * ay) * Math.sqrt(bx * bx + by * by));
        const kc = 1 / Math.sin((cos > 1 ? 0 : cos < -1 ? Math.PI : Math.acos(cos)) / 2);
        const lc = Math.sqrt(oc[0] * oc[0] + oc[1] * oc[1]);
        rc0 = Math.min(rc, (r0 - lc) / (kc - 1));
        rc1 = Math.min(rc, (r1 - lc) / (kc + 1));
      } else rc0 = rc1 = 0;
    }

    // Outer edge.
    if (!(da > ARC_EPSILON)) path.moveTo(x01, y01);
    else if (rc1 > ARC_EPSILON) {
      const t0 = cornerTangents(x00, y00, x01, y01, r1, rc1, cw);
      const t1 = cornerTangents(x11, y11, x10, y10, r1, rc1, cw);
      path.moveTo(t0.cx + t0.x01, t0.cy + t0.y01);
      if (rc1 < rc) {
        // The two corners have merged into one.
        path.arc(t0.cx, t0.cy, rc1, Math.atan2(t0.y01, t0.x01), Math.atan2(t1.y01, t1.x01), !cw);
      } else {
        path.arc(t0.cx, t0.cy, rc1, Math.atan2(t0.y01, t0.x01), Math.atan2(t0.y11, t0.x11), !cw);
        path.arc(0, 0, r1, Math.atan2(t0.cy + t0.y11, t0.cx + t0.x11), Math.atan2(t1.cy + t1.y11, t1.cx + t1.x11), !cw);
        path.arc(t1.cx, t1.cy, rc1, Math.atan2(t1.y11, t1.x11), Math.atan2(t1.y01, t1.x01), !cw);
      }
    } else {
      path.moveTo(x01, y01);
      path.arc(0, 0, r1, a0, a1, !cw);
    }

    // Inner edge, back to the start.
    if (!(r0 > ARC_EPSILON) || !(da > ARC_EPSILON)) path.lineTo(x10, y10);
    else if (rc0 > ARC_EPSILON) {
      const t0 = cornerTangents(x10, y10, x11, y11, r0, -rc0, cw);
      const t1 = cornerTangents(x01, y01, x00, y00, r0, -rc0, cw);
      path.lineTo(t0.cx + t0.x01, t0.cy + t0.y01);
      if (rc0 < rc) {
        path.arc(t0.cx, t0.cy, rc0, Math.atan2(t0.y01, t0.x01), Math.atan2(t1.y01, t1.x01), !cw);
      } else {
        path.arc(t0.cx, t0.cy, rc0, Math.atan2(t0.y01, t0.x01), Math.atan2(t0.y11, t0.x11), !cw);
        path.arc(0, 0, r0, Math.atan2(t0.cy + t0.y11, t0.cx + t0.x11), Math.atan2(t1.cy + t1.y11, t1.cx + t1.x11), cw);
        path.arc(t1.cx, t1.cy, rc0, Math.atan2(t1.y11, t1.x11), Math.atan2(t1.y01, t1.x01), !cw);
      }
    } else path.arc(0, 0, r0, a1, a0, cw);
  }
  path.closePath();
  return path.d;
}
