/**
 * The heatmap's sequential colour scale: a few hand-picked stops interpolated
 * in Lab (d3-interpolate), instead of d3-scale-chromatic, which would add
 * 16 kB for one ramp. Light and dark themes get their own stops so that "more"
 * always means "more contrast against the page", and every cell's text colour
 * is picked by contrast ratio rather than by a fixed cut-off.
 */
import { interpolateLab, piecewise } from 'd3-interpolate';

/** Pale blue to deep blue: the lowest stop is still tinted, so 0 % differs from a blank (not yet reached) cell. */
export const LIGHT_RAMP: readonly string[] = ['#e4eef8', '#b5d1ec', '#74a9da', '#3577bd', '#123f7a'];
/** On a dark page "more" is brighter: from a blue-grey close to the background to a pale blue. */
export const DARK_RAMP: readonly string[] = ['#1e2a38', '#1f4a72', '#2d73b0', '#5ea5e0', '#c3e1fb'];

export type ColorRamp = (t: number) => string;

/** A ramp through `stops`; t outside [0, 1] is clamped. Falls back to the light ramp when fewer than two stops parse. */
export function colorRamp(stops: readonly string[] = LIGHT_RAMP): ColorRamp {
  const usable = stops.filter((stop) => parseColor(stop) !== null);
  const interpolate = piecewise(interpolateLab, usable.length >= 2 ? [...usable] : [...LIGHT_RAMP]);
  return (t: number) => interpolate(Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0);
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

/** Reads `#rgb`, `#rrggbb` and `rgb()/rgba()` (what d3-interpolate returns); null otherwise. */
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
