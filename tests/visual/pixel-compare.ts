/**
 * Screenshots against baselines, in the browser: PNGs are decoded and encoded
 * by the browser's own image code (no PNG library), and compared with
 * pixelmatch, which ignores the anti-aliasing differences of text and curves
 * that are not a change of the drawing.
 */
import pixelmatch from 'pixelmatch';

/** pixelmatch's per-pixel colour distance (0–1) under which two pixels are the same. */
export const PIXEL_THRESHOLD = 0.1;
/**
 * The share of an image's pixels that may differ: a moved tick or a changed
 * colour changes thousands; a rendering's noise, a handful.
 */
export const MAX_MISMATCH_RATIO = 0.0005;

export async function decodePng(base64: string): Promise<ImageData> {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

export async function encodePng(image: ImageData): Promise<string> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export type Comparison =
  | { same: true; mismatched: number }
  | { same: false; reason: string; diff?: ImageData };

export function compareImages(actual: ImageData, baseline: ImageData): Comparison {
  if (actual.width !== baseline.width || actual.height !== baseline.height) {
    return { same: false, reason: `size changed from ${baseline.width}×${baseline.height} to ${actual.width}×${actual.height} px` };
  }
  const { width, height } = actual;
  const diff = new ImageData(width, height);
  const mismatched = pixelmatch(baseline.data, actual.data, diff.data, width, height, { threshold: PIXEL_THRESHOLD });
  const allowed = Math.floor(MAX_MISMATCH_RATIO * width * height);
  if (mismatched <= allowed) return { same: true, mismatched };
  const share = ((100 * mismatched) / (width * height)).toFixed(2);
  return { same: false, reason: `${mismatched} pixels differ (${share} %, at most ${allowed} allowed)`, diff };
}
