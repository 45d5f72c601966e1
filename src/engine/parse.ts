/**
 * Text into records, in the engine: JSON as any value, CSV as columns of text
 * cells keyed by the header (numbers and dates are read by the metrics
 * readers, which know each column's format).
 */
import { loadError, type LoadError } from '../components/platform/errors.ts';
import type { RawInput, TextFormat } from '../components/platform/input.ts';
import { isCsvRecords } from '../metrics/read/csv-records.ts';
import { CsvColumnReader, DelimiterSniffer } from './csv-stream.ts';

/**
 * JSON this module parsed from text: nobody outside the kit holds it, so what
 * is derived from it (a TransactionTable) may be cached safely. Records a page
 * hands over may be mutated in place and are never cached. CSV records are
 * only ever made by the engine's CSV reader, so they are all parsed records.
 */
const parsedJson = new WeakSet<object>();

export function isParsedRecords(rows: unknown): boolean {
  return isCsvRecords(rows) || (typeof rows === 'object' && rows !== null && parsedJson.has(rows));
}

/**
 * The delimiter of the CSV file these records were read from; undefined for
 * JSON or records from the page. A `;`-separated file is Excel's European
 * save, whose numbers have decimal commas.
 */
export function csvDelimiterOf(rows: unknown): string | undefined {
  return isCsvRecords(rows) ? rows.delimiter : undefined;
}

/**
 * Parses text into records. JSON may be any value (a metric validates the
 * shape); CSV becomes columns of text cells (CsvRecords), read by the same
 * reader a download streams into, given the whole text at once.
 */
export function parseText(text: string, format: TextFormat, origin: string, delimiter?: string): { ok: true; rows: unknown } | { ok: false; error: LoadError } {
  if (format === 'json') {
    try {
      const rows: unknown = JSON.parse(text);
      if (typeof rows === 'object' && rows !== null) parsedJson.add(rows);
      return { ok: true, rows };
    } catch (cause) {
      return { ok: false, error: loadError('parse', origin, `malformed JSON (${cause instanceof Error ? cause.message : String(cause)})`) };
    }
  }
  const reader = new CsvColumnReader({ delimiter, origin });
  reader.push(text);
  return reader.finish();
}

/**
 * The delimiter of a CSV file: the one of `,` `;` tab `|` that occurs most
 * often in its header line, outside quotes. A header with none of them is a
 * one-column file: `,`.
 */
export function detectDelimiter(text: string): string {
  const sniffer = new DelimiterSniffer();
  sniffer.feed(text);
  return sniffer.delimiter;
}

/** Records of any input, parsing text when needed. */
export function materialize(input: RawInput): { ok: true; rows: unknown } | { ok: false; error: LoadError } {
  if (input.kind === 'rows') return { ok: true, rows: input.rows };
  // A URL is the data path's (inputs.ts, download.ts): it is downloaded, then parsed as it arrives.
  if (input.kind === 'url') return { ok: false, error: loadError('parse', input.origin, 'a URL must be downloaded before it is parsed') };
  const text = input.kind === 'text' ? input.text : new TextDecoder().decode(input.bytes);
  return parseText(text, input.format, input.origin, input.delimiter);
}
