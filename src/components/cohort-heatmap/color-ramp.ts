/**
 * The heatmap's sequential colour scale: a few hand-picked stops interpolated
 * in CIE Lab, instead of d3-scale-chromatic, which would add 16 kB for one
 * ramp. Light and dark themes get their own stops so that "more" always means
 * "more contrast against the page", and every cell's text colour is picked by
 * contrast ratio rather than by a fixed cut-off.
 *
 * The Lab maths is d3-color 3's (sRGB with a Bradford-adapted D50 white, the
 * same constants, in the same order), and the interpolation d3-interpolate's
 * `piecewise(interpolateLab, stops)`, written out so the kit does not ship
 * d3-color, d3-interpolate and their parsers (≈ 17 kB) for five stops. The
 * colours are the same strings d3 gives (tests/components/geometry.test.ts
 * compares them on random stops).
 */

/** Pale blue to deep blue: the lowest stop is still tinted, so 0 % differs from a blank (not yet reached) cell. */
export const LIGHT_RAMP: readonly string[] = ['#e4eef8', '#b5d1ec', '#74a9da', '#3577bd', '#123f7a'];
/** On a dark page "more" is brighter: from a blue-grey close to the background to a pale blue. */
export const DARK_RAMP: readonly string[] = ['#1e2a38', '#1f4a72', '#2d73b0', '#5ea5e0', '#c3e1fb'];

export type ColorRamp = (t: number) => string;

/** A ramp through `stops`; t outside [0, 1] is clamped. Falls back to the light ramp when fewer than two stops parse. */
export function colorRamp(stops: readonly string[] = LIGHT_RAMP): ColorRamp {
  const usable = stops.map(toLab).filter((lab): lab is Lab => lab !== null);
  const labs = usable.length >= 2 ? usable : LIGHT_RAMP.map((stop) => toLab(stop)!);
  const segments = labs.length - 1;
  return (t: number) => {
    // d3's piecewise: the segment by t·n, then the position within it.
    const at = (Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0) * segments;
    const i = Math.max(0, Math.min(segments - 1, Math.floor(at)));
    const [from, to] = [labs[i], labs[i + 1]];
    return formatRgb(labToRgb(from.map((value, k) => lerp(value, to[k], at - i)) as Lab));
  };
}

/** L, a, b and opacity. */
type Lab = [number, number, number, number];

// d3-color's white point and the CIE Lab break points.
const XN = 0.96422;
const ZN = 0.82521;
const T0 = 4 / 29;
const T1 = 6 / 29;
const T2 = 3 * T1 * T1;
const T3 = T1 * T1 * T1;

/** d3-interpolate's "no gamma" interpolation: a channel that is undefined (NaN) on one side takes the other side's value. */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return d ? a + t * d : Number.isNaN(a) ? b : a;
}

const toLinear = (channel: number) => ((channel /= 255) <= 0.040_45 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
const fromLinear = (x: number) => 255 * (x <= 0.003_130_8 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055);
const xyzToLab = (t: number) => (t > T3 ? Math.pow(t, 1 / 3) : t / T2 + T0);
const labToXyz = (t: number) => (t > T1 ? t * t * t : T2 * (t - T0));

/** A stop in Lab; null when it does not parse. A fully transparent stop has no colour (NaN), as in d3: it takes its neighbour's. */
function toLab(color: string): Lab | null {
  const rgb = parseColor(color);
  if (!rgb) return null;
  const alpha = /^\s*rgba\((?:[^,]*,){3}\s*([\d.]+)\s*\)/i.exec(color);
  const opacity = alpha ? Number(alpha[1]) : 1;
  const [r, g, b] = opacity > 0 ? rgb.map(toLinear) : [NaN, NaN, NaN];
  const y = xyzToLab(0.222_504_5 * r + 0.716_878_6 * g + 0.060_616_9 * b);
  // Greys skip the x and z sums so that a and b come out exactly 0.
  const x = r === g && g === b ? y : xyzToLab((0.436_074_7 * r + 0.385_064_9 * g + 0.143_080_4 * b) / XN);
  const z = r === g && g === b ? y : xyzToLab((0.013_932_2 * r + 0.097_104_5 * g + 0.714_173_3 * b) / ZN);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z), opacity];
}

function labToRgb([l, a, b, opacity]: Lab): [number, number, number, number] {
  let y = (l + 16) / 116;
  let x = Number.isNaN(a) ? y : y + a / 500;
  let z = Number.isNaN(b) ? y : y - b / 200;
  x = XN * labToXyz(x);
  y = labToXyz(y);
  z = ZN * labToXyz(z);
  return [
    fromLinear(3.133_856_1 * x - 1.616_866_7 * y - 0.490_614_6 * z),
    fromLinear(-0.978_768_4 * x + 1.916_141_5 * y + 0.033_454 * z),
    fromLinear(0.071_945_3 * x - 0.228_991_4 * y + 1.405_242_7 * z),
    opacity,
  ];
}

/** CSS text of a colour, as d3-color writes it: `rgb(r, g, b)`, or `rgba(r, g, b, a)` when not opaque. */
function formatRgb([r, g, b, opacity]: [number, number, number, number]): string {
  const channel = (value: number) => Math.max(0, Math.min(255, Math.round(value) || 0));
  const alpha = Number.isNaN(opacity) ? 1 : Math.max(0, Math.min(1, opacity));
  const rgb = `${channel(r)}, ${channel(g)}, ${channel(b)}`;
  return alpha === 1 ? `rgb(${rgb})` : `rgba(${rgb}, ${alpha})`;
}

/**
 * Stops from a CSS custom property value such as `#fff, #08f` (themes set
 * `--rk-heatmap-ramp`); undefined when it names fewer than two colours.
 */
export function rampFromCss(value: string | undefined | null): string[] | undefined {
  if (!value) return undefined;
  const stops = value
    .split(/,(?![^(]*\))/)
    .map((stop) => stop.trim())
    .filter((stop) => parseColor(stop) !== null);
  return stops.length >= 2 ? stops : undefined;
}

/** `n` evenly spaced colours of a ramp, for a legend gradient. */
export function rampSamples(ramp: ColorRamp, n = 9): string[] {
  return Array.from({ length: n }, (_, i) => ramp(n === 1 ? 0 : i / (n - 1)));
}

type Rgb = [number, number, number];

/** Reads `#rgb`, `#rrggbb` and `rgb()/rgba()` (what the ramp returns); null otherwise. */
export function parseColor(color: string): Rgb | null {
  const text = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return [0, 2, 4].map((at) => parseInt(digits.slice(at, at + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export const LIGHT_INK = '#ffffff';
// Pure black: with white it guarantees ≥ 4.58:1 on any fill (the worst case of max(contrast to white, to black)).
export const DARK_INK = '#000000';

/** Text colour for a cell: whichever of white and near-black contrasts more with the fill. */
export function inkFor(fill: string): typeof LIGHT_INK | typeof DARK_INK {
  const rgb = parseColor(fill);
  if (!rgb) return DARK_INK;
  const onLight = contrastRatio(rgb, parseColor(LIGHT_INK)!);
  const onDark = contrastRatio(rgb, parseColor(DARK_INK)!);
  return onLight >= onDark ? LIGHT_INK : DARK_INK;
}
