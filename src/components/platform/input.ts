/**
 * Input as it arrives, before any metric sees it: records already in memory,
 * or text (a download, an inline script) still to be parsed. Text is kept as
 * text so it is parsed by the engine (engine/parse.ts), in the worker, not on
 * the page's main thread.
 */

export type TextFormat = 'json' | 'csv';

export type RawInput =
  | { kind: 'rows'; rows: unknown; origin: string }
  | { kind: 'text'; text: string; format: TextFormat; origin: string; delimiter?: string }
  /** Big text kept as UTF-8 bytes: decoding it is the worker's job, not the page's. */
  | { kind: 'bytes'; bytes: Uint8Array; format: TextFormat; origin: string; delimiter?: string }
  /** A file the engine downloads and parses itself (an absolute URL: the worker resolves nothing against the page). */
  | { kind: 'url'; url: string; origin: string; delimiter?: string };

/** Number of records (rows) or characters (text, bytes): what decides worker or inline. */
export function inputSize(input: RawInput): { rows: number; chars: number } {
  if (input.kind === 'text') return { rows: 0, chars: input.text.length };
  if (input.kind === 'bytes') return { rows: 0, chars: input.bytes.byteLength };
  if (input.kind === 'url') return { rows: 0, chars: 0 };
  return { rows: Array.isArray(input.rows) ? input.rows.length : 0, chars: 0 };
}

/**
 * The format of a download: by content type, then by the URL's extension, then
 * by the first character (`[` or `{` is JSON). No per-widget guessing beyond this.
 */
export function detectFormat(contentType: string | null, url: string, firstCharacter: string | undefined): TextFormat {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('csv')) return 'csv';
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv')) return 'csv';
  return firstCharacter === '[' || firstCharacter === '{' ? 'json' : 'csv';
}

/** The same input read with a stated CSV delimiter: one object per (input, delimiter), so caches keyed on it stay warm. */
const withDelimiters = new WeakMap<RawInput, Map<string, RawInput>>();

export function withDelimiter(input: RawInput, delimiter: string | undefined): RawInput {
  if (!delimiter || input.kind === 'rows' || (input.kind !== 'url' && input.format !== 'csv')) return input;
  let byDelimiter = withDelimiters.get(input);
  if (!byDelimiter) withDelimiters.set(input, (byDelimiter = new Map()));
  let stated = byDelimiter.get(delimiter);
  if (!stated) byDelimiter.set(delimiter, (stated = { ...input, delimiter }));
  return stated;
}

/** The first character that is not white space, for format detection without copying the text. */
export function firstNonSpace(text: string): string | undefined {
  for (let i = 0; i < text.length && i < 1024; i++) if (text.charCodeAt(i) > 32) return text[i];
  return undefined;
}
