/**
 * Downloads a `src` with progress and cancellation. The body is read
 * through a stream reader so a big export shows "4.2 MB received" instead of a
 * frozen spinner, and an AbortSignal stops both the request and the reading.
 */
import { loadError, type LoadError } from './errors.ts';
import { WORKER_THRESHOLD } from './compute.ts';
import { detectFormat, type RawInput } from './input.ts';

export interface LoadProgress {
  received: number;
  /** From Content-Length when the server sends it (compressed bodies may differ). */
  total?: number;
}

export type FetchOutcome = { ok: true; input: RawInput } | { ok: false; error: LoadError } | { ok: false; aborted: true };

export async function fetchInput(url: string, options: { signal?: AbortSignal; onProgress?: (progress: LoadProgress) => void } = {}): Promise<FetchOutcome> {
  const { signal, onProgress } = options;
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json, text/csv;q=0.9, */*;q=0.5' } });
  } catch (cause) {
    if (signal?.aborted) return { ok: false, aborted: true };
    return { ok: false, error: loadError('network', url, `network error (${cause instanceof Error ? cause.message : String(cause)})`) };
  }
  if (!response.ok) return { ok: false, error: loadError('http', url, `HTTP ${response.status} ${response.statusText}`.trim(), response.status) };
  let body: Uint8Array;
  try {
    body = await readBody(response, signal, onProgress);
  } catch (cause) {
    if (signal?.aborted) return { ok: false, aborted: true };
    return { ok: false, error: loadError('network', url, `the download broke off (${cause instanceof Error ? cause.message : String(cause)})`) };
  }
  if (signal?.aborted) return { ok: false, aborted: true };
  const format = detectFormat(response.headers.get('content-type'), url, firstNonSpaceByte(body));
  // Big bodies stay bytes: decoding 40 MB into a string on the page's thread is
  // a long task, and the worker that parses them decodes them anyway.
  if (body.byteLength > WORKER_THRESHOLD.chars) return { ok: true, input: { kind: 'bytes', bytes: body, format, origin: url } };
  return { ok: true, input: { kind: 'text', text: new TextDecoder().decode(body), format, origin: url } };
}

async function readBody(response: Response, signal: AbortSignal | undefined, onProgress?: (progress: LoadProgress) => void): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel().catch(() => undefined);
      throw new DOMException('Aborted', 'AbortError');
    }
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    chunks.push(value);
    onProgress({ received, total });
  }
  // Copying a big body is a task of its own: let the page paint first.
  if (received > WORKER_THRESHOLD.chars) await nextTask();
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function firstNonSpaceByte(body: Uint8Array): string | undefined {
  for (let i = 0; i < body.length && i < 1024; i++) {
    // Skip white space and a UTF-8 byte order mark.
    if (body[i] > 32 && body[i] !== 0xef && body[i] !== 0xbb && body[i] !== 0xbf) return String.fromCharCode(body[i]);
  }
  return undefined;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
