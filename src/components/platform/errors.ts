/**
 * What can go wrong between a page and a drawn metric, as plain data: the
 * metrics layer's {@link InputError} for bad records, and the shapes below for
 * everything before (download, parse) and around (a crashed worker) it. The
 * `error` event carries one of these, so a page can react by `kind`.
 */
import type { InputError } from '../../metrics/issues.ts';

/** The download or parse of input failed. */
export interface LoadError {
  kind: 'load-error';
  /**
   * - `http`: the server answered with a non-2xx status (see `status`);
   * - `network`: no answer at all (offline, DNS, CORS, refused);
   * - `parse`: the body is not valid JSON / CSV;
   * - `source-missing`: `source="ID"` names no `<retention-source>` (yet);
   * - `not-data`: the server answered with a web page (HTML), not JSON or CSV (a wrong
   *   URL behind a site's fallback page, or a login in front of the file);
   * - `binary`: the body is not text (an image, a PDF, an Excel workbook, UTF-16 text);
   * - `empty`: the answer has no body at all (an empty file, a 204);
   * - `timeout`: nothing arrived for {@link DOWNLOAD_STALL_SECONDS} (no answer, or a body that stalled).
   */
  reason: 'http' | 'network' | 'parse' | 'source-missing' | 'not-data' | 'binary' | 'empty' | 'timeout';
  /** The URL or the place the input came from (`data attribute`, `inline script`, a source id). */
  origin: string;
  /** HTTP status for `http`. */
  status?: number;
  /** A one-line English description (the element shows a translated one). */
  message: string;
}

/** The computation itself failed (a bug or a crashed worker), not the input. */
export interface ComputeError {
  kind: 'compute-error';
  message: string;
}

export type ElementError = InputError | LoadError | ComputeError;

/** A download that receives nothing for this long (no answer, or a stalled body) is given up. */
export const DOWNLOAD_STALL_SECONDS = 10;

export function loadError(reason: LoadError['reason'], origin: string, message: string, status?: number): LoadError {
  return status === undefined ? { kind: 'load-error', reason, origin, message } : { kind: 'load-error', reason, origin, message, status };
}

export function computeError(cause: unknown): ComputeError {
  return { kind: 'compute-error', message: cause instanceof Error ? cause.message : String(cause) };
}
