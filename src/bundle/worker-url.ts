/**
 * Where the single-file bundles (dist/retention-kit.js, dist/retention-kit.iife.js)
 * find the metrics worker: `retention-kit.worker.js`, beside the bundle.
 *
 * The library build puts a call to {@link bundledWorkerUrl} where the platform
 * (compute.ts) names its worker module, so the platform code stays the same in
 * every build. The platform creates the worker lazily; when this throws or the
 * worker fails to start, it imports the same file into the page
 * ({@link bundledEngineUrl}) and computes there.
 */

/**
 * The bundle's own URL. A classic script (the IIFE build) has no import.meta,
 * and `document.currentScript` is only set while the script first runs, so it
 * is read here, at evaluation, not when the worker is created.
 */
const bundleUrl: string | undefined =
  (typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement && document.currentScript.src) ||
  import.meta.url ||
  undefined;

/**
 * The worker file, relative to this module: beside the single-file bundles, one folder up
 * from the per-element modules of dist/elements/ (vite.lib.config.ts defines it per build).
 */
declare const __RETENTION_KIT_WORKER_FILE__: string;
const WORKER_FILE = __RETENTION_KIT_WORKER_FILE__;

/** The worker file as a module for the page's own `import()`, where no worker can start. */
export function bundledEngineUrl(): string {
  if (!bundleUrl) throw new Error('retention-kit: the bundle was inlined into the page, so its metrics file cannot be located');
  return new URL(WORKER_FILE, bundleUrl).href;
}

export function bundledWorkerUrl(): URL | string {
  if (!bundleUrl) throw new Error('retention-kit: the bundle was inlined into the page, so its worker file cannot be located');
  const url = new URL(WORKER_FILE, bundleUrl);
  if (typeof location === 'undefined' || url.origin === location.origin) return url;
  // A worker script must come from the page's own origin. Loaded from a CDN,
  // start a same-origin module that imports the worker file (CDNs answer
  // module requests with CORS headers); if that import fails, the platform
  // sees the worker's error event and computes inline.
  const loader = `import ${JSON.stringify(url.href)};`;
  return URL.createObjectURL(new Blob([loader], { type: 'text/javascript' }));
}
