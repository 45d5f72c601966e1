// The static server of the page benchmarks (first-chart, big-export): loopback
// only, no caching (every load is a first visit), nothing compressed (on
// loopback the bytes cost little; each library is served exactly as its
// package ships its minified browser build).
//
//   /first-chart/<name>.html, /big-export/<name>.html   pages, with their placeholders filled
//   /kit/<file>            dist/, or the build folder given (retention-kit.js loads retention-kit.worker.js beside itself)
//   /vendor/<path>         the listed files from node_modules
//   /sketch/<name>.js      the esbuild bundles of the Lit sketches
//   /data/<name>           the big inputs (files in the benchmark's cache folder, by alias)
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each peer's own minified browser build: the file its package names for CDNs (`unpkg`/`jsdelivr`). */
export const VENDOR_FILES = [
  'd3/dist/d3.min.js',
  '@observablehq/plot/dist/plot.umd.min.js',
  'echarts/dist/echarts.min.js',
  'chart.js/dist/chart.umd.min.js',
  'chartjs-chart-matrix/dist/chartjs-chart-matrix.min.js',
  'vega/build/vega.min.js',
  'vega-lite/build/vega-lite.min.js',
  'vega-embed/build/vega-embed.min.js',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A path under `base`, or undefined when `relative` would leave it. */
function inside(base, relative) {
  const path = normalize(join(base, relative));
  return path.startsWith(base + sep) ? path : undefined;
}

/**
 * Starts the server. `pages` fills a page's placeholders: `<!--bench:drawn-->`
 * becomes the inlined bench/first-chart/drawn.js, and `{{name}}` the text of
 * `placeholders[name]` (`placeholders` may be a function of the page's query parameters). `sketchDir` holds the sketch bundles; `dataFiles` maps
 * a name under /data/ to a file; `kitDir` is the kit's build folder (default dist/).
 */
export async function startPageServer({ placeholders = {}, sketchDir, dataFiles = {}, kitDir = join(root, 'dist') } = {}) {
  kitDir = resolve(kitDir);
  const drawn = await readFile(join(root, 'bench/first-chart/drawn.js'), 'utf8');
  const pageText = async (file, query) => {
    const values = typeof placeholders === 'function' ? placeholders(query) : placeholders;
    let text = await readFile(file, 'utf8');
    // No favicon request: one request fewer, the same for every page.
    text = text.replace('<!--bench:drawn-->', `<link rel="icon" href="data:," />\n<script>\n${drawn}</script>`);
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole));
  };
  const vendor = new Set(VENDOR_FILES);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const send = (status, body, type = 'text/plain; charset=utf-8') =>
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    try {
      let file;
      const page = /^\/(first-chart|big-export)\/([\w-]+\.html)$/.exec(path);
      if (page) return send(200, await pageText(join(root, 'bench', page[1], page[2]), url.searchParams), TYPES['.html']);
      if (path.startsWith('/kit/')) file = inside(kitDir, path.slice(5));
      else if (path.startsWith('/vendor/') && vendor.has(path.slice(8))) file = join(root, 'node_modules', path.slice(8));
      else if (path.startsWith('/sketch/') && sketchDir) file = inside(sketchDir, path.slice(8));
      else if (path.startsWith('/data/') && Object.hasOwn(dataFiles, path.slice(6))) file = dataFiles[path.slice(6)];
      if (!file) return send(404, 'not found');
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return send(404, 'not found');
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(response);
    } catch (error) {
      send(500, String(error?.stack ?? error));
    }
  });
  await new Promise((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolvePromise) => server.close(resolvePromise)),
  };
}
