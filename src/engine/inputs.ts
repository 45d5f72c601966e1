/**
 * The engine's store of parsed inputs: every run asks it for records, and each
 * download or text is parsed once for every element that shares it. A URL is
 * keyed by itself and the stated delimiter, so three elements on one `src`
 * (or on one `<retention-source>`) cause one request and one parse, even when
 * they ask while it is still under way. A download nobody waits for any more
 * (its `src` changed, its elements left the page) is stopped between chunks.
 *
 * Parsed records are kept for the few most recent inputs; failures are not
 * kept, so asking again retries.
 */
import type { RawInput } from '../components/platform/input.ts';
import { download, type DownloadOptions, type DownloadProgress } from './download.ts';
import { parseText } from './parse.ts';
import type { ParseOutcome } from './stream-parser.ts';

export type { DownloadProgress };

export interface Waiter {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

interface Download {
  outcome: Promise<ParseOutcome | 'aborted'>;
  abort: AbortController;
  waiters: Set<Waiter>;
  latest?: DownloadProgress;
}

const MAX_KEPT = 4;
const kept = new Map<string, ParseOutcome & { ok: true }>();
const downloads = new Map<string, Download>();

/** How many downloads the engine started: tests check that elements sharing a URL share one. */
export const inputStats = { downloads: 0, parses: 0 };

/**
 * The records of an input: rows as they are, text parsed (kept under `key`
 * when the page gave one), a URL downloaded and parsed (kept under its URL).
 */
export async function recordsOf(input: RawInput, key: string | undefined, waiter: Waiter = {}): Promise<ParseOutcome | 'aborted'> {
  if (input.kind === 'rows') return { ok: true, rows: input.rows };
  const cacheKey = input.kind === 'url' ? urlKey(input.url, input.delimiter) : key;
  const hit = cacheKey === undefined ? undefined : kept.get(cacheKey);
  if (hit) {
    // Refresh its place: the most recently used stays longest.
    kept.delete(cacheKey!);
    kept.set(cacheKey!, hit);
    return hit;
  }
  if (input.kind === 'url') return waitForDownload(input.url, cacheKey!, { delimiter: input.delimiter, origin: input.origin }, waiter);
  inputStats.parses++;
  const text = input.kind === 'text' ? input.text : new TextDecoder().decode(input.bytes);
  return keep(cacheKey, parseText(text, input.format, input.origin, input.delimiter));
}

function urlKey(url: string, delimiter: string | undefined): string {
  return `url:${delimiter ?? ''}:${url}`;
}

function keep(key: string | undefined, outcome: ParseOutcome): ParseOutcome {
  if (key === undefined || !outcome.ok) return outcome;
  kept.set(key, outcome);
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return outcome;
}

/** Joins the download of `url` under way, or starts it; leaves it when the waiter's signal aborts. */
function waitForDownload(url: string, key: string, options: DownloadOptions, waiter: Waiter): Promise<ParseOutcome | 'aborted'> {
  if (waiter.signal?.aborted) return Promise.resolve('aborted');
  let entry = downloads.get(key);
  if (!entry) entry = startDownload(url, key, options);
  const current = entry;
  current.waiters.add(waiter);
  if (current.latest) waiter.onProgress?.(current.latest);
  return new Promise((resolve) => {
    const leave = () => {
      current.waiters.delete(waiter);
      // The last one to leave stops the download: nobody will read it.
      if (current.waiters.size === 0 && downloads.get(key) === current) {
        downloads.delete(key);
        current.abort.abort();
      }
      resolve('aborted');
    };
    waiter.signal?.addEventListener('abort', leave, { once: true });
    void current.outcome.then((outcome) => {
      waiter.signal?.removeEventListener('abort', leave);
      current.waiters.delete(waiter);
      resolve(outcome);
    });
  });
}

function startDownload(url: string, key: string, options: DownloadOptions): Download {
  const abort = new AbortController();
  inputStats.downloads++;
  const entry: Download = { abort, waiters: new Set(), outcome: Promise.resolve('aborted') };
  entry.outcome = download(url, {
    ...options,
    signal: abort.signal,
    onProgress(progress) {
      entry.latest = progress;
      for (const waiter of entry.waiters) waiter.onProgress?.(progress);
    },
  }).then((outcome) => {
    if (downloads.get(key) === entry) downloads.delete(key);
    if ('aborted' in outcome) return 'aborted';
    inputStats.parses++;
    return keep(key, outcome);
  });
  downloads.set(key, entry);
  return entry;
}

/** Records kept under `key`, if they still are (the page's `cached` inputs name text it sent before). */
export function keptRecords(key: string): ParseOutcome | undefined {
  return kept.get(key);
}
