/**
 * The heatmap's colours, made by d3: a few hand-picked stops interpolated in
 * CIE Lab (d3-interpolate's `piecewise(interpolateLab, stops)`), put on the
 * data's domain by d3-scale's `scaleSequential`, with stops read and checked
 * by d3-color. Light and dark themes get their own stops so that "more"
 * always means "more contrast against the page", and every cell's text colour
 * is picked by WCAG contrast ratio rather than by a fixed cut-off.
 *
 * Pages theme the stops with `--rk-heatmap-ramp` / `--rk-heatmap-ramp-dark`.
 */
import { color, rgb } from 'd3-color';
import { interpolateLab, piecewise } from 'd3-interpolate';
import { scaleSequential, type ScaleSequential } from 'd3-scale';
import type { ColorDomain } from './color-domain.ts';

/** Pale blue to deep blue: the lowest stop is still tinted, so 0 % differs from a blank (not yet reached) cell. */
export const LIGHT_RAMP: readonly string[] = ['#e4eef8', '#b5d1ec', '#74a9da', '#3577bd', '#123f7a'];
/** On a dark page "more" is brighter: from a blue-grey close to the background to a pale blue. */
export const DARK_RAMP: readonly string[] = ['#1e2a38', '#1f4a72', '#2d73b0', '#5ea5e0', '#c3e1fb'];

/** t in [0, 1] to a CSS colour (`rgb(…)`). */
export type ColorRamp = (t: number) => string;

/** d3's Lab interpolation through `stops`; t outside [0, 1] is clamped. Falls back to the light ramp when fewer than two stops parse. */
export function colorRamp(stops: readonly string[] = LIGHT_RAMP): ColorRamp {
  const usable = stops.filter((stop) => color(stop) !== null);
  const interpolate = piecewise(interpolateLab, usable.length >= 2 ? usable : [...LIGHT_RAMP]);
  return (t) => interpolate(Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0);
}

/** Value → colour over the colour domain, clamped at both ends (values above the top share its colour). */
export function colorScale(ramp: ColorRamp, domain: ColorDomain): ScaleSequential<string> {
  return scaleSequential(ramp).domain([domain.low, domain.high]).clamp(true);
}

/**
 * Stops from a CSS custom property value such as `#fff, #08f` (themes set
 * `--rk-heatmap-ramp`); undefined when it names fewer than two colours d3 can read.
 */
export function rampFromCss(value: string | undefined | null): string[] | undefined {
  if (!value) return undefined;
  const stops = value
    .split(/,(?![^(]*\))/)
    .map((stop) => stop.trim())
    .filter((stop) => color(stop) !== null);
  return stops.length >= 2 ? stops : undefined;
}

/** `n` evenly spaced colours of a ramp, for the legend's bar. */
export function rampSamples(ramp: ColorRamp, n = 9): string[] {
  return Array.from({ length: n }, (_, i) => ramp(n === 1 ? 0 : i / (n - 1)));
}

/** WCAG 2 relative luminance of a CSS colour (d3-color reads it; the formula is WCAG's, which d3 does not have). */
export function relativeLuminance(css: string): number {
  const { r, g, b } = rgb(css);
  const channel = (value: number) => {
    const c = (Number.isFinite(value) ? value : 0) / 255;
    return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two CSS colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export const WHITE_INK = '#ffffff';
/** The kit's dark text: softer than black, used where it reaches AA (4.5:1). */
export const DARK_INK = '#111827';
/** Black: white or black always reaches ≥ 4.58:1 on any fill (the worst case of max(contrast to white, to black)). */
export const BLACK_INK = '#000000';

/** Text colour for a cell: white or the kit's dark text, whichever contrasts more, and black where neither reaches 4.5:1. */
export function inkFor(fill: string): string {
  if (color(fill) === null) return BLACK_INK;
  const onWhite = contrastRatio(fill, WHITE_INK);
  const onDark = contrastRatio(fill, DARK_INK);
  if (Math.max(onWhite, onDark) >= 4.5) return onWhite >= onDark ? WHITE_INK : DARK_INK;
  return onWhite >= contrastRatio(fill, BLACK_INK) ? WHITE_INK : BLACK_INK;
}
