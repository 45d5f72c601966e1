/**
 * A `src` downloaded by the engine: the body is read chunk by chunk (gunzipped
 * on the way when it is a gzip file) and each chunk goes straight into the
 * parser (a CSV becomes columns as it arrives), so downloading and parsing
 * overlap and no copy of the whole file is kept as text.
 * The signal is checked between chunks: a changed `src` or a removed element
 * stops the request and the parsing where they are.
 */
import { DOWNLOAD_STALL_SECONDS, loadError } from '../components/platform/errors.ts';
import { detectFormat, type TextFormat } from '../components/platform/input.ts';
import { streamParser, type ParseOutcome } from './stream-parser.ts';

export interface DownloadProgress {
  /** Bytes received so far. */
  received: number;
  /** From Content-Length when the server sends it (compressed bodies may differ). */
  total?: number;
  /** Records parsed so far (CSV: complete lines; JSON: known only at the end). */
  rows: number;
}

export type DownloadOutcome = ParseOutcome | { ok: false; aborted: true };

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** The CSV delimiter the element states (`delimiter` attribute); detected from the header otherwise. */
  delimiter?: string;
  /** The URL as the page wrote it, for messages (the request goes to the absolute URL). */
  origin?: string;
}

const ACCEPT = 'application/json, text/csv;q=0.9, */*;q=0.5';

export async function download(url: string, options: DownloadOptions = {}): Promise<DownloadOutcome> {
  const { signal, onProgress } = options;
  const origin = options.origin ?? url;
  // The request stops when the page stops waiting (signal) or the server stops sending (the stall timer).
  const request = new AbortController();
  const stopRequest = () => request.abort();
  signal?.addEventListener('abort', stopRequest, { once: true });
  let stalled = false;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  const stillSending = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      stalled = true;
      request.abort();
    }, DOWNLOAD_STALL_SECONDS * 1000);
  };
  const cutOff = (): DownloadOutcome | undefined =>
    signal?.aborted
      ? { ok: false, aborted: true }
      : stalled
        ? { ok: false, error: loadError('timeout', origin, `nothing arrived for ${DOWNLOAD_STALL_SECONDS} seconds`) }
        : undefined;
  stillSending();
  try {
    return await receive();
  } finally {
    clearTimeout(stallTimer);
    signal?.removeEventListener('abort', stopRequest);
  }

  async function receive(): Promise<DownloadOutcome> {
    let response: Response;
    try {
      response = await fetch(url, { signal: request.signal, headers: { accept: ACCEPT } });
    } catch (cause) {
      return cutOff() ?? { ok: false, error: loadError('network', origin, `network error (${messageOf(cause)})`) };
    }
    if (!response.ok) return { ok: false, error: loadError('http', origin, `HTTP ${response.status} ${response.statusText}`.trim(), response.status) };
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : undefined;
    const contentType = response.headers.get('content-type');
    if (isWebPage(contentType, undefined)) return notData(origin, response);
    let parser: ReturnType<typeof streamParser> | undefined;
    let received = 0;
    /** The first bytes decide: a web page or a binary file is refused before any parsing. */
    const refusal = (first: Uint8Array) => (isWebPage(null, first) ? notData(origin, response) : isBinary(first) ? binary(origin, response) : undefined);
    try {
      const reader = response.body ? await bodyReader(response.body) : undefined;
      if (!reader) {
        // No stream (an old engine or an opaque body): the whole body at once.
        const body = new Uint8Array(await response.arrayBuffer());
        const refused = refusal(body);
        if (refused) return refused;
        parser = streamParser(formatOf(contentType, url, body), origin, options.delimiter);
        parser.push(body);
        received = body.byteLength;
      } else {
        for (;;) {
          const stop = cutOff();
          if (stop) {
            await reader.cancel().catch(() => undefined);
            return stop;
          }
          const { done, value } = await reader.read();
          if (done) break;
          stillSending();
          const refused = parser ? undefined : refusal(value);
          if (refused) {
            await reader.cancel().catch(() => undefined);
            return refused;
          }
          parser ??= streamParser(formatOf(contentType, url, value), origin, options.delimiter);
          parser.push(value);
          received += value.byteLength;
          onProgress?.({ received, total, rows: parser.rowCount });
        }
      }
    } catch (cause) {
      return cutOff() ?? { ok: false, error: loadError('network', origin, `the download broke off (${messageOf(cause)})`) };
    }
    const stop = cutOff();
    if (stop) return stop;
    // An empty answer is no data file at all, not a file of no records: say so, naming the URL.
    if (received === 0) return { ok: false, error: loadError('empty', origin, `the server sent an empty answer (HTTP ${response.status})`, response.status) };
    parser ??= streamParser(formatOf(contentType, url, new Uint8Array()), origin, options.delimiter);
    return parser.finish();
  }
}

/**
 * A web page where a data file was expected: served as HTML, or starting like
 * one (`<!doctype html>`, `<html`) whatever its type says. A site's fallback
 * page or a login form answers 200, and read as CSV it would be "no data".
 */
function isWebPage(type: string | null, firstChunk: Uint8Array | undefined): boolean {
  if (type && /text\/html|application\/xhtml/i.test(type)) return true;
  if (!firstChunk) return false;
  const start = new TextDecoder().decode(firstChunk.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart().slice(0, 15).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head') || start.startsWith('<body');
}

function notData(origin: string, response: Response): DownloadOutcome {
  response.body?.cancel().catch(() => undefined); // nothing more of the page is needed
  return { ok: false, error: loadError('not-data', origin, `the server sent a web page (HTML, HTTP ${response.status}), not a JSON or CSV file`, response.status) };
}

/**
 * Not text at all: a PDF, or a NUL byte among the first bytes, which no UTF-8
 * CSV or JSON has, but images, Excel workbooks (zips) and UTF-16 text do.
 * Read as CSV, such a file would be "record 1, field date: found nothing".
 */
function isBinary(firstChunk: Uint8Array): boolean {
  // A PDF starts as text ("%PDF-1.7" and a comment line) and may keep NULs further in.
  const pdf = firstChunk.length >= 5 && String.fromCharCode(...firstChunk.subarray(0, 5)) === '%PDF-';
  return pdf || firstChunk.subarray(0, 1024).includes(0);
}

function binary(origin: string, response: Response): DownloadOutcome {
  return { ok: false, error: loadError('binary', origin, `the server sent a file that is not text (HTTP ${response.status}, ${response.headers.get('content-type') ?? 'no type'}), not a JSON or CSV file`, response.status) };
}

/** JSON or CSV: by content type, then the URL's extension (under a `.gz`), then the first byte of the body. */
function formatOf(contentType: string | null, url: string, firstChunk: Uint8Array): TextFormat {
  const type = contentType && /gzip|octet-stream/i.test(contentType) ? null : contentType;
  return detectFormat(type, url.replace(/\.gz(?=$|[?#])/i, ''), firstNonSpaceByte(firstChunk));
}

/**
 * A reader of the body's bytes, gunzipped when the file is a gzip file (an
 * export saved as `orders.csv.gz` and served as it is, without
 * Content-Encoding): the first bytes say so, whatever the URL or type.
 */
async function bodyReader(body: ReadableStream<Uint8Array>): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const reader = body.getReader();
  const first = await reader.read();
  const head = first.value;
  const gzipped = head !== undefined && head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  // The bytes read to look are handed on first, then the rest of the body.
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head) controller.enqueue(head);
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return (gzipped ? whole.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : whole).getReader();
}

function firstNonSpaceByte(body: Uint8Array): string | undefined {
  for (let i = 0; i < body.length && i < 1024; i++) {
    // Skip white space and a UTF-8 byte order mark.
    if (body[i] > 32 && body[i] !== 0xef && body[i] !== 0xbb && body[i] !== 0xbf) return String.fromCharCode(body[i]);
  }
  return undefined;
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

