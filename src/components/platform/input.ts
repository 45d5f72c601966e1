/**
 * Input as it arrives, before any metric sees it: records already in memory,
 * or text (a download, an inline script) still to be parsed. Text is kept as
 * text as long as possible so a big file is parsed in the worker, not on the
 * page's main thread.
 */
import { dsvFormat } from 'd3-dsv';
import { loadError, type LoadError } from './errors.ts';

export type TextFormat = 'json' | 'csv';

export type RawInput =
  | { kind: 'rows'; rows: unknown; origin: string }
  | { kind: 'text'; text: string; format: TextFormat; origin: string; delimiter?: string }
  /** A big download kept as UTF-8 bytes: decoding it is the worker's job, not the page's. */
  | { kind: 'bytes'; bytes: Uint8Array; format: TextFormat; origin: string; delimiter?: string };

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
 * Records this module parsed from text: nobody outside the kit holds them, so
 * what is derived from them (a TransactionTable) may be cached safely. Records
 * a page hands over may be mutated in place and are never cached. For CSV the
 * delimiter is kept too: a `;`-separated file is Excel's European save, whose
 * numbers have decimal commas.
 */
const parsedRecords = new WeakMap<object, { delimiter?: string }>();

export function isParsedRecords(rows: unknown): boolean {
  return typeof rows === 'object' && rows !== null && parsedRecords.has(rows);
}

/** The delimiter of a CSV file these records were parsed from; undefined for JSON or records from the page. */
export function csvDelimiterOf(rows: unknown): string | undefined {
  return typeof rows === 'object' && rows !== null ? parsedRecords.get(rows)?.delimiter : undefined;
}

function remember<T>(rows: T, delimiter?: string): T {
  if (typeof rows === 'object' && rows !== null) parsedRecords.set(rows, { delimiter });
  return rows;
}

/**
 * Parses text into records. JSON may be any value (a metric validates the
 * shape); CSV becomes objects with text cells: numbers and dates are read by
 * the metrics readers, which know each column's format.
 */
export function parseText(text: string, format: TextFormat, origin: string, delimiter?: string): { ok: true; rows: unknown } | { ok: false; error: LoadError } {
  if (format === 'json') {
    try {
      return { ok: true, rows: remember(JSON.parse(text)) };
    } catch (cause) {
      return { ok: false, error: loadError('parse', origin, `malformed JSON (${cause instanceof Error ? cause.message : String(cause)})`) };
    }
  }
  const separator = delimiter === undefined ? detectDelimiter(text) : delimiterOf(delimiter);
  if (separator === undefined) return { ok: false, error: loadError('parse', origin, `the delimiter ${JSON.stringify(delimiter)} is not one character or "tab"`) };
  try {
    return { ok: true, rows: remember(csvRecords(text, separator), separator) };
  } catch (cause) {
    return { ok: false, error: loadError('parse', origin, `malformed CSV (${cause instanceof Error ? cause.message : String(cause)})`) };
  }
}

/** The `delimiter` attribute: one character, or the word `tab`. */
function delimiterOf(text: string): string | undefined {
  if (text.toLowerCase() === 'tab' || text === '\\t') return '\t';
  return text.length === 1 && text !== '"' && text !== '\n' && text !== '\r' ? text : undefined;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter of a CSV file: the one of `,` `;` tab `|` that occurs most
 * often in its header line, outside quotes (a European Excel save uses `;`,
 * Numbers and "Unicode text" saves use tabs, whatever the file is named).
 * A header with none of them is a one-column file: `,`.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && DELIMITERS.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * CSV text to records keyed by the header row. d3's `csvParse` compiles its
 * row builder with `new Function`, which a Content-Security-Policy without
 * 'unsafe-eval' forbids; `parseRows` does not, and the records are built
 * here instead. Short rows get '' for missing cells, as csvParse gives. A
 * byte order mark (Excel's "CSV UTF-8") is not part of the first column's
 * name, and empty lines (a spreadsheet's trailing rows) are no records.
 */
function csvRecords(text: string, delimiter: string): Record<string, string>[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const [header = [], ...lines] = dsvFormat(delimiter).parseRows(body);
  const columns = header.length;
  const records: Record<string, string>[] = [];
  for (let r = 0; r < lines.length; r++) {
    const cells = lines[r];
    if (cells.length === 1 && cells[0] === '') continue;
    const record: Record<string, string> = {};
    for (let c = 0; c < columns; c++) record[header[c]] = cells[c] ?? '';
    records.push(record);
  }
  return records;
}

/** Records of any input, parsing text when needed. */
export function materialize(input: RawInput): { ok: true; rows: unknown } | { ok: false; error: LoadError } {
  if (input.kind === 'rows') return { ok: true, rows: input.rows };
  const text = input.kind === 'text' ? input.text : new TextDecoder().decode(input.bytes);
  return parseText(text, input.format, input.origin, input.delimiter);
}

/** The same input read with a stated CSV delimiter: one object per (input, delimiter), so caches keyed on it stay warm. */
const withDelimiters = new WeakMap<RawInput, Map<string, RawInput>>();

export function withDelimiter(input: RawInput, delimiter: string | undefined): RawInput {
  if (!delimiter || input.kind === 'rows' || input.format !== 'csv') return input;
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
