/**
 * Text into records, in the engine: JSON as any value, CSV as objects with text
 * cells keyed by the header (numbers and dates are read by the metrics readers,
 * which know each column's format).
 */
import { dsvFormat } from 'd3-dsv';
import { loadError, type LoadError } from '../components/platform/errors.ts';
import type { RawInput, TextFormat } from '../components/platform/input.ts';

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
