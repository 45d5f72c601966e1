/**
 * One parser interface for a download as its chunks arrive: CSV is parsed as
 * it comes (CsvColumnReader, the same reader parseText uses for text given
 * whole); JSON is collected and parsed at the end (JSON.parse has no
 * streaming form).
 */
import type { LoadError } from '../components/platform/errors.ts';
import type { TextFormat } from '../components/platform/input.ts';
import { CsvColumnReader } from './csv-stream.ts';
import { parseText } from './parse.ts';

export type ParseOutcome = { ok: true; rows: unknown } | { ok: false; error: LoadError };

export interface StreamParser {
  push(chunk: Uint8Array): void;
  /** Records complete so far: the progress shown while a big file loads. */
  readonly rowCount: number;
  finish(): ParseOutcome;
}

export function streamParser(format: TextFormat, origin: string, delimiter?: string): StreamParser {
  return format === 'csv' ? new CsvColumnReader({ delimiter, origin }) : collectingJsonParser(origin);
}

/** Keeps the bytes of a JSON file and parses them at the end. */
function collectingJsonParser(origin: string): StreamParser {
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      size += chunk.byteLength;
    },
    get rowCount() {
      return 0;
    },
    finish() {
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      chunks.length = 0;
      return parseText(new TextDecoder().decode(body), 'json', origin);
    },
  };
}
