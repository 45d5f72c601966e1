/**
 * WCAG 2 text contrast from the colours the browser actually paints: any CSS
 * colour (rgb, hex, named, color-mix, oklch …) is read back as sRGB bytes
 * through a 1×1 canvas, so this file never parses colour syntax itself, and
 * translucent layers are composited the way the page stacks them.
 */

/** Straight (not premultiplied) sRGB 0–255 with alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

let context: OffscreenCanvasRenderingContext2D | undefined;
const parsed = new Map<string, Rgba | null>();

/** A CSS colour as the browser paints it, or null for `none`, gradients, `url(…)` and other non-colours. */
export function paintedColor(css: string): Rgba | null {
  const known = parsed.get(css);
  if (known !== undefined) return known;
  context ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true })!;
  let result: Rgba | null = null;
  if (CSS.supports('color', css)) {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    result = { r, g, b, a: a / 255 };
  }
  parsed.set(css, result);
  return result;
}

/** `top` painted with an extra opacity over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba, opacity = 1): Rgba {
  const a = top.a * opacity;
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
    a: 1,
  };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an opaque colour. */
export function luminance(color: Rgba): number {
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

/** WCAG contrast ratio (1–21) of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG "large text": 18 pt (24 px), or 14 pt (18.66 px) bold. */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

export function cssColor(color: Rgba): string {
  return `rgb(${Math.round(color.r)} ${Math.round(color.g)} ${Math.round(color.b)})`;
}
