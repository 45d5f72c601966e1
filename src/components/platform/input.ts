/**
 * Input as it arrives, before any metric sees it: records already in memory,
 * or text (a download, an inline script) still to be parsed. Text is kept as
 * text as long as possible so a big file is parsed in the worker, not on the
 * page's main thread.
 */
import { csvParseRows } from 'd3-dsv';
import { loadError, type LoadError } from './errors.ts';

export type TextFormat = 'json' | 'csv';

export type RawInput =
  | { kind: 'rows'; rows: unknown; origin: string }
  | { kind: 'text'; text: string; format: TextFormat; origin: string }
  /** A big download kept as UTF-8 bytes: decoding it is the worker's job, not the page's. */
  | { kind: 'bytes'; bytes: Uint8Array; format: TextFormat; origin: string };

/** Number of records (rows) or characters (text, bytes): what decides worker or inline. */
export function inputSize(input: RawInput): { rows: number; chars: number } {
  if (input.kind === 'text') return { rows: 0, chars: input.text.length };
  if (input.kind === 'bytes') return { rows: 0, chars: input.bytes.byteLength };
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

/**
 * Parses text into records. JSON may be any value (a metric validates the
 * shape); CSV becomes objects with text cells: numbers and dates are coerced
 * by the metrics schemas, which accept numeric and ISO strings.
 */
/**
 * Records this module parsed from text: nobody outside the kit holds them, so
 * what is derived from them (a TransactionTable) may be cached safely. Records
 * a page hands over may be mutated in place and are never cached.
 */
const parsedRecords = new WeakSet<object>();

export function isParsedRecords(rows: unknown): boolean {
  return typeof rows === 'object' && rows !== null && parsedRecords.has(rows);
}

function remember<T>(rows: T): T {
  if (typeof rows === 'object' && rows !== null) parsedRecords.add(rows);
  return rows;
}

export function parseText(text: string, format: TextFormat, origin: string): { ok: true; rows: unknown } | { ok: false; error: LoadError } {
  if (format === 'json') {
    try {
      return { ok: true, rows: remember(JSON.parse(text)) };
    } catch (cause) {
      return { ok: false, error: loadError('parse', origin, `malformed JSON (${cause instanceof Error ? cause.message : String(cause)})`) };
    }
  }
  try {
    return { ok: true, rows: remember(csvRecords(text)) };
  } catch (cause) {
    return { ok: false, error: loadError('parse', origin, `malformed CSV (${cause instanceof Error ? cause.message : String(cause)})`) };
  }
}

/**
 * CSV text to records keyed by the header row. d3's `csvParse` compiles its
 * row builder with `new Function`, which a Content-Security-Policy without
 * 'unsafe-eval' forbids; `csvParseRows` does not, and the records are built
 * here instead. Short rows get '' for missing cells, as csvParse gives.
 */
function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...body] = csvParseRows(text);
  const columns = header.length;
  const records: Record<string, string>[] = new Array(body.length);
  for (let r = 0; r < body.length; r++) {
    const cells = body[r];
    const record: Record<string, string> = {};
    for (let c = 0; c < columns; c++) record[header[c]] = cells[c] ?? '';
    records[r] = record;
  }
  return records;
}

/** Records of any input, parsing text when needed. */
export function materialize(input: RawInput): { ok: true; rows: unknown } | { ok: false; error: LoadError } {
  if (input.kind === 'rows') return { ok: true, rows: input.rows };
  const text = input.kind === 'text' ? input.text : new TextDecoder().decode(input.bytes);
  return parseText(text, input.format, input.origin);
}

/** The first character that is not white space, for format detection without copying the text. */
export function firstNonSpace(text: string): string | undefined {
  for (let i = 0; i < text.length && i < 1024; i++) if (text.charCodeAt(i) > 32) return text[i];
  return undefined;
}
